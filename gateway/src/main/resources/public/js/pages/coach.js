// Coach view: cohorts and their join codes (js/cohorts.js), the candidates who joined
// (GET /api/coach/candidates), a candidate's attempts
// (GET /api/coach/candidates/{id}/attempts), one attempt in full, and an override with a reason
// (POST /api/attempts/{id}/reviews {overrideScore, reason, comment}). The machine score stays; the
// candidate sees the review live. An attempt can also be opened by its id.
import { api, explain, ApiError } from '../api.js';
import { renderAttempt, currentScore, withReviews } from '../result.js';
import { showQuestionTitle, skillTitles } from '../catalog.js';
import { progressView } from '../progress.js';
import { renderCoachCohorts } from '../cohorts.js';
import { renderReviewPanels, renderCohortReviews } from '../reviews.js';
import { listSessions } from './interview.js';
import { renderCoachAssignments } from '../assignments.js';
import { renderCoachQuestions } from '../coach-questions.js';
import { el, clear, field, notice, busy, badge, formatDate, withBusy, showFieldErrors, focusHeading } from '../ui.js';

const first = (o, ...keys) => { for (const k of keys) if (o?.[k] != null) return o[k]; return undefined; };
const REASONS = [
  'The rubric missed a correct paraphrase',
  'Speech recognition misheard key terms',
  'The answer is stronger than the score shows',
  'The answer is weaker than the score shows',
  'A red flag was raised wrongly',
];

export async function render(main, { params, go }) {
  const cohortsBox = el('div', { id: 'cohorts' });
  const cohortBox = el('div', { id: 'cohort', 'aria-live': 'polite' });
  const reviewsBox = el('div', { id: 'cohort-reviews', 'aria-live': 'polite' });
  const assignmentsBox = el('div', { id: 'assignments' });
  const questionsBox = el('div', { id: 'coach-questions' });
  const progressBox = el('section', { class: 'card', id: 'candidate-progress', hidden: true, 'aria-labelledby': 'candidate-progress-h' });
  const attemptsBox = el('section', { class: 'card', id: 'candidate-attempts', hidden: true, 'aria-labelledby': 'attempts-h' });
  const detailBox = el('div', { id: 'attempt-detail', 'aria-live': 'polite' });
  const openId = el('input', { type: 'text', autocomplete: 'off', spellcheck: false, name: 'attemptId', id: 'open-attempt-id' });
  const openButton = el('button', { type: 'submit', class: 'secondary', id: 'open-attempt' }, 'Open attempt');
  const openForm = el('form', { class: 'row', novalidate: true }, field('Attempt id', openId, { name: 'attemptId', hint: 'From a candidate\'s result page.' }), el('div', { class: 'field' }, openButton));
  main.append(el('h1', {}, 'Coach'),
    el('section', { class: 'card', 'aria-labelledby': 'cohorts-h' }, el('h2', { id: 'cohorts-h' }, 'Your cohorts'), cohortsBox),
    el('section', { class: 'card', 'aria-labelledby': 'cohort-h' }, el('h2', { id: 'cohort-h' }, 'Your candidates'), cohortBox),
    el('section', { class: 'card', 'aria-labelledby': 'cohort-reviews-h' }, el('h2', { id: 'cohort-reviews-h' }, 'Results and reviewer agreement'), reviewsBox),
    el('section', { class: 'card', 'aria-labelledby': 'assignments-h' }, el('h2', { id: 'assignments-h' }, 'Assignments'), assignmentsBox),
    el('section', { class: 'card', 'aria-labelledby': 'coach-questions-h' }, el('h2', { id: 'coach-questions-h' }, 'Your questions'), questionsBox),
    progressBox,
    attemptsBox,
    el('section', { class: 'card', 'aria-labelledby': 'open-h' }, el('h2', { id: 'open-h' }, 'Open an attempt'), openForm),
    detailBox);
  openForm.addEventListener('submit', e => {
    e.preventDefault();
    const id = openId.value.trim();
    if (id) go('coach', { ...Object.fromEntries(params), attempt: id });
  });

  async function loadCandidates() {
    clear(cohortBox, busy('Loading your candidates…'));
    try {
      const candidates = await api('/api/coach/candidates');
      clear(cohortBox, candidates.length ? el('table', { id: 'cohort-table' },
        el('caption', { class: 'sr-only' }, 'Candidates in your cohorts'),
        el('thead', {}, el('tr', {}, el('th', {}, 'Candidate'), el('th', {}, 'Cohort'), el('th', { class: 'num' }, 'Attempts'), el('th', { class: 'num' }, 'Average'),
          el('th', { class: 'num' }, 'Red flags'), el('th', { class: 'num' }, 'Reviewed'), el('th', {}, 'Last active'))),
        el('tbody', {}, candidates.map(c => {
          const selected = params.get('candidate') === c.candidateId;
          return el('tr', { class: selected ? 'selected' : null },
            el('td', {}, el('a', { href: `#/coach?candidate=${encodeURIComponent(c.candidateId)}`, 'aria-current': selected ? 'true' : null },
              c.displayName ?? `Candidate ${c.candidateId.slice(0, 8)}`)),
            el('td', { class: 'small' }, c.cohorts ?? '–'),
            el('td', { class: 'num' }, String(c.attempts)),
            el('td', { class: 'num' }, c.averageScore ?? '–'),
            el('td', { class: 'num' }, String(c.redFlags)),
            el('td', { class: 'num' }, String(c.reviewed)),
            el('td', { class: 'small' }, c.lastAttemptAt ? formatDate(c.lastAttemptAt) : 'not yet'));
        })))
        : el('p', { class: 'muted' }, 'Nobody has joined your cohorts yet. Give candidates a join code or invite link from “Your cohorts”.'));
    } catch (e) {
      clear(cohortBox, notice('info', explain(e, 'The candidate list')));
    }
  }
  const loadAssignments = () => renderCoachAssignments(assignmentsBox);
  const cohortsChanged = () => Promise.all([loadCandidates(), loadAssignments(), renderCoachQuestions(questionsBox, loadAssignments)]);
  await Promise.all([renderCoachCohorts(cohortsBox, cohortsChanged), cohortsChanged(), renderCohortReviews(reviewsBox)]);

  const candidate = params.get('candidate');
  if (candidate) {
    progressBox.hidden = false;
    const status = el('div', { 'aria-live': 'polite' }, busy('Loading progress…'));
    progressBox.append(el('h2', { id: 'candidate-progress-h' }, 'Progress per skill'), status);
    const show = progressView(progressBox, { idPrefix: 'candidate-progress', emptyText: 'No scored answers yet.' });
    try {
      const [progress, titles] = await Promise.all([api(`/api/progress?candidateId=${encodeURIComponent(candidate)}`), skillTitles().catch(() => ({}))]);
      clear(status);
      await show(progress, titles);
    } catch (e) {
      clear(status, notice('info', explain(e, 'A candidate\'s progress')));
    }
    attemptsBox.hidden = false;
    clear(attemptsBox, el('h2', { id: 'attempts-h' }, 'Attempts'), busy('Loading attempts…'));
    try {
      const answer = await api(`/api/coach/candidates/${encodeURIComponent(candidate)}/attempts`);
      const attempts = Array.isArray(answer) ? answer : first(answer, 'attempts', 'items') ?? [];
      clear(attemptsBox, el('h2', { id: 'attempts-h' }, `Attempts (${attempts.length})`),
        attempts.length ? el('table', { id: 'attempts-table' },
          el('thead', {}, el('tr', {}, el('th', {}, 'Question'), el('th', {}, 'Mode'), el('th', { class: 'num' }, 'Score'), el('th', {}, 'When'))),
          el('tbody', {}, attempts.map(a => el('tr', { class: params.get('attempt') === a.id ? 'selected' : null },
            el('td', {}, showQuestionTitle(el('a', { href: `#/coach?candidate=${encodeURIComponent(candidate)}&attempt=${encodeURIComponent(a.id)}` }, (a.questionId ?? '').replace(/[-_]/g, ' ')), a.questionId)),
            el('td', {}, (a.mode ?? '').toLowerCase()),
            el('td', { class: 'num' }, String(currentScore(a)), ' ', badge(a.band, a.band)),
            el('td', { class: 'small' }, formatDate(a.createdAt))))))
          : el('p', { class: 'muted' }, 'No attempts yet.'));
    } catch (e) {
      clear(attemptsBox, el('h2', { id: 'attempts-h' }, 'Attempts'), notice('info', explain(e, 'A candidate\'s attempt list')));
    }
  }

  if (candidate) {
    const sessionsBox = el('section', { class: 'card', id: 'candidate-sessions', 'aria-labelledby': 'sessions-h' });
    attemptsBox.after(sessionsBox);
    await listSessions(sessionsBox, candidate);
  }

  const attemptId = params.get('attempt');
  if (attemptId) {
    openId.value = attemptId;
    await showAttempt(attemptId);
  }

  async function showAttempt(id) {
    clear(detailBox, busy('Loading the attempt…'));
    let attempt;
    try {
      attempt = await withReviews(api, await api(`/api/attempts/${encodeURIComponent(id)}`));
    } catch (e) {
      clear(detailBox, notice('error', e instanceof ApiError && e.status === 404 ? 'No attempt with that id (or it is not in your cohort).' : explain(e, 'Attempt lookup')));
      return;
    }
    if (!attempt.band) {
      clear(detailBox, notice('info', `This attempt is not scored yet (${attempt.status.toLowerCase()}${attempt.percent != null ? `, ${attempt.percent}%` : ''}).`));
      return;
    }
    const score = el('input', { type: 'number', min: 0, max: 100, step: 1, required: true, value: String(currentScore(attempt)), name: 'overrideScore', id: 'override-score' });
    const reason = el('input', { type: 'text', required: true, maxLength: 500, name: 'reason', id: 'override-reason', list: 'reason-suggestions' });
    const comment = el('textarea', { maxLength: 2000, name: 'comment', id: 'override-comment' });
    const save = el('button', { type: 'submit', id: 'save-review' }, 'Save review');
    const status = el('div', { 'aria-live': 'polite', id: 'review-status' });
    const form = el('form', { class: 'card', novalidate: true, id: 'review-form', 'aria-labelledby': 'review-h' },
      el('h2', { id: 'review-h' }, 'Review this attempt'),
      el('p', { class: 'muted' }, `Machine score ${attempt.machineScore ?? attempt.score}. Your override is kept beside it with your reason, and the candidate is told at once.`),
      el('div', { class: 'row top' }, field('New score (0-100)', score, { name: 'overrideScore' }), field('Reason', reason, { name: 'reason', hint: 'Required: the candidate sees it.' })),
      el('datalist', { id: 'reason-suggestions' }, REASONS.map(r => el('option', { value: r }))),
      field('Comment for the candidate (optional)', comment, { name: 'comment' }),
      status, el('div', { class: 'actions' }, save));
    clear(detailBox, renderAttempt(attempt), form);
    renderReviewPanels(detailBox, attempt, () => showAttempt(attempt.id));
    focusHeading(detailBox);

    form.addEventListener('submit', async e => {
      e.preventDefault();
      const value = Number(score.value);
      const local = [];
      if (!Number.isInteger(value) || value < 0 || value > 100) local.push({ field: 'overrideScore', message: 'A whole number from 0 to 100.' });
      if (!reason.value.trim()) local.push({ field: 'reason', message: 'Say why: the candidate will read it.' });
      showFieldErrors(form, local);
      if (local.length) { form.querySelector('[aria-invalid="true"]').focus(); return; }
      let failure = null;
      const saved = await withBusy({ button: save, slot: status, label: 'Saving the review…' }, async () => {
        try {
          return await api(`/api/attempts/${encodeURIComponent(attempt.id)}/reviews`, {
            method: 'POST', json: { overrideScore: value, reason: reason.value.trim(), comment: comment.value.trim() || null },
          });
        } catch (err) {
          failure = err;
          throw new Error(explain(err, 'Coach review'));
        }
      });
      if (failure instanceof ApiError) showFieldErrors(form, failure.fieldErrors);
      if (saved !== undefined) {
        await showAttempt(attempt.id);
        detailBox.querySelector('#review-status')?.append(notice('ok', `Saved: score set to ${value}. The candidate has been told.`));
      }
    });
  }
}
