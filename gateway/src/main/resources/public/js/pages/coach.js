// Coach view. Without a candidate: the review inbox first (js/coach-inbox.js), then cohorts and their
// join codes (js/cohorts.js), the candidates who joined (GET /api/coach/candidates), reviewer
// agreement, assignments and the coach's own questions. With ?candidate= (and &attempt=), or an
// attempt id alone: that candidate's page with the attempt and its review panel (js/coach-candidate.js).
import { api, explain } from '../api.js';
import { renderCoachCohorts } from '../cohorts.js';
import { renderCohortReviews } from '../reviews.js';
import { renderCoachAssignments } from '../assignments.js';
import { renderCoachQuestions } from '../coach-questions.js';
import { renderInbox } from '../coach-inbox.js';
import { renderCandidatePage } from '../coach-candidate.js';
import { el, clear, field, notice, busy, formatDate } from '../ui.js';

export async function render(main, { params, go }) {
  if (params.get('candidate') || params.get('attempt')) {
    await renderCandidatePage(main, params);
    return;
  }
  const inboxBox = el('div', { id: 'inbox', 'aria-live': 'polite' });
  const cohortsBox = el('div', { id: 'cohorts' });
  const cohortBox = el('div', { id: 'cohort', 'aria-live': 'polite' });
  const reviewsBox = el('div', { id: 'cohort-reviews', 'aria-live': 'polite' });
  const assignmentsBox = el('div', { id: 'assignments' });
  const questionsBox = el('div', { id: 'coach-questions' });
  const openId = el('input', { type: 'text', autocomplete: 'off', spellcheck: false, name: 'attemptId', id: 'open-attempt-id' });
  const openButton = el('button', { type: 'submit', class: 'secondary', id: 'open-attempt' }, 'Open attempt');
  const openForm = el('form', { class: 'row', novalidate: true }, field('Attempt id', openId, { name: 'attemptId', hint: 'From a candidate\'s result page.' }), el('div', { class: 'field' }, openButton));
  main.append(el('h1', {}, 'Coach'),
    el('section', { class: 'card', 'aria-labelledby': 'inbox-h' }, el('h2', { id: 'inbox-h' }, 'Review inbox'), inboxBox),
    el('section', { class: 'card', 'aria-labelledby': 'cohorts-h' }, el('h2', { id: 'cohorts-h' }, 'Your cohorts'), cohortsBox),
    el('section', { class: 'card', 'aria-labelledby': 'cohort-h' }, el('h2', { id: 'cohort-h' }, 'Your candidates'), cohortBox),
    el('section', { class: 'card', 'aria-labelledby': 'cohort-reviews-h' }, el('h2', { id: 'cohort-reviews-h' }, 'Results and reviewer agreement'), reviewsBox),
    el('section', { class: 'card', 'aria-labelledby': 'assignments-h' }, el('h2', { id: 'assignments-h' }, 'Assignments'), assignmentsBox),
    el('section', { class: 'card', 'aria-labelledby': 'coach-questions-h' }, el('h2', { id: 'coach-questions-h' }, 'Your questions'), questionsBox),
    el('section', { class: 'card', 'aria-labelledby': 'open-h' }, el('h2', { id: 'open-h' }, 'Open an attempt'), openForm));
  openForm.addEventListener('submit', e => {
    e.preventDefault();
    const id = openId.value.trim();
    if (id) go('coach', { attempt: id });
  });

  async function loadCandidates() {
    clear(cohortBox, busy('Loading your candidates…'));
    try {
      const candidates = await api('/api/coach/candidates');
      clear(cohortBox, candidates.length ? el('table', { id: 'cohort-table' },
        el('caption', { class: 'sr-only' }, 'Candidates in your cohorts'),
        el('thead', {}, el('tr', {}, el('th', {}, 'Candidate'), el('th', {}, 'Cohort'), el('th', { class: 'num' }, 'Attempts'), el('th', { class: 'num' }, 'Average'),
          el('th', { class: 'num' }, 'Red flags'), el('th', { class: 'num' }, 'Reviewed'), el('th', {}, 'Last active'))),
        el('tbody', {}, candidates.map(c => el('tr', {},
          el('td', {}, el('a', { href: `#/coach?candidate=${encodeURIComponent(c.candidateId)}` }, c.displayName ?? `Candidate ${c.candidateId.slice(0, 8)}`)),
          el('td', { class: 'small' }, c.cohorts ?? '–'),
          el('td', { class: 'num' }, String(c.attempts)),
          el('td', { class: 'num' }, c.averageScore ?? '–'),
          el('td', { class: 'num' }, String(c.redFlags)),
          el('td', { class: 'num' }, String(c.reviewed)),
          el('td', { class: 'small' }, c.lastAttemptAt ? formatDate(c.lastAttemptAt) : 'not yet')))))
        : el('p', { class: 'muted' }, 'Nobody has joined your cohorts yet. Give candidates a join code or invite link from “Your cohorts”.'));
    } catch (e) {
      clear(cohortBox, notice('info', explain(e, 'The candidate list')));
    }
  }
  const loadAssignments = () => renderCoachAssignments(assignmentsBox);
  const cohortsChanged = () => Promise.all([loadCandidates(), loadAssignments(), renderCoachQuestions(questionsBox, loadAssignments)]);
  await Promise.all([renderInbox(inboxBox), renderCoachCohorts(cohortsBox, cohortsChanged), cohortsChanged(), renderCohortReviews(reviewsBox)]);
}
