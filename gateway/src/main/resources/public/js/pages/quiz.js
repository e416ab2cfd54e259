// Quick quiz: five multiple-choice questions for a role, then the marking explained. Questions come
// without their answer key (a candidate's view has no option correctness or explanations); assessment
// marks the answers (POST /api/quiz-submissions {itemIds, answers: [{itemId, optionId}]}), counts them
// towards the measured level and says, for each answered item, why the chosen option is right or wrong
// and, when wrong, which option was right and why. If marking fails the answers stay open to resend.
import { api, explain } from '../api.js';
import { listRoles, search, item, skillTitles, skillLabel } from '../catalog.js';
import { el, clear, field, notice, withBusy, focusHeading } from '../ui.js';

const SIZE = 5;

function shuffle(list) {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export async function render(main) {
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

  function showQuiz(items) {
    const submit = el('button', { type: 'submit', id: 'submit-quiz' }, 'Check my answers');
    const formStatus = el('div', { 'aria-live': 'polite' });
    const form = el('form', { class: 'card', novalidate: true, id: 'quiz-form' },
      items.map((q, n) => el('fieldset', { dataset: { itemId: q.id } },
        el('legend', {}, `${n + 1}. ${q.content.question ?? q.text}`),
        shuffle(q.content.options ?? []).map(o => {
          const input = el('input', { type: 'radio', name: `q-${q.id}`, value: o.id, id: `q-${q.id}-${o.id}` });
          return el('div', { class: 'option', dataset: { optionId: o.id } }, input, el('label', { for: input.id }, o.text));
        }))),
      formStatus, el('div', { class: 'actions' }, submit));
    clear(quizBox, form);
    form.querySelector('input')?.focus();

    form.addEventListener('submit', async e => {
      e.preventDefault();
      const answers = items.map(q => ({
        itemId: q.id,
        optionId: form.querySelector(`input[name="${CSS.escape(`q-${q.id}`)}"]:checked`)?.value ?? null,
      }));
      const unanswered = answers.filter(a => !a.optionId).length;
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

  function showResult(items, scored, form) {
    items.forEach(q => {
      const marked = scored.questions.find(r => r.itemId === q.id);
      const set = form.querySelector(`fieldset[data-item-id="${CSS.escape(q.id)}"]`);
      set.querySelectorAll('input').forEach(i => { i.disabled = true; });
      const correct = Boolean(marked?.correct);
      set.querySelector('legend').append(el('span', { class: `badge ${correct ? 'CORRECT' : 'RETRY'}` }, correct ? ' correct' : ' not quite'));
      const row = id => (id ? set.querySelector(`[data-option-id="${CSS.escape(id)}"]`) : null);
      const chosen = row(marked?.chosenOptionId);
      if (!chosen) {
        set.append(el('p', { class: 'explanation' }, marked?.explanation ?? 'Not answered.'));
        return;
      }
      markOption(chosen, correct, `${correct ? 'Right' : 'Wrong'} (your choice): ${marked.explanation}`);
      const right = correct ? null : row(marked.correctOptionId);
      if (right) markOption(right, true, `Right: ${marked.correctExplanation ?? ''}`);
    });
    const perSkill = scored.skills;
    form.querySelector('#submit-quiz').remove();
    clear(resultBox, el('section', { class: 'card', 'aria-labelledby': 'quiz-result-h' },
      el('h2', { id: 'quiz-result-h' }, `You got ${scored.total.correct} of ${items.length} right`),
      notice('ok', 'Saved: quiz results count towards your measured level.'),
      Array.isArray(perSkill) && perSkill.length ? el('ul', {}, perSkill.map(s =>
        el('li', {}, `${skillLabel(titles, s.skillId)}: ${s.correct} of ${s.total}`))) : null,
      el('div', { class: 'actions' }, el('button', { type: 'button', onclick: () => start.click() }, 'Another quiz'))));
    focusHeading(resultBox);
  }
}
