// Per-concept reviews, blind second reviews, reviewer agreement and the results CSV (coach side).
// A review marks every concept covered or not with a reason (POST /api/attempts/{id}/reviews
// {marks, clearedFlags, comment}); the score the marks give is previewed before saving
// (POST /api/attempts/{id}/reviews/preview). A second review goes to the same form, posted to
// POST /api/coach/second-reviews/{id}; the first review stays hidden until it is sent.
import { api, explain, ApiError } from './api.js';
import { session } from './session.js';
import { el, clear, field, notice, busy, withBusy, showFieldErrors, formatDate } from './ui.js';

/** A reviewer as a coach reads them: "you", an account id, or a deleted account. */
function reviewerName(id) {
  if (id == null) return 'deleted account';
  return id === session.user?.id ? 'you' : id;
}

/** The attempt's concepts in the machine's order, with what the machine found. */
function conceptsOf(attempt) {
  const hits = (attempt.conceptsHit ?? []).map(h => ({ id: h.concept, label: h.label, weight: h.weight, found: h.credit ?? 1 }));
  const seen = new Set(hits.map(h => h.id));
  const misses = (attempt.conceptsMissed ?? []).filter(m => !seen.has(m.concept))
    .map(m => ({ id: m.concept, label: m.label, weight: m.weight, found: 0 }));
  return [...hits, ...misses];
}

function machineText(found) {
  if (found >= 1) return 'the machine found it';
  if (found > 0) return `the machine found ${Math.round(found * 100)}% of it`;
  return 'the machine did not find it';
}

function scoreLine(s) {
  const parts = [`${s.coverage} of 100 for the concepts covered`];
  if (s.penalty) parts.push(`${s.penalty} points off for red-flag claims kept`);
  if (s.cap) parts.push(s.cap);
  return `Score from your marks: ${s.score} (${s.band}). ${parts.join('; ')}.`;
}

/**
 * The per-concept form: a "covered" checkbox and a reason per concept, a "raised wrongly" checkbox
 * per red flag, a comment, the live score. submit(body) sends it; done(answer) runs after.
 */
export function conceptReviewForm(attempt, { idPrefix = 'concept', heading = 'Review concept by concept', submitLabel = 'Save concept review', submit, done, comment = true }) {
  const concepts = conceptsOf(attempt);
  const rows = concepts.map(c => {
    const covered = el('input', { type: 'checkbox', id: `${idPrefix}-covered-${c.id}`, name: `covered-${c.id}`, checked: c.found >= 0.5 });
    const reason = el('input', { type: 'text', maxLength: 500, id: `${idPrefix}-reason-${c.id}`, name: `reason-${c.id}`, required: true });
    return { c, covered, reason, node: el('fieldset', { class: 'concept-mark', dataset: { concept: c.id } },
      el('legend', {}, c.label, el('span', { class: 'small muted' }, ` · weight ${c.weight ?? 1} · ${machineText(c.found)}`)),
      el('div', { class: 'row top' },
        el('div', { class: 'field' }, el('label', { class: 'check' }, covered, ' Covered')),
        field('Reason', reason, { name: `reason-${c.id}` }))) };
  });
  const flags = (attempt.redFlags ?? []).map(f => {
    const box = el('input', { type: 'checkbox', id: `${idPrefix}-clear-${f.rule}`, name: `clear-${f.rule}` });
    return { f, box, node: el('div', { class: 'field' }, el('label', { class: 'check' }, box, ` Red flag “${f.title}” was raised wrongly: clear it`)) };
  });
  const note = el('textarea', { maxLength: 2000, id: `${idPrefix}-comment`, name: 'comment' });
  const preview = el('p', { id: `${idPrefix}-preview`, class: 'score-preview', 'aria-live': 'polite' });
  const save = el('button', { type: 'submit', id: `${idPrefix}-save` }, submitLabel);
  const status = el('div', { 'aria-live': 'polite', id: `${idPrefix}-status` });
  const form = el('form', { class: 'card', novalidate: true, id: `${idPrefix}-form`, 'aria-labelledby': `${idPrefix}-h` },
    el('h2', { id: `${idPrefix}-h` }, heading),
    el('p', { class: 'muted' }, 'Tick each concept the answer covers and say why, covered or not. The score is recomputed from your marks with the scorer’s weights; red-flag claims keep their penalty unless you clear them, and the caps for a term list or a brief answer stay.'),
    ...rows.map(r => r.node),
    flags.length ? el('fieldset', { class: 'flags' }, el('legend', {}, 'Red flags the machine raised'), ...flags.map(f => f.node)) : null,
    comment ? field('Comment (optional)', note, { name: 'comment' }) : null,
    preview, status, el('div', { class: 'actions' }, save));

  const body = () => ({
    marks: rows.map(r => ({ concept: r.c.id, covered: r.covered.checked, reason: r.reason.value.trim() || 'no reason given' })),
    clearedFlags: flags.filter(f => f.box.checked).map(f => f.f.rule),
  });
  let pending = 0;
  async function refresh() {
    const mine = ++pending;
    try {
      const s = await api(`/api/attempts/${encodeURIComponent(attempt.id)}/reviews/preview`, { method: 'POST', json: body() });
      if (mine === pending) { preview.textContent = scoreLine(s); preview.dataset.score = String(s.score); }
    } catch (e) {
      if (mine === pending) preview.textContent = explain(e, 'The score preview');
    }
  }
  form.addEventListener('change', e => { if (e.target.type === 'checkbox') refresh(); });
  refresh();

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const local = rows.filter(r => !r.reason.value.trim()).map(r => ({ field: `reason-${r.c.id}`, message: 'Say why, covered or not.' }));
    showFieldErrors(form, local);
    if (local.length) { form.querySelector('[aria-invalid="true"]').focus(); return; }
    let failure = null;
    const answer = await withBusy({ button: save, slot: status, label: 'Saving…' }, async () => {
      try {
        return await submit({ ...body(), comment: comment ? (note.value.trim() || null) : null });
      } catch (err) {
        failure = err;
        throw new Error(explain(err, 'Review'));
      }
    });
    if (failure instanceof ApiError) showFieldErrors(form, failure.fieldErrors);
    if (answer !== undefined) await done(answer, status);
  });
  return form;
}

/** A review's marks as a list a person reads: concept, covered or not (in words), reason. */
export function marksSummary(review, id) {
  if (!review?.marks) return el('p', { id }, `Score ${review?.overrideScore ?? '–'}${review?.reason ? `: ${review.reason}` : ''}`);
  return el('ul', { class: 'plain marks', id }, review.marks.map(m => el('li', {},
    el('strong', {}, m.covered ? 'Covered: ' : 'Not covered: '), m.label, el('span', { class: 'small muted' }, ` (${m.reason})`))));
}

/**
 * The per-concept panel and the "ask for a second review" form beside an attempt on the coach page;
 * onSaved(review) runs after a concept review is saved and the attempt reloaded.
 */
export function renderReviewPanels(box, attempt, reload, onSaved) {
  const form = conceptReviewForm(attempt, {
    submit: b => api(`/api/attempts/${encodeURIComponent(attempt.id)}/reviews`, { method: 'POST', json: b }),
    done: async saved => {
      await reload();
      const r = saved.review;
      document.getElementById('concept-status')?.append(notice('ok', `Saved: score ${r.overrideScore} from your marks (machine ${r.machineScore}, before ${r.previousScore}).`),
        marksSummary(r, 'concept-review-summary'));
      await onSaved?.(r);
    },
  });
  const reviewer = el('input', { type: 'text', maxLength: 100, autocomplete: 'off', id: 'second-reviewer', name: 'reviewerId' });
  const ask = el('button', { type: 'submit', id: 'ask-second-review', class: 'secondary' }, 'Ask for a second review');
  const status = el('div', { 'aria-live': 'polite', id: 'second-review-status' });
  const askForm = el('form', { class: 'card', novalidate: true, id: 'second-review-form', 'aria-labelledby': 'second-review-h' },
    el('h2', { id: 'second-review-h' }, 'Ask for a blind second review'),
    el('p', { class: 'muted' }, 'Another coach of this candidate, or an admin, reviews the attempt without seeing the current review until they submit theirs.'),
    field('Second reviewer’s account id (optional)', reviewer, { name: 'reviewerId', hint: 'Leave empty for any other coach of the candidate.' }),
    status, el('div', { class: 'actions' }, ask));
  askForm.addEventListener('submit', async e => {
    e.preventDefault();
    let failure = null;
    const made = await withBusy({ button: ask, slot: status, label: 'Asking…' }, async () => {
      try {
        return await api(`/api/coach/attempts/${encodeURIComponent(attempt.id)}/second-review-requests`, { method: 'POST', json: { reviewerId: reviewer.value.trim() || null } });
      } catch (err) {
        failure = err;
        throw new Error(explain(err, 'Second reviews'));
      }
    });
    showFieldErrors(askForm, failure instanceof ApiError ? failure.fieldErrors : []);
    if (made) status.append(notice('ok', `Asked: ${made.request.reviewerId ? `reviewer ${made.request.reviewerId}` : 'any other coach of the candidate'} will find it under “Second reviews”.`));
  });
  box.append(form, askForm);
}

/** Per cohort: reviewer agreement, the disagreements over 15 points, and the results CSV. */
export async function renderCohortReviews(box) {
  clear(box, busy('Loading agreement figures…'));
  let cohorts;
  try {
    cohorts = await api('/api/coach/cohorts');
  } catch (e) {
    clear(box, notice('info', explain(e, 'Cohorts')));
    return;
  }
  if (!cohorts.length) { clear(box, el('p', { class: 'muted' }, 'No cohorts yet.')); return; }
  const parts = await Promise.all(cohorts.map(async c => {
    const status = el('div', { 'aria-live': 'polite' });
    const download = el('button', { type: 'button', class: 'secondary', id: `results-csv-${c.id}`, dataset: { cohort: c.id } }, `Download results (CSV) of ${c.name}`);
    download.addEventListener('click', () => withBusy({ button: download, slot: status, label: 'Preparing the file…' }, async () => {
      const text = await api(`/api/coach/cohorts/${c.id}/results.csv`);
      const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
      const link = el('a', { href: url, download: `${c.name.replace(/[^\w-]+/g, '-')}-results.csv` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }).then(() => status.append(notice('ok', 'Downloaded.'))));
    let figures;
    try {
      const a = await api(`/api/coach/cohorts/${c.id}/review-agreement`);
      figures = a.pairs === 0
        ? el('p', { class: 'muted' }, 'No attempt has two reviews yet.')
        : el('div', {},
          el('dl', { class: 'agreement' },
            el('dt', {}, 'Attempts reviewed twice'), el('dd', { class: 'agreement-pairs' }, String(a.pairs)),
            el('dt', {}, 'Mean difference between reviewers'), el('dd', { class: 'agreement-mad' }, `${a.meanAbsoluteDifference} points`),
            el('dt', {}, 'Within 10 points'), el('dd', { class: 'agreement-within' }, `${Math.round(a.shareWithin10 * 100)}%`)),
          a.disagreements.length ? el('table', { class: 'disagreements' },
            el('caption', {}, `Disagreements over 15 points (${a.disagreements.length})`),
            el('thead', {}, el('tr', {}, el('th', {}, 'Question'), el('th', { class: 'num' }, 'First'), el('th', { class: 'num' }, 'Second'), el('th', { class: 'num' }, 'Difference'), el('th', {}, 'Reviewers'), el('th', {}, 'Attempt'))),
            el('tbody', {}, a.disagreements.map(d => el('tr', {},
              el('td', {}, d.questionText ?? d.questionId),
              el('td', { class: 'num' }, String(d.firstScore)), el('td', { class: 'num' }, String(d.secondScore)),
              el('td', { class: 'num' }, String(Math.abs(d.firstScore - d.secondScore))),
              el('td', { class: 'small' }, `${reviewerName(d.firstReviewer)} / ${reviewerName(d.secondReviewer)}`),
              el('td', {}, el('a', { href: `#/coach?candidate=${encodeURIComponent(d.candidateId)}&attempt=${encodeURIComponent(d.attemptId)}` }, 'Open'))))))
            : el('p', { class: 'muted' }, 'No disagreement over 15 points.'));
    } catch (e) {
      figures = notice('info', explain(e, 'Reviewer agreement'));
    }
    return el('section', { class: 'cohort-reviews', dataset: { cohort: c.id }, 'aria-label': `Reviews of ${c.name}` },
      el('h3', {}, c.name), figures, el('div', { class: 'actions' }, download), status);
  }));
  clear(box, ...parts);
}

/** A completed second review: both scores, reviewers and marks side by side. */
export function comparison(view) {
  const row = (label, r) => el('tr', {}, el('th', { scope: 'row' }, label), el('td', { class: 'num' }, String(r?.overrideScore ?? '–')),
    el('td', { class: 'small' }, r ? reviewerName(r.coachId) : ''), el('td', { class: 'small' }, r ? formatDate(r.createdAt) : ''), el('td', {}, marksSummary(r)));
  return el('table', { id: 'second-review-result' },
    el('caption', {}, 'First and second review'),
    el('thead', {}, el('tr', {}, el('th', {}, 'Review'), el('th', { class: 'num' }, 'Score'), el('th', {}, 'Reviewer'), el('th', {}, 'When'), el('th', {}, 'Marks'))),
    el('tbody', {}, row('First', view.firstReview), row('Second (yours)', view.secondReview)));
}
