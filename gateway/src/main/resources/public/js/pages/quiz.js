// Quick quiz: five multiple-choice questions for a role, then the marking explained. Questions come
// without their answer key (a candidate's view has no option correctness or explanations; only
// multipleAnswers says an item has several right options, answered with checkboxes). Assessment marks
// the answers (POST /api/quiz-submissions {itemIds, answers: [{itemId, optionId | optionIds}]}), with
// partial credit for checkbox items, counts them towards the measured level and says, for each option
// picked or right, why it is right or wrong. Missed items come back in spaced repetition. Each skill's
// result links to practice for that skill. #/quiz?item=ID quizzes one item (a due review). If marking
// fails the answers stay open to resend.
import { api, explain } from '../api.js';
import { listRoles, search, item, skillTitles, skillLabel } from '../catalog.js';
import { el, clear, field, notice, withBusy, focusHeading } from '../ui.js';

const SIZE = 5;

export function shuffle(list) {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export async function render(main, { params }) {
  const top = el('section', { class: 'card', 'aria-labelledby': 'quiz-h' });
  const quizBox = el('div', { id: 'quiz', 'aria-live': 'polite' });
  const resultBox = el('div', { id: 'quiz-result', 'aria-live': 'polite' });
  main.append(el('h1', { id: 'quiz-h' }, 'Quick quiz'), top, quizBox, resultBox);
  let roles;
  try {
    roles = await listRoles();
  } catch (e) {
    top.append(notice('error', explain(e, 'The question bank')));
    return;
  }
  const titles = await skillTitles().catch(() => ({}));
  const roleSelect = el('select', {}, roles.map(r => el('option', { value: r.id }, r.title)));
  const saved = localStorage.getItem('rehearse.role');
  if (saved && roles.some(r => r.id === saved)) roleSelect.value = saved;
  roleSelect.addEventListener('change', () => localStorage.setItem('rehearse.role', roleSelect.value));
  const start = el('button', { type: 'button', id: 'start-quiz' }, 'Start a quiz');
  const status = el('div', { 'aria-live': 'polite' });
  top.append(el('p', { class: 'muted' }, `${SIZE} questions; some have more than one right answer.`),
    el('div', { class: 'row' }, field('Role', roleSelect, { name: 'role' }), el('div', { class: 'field' }, start)), status);

  start.addEventListener('click', () => withBusy({ button: start, slot: status, label: 'Picking questions…' }, async () => {
    clear(resultBox);
    let items;
    try {
      const page = await search({ role: roleSelect.value, type: 'QUIZ', size: 100 });
      items = await Promise.all(shuffle(page.items).slice(0, SIZE).map(s => item(s.id)));
    } catch (e) {
      throw new Error(explain(e, 'The question bank'));
    }
    if (!items.length) throw new Error('No quiz questions for this role yet.');
    showQuiz(items);
  }));

  const only = params?.get('item');
  if (only) {
    await withBusy({ slot: status, label: 'Loading the question…' }, async () => {
      try {
        showQuiz([await item(only)]);
      } catch (e) {
        throw new Error(explain(e, 'The question bank'));
      }
    });
  }

  function showQuiz(items) {
    const submit = el('button', { type: 'submit', id: 'submit-quiz' }, 'Check my answers');
    const formStatus = el('div', { 'aria-live': 'polite' });
    const form = el('form', { class: 'card', novalidate: true, id: 'quiz-form' },
      items.map((q, n) => el('fieldset', { dataset: { itemId: q.id, multiple: q.multipleAnswers ? 'true' : 'false' } },
        el('legend', {}, `${n + 1}. ${q.content.question ?? q.text}`),
        q.multipleAnswers ? el('p', { class: 'hint' }, 'Tick every right answer: each right tick earns credit, each wrong one takes it away.') : null,
        shuffle(q.content.options ?? []).map(o => {
          const input = el('input', { type: q.multipleAnswers ? 'checkbox' : 'radio', name: `q-${q.id}`, value: o.id, id: `q-${q.id}-${o.id}` });
          return el('div', { class: 'option', dataset: { optionId: o.id } }, input, el('label', { for: input.id }, o.text));
        }))),
      formStatus, el('div', { class: 'actions' }, submit));
    clear(quizBox, form);
    form.querySelector('input')?.focus();

    form.addEventListener('submit', async e => {
      e.preventDefault();
      const answers = items.map(q => {
        const picked = [...form.querySelectorAll(`input[name="${CSS.escape(`q-${q.id}`)}"]:checked`)].map(i => i.value);
        return q.multipleAnswers ? { itemId: q.id, optionIds: picked } : { itemId: q.id, optionId: picked[0] ?? null };
      });
      const unanswered = answers.filter(a => !(a.optionId || a.optionIds?.length)).length;
      if (unanswered) {
        clear(formStatus, notice('warn', `${unanswered} question${unanswered > 1 ? 's are' : ' is'} still unanswered.`));
        return;
      }
      const scored = await withBusy({ button: submit, slot: formStatus, label: 'Checking your answers…' }, async () => {
        try {
          return await api('/api/quiz-submissions', { method: 'POST', json: { itemIds: items.map(q => q.id), answers } });
        } catch (err) {
          throw new Error(`${explain(err, 'Quiz marking')} Your answers are kept: try again.`);
        }
      });
      if (scored) showResult(items, scored, form);
    });
  }

  /** One option's row: marked right or wrong, with the marking's explanation under it. */
  function markOption(row, right, text) {
    row.classList.add(right ? 'correct' : 'wrong');
    row.after(el('p', { class: 'explanation' }, text));
  }

  function verdict(marked) {
    if (marked?.correct) return el('span', { class: 'badge CORRECT' }, ' correct');
    if (marked?.credit > 0) return el('span', { class: 'badge CLOSE credit' }, ` partly right: ${Math.round(marked.credit * 100)}% credit`);
    return el('span', { class: 'badge RETRY' }, ' not quite');
  }

  function showResult(items, scored, form) {
    items.forEach(q => {
      const marked = scored.questions.find(r => r.itemId === q.id);
      const set = form.querySelector(`fieldset[data-item-id="${CSS.escape(q.id)}"]`);
      set.querySelectorAll('input').forEach(i => { i.disabled = true; });
      set.querySelector('legend').append(verdict(marked));
      const row = id => (id ? set.querySelector(`[data-option-id="${CSS.escape(id)}"]`) : null);
      if (!marked?.chosenOptionIds?.length) {
        set.append(el('p', { class: 'explanation' }, marked?.explanation ?? 'Not answered.'));
        return;
      }
      for (const o of marked.options) {
        const r = row(o.optionId);
        if (!r) continue;
        const what = o.chosen ? `${o.correct ? 'Right' : 'Wrong'} (your choice)` : 'Right, not ticked';
        markOption(r, o.correct, `${what}: ${o.explanation}`);
      }
    });
    const perSkill = scored.skills;
    const points = Math.round(scored.total.points * 10) / 10;
    form.querySelector('#submit-quiz').remove();
    clear(resultBox, el('section', { class: 'card', 'aria-labelledby': 'quiz-result-h' },
      el('h2', { id: 'quiz-result-h' }, `You scored ${points} of ${items.length} (${scored.total.percent}%)`),
      el('p', { class: 'muted', id: 'quiz-fully-right' }, `${scored.total.correct} of ${items.length} fully right; partly right answers earn part of a point.`),
      notice('ok', scored.total.correct < items.length
        ? 'Saved: quiz results count towards your measured level, and the questions you missed come back for review.'
        : 'Saved: quiz results count towards your measured level.'),
      Array.isArray(perSkill) && perSkill.length ? el('ul', { class: 'skill-results' }, perSkill.map(s =>
        el('li', {}, `${skillLabel(titles, s.skillId)}: ${s.percent}% `,
          el('a', { href: `#/practice?skill=${encodeURIComponent(s.skillId)}` }, `Practise ${skillLabel(titles, s.skillId)}`)))) : null,
      el('div', { class: 'actions' }, el('button', { type: 'button', onclick: () => start.click() }, 'Another quiz'))));
    focusHeading(resultBox);
  }
}
