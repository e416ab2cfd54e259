// A coach's page for one candidate (#/coach?candidate=ID, optionally &attempt=ID): their progress,
// attempts, assignments and mock interviews, and an attempt with the review panel beside it (two
// columns on a wide screen). Saving a review ends on a summary with the way back to the inbox or on
// to the next unreviewed attempt. An attempt opened by id alone finds its candidate itself.
import { api, explain, ApiError } from './api.js';
import { renderAttempt, currentScore, withReviews } from './result.js';
import { showQuestionTitle, skillTitles } from './catalog.js';
import { progressView } from './progress.js';
import { renderReviewPanels } from './reviews.js';
import { statusText } from './assignments.js';
import { nextUnreviewed, attemptHref } from './coach-inbox.js';
import { listSessions } from './pages/interview.js';
import { el, clear, field, notice, busy, badge, formatDate, withBusy, showFieldErrors, focusHeading } from './ui.js';

const REASONS = [
  'The rubric missed a correct paraphrase',
  'Speech recognition misheard key terms',
  'The answer is stronger than the score shows',
  'The answer is weaker than the score shows',
  'A red flag was raised wrongly',
];

export async function renderCandidatePage(main, params) {
  const heading = el('h1', {}, 'Candidate');
  const detailBox = el('div', { id: 'attempt-detail', 'aria-live': 'polite' });
  main.append(el('p', {}, el('a', { href: '#/coach', id: 'back-to-inbox' }, '← Review inbox and cohorts')), heading, detailBox);

  let candidate = params.get('candidate');
  const attemptId = params.get('attempt');
  let attempt = null;
  if (attemptId) {
    attempt = await loadAttempt(detailBox, attemptId);
    candidate ??= attempt?.candidateId;
  }
  if (!candidate) return;
  const who = await api('/api/coach/candidates').then(list => list.find(c => c.candidateId === candidate)).catch(() => null);
  heading.textContent = who?.displayName ?? `Candidate ${candidate.slice(0, 8)}`;
  main.dataset.candidate = candidate;

  const progressBox = el('section', { class: 'card', id: 'candidate-progress', 'aria-labelledby': 'candidate-progress-h' });
  const attemptsBox = el('section', { class: 'card', id: 'candidate-attempts', 'aria-labelledby': 'attempts-h' });
  const assignmentsBox = el('section', { class: 'card', id: 'candidate-assignments', 'aria-labelledby': 'candidate-assignments-h' });
  const sessionsBox = el('section', { class: 'card', id: 'candidate-sessions', 'aria-labelledby': 'sessions-h' });
  detailBox.after(progressBox, attemptsBox, assignmentsBox, sessionsBox);
  if (who?.cohorts) heading.after(el('p', { class: 'lead' }, `In ${who.cohorts}`));
  if (attempt) showAttempt(detailBox, attempt, candidate);

  await Promise.all([
    showProgress(progressBox, candidate),
    showAttempts(attemptsBox, candidate, attemptId),
    showAssignments(assignmentsBox, candidate),
    listSessions(sessionsBox, candidate),
  ]);
}

async function showProgress(box, candidate) {
  const status = el('div', { 'aria-live': 'polite' }, busy('Loading progress…'));
  box.append(el('h2', { id: 'candidate-progress-h' }, 'Progress per skill'), status);
  const show = progressView(box, { idPrefix: 'candidate-progress', emptyText: 'No scored answers yet.' });
  try {
    const [progress, titles] = await Promise.all([api(`/api/progress?candidateId=${encodeURIComponent(candidate)}`), skillTitles().catch(() => ({}))]);
    clear(status);
    await show(progress, titles);
  } catch (e) {
    clear(status, notice('info', explain(e, 'A candidate\'s progress')));
  }
}

async function showAttempts(box, candidate, selected) {
  clear(box, el('h2', { id: 'attempts-h' }, 'Attempts'), busy('Loading attempts…'));
  try {
    const attempts = await api(`/api/coach/candidates/${encodeURIComponent(candidate)}/attempts`);
    clear(box, el('h2', { id: 'attempts-h' }, `Attempts (${attempts.length})`),
      attempts.length ? el('table', { id: 'attempts-table' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Question'), el('th', {}, 'Mode'), el('th', { class: 'num' }, 'Score'), el('th', {}, 'When'))),
        el('tbody', {}, attempts.map(a => el('tr', { class: selected === a.id ? 'selected' : null },
          el('td', {}, showQuestionTitle(el('a', { href: attemptHref({ candidateId: candidate, attemptId: a.id }), 'aria-current': selected === a.id ? 'true' : null }, (a.questionId ?? '').replace(/[-_]/g, ' ')), a.questionId)),
          el('td', {}, (a.mode ?? '').toLowerCase()),
          el('td', { class: 'num' }, String(currentScore(a)), ' ', badge(a.band, a.band)),
          el('td', { class: 'small' }, formatDate(a.createdAt))))))
        : el('p', { class: 'muted' }, 'No attempts yet.'));
  } catch (e) {
    clear(box, el('h2', { id: 'attempts-h' }, 'Attempts'), notice('info', explain(e, 'A candidate\'s attempt list')));
  }
}

/** The candidate's row of every assignment in the coach's cohorts. */
async function showAssignments(box, candidate) {
  clear(box, el('h2', { id: 'candidate-assignments-h' }, 'Assignments'), busy('Loading assignments…'));
  try {
    const cohorts = await api('/api/coach/cohorts');
    const perCohort = await Promise.all(cohorts.map(c => api(`/api/coach/cohorts/${c.id}/assignments`)
      .then(list => list.map(a => ({ a, cohort: c.name, mine: a.members.find(m => m.candidateId === candidate) })))));
    const rows = perCohort.flat().filter(r => r.mine);
    clear(box, el('h2', { id: 'candidate-assignments-h' }, 'Assignments'),
      rows.length ? el('table', { id: 'candidate-assignments-table' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Assignment'), el('th', {}, 'Cohort'), el('th', {}, 'Due'), el('th', {}, 'Status'), el('th', { class: 'num' }, 'Score'))),
        el('tbody', {}, rows.map(({ a, cohort, mine }) => el('tr', { dataset: { status: mine.status } },
          el('td', {}, a.title), el('td', { class: 'small' }, cohort), el('td', { class: 'small' }, formatDate(a.dueAt)),
          el('td', {}, statusText(mine)), el('td', { class: 'num' }, mine.score ?? '–')))))
        : el('p', { class: 'muted' }, 'Nothing assigned to this candidate yet.'));
  } catch (e) {
    clear(box, el('h2', { id: 'candidate-assignments-h' }, 'Assignments'), notice('info', explain(e, 'Assignments')));
  }
}

async function loadAttempt(box, id) {
  clear(box, busy('Loading the attempt…'));
  try {
    return await withReviews(api, await api(`/api/attempts/${encodeURIComponent(id)}`));
  } catch (e) {
    clear(box, notice('error', e instanceof ApiError && e.status === 404 ? 'No attempt with that id (or it is not in your cohort).' : explain(e, 'Attempt lookup')));
    return null;
  }
}

/** The attempt on the left, the review forms on the right; after saving, a summary on top of them. */
function showAttempt(box, attempt, candidate) {
  if (!attempt.band) {
    clear(box, notice('info', `This attempt is not scored yet (${attempt.status.toLowerCase()}${attempt.percent != null ? `, ${attempt.percent}%` : ''}).`));
    return;
  }
  const reload = async review => {
    const fresh = await loadAttempt(box, attempt.id);
    if (!fresh) return;
    showAttempt(box, fresh, candidate);
    if (review) await showSummary(box.querySelector('#review-summary'), review, attempt.id);
  };
  const panel = el('div', { class: 'review-column', id: 'review-column' }, el('div', { id: 'review-summary', 'aria-live': 'polite' }), overrideForm(attempt, reload));
  clear(box, el('div', { class: 'review-layout' }, el('div', { class: 'attempt-column' }, renderAttempt(attempt)), panel));
  renderReviewPanels(panel, attempt, () => reload(null), review => showSummary(box.querySelector('#review-summary'), review, attempt.id));
  focusHeading(box);
}

/** What the save did, in one place: old and new score, the reason, who was told, and where next. */
async function showSummary(slot, review, attemptId) {
  if (!slot) return;
  const next = await nextUnreviewed(attemptId).catch(() => null);
  clear(slot, el('section', { class: 'card review-summary', 'aria-labelledby': 'review-summary-h' },
    el('h2', { id: 'review-summary-h' }, 'Review saved'),
    el('p', { class: 'score-change' }, `Score ${review.previousScore} → ${review.overrideScore}`,
      el('span', { class: 'small muted' }, ` (machine score ${review.machineScore})`)),
    review.reason ? el('p', {}, el('strong', {}, 'Reason: '), review.reason) : null,
    review.comment ? el('p', {}, el('strong', {}, 'Comment: '), review.comment) : null,
    el('p', {}, 'The candidate has been notified.'),
    el('div', { class: 'actions' },
      next ? el('a', { class: 'button', id: 'next-unreviewed', href: attemptHref(next) }, 'Next unreviewed attempt') : el('span', { class: 'muted' }, 'Nothing else waits for a review.'),
      el('a', { class: 'button secondary', href: '#/coach' }, 'Back to the inbox'))));
  slot.scrollIntoView({ block: 'nearest' });
}

/** A plain override: a new score with a reason the candidate reads. */
function overrideForm(attempt, reload) {
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
      await reload(saved.review);
      document.getElementById('review-status')?.append(notice('ok', `Saved: score set to ${value}. The candidate has been told.`));
    }
  });
  return form;
}
