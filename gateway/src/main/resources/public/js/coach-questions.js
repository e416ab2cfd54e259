// A coach's own questions (GET/POST /api/coach/questions, PUT/DELETE /api/coach/questions/{id}): a
// question with a model answer and an optional rubric, shared with some of the coach's cohorts. Their
// members answer it on the practice page and it is scored like a pack question; nobody else sees it.
import { api, explain, ApiError } from './api.js';
import { skillTitles } from './catalog.js';
import { el, clear, field, notice, busy, withBusy, showFieldErrors } from './ui.js';

const LEVELS = ['Beginner', 'Intermediate', 'Advanced', 'Expert'];
const TYPES = [['OPEN', 'Interview question'], ['SCENARIO', 'Scenario']];

/** "label | weight | synonym, synonym" per line, as the rubric box takes it. */
function parseRubric(text) {
  return text.split('\n').map(l => l.trim()).filter(Boolean).map(line => {
    const [label, weight, synonyms = ''] = line.split('|').map(s => s.trim());
    return { label, weight: Number(weight) || 0, synonyms: synonyms.split(',').map(s => s.trim()).filter(Boolean) };
  });
}

const rubricText = rubric => rubric.map(r => `${r.label} | ${r.weight} | ${r.synonyms.join(', ')}`).join('\n');

/** The list of the coach's questions with Edit and Delete, and the form that writes or changes one. */
export async function renderCoachQuestions(box, onChange) {
  let cohorts;
  let titles;
  try {
    [cohorts, titles] = await Promise.all([api('/api/coach/cohorts'), skillTitles()]);
  } catch (e) {
    clear(box, notice('info', explain(e, 'Your questions')));
    return;
  }
  const list = el('div', { id: 'own-questions', 'aria-live': 'polite' });
  const shareWith = el('div', { id: 'question-cohorts' }, cohorts.length
    ? cohorts.map((c, i) => el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'cohortIds', value: c.id, id: i ? null : 'question-cohort' }), ' ', c.name))
    : el('p', { class: 'small muted' }, 'Create a cohort first: a question is shared with cohorts.'));
  const skill = el('select', { id: 'question-skill' }, Object.entries(titles).sort((a, b) => a[1].localeCompare(b[1])).map(([id, t]) => el('option', { value: id }, t)));
  const level = el('select', { id: 'question-level' }, LEVELS.map(l => el('option', { value: l, selected: l === 'Intermediate' }, l)));
  const type = el('select', { id: 'question-type' }, TYPES.map(([v, l]) => el('option', { value: v }, l)));
  const text = el('textarea', { id: 'question-text-input', maxLength: 4000 });
  const model = el('textarea', { id: 'question-model-answer', maxLength: 10000 });
  const rubric = el('textarea', { id: 'question-rubric', maxLength: 4000, placeholder: 'Dynamic batching | 40 | batch, batching' });
  const save = el('button', { type: 'submit', id: 'save-question' }, 'Save question');
  const cancel = el('button', { type: 'button', class: 'quiet', hidden: true }, 'Cancel editing');
  const status = el('div', { 'aria-live': 'polite', id: 'question-status' });
  const form = el('form', { novalidate: true, id: 'question-form' },
    el('fieldset', {}, el('legend', {}, 'Share with'), shareWith, el('span', { class: 'field-error', id: 'question-cohort-error', hidden: true })),
    el('div', { class: 'row' }, field('Skill', skill, { name: 'skillId' }), field('Level', level, { name: 'level' }), field('Kind', type, { name: 'type' })),
    field('Question', text, { name: 'text' }),
    field('Model answer', model, { name: 'modelAnswer', hint: 'Candidates never see it before answering; without a rubric, its key points are what is scored.' }),
    field('Rubric (optional)', rubric, { name: 'rubric', hint: 'One concept per line: label | weight | synonyms, comma-separated.' }),
    status, el('div', { class: 'actions' }, save, cancel));
  clear(box, list, el('h3', {}, 'Write a question'), form);
  let editing = null;

  function edit(q) {
    editing = q.id;
    shareWith.querySelectorAll('input').forEach(c => { c.checked = q.cohortIds.includes(c.value); });
    skill.value = q.skillId;
    level.value = q.level;
    type.value = q.type;
    text.value = q.text;
    model.value = q.modelAnswer;
    rubric.value = rubricText(q.rubric);
    save.textContent = 'Save changes';
    cancel.hidden = false;
    text.focus();
  }

  function reset() {
    editing = null;
    form.reset();
    save.textContent = 'Save question';
    cancel.hidden = true;
  }
  cancel.addEventListener('click', reset);

  async function load() {
    clear(list, busy('Loading your questions…'));
    try {
      const mine = await api('/api/coach/questions');
      const names = Object.fromEntries(cohorts.map(c => [c.id, c.name]));
      clear(list, mine.length ? el('table', { id: 'own-questions-table' },
        el('caption', { class: 'sr-only' }, 'Questions you wrote'),
        el('thead', {}, el('tr', {}, el('th', {}, 'Question'), el('th', {}, 'Skill'), el('th', {}, 'Shared with'), el('th', {}, 'Actions'))),
        el('tbody', {}, mine.map(q => el('tr', { dataset: { question: q.id } },
          el('td', {}, q.text, el('div', { class: 'small muted' }, `${q.type === 'SCENARIO' ? 'Scenario' : 'Interview question'} · ${q.level} · ${q.rubric.length ? `rubric of ${q.rubric.length}` : 'scored on the model answer'}`)),
          el('td', { class: 'small' }, titles[q.skillId] ?? q.skillId),
          el('td', { class: 'small' }, q.cohortIds.map(id => names[id] ?? 'another coach’s cohort').join(', ')),
          el('td', {},
            el('button', { type: 'button', class: 'secondary', onclick: () => edit(q) }, 'Edit'), ' ',
            el('button', { type: 'button', class: 'quiet', onclick: e => remove(e.currentTarget, q) }, 'Delete'))))))
        : el('p', { class: 'muted' }, 'You have not written any questions yet.'));
    } catch (e) {
      clear(list, notice('info', explain(e, 'Your questions')));
    }
  }

  async function remove(button, q) {
    if (!window.confirm('Delete this question? Answers already given keep their scores.')) return;
    await withBusy({ button, slot: status, label: 'Deleting…' }, () => api(`/api/coach/questions/${encodeURIComponent(q.id)}`, { method: 'DELETE' }));
    if (editing === q.id) reset();
    await load();
    onChange?.();
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const body = {
      cohortIds: [...shareWith.querySelectorAll('input:checked')].map(c => c.value),
      skillId: skill.value, level: level.value, type: type.value, text: text.value.trim(), modelAnswer: model.value.trim(),
    };
    if (rubric.value.trim()) body.rubric = parseRubric(rubric.value);
    const local = [];
    if (!body.cohortIds.length) local.push({ field: 'cohortIds', message: 'Tick at least one cohort.' });
    if (!body.text) local.push({ field: 'text', message: 'Write the question.' });
    if (!body.modelAnswer) local.push({ field: 'modelAnswer', message: 'Write a model answer: it is what answers are scored against.' });
    showFieldErrors(form, local);
    if (local.length) return;
    let failure = null;
    const saved = await withBusy({ button: save, slot: status, label: 'Saving the question…' }, async () => {
      try {
        return await api(editing ? `/api/coach/questions/${encodeURIComponent(editing)}` : '/api/coach/questions',
          { method: editing ? 'PUT' : 'POST', json: body });
      } catch (err) {
        failure = err;
        throw new Error(explain(err, 'Your questions'));
      }
    });
    showFieldErrors(form, failure instanceof ApiError ? failure.fieldErrors : []);
    if (saved) {
      reset();
      await load();
      status.append(notice('ok', 'Saved. Members of the cohorts you ticked can answer it now.'));
      onChange?.();
    }
  });
  await load();
}
