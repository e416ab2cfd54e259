// The coach's review inbox (GET /api/coach/inbox): attempts of their candidates, flagged and
// unreviewed first (red flags, a concept found by meaning only, an open second review), then the
// other unreviewed ones, then the reviewed. Each row opens the attempt on the candidate's page.
import { api, explain } from './api.js';
import { showQuestionTitle } from './catalog.js';
import { el, clear, notice, busy, badge, formatDate } from './ui.js';

const SHOWN = 25;

/** Where an inbox row leads: the attempt beside its review panel, on its candidate's page. */
export function attemptHref(item) {
  return `#/coach?candidate=${encodeURIComponent(item.candidateId)}&attempt=${encodeURIComponent(item.attemptId)}`;
}

/** The first unreviewed attempt other than the one just reviewed, or null. */
export async function nextUnreviewed(currentId) {
  const items = await api('/api/coach/inbox');
  return items.find(i => !i.reviewed && i.attemptId !== currentId) ?? null;
}

/** Why a row is near the top, in words (never colour alone). */
function reasons(item) {
  const why = [];
  if (item.redFlags) why.push(`${item.redFlags} red flag${item.redFlags === 1 ? '' : 's'}`);
  if (item.meaningMatches) why.push(`${item.meaningMatches} concept${item.meaningMatches === 1 ? '' : 's'} found by meaning only`);
  if (item.secondReviewOpen) why.push('second review asked for');
  return why.join(', ');
}

export async function renderInbox(box) {
  clear(box, busy('Loading your inbox…'));
  let items;
  try {
    items = await api('/api/coach/inbox');
  } catch (e) {
    clear(box, notice('info', explain(e, 'The review inbox')));
    return;
  }
  if (!items.length) {
    clear(box, el('p', { class: 'muted' }, 'No attempts to review yet: your candidates’ answers appear here as they come in.'));
    return;
  }
  const waiting = items.filter(i => !i.reviewed).length;
  clear(box,
    el('p', { id: 'inbox-count' }, `${waiting} attempt${waiting === 1 ? '' : 's'} waiting for a review; flagged ones first.`),
    el('table', { id: 'inbox-table' },
      el('caption', { class: 'sr-only' }, 'Attempts to review, flagged and unreviewed first'),
      el('thead', {}, el('tr', {}, el('th', {}, 'Candidate'), el('th', {}, 'Question'), el('th', { class: 'num' }, 'Score'),
        el('th', {}, 'Status'), el('th', {}, 'Why look'), el('th', {}, 'When'))),
      el('tbody', {}, items.slice(0, SHOWN).map(i => el('tr', { dataset: { attempt: i.attemptId, reviewed: String(i.reviewed) } },
        el('td', {}, el('a', { href: `#/coach?candidate=${encodeURIComponent(i.candidateId)}` }, i.displayName ?? `Candidate ${i.candidateId.slice(0, 8)}`)),
        el('td', {}, showQuestionTitle(el('a', { href: attemptHref(i), class: 'open-attempt' }, i.questionId.replace(/[-_]/g, ' ')), i.questionId)),
        el('td', { class: 'num' }, i.reviewedScore != null ? `${i.machineScore} → ${i.reviewedScore}` : String(i.machineScore)),
        el('td', {}, i.reviewed ? badge('Reviewed', 'reviewed') : badge('To review', 'to-review')),
        el('td', { class: 'small' }, reasons(i) || '–'),
        el('td', { class: 'small' }, formatDate(i.createdAt)))))),
    items.length > SHOWN ? el('p', { class: 'hint' }, `The ${SHOWN} most pressing of ${items.length} are shown.`) : null);
}
