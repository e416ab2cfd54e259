// How a scored attempt is shown (practice and coach views): score and band, the answer with the words
// that hit a concept and the evidence of each red flag highlighted (spans are start/end offsets into the
// answer text), concepts hit (and how each was found) and missed, feedback, delivery figures for spoken
// answers, coach reviews, and the model answer once scoring has released it (attempt.modelAnswer).
// Older attempts lack how = MEANING, similarity, credit, modelAnswer, breakdown and words: each shows only
// when present. The breakdown's numbers are the scorer's own (GET /api/attempts/{id} .breakdown); nothing
// is recomputed here. Spoken answers underline the words the recogniser was unsure of (.words, Vosk's
// confidence) and link misheard field terms to their pronunciation drill.
import { el, badge, formatDate, percent } from './ui.js';

/** Below this confidence a recognised word is shown as unsure. */
export const UNSURE_BELOW = 0.6;

/** The coach reviews attached to an attempt (its audit trail from GET /api/attempts/{id}/reviews), oldest first. */
export function reviewsOf(attempt) {
  return Array.isArray(attempt.reviews) ? attempt.reviews : [];
}

/** The score that counts now: a coach's override (reviewedScore), else the machine's. */
export function currentScore(attempt) {
  const overrides = reviewsOf(attempt).filter(r => r.overrideScore != null);
  return attempt.reviewedScore ?? overrides[overrides.length - 1]?.overrideScore ?? attempt.score;
}

/** The attempt with its review trail attached, when it has been reviewed. */
export async function withReviews(api, attempt) {
  if (attempt.status !== 'REVIEWED' && attempt.reviewedScore == null) return attempt;
  try {
    return { ...attempt, reviews: await api(`/api/attempts/${attempt.id}/reviews`) };
  } catch {
    return attempt; // the score itself already shows the override
  }
}

/** Where each recognised word sits in the transcript (Vosk's text is its words joined by spaces). */
function wordSpans(text, words) {
  const spans = [];
  let from = 0;
  const lower = text.toLowerCase();
  for (const w of words ?? []) {
    const at = lower.indexOf(String(w.word).toLowerCase(), from);
    if (at < 0) continue;
    spans.push({ ...w, start: at, end: at + w.word.length });
    from = at + w.word.length;
  }
  return spans;
}

/** The recognised words the recogniser was unsure of, with their place in the transcript. */
export function unsureWords(attempt) {
  const text = attempt.answerText ?? attempt.transcript ?? '';
  return wordSpans(text, attempt.words).filter(w => typeof w.confidence === 'number' && w.confidence < UNSURE_BELOW);
}

function highlighted(text, hits, flags, unsure = []) {
  const marks = [];
  unsure.forEach(w => marks.push({ start: w.start, end: w.end, kind: 'unsure', label: `Recogniser unsure (${percent(w.confidence)})` }));
  hits.forEach(h => {
    if (Number.isInteger(h.start) && Number.isInteger(h.end) && h.end > h.start) {
      marks.push({ start: h.start, end: h.end, kind: 'hit', label: `Concept: ${h.label ?? h.concept}` });
    }
  });
  flags.forEach((f, i) => {
    if (Number.isInteger(f.start) && Number.isInteger(f.end) && f.end > f.start) {
      marks.push({ start: f.start, end: f.end, kind: 'flag', label: `Red flag: ${f.title ?? f.rule}`, anchor: `flag-evidence-${i}` });
    }
  });
  const cuts = new Set([0, text.length]);
  marks.forEach(m => { cuts.add(Math.max(0, Math.min(text.length, m.start))); cuts.add(Math.max(0, Math.min(text.length, m.end))); });
  const points = [...cuts].sort((a, b) => a - b);
  const view = el('div', { class: 'answer-view', id: 'answer-highlighted' });
  const anchored = new Set();
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = marks.filter(m => m.start <= a && m.end >= b);
    if (!covering.length) { view.append(piece); continue; }
    const kinds = [...new Set(covering.map(m => m.kind))];
    const tag = kinds.length === 1 && kinds[0] === 'unsure' ? 'span' : 'mark';
    const mark = el(tag, { class: kinds.join(' '), title: covering.map(m => m.label).join('; ') }, piece);
    const anchor = covering.find(m => m.anchor && !anchored.has(m.anchor));
    if (anchor) { mark.id = anchor.anchor; anchored.add(anchor.anchor); }
    view.append(mark);
    // said in words too, not only by the underline or the tooltip
    if (covering.some(m => m.kind === 'unsure' && m.end === b)) view.append(el('span', { class: 'sr-only' }, ' (unsure)'));
  }
  return view;
}

const HOW = { EXACT: 'your words', PARAPHRASE: 'your words', SOUND_ALIKE: 'by sound', MEANING: 'by meaning' };

/** How a concept was found: "your words", "by sound", "by meaning (82% alike)". */
function howFound(hit) {
  const how = HOW[hit.how];
  if (!how) return null;
  const alike = hit.how === 'MEANING' && typeof hit.similarity === 'number' ? ` (${percent(hit.similarity)} alike)` : '';
  return el('span', { class: 'how small muted', dataset: { how: hit.how } }, ` · ${how}${alike}`);
}

/** What a concept is worth, and how much of it the answer earned when not all: "worth 30", "partly: 18 of 30". */
function worth(concept) {
  const partly = typeof concept.credit === 'number' && concept.credit < 1;
  const weight = concept.weight;
  if (!partly) return weight != null ? el('span', { class: 'small muted' }, ` · worth ${weight}`) : null;
  return el('span', { class: 'partly small', dataset: { credit: String(concept.credit) } },
    weight != null ? ` · partly: ${Math.round(concept.credit * weight)} of ${weight}` : ' · partly');
}

function modelAnswer(attempt) {
  if (!attempt.modelAnswer) return null;
  return el('section', { class: 'card', 'aria-labelledby': 'model-answer-h' },
    el('details', { id: 'model-answer' },
      el('summary', {}, el('h3', { id: 'model-answer-h' }, 'Model answer')),
      el('p', { class: 'model-answer-text' }, attempt.modelAnswer),
      el('p', { class: 'hint' }, 'One strong answer, not the only one: compare what it covers with yours.')));
}

function figure(value, label) {
  return el('div', { class: 'figure' }, el('div', { class: 'v' }, value), el('div', { class: 'k' }, label));
}

function delivery(attempt) {
  const d = attempt.delivery;
  const f = attempt.fluency;
  if (!d && !f) return null;
  const wpm = d?.wordsPerMinute ?? f?.wordsPerMinute;
  const fillers = d?.fillerCount ?? f?.fillerCount;
  const fillerRate = d?.fillerRate ?? f?.fillerRate;
  const pauses = d?.longPauses ?? f?.longPauses;
  const longest = d?.longestPause ?? f?.longestPause;
  return el('section', { class: 'card', 'aria-labelledby': 'delivery-h', id: 'fluency' },
    el('h3', { id: 'delivery-h' }, 'Delivery'),
    el('div', { class: 'figures' },
      wpm != null ? figure(Math.round(wpm), `words per minute${d?.pace ? ` (${d.pace})` : ''}`) : null,
      fillers != null ? figure(fillers, `fillers${fillerRate != null ? ` · ${percent(fillerRate)} of words` : ''}`) : null,
      pauses != null ? figure(pauses, 'pauses over 1 s') : null,
      longest != null ? figure(`${Number(longest).toFixed(1)} s`, 'longest pause') : null),
    d?.feedback?.length ? el('ul', {}, d.feedback.map(t => el('li', {}, t))) : null,
    el('p', { class: 'hint' }, 'Delivery is shown beside the content score and does not change it.'));
}

const FOUND_BY = { EXACT: 'your words', PARAPHRASE: 'your words, reordered', SOUND_ALIKE: 'by sound', MEANING: 'by meaning' };

function cell(label, ...content) {
  return el('td', { dataset: { label } }, ...content);
}

/** "How this score was built": concept points (they add up to the coverage), adjustments, total, bands. */
function breakdown(attempt) {
  const b = attempt.breakdown;
  if (!b) return null;
  const signed = n => (n > 0 ? `+${n}` : String(n));
  const conceptRows = b.concepts.map(c => el('tr', { class: c.found ? 'found' : 'missed', dataset: { concept: c.concept } },
    cell('Concept', c.label),
    cell('Weight', String(c.weight)),
    cell('Found', c.found ? '✓ found' : '✗ missed'),
    cell('How', c.found ? `${FOUND_BY[c.how] ?? c.how ?? ''}${typeof c.similarity === 'number' && c.how === 'MEANING' ? ` (${percent(c.similarity)} alike)` : ''}` : '—'),
    cell('Credit', percent(c.credit)),
    cell('Points', el('span', { class: 'concept-points' }, String(c.points)))));
  const adjustmentRows = b.adjustments.map(a => el('tr', { class: 'adjustment', dataset: { rule: a.rule } },
    cell('Step', a.description),
    cell('Change', `${a.before} → ${a.after}`),
    cell('Points', el('span', { class: 'adjustment-points' }, signed(a.points)))));
  const reached = [...b.bands].reverse().find(cut => b.score >= cut.from);
  return el('section', { class: 'card', 'aria-labelledby': 'breakdown-h', id: 'score-breakdown' },
    el('h3', { id: 'breakdown-h' }, 'How this score was built'),
    el('table', { class: 'breakdown-table', id: 'breakdown-concepts' },
      el('caption', { class: 'sr-only' }, 'Points per concept'),
      el('thead', {}, el('tr', {}, ['Concept', 'Weight', 'Found', 'How', 'Credit', 'Points'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, conceptRows),
      el('tfoot', {}, el('tr', {}, cell('Concept', el('strong', {}, 'Rubric coverage')), cell('Weight', ''), cell('Found', ''), cell('How', ''), cell('Credit', ''),
        cell('Points', el('strong', { id: 'breakdown-coverage' }, String(b.coverage)))))),
    b.adjustments.length ? el('table', { class: 'breakdown-table', id: 'breakdown-adjustments' },
      el('caption', { class: 'sr-only' }, 'Adjustments after coverage'),
      el('thead', {}, el('tr', {}, ['Step', 'Change', 'Points'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, adjustmentRows)) : el('p', { class: 'muted' }, 'No adjustment: the score is the rubric coverage.'),
    el('p', { class: 'breakdown-total' }, 'Machine score: ', el('strong', { id: 'breakdown-score' }, String(b.score)), ' / 100'),
    el('ol', { class: 'band-cuts', 'aria-label': 'Score bands' }, b.bands.map((cut, i) => {
      const to = b.bands[i + 1] ? b.bands[i + 1].from - 1 : 100;
      const here = cut === reached;
      return el('li', { class: here ? 'reached' : null, 'aria-current': here ? 'true' : null },
        `${cut.band} ${cut.from}–${to}`, here ? el('strong', {}, ' ← this answer') : null);
    })));
}

/** A coach's review, set apart: reason and comment, and the original beside the reviewed score. */
function coachReview(r, machineScore) {
  const second = r.round === 2;
  return el('section', { class: 'coach-review', id: 'coach-review', 'aria-label': second ? 'Second review' : 'Coach review' },
    el('h3', {}, second ? 'Second review' : 'Coach review'),
    r.overrideScore != null ? el('p', { class: 'review-scores' }, `Machine score ${machineScore} → reviewed score `, el('strong', {}, String(r.overrideScore))) : null,
    r.reason ? el('p', {}, el('strong', {}, 'Reason: '), r.reason) : null,
    r.marks ? el('ul', { class: 'marks' }, r.marks.map(m => el('li', {}, `${m.covered ? 'Covered' : 'Not covered'}: ${m.label} (${m.reason})`))) : null,
    r.comment ? el('blockquote', { class: 'review-comment' }, r.comment) : null,
    r.createdAt ? el('div', { class: 'small muted' }, formatDate(r.createdAt)) : null);
}

/**
 * Pronunciation terms (GET /api/pronunciation/terms) this spoken answer suggests practising: those of a
 * concept found only by sound, and those among the words the recogniser was unsure of.
 */
export function termsToPractise(attempt, terms) {
  if (attempt.mode !== 'SPOKEN' || !terms?.length) return [];
  const said = t => [t.term, ...(t.spokenForms ?? [])].map(s => s.toLowerCase());
  const words = text => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).join(' ');
  const inText = (t, text) => said(t).some(s => ` ${words(text)} `.includes(` ${words(s)} `));
  const misheard = (attempt.conceptsHit ?? []).filter(h => h.how === 'SOUND_ALIKE').map(h => `${h.label ?? ''} ${h.phrase ?? ''}`);
  const unsure = unsureWords(attempt).map(w => w.word);
  return terms.filter(t => misheard.some(text => inText(t, text)) || unsure.some(w => said(t).includes(w.toLowerCase())));
}

function practiseLinks(attempt, terms) {
  const wanted = termsToPractise(attempt, terms);
  if (!wanted.length) return null;
  return el('div', { class: 'notice info', id: 'practise-terms' }, el('strong', {}, 'Misheard field terms'),
    el('ul', {}, wanted.map(t => el('li', {}, el('a', { href: `#/pronunciation?term=${encodeURIComponent(t.term)}` }, `Practise saying ${t.term}`)))));
}

/** The whole result card for one attempt. */
export function renderAttempt(attempt, { question, terms, recording } = {}) {
  const hits = attempt.conceptsHit ?? [];
  const missed = attempt.conceptsMissed ?? [];
  const flags = attempt.redFlags ?? [];
  const reviews = reviewsOf(attempt);
  const score = currentScore(attempt);
  const machineScore = attempt.machineScore ?? attempt.score;
  const overridden = score !== machineScore;
  const text = attempt.answerText ?? attempt.transcript ?? '';
  const spoken = attempt.mode === 'SPOKEN';
  const unsure = spoken ? unsureWords(attempt) : [];

  const flagItems = flags.map((f, i) => el('li', { class: 'flag-item' },
    el('strong', {}, f.title ?? f.rule), ' — ', f.explanation ?? '',
    f.evidence ? el('div', { class: 'small' }, Number.isInteger(f.start) ? 'Evidence: ' : 'What is missing: ', el('q', {}, f.evidence)) : null,
    Number.isInteger(f.start) ? el('button', {
      type: 'button', class: 'quiet small',
      onclick: () => {
        const target = document.getElementById(`flag-evidence-${i}`);
        if (!target) return;
        target.tabIndex = -1;
        target.scrollIntoView({ block: 'center' });
        target.focus();
        target.classList.add('pulse');
        setTimeout(() => target.classList.remove('pulse'), 2000);
      },
    }, 'Show in answer') : null));

  return el('article', { class: 'result', id: 'attempt-result', dataset: { attemptId: attempt.id, score: String(score) } },
    el('div', { class: 'card' },
      el('h2', { id: 'result-heading' }, spoken ? 'Your spoken answer, scored' : 'Your answer, scored'),
      question ? el('p', { class: 'muted' }, question) : null,
      el('div', { class: 'score-line' },
        el('span', { class: 'score', id: 'score' }, String(score), el('small', {}, ' / 100')),
        badge(attempt.band, attempt.band),
        overridden ? el('span', { class: 'muted', id: 'machine-score' }, `machine score ${machineScore}`) : null,
        attempt.coverage != null ? el('span', { class: 'muted' }, `rubric coverage ${attempt.coverage}%`) : null,
        el('span', { class: 'muted small' }, `${spoken ? 'spoken' : 'typed'} · ${formatDate(attempt.createdAt)}`)),
      reviews.map(r => coachReview(r, machineScore)),
      attempt.feedback?.length ? el('div', { class: 'notice info', id: 'what-next' }, el('strong', {}, 'What to add next'),
        el('ol', {}, attempt.feedback.map(t => el('li', {}, t)))) : null,
      el('h3', {}, spoken ? 'What we heard' : 'Your answer'),
      text ? highlighted(text, hits, flags, unsure) : el('p', { class: 'muted' }, 'No words were recognised.'),
      el('div', { class: 'legend', 'aria-hidden': 'true' }, el('span', { class: 'l-hit' }, 'covers a concept'), el('span', { class: 'l-flag' }, 'red flag evidence'),
        spoken && attempt.words ? el('span', { class: 'l-unsure', id: 'unsure-legend' }, `recogniser unsure (under ${percent(UNSURE_BELOW)} confidence)`) : null),
      spoken && attempt.words ? el('p', { class: 'sr-only' }, `Words the recogniser was unsure of are followed by “(unsure)”: ${unsure.length} in this answer.`) : null,
      recording ? el('div', { class: 'replay', id: 'replay' }, el('h4', {}, 'Your recording'),
        el('audio', { controls: true, src: recording, id: 'replay-audio', 'aria-label': 'Replay your recording' }),
        el('p', { class: 'hint' }, 'Kept in this browser tab only: it is not uploaded again or stored.')) : null,
      practiseLinks(attempt, terms)),
    breakdown(attempt),
    el('div', { class: 'grid' },
      el('section', { class: 'card', 'aria-labelledby': 'hits-h' },
        el('h3', { id: 'hits-h' }, `Concepts covered (${hits.length})`),
        hits.length ? el('ul', { class: 'plain', id: 'concepts-hit' }, hits.map(h => el('li', { class: 'concept-hit' },
          el('strong', {}, h.label ?? h.concept), h.matched ? [' — ', el('q', {}, h.matched)] : null,
          howFound(h), worth(h))))
          : el('p', { class: 'muted' }, 'None yet.')),
      el('section', { class: 'card', 'aria-labelledby': 'miss-h' },
        el('h3', { id: 'miss-h' }, `Concepts missed (${missed.length})`),
        missed.length ? el('ul', { class: 'plain', id: 'concepts-missed' }, missed.map(m => el('li', { class: 'concept-miss' }, m.label ?? m.concept, worth(m))))
          : el('p', { class: 'muted' }, 'You covered every concept.')),
      el('section', { class: 'card', 'aria-labelledby': 'flags-h' },
        el('h3', { id: 'flags-h' }, `Red flags (${flags.length})`),
        flags.length ? el('ul', { class: 'plain', id: 'red-flags' }, flagItems) : el('p', { class: 'muted' }, 'No red flags raised.'))),
    modelAnswer(attempt),
    spoken ? delivery(attempt) : null);
}
