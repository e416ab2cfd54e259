// How a scored attempt is shown (practice and coach views): score and band, the answer with the words
// that hit a concept and the evidence of each red flag highlighted (spans are start/end offsets into the
// answer text), concepts hit (and how each was found) and missed, feedback, delivery figures for spoken
// answers, coach reviews, and the model answer once scoring has released it (attempt.modelAnswer).
// Older attempts lack how = MEANING, similarity, credit and modelAnswer: each shows only when present.
import { el, badge, formatDate, percent } from './ui.js';

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

function highlighted(text, hits, flags) {
  const marks = [];
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
    const mark = el('mark', { class: kinds.join(' '), title: covering.map(m => m.label).join('; ') }, piece);
    const anchor = covering.find(m => m.anchor && !anchored.has(m.anchor));
    if (anchor) { mark.id = anchor.anchor; anchored.add(anchor.anchor); }
    view.append(mark);
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

/** The whole result card for one attempt. */
export function renderAttempt(attempt, { question } = {}) {
  const hits = attempt.conceptsHit ?? [];
  const missed = attempt.conceptsMissed ?? [];
  const flags = attempt.redFlags ?? [];
  const reviews = reviewsOf(attempt);
  const score = currentScore(attempt);
  const machineScore = attempt.machineScore ?? attempt.score;
  const overridden = score !== machineScore;
  const text = attempt.answerText ?? attempt.transcript ?? '';
  const spoken = attempt.mode === 'SPOKEN';

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
      reviews.map(r => el('div', { class: 'review', id: 'coach-review' },
        el('strong', {}, `${r.round === 2 ? 'Second review' : 'Coach review'}${r.overrideScore != null ? `: score ${r.round === 2 ? 'given' : 'set to'} ${r.overrideScore}` : ''}`),
        r.reason ? el('div', {}, `Reason: ${r.reason}`) : null,
        r.marks ? el('ul', { class: 'marks' }, r.marks.map(m => el('li', {}, `${m.covered ? 'Covered' : 'Not covered'}: ${m.label} (${m.reason})`))) : null,
        r.comment ? el('div', {}, el('q', {}, r.comment)) : null,
        r.createdAt ? el('div', { class: 'small muted' }, formatDate(r.createdAt)) : null)),
      attempt.feedback?.length ? el('div', { class: 'notice info' }, el('strong', {}, 'What to add next'),
        el('ul', {}, attempt.feedback.map(t => el('li', {}, t)))) : null,
      el('h3', {}, spoken ? 'What we heard' : 'Your answer'),
      text ? highlighted(text, hits, flags) : el('p', { class: 'muted' }, 'No words were recognised.'),
      el('div', { class: 'legend', 'aria-hidden': 'true' }, el('span', { class: 'l-hit' }, 'covers a concept'), el('span', { class: 'l-flag' }, 'red flag evidence'))),
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
