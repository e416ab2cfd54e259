// Assignments, both sides. A coach sets a cohort a mock interview (a session template) or a practice
// set of named questions with a due date (POST /api/coach/cohorts/{id}/assignments) and follows every
// member's status, score and lateness (GET /api/coach/cohorts/{id}/assignments). A candidate sees the
// assignments of their cohorts (GET /api/assignments) and starts them: a session through
// POST /api/sessions with the template and the assignment's id, a practice set question by question.
import { api, explain, ApiError } from './api.js';
import { listRoles, showQuestionTitle } from './catalog.js';
import { el, clear, field, notice, busy, badge, formatDate, withBusy, showFieldErrors } from './ui.js';

const KINDS = [['SESSION', 'Mock interview (session)'], ['PRACTICE_SET', 'Practice set (named questions)']];
const STATUS_TEXT = { DONE: 'Done', LATE: 'Late', NOT_STARTED: 'Not started' };

/** A member's status in words (never colour alone): "Done", "Done late", "Late", "Not started". */
export function statusText(p) {
  return p.status === 'DONE' && p.doneLate ? 'Done late' : STATUS_TEXT[p.status] ?? p.status;
}

function statusBadge(p) {
  return badge(statusText(p), p.status === 'DONE' ? (p.doneLate ? 'LATE' : 'DONE') : p.status);
}

/** The coach's side: a form to set an assignment and each assignment's members, per cohort. */
export async function renderCoachAssignments(box) {
  let cohorts = [];
  let roles = [];
  let questions = [];
  try {
    [cohorts, roles, questions] = await Promise.all([api('/api/coach/cohorts'), listRoles(), api('/api/coach/questions')]);
  } catch (e) {
    clear(box, notice('info', explain(e, 'Assignments')));
    return;
  }
  if (!cohorts.length) {
    clear(box, el('p', { class: 'muted' }, 'Create a cohort first: assignments are set for a cohort.'));
    return;
  }
  const cohort = el('select', { id: 'assignment-cohort' }, cohorts.map(c => el('option', { value: c.id }, c.name)));
  const title = el('input', { type: 'text', maxLength: 200, id: 'assignment-title', autocomplete: 'off' });
  const kind = el('select', { id: 'assignment-kind' }, KINDS.map(([v, l]) => el('option', { value: v }, l)));
  const role = el('select', { id: 'assignment-role' }, roles.map(r => el('option', { value: r.id }, r.title)));
  const count = el('input', { type: 'number', min: 1, max: 15, value: '5', id: 'assignment-count' });
  const thinking = el('input', { type: 'number', min: 0, max: 600, value: '30', id: 'assignment-thinking' });
  const answering = el('input', { type: 'number', min: 30, max: 1800, value: '180', id: 'assignment-answer' });
  const due = el('input', { type: 'datetime-local', id: 'assignment-due', required: true });
  const otherIds = el('input', { type: 'text', id: 'assignment-other-ids', autocomplete: 'off', spellcheck: false });
  const picks = el('div', { id: 'assignment-questions' });
  const sessionOnly = el('div', { class: 'row' },
    field('Number of questions', count, { name: 'questionCount', hint: 'Ignored when you tick questions below.' }),
    field('Thinking time (seconds)', thinking, { name: 'thinkingSeconds' }),
    field('Answer time (seconds)', answering, { name: 'answerSeconds' }));
  const save = el('button', { type: 'submit', id: 'create-assignment' }, 'Set assignment');
  const status = el('div', { 'aria-live': 'polite', id: 'assignment-status' });
  const form = el('form', { novalidate: true, id: 'assignment-form' },
    el('div', { class: 'row' }, field('Cohort', cohort, { name: 'cohortId' }), field('Title', title, { name: 'title' }),
      field('Kind', kind, { name: 'kind' })),
    el('div', { class: 'row' }, field('Role', role, { name: 'roleId' }), field('Due', due, { name: 'dueAt' })),
    sessionOnly,
    el('fieldset', {}, el('legend', {}, 'Questions'), picks,
      field('Other question ids (comma-separated)', otherIds, { name: 'questionIds', hint: 'For example ids from a practice set.' })),
    status, el('div', { class: 'actions' }, save));
  const list = el('div', { id: 'assignment-list', 'aria-live': 'polite' });
  clear(box, form, el('h3', {}, 'Set so far'), list);

  function showPicks() {
    const shared = questions.filter(q => q.cohortIds.includes(cohort.value));
    clear(picks, shared.length
      ? shared.map(q => el('label', { class: 'check' }, el('input', { type: 'checkbox', value: q.id, name: 'pick' }), ' ', q.text))
      : el('p', { class: 'small muted' }, 'None of your own questions is shared with this cohort.'));
  }
  const showKind = () => { sessionOnly.hidden = kind.value !== 'SESSION'; };
  cohort.addEventListener('change', () => { showPicks(); load(); });
  kind.addEventListener('change', showKind);
  showPicks();
  showKind();

  async function load() {
    clear(list, busy('Loading assignments…'));
    try {
      const all = await api(`/api/coach/cohorts/${cohort.value}/assignments`);
      clear(list, all.length ? all.map(assignmentBlock)
        : el('p', { class: 'muted' }, 'No assignments for this cohort yet.'));
    } catch (e) {
      clear(list, notice('info', explain(e, 'Assignments')));
    }
  }

  function assignmentBlock(a) {
    const withdraw = el('button', { type: 'button', class: 'quiet', onclick: async e => {
      if (!window.confirm(`Withdraw “${a.title}”? Candidates no longer see it; their answers stay.`)) return;
      await withBusy({ button: e.currentTarget, slot: status, label: 'Withdrawing…' }, () => api(`/api/coach/assignments/${a.id}`, { method: 'DELETE' }));
      await load();
    } }, 'Withdraw');
    const what = a.kind === 'SESSION'
      ? `Mock interview, ${a.template.questionCount} questions`
      : `Practice set, ${a.template.questionIds.length} question${a.template.questionIds.length === 1 ? '' : 's'}`;
    return el('article', { class: 'assignment', dataset: { assignment: a.id } },
      el('h4', {}, a.title, ' ', withdraw),
      el('p', { class: 'small muted' }, `${what} · due ${formatDate(a.dueAt)}`),
      a.members.length ? el('table', { class: 'assignment-members' },
        el('caption', { class: 'sr-only' }, `Members' progress on ${a.title}`),
        el('thead', {}, el('tr', {}, el('th', {}, 'Candidate'), el('th', {}, 'Status'), el('th', {}, 'Finished'), el('th', { class: 'num' }, 'Score'))),
        el('tbody', {}, a.members.map(m => el('tr', { dataset: { candidate: m.candidateId, status: m.status } },
          el('td', {}, m.displayName ?? `Candidate ${m.candidateId.slice(0, 8)}`),
          el('td', {}, statusBadge(m), m.answered != null && m.status !== 'DONE' ? el('span', { class: 'small muted' }, ` ${m.answered} of ${a.template.questionIds.length} answered`) : null),
          el('td', { class: 'small' }, m.finishedAt ? formatDate(m.finishedAt) : '–'),
          el('td', { class: 'num' }, m.score ?? '–')))))
        : el('p', { class: 'small muted' }, 'Nobody is in this cohort yet.'));
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const ids = [...picks.querySelectorAll('input[name="pick"]:checked')].map(c => c.value)
      .concat(otherIds.value.split(',').map(s => s.trim()).filter(Boolean));
    const local = [];
    if (!title.value.trim()) local.push({ field: 'title', message: 'Give the assignment a title candidates will recognise.' });
    if (!due.value) local.push({ field: 'dueAt', message: 'Choose a due date.' });
    if (kind.value === 'PRACTICE_SET' && !ids.length) local.push({ field: 'questionIds', message: 'Tick or name at least one question.' });
    showFieldErrors(form, local);
    if (local.length) return;
    const body = { title: title.value.trim(), kind: kind.value, roleId: role.value, dueAt: new Date(due.value).toISOString(), questionIds: ids };
    if (kind.value === 'SESSION') Object.assign(body, { questionCount: Number(count.value), thinkingSeconds: Number(thinking.value), answerSeconds: Number(answering.value) });
    let failure = null;
    const made = await withBusy({ button: save, slot: status, label: 'Setting the assignment…' }, async () => {
      try {
        return await api(`/api/coach/cohorts/${cohort.value}/assignments`, { method: 'POST', json: body });
      } catch (err) {
        failure = err;
        throw new Error(explain(err, 'Assignments'));
      }
    });
    showFieldErrors(form, failure instanceof ApiError ? failure.fieldErrors : []);
    if (made) {
      title.value = '';
      otherIds.value = '';
      await load();
      status.append(notice('ok', `Set “${made.title}” for ${made.members.length} member${made.members.length === 1 ? '' : 's'}.`));
    }
  });
  await load();
}

/** The candidate's side: the assignments of their cohorts, soonest due first, each with how to start it. */
export async function renderMyAssignments(box) {
  clear(box, busy('Loading your assignments…'));
  let all;
  try {
    all = await api('/api/assignments');
  } catch (e) {
    clear(box, notice('info', explain(e, 'Assignments')));
    return;
  }
  const status = el('div', { 'aria-live': 'polite', id: 'start-status' });
  clear(box, all.length ? el('ul', { class: 'plain', id: 'my-assignments' }, all.map(a => el('li', { dataset: { assignment: a.id, status: a.progress.status } },
    el('strong', {}, a.title), ' ', statusBadge(a.progress),
    el('div', { class: 'small muted' }, `${a.cohortName ?? ''} · due ${formatDate(a.dueAt)}${a.progress.score != null ? ` · score ${a.progress.score}` : ''}`),
    a.kind === 'SESSION' ? startButton(a, status) : practiceLinks(a))))
    : el('p', { class: 'muted' }, 'No assignments from your coach.'), status);
}

function startButton(a, status) {
  if (a.progress.status === 'DONE') return null;
  const button = el('button', { type: 'button', class: 'secondary start-session' }, 'Start mock interview');
  button.addEventListener('click', async () => {
    const t = a.template;
    const body = { roleId: t.roleId, assignmentId: a.id };
    for (const key of ['questionCount', 'level', 'thinkingSeconds', 'answerSeconds']) if (t[key] != null) body[key] = t[key];
    if (t.skills.length) body.skills = t.skills;
    if (t.questionIds.length) body.questionIds = t.questionIds;
    const started = await withBusy({ button, slot: status, label: 'Starting the mock interview…' }, async () => {
      try {
        return await api('/api/sessions', { method: 'POST', json: body });
      } catch (err) {
        throw new Error(explain(err, 'Mock interviews'));
      }
    });
    if (started?.id) location.hash = `#/interview?session=${encodeURIComponent(started.id)}`;
  });
  return el('div', { class: 'actions' }, button);
}

function practiceLinks(a) {
  const n = a.template.questionIds.length;
  return el('div', {},
    a.progress.status === 'DONE' ? null : el('p', { class: 'small' }, `${a.progress.answered ?? 0} of ${n} answered`),
    el('ol', { class: 'practice-set' }, a.template.questionIds.map(id => el('li', {},
      showQuestionTitle(el('a', { href: `#/practice?question=${encodeURIComponent(id)}` }, id.startsWith('coach-') ? 'Your coach’s question' : id.replace(/[-_]/g, ' ')), id)))));
}
