// Pronunciation drill: choose a term, hear it (the browser's speech synthesis says how engineers say it),
// press Record and say it, then see the verdict, what was heard and advice.
// POST /api/pronunciation-attempts?term=NCCL with a WAV -> {term, heard, verdict, score, words, advice}.
// A term is always preselected (the one in ?term=, else the first not yet mastered) and waits for Start;
// the verdict card holds the record button for a retry; GET /api/pronunciation-attempts/summary marks the
// terms said clearly often enough with a check mark and the word "mastered".
import { api, explain } from '../api.js';
import { recorderWidget } from '../audio.js';
import { el, clear, field, notice, badge, withBusy, focusHeading } from '../ui.js';

function speak(text) {
  if (!('speechSynthesis' in window)) return false;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = 'en-US';
  utterance.rate = 0.85;
  window.speechSynthesis.speak(utterance);
  return true;
}

/** The pack's four kinds of drill, as the learner reads them. */
const KINDS = { acronym: 'Acronyms', 'silent-letters': 'Silent letters', 'word-stress': 'Word stress', 'minimal-pair': 'Minimal pairs' };

export async function render(main, { params }) {
  const listBox = el('section', { class: 'card', 'aria-labelledby': 'terms-h' });
  const drillBox = el('section', { class: 'card', id: 'drill', hidden: true, 'aria-labelledby': 'drill-term' });
  const resultBox = el('div', { id: 'drill-result', 'aria-live': 'polite' });
  main.append(el('h1', {}, 'Pronunciation drill'),
    el('p', { class: 'lead' }, 'Say the field\'s acronyms and words the way engineers do: acronyms, silent letters, word stress and minimal pairs. Recognition runs on our server, offline; audio is not kept.'),
    listBox, drillBox, resultBox);
  let terms;
  try {
    terms = await api('/api/pronunciation/terms');
  } catch (e) {
    listBox.append(notice('error', explain(e, 'The pronunciation term list')));
    return;
  }
  let drilled = [];
  try { drilled = (await api('/api/pronunciation-attempts/summary')).terms; } catch { /* terms show unmarked */ }
  const mastered = new Set(drilled.filter(t => t.mastered).map(t => t.term.toLowerCase()));
  const isMastered = t => mastered.has(t.term.toLowerCase());
  const filter = el('input', { type: 'text', placeholder: 'e.g. NCCL', autocomplete: 'off' });
  const kindSelect = el('select', {}, el('option', { value: '' }, 'All kinds'),
    ...Object.entries(KINDS).map(([value, label]) => el('option', { value }, label)));
  const list = el('div', { class: 'term-list', role: 'group', 'aria-label': 'Terms' });
  const buttons = terms.map(t => el('button', { type: 'button', 'aria-pressed': 'false', class: isMastered(t) ? 'mastered' : null, dataset: { term: t.term }, onclick: () => choose(t) },
    t.term, isMastered(t) ? el('span', { class: 'mastered-mark' }, ' ✓ mastered') : null));
  list.append(...buttons);
  const heading = el('h2', { id: 'terms-h' }, `${terms.length} terms`);
  const show = () => {
    const q = filter.value.trim().toLowerCase();
    const kind = kindSelect.value;
    buttons.forEach((b, i) => {
      const t = terms[i];
      b.hidden = (q && !t.term.toLowerCase().includes(q) && !t.saidAs.toLowerCase().includes(q)) || (kind && t.kind !== kind);
    });
    heading.textContent = `${buttons.filter(b => !b.hidden).length} of ${terms.length} terms`;
  };
  filter.addEventListener('input', show);
  kindSelect.addEventListener('change', show);
  listBox.append(heading, field('Find a term', filter, { name: 'filter' }), field('Kind of drill', kindSelect, { name: 'kind' }), list);

  /** What speech synthesis should say: the first accepted spoken form ("nickel"), else the guide without its notes. */
  const reference = t => t.spokenForms?.[0] ?? t.saidAs.replace(/\s*\(.*\)\s*/, ' ').trim();

  function choose(t, { focus = true } = {}) {
    buttons.forEach(b => b.setAttribute('aria-pressed', String(b.dataset.term === t.term)));
    clear(resultBox);
    drillBox.hidden = false;
    const status = el('div', { 'aria-live': 'polite', id: 'drill-status' });
    const hear = el('button', { type: 'button', class: 'secondary', id: 'hear' }, '▶ Hear it');
    hear.addEventListener('click', () => { if (!speak(reference(t))) clear(status, notice('info', `This browser cannot speak; it is said “${t.saidAs}”.`)); });
    const file = el('input', { type: 'file', accept: '.wav,audio/wav,audio/x-wav', id: 'drill-file' });
    const upload = el('button', { type: 'button', class: 'secondary', id: 'drill-upload' }, 'Check recording');
    upload.addEventListener('click', () => {
      if (!file.files?.[0]) { clear(status, notice('error', 'Choose a WAV file first.')); file.focus(); return; }
      send(t, file.files[0], upload, status);
    });
    clear(drillBox,
      el('div', { class: 'drill-term', id: 'drill-term' }, t.term, isMastered(t) ? el('span', { class: 'mastered-mark small' }, ' ✓ mastered') : null),
      t.kind ? el('p', { class: 'muted' }, KINDS[t.kind] ?? t.kind) : null,
      el('p', { class: 'lead' }, 'Say it: ', el('strong', {}, `“${t.saidAs}”`), t.stress ? el('span', { class: 'muted' }, ` · stress: ${t.stress}`) : null),
      t.commonMistake ? el('p', { class: 'muted' }, `Common mistake: ${t.commonMistake}`) : null,
      el('div', { class: 'actions', id: 'drill-actions' }, hear,
        recorderWidget({ el, label: 'Start: record my saying', maxSeconds: 6, onRecorded: wav => send(t, wav, null, status) })),
      el('p', { class: 'or' }, 'or check a recording'),
      el('div', { class: 'row' }, field('WAV file', file, { name: 'drill-wav' }), el('div', { class: 'field' }, upload)),
      status);
    if (focus) drillBox.querySelector('#hear').focus();
  }

  async function send(t, wav, button, status) {
    clear(resultBox);
    const result = await withBusy({ button, slot: status, label: `Listening to your “${t.term}”…` }, async () => {
      try {
        return await api(`/api/pronunciation-attempts?term=${encodeURIComponent(t.term)}`, { method: 'POST', body: wav, contentType: 'audio/wav' });
      } catch (e) {
        throw new Error(explain(e, 'Pronunciation checking'));
      }
    });
    if (!result) return;
    const words = result.words ?? [];
    clear(resultBox, el('section', { class: 'card', 'aria-labelledby': 'verdict-h', id: 'verdict-card', dataset: { verdict: result.verdict } },
      el('h2', { id: 'verdict-h', class: 'verdict' }, badge(result.verdict === 'CORRECT' ? 'Correct' : result.verdict === 'CLOSE' ? 'Close' : 'Try again', result.verdict),
        ' ', el('span', { class: 'muted' }, `${result.score ?? ''}/100`)),
      el('p', {}, 'We heard: ', el('strong', { id: 'heard' }, result.heard ? `“${result.heard}”` : 'nothing we could recognise')),
      result.advice ? el('p', { class: 'notice info', id: 'advice' }, result.advice) : null,
      words.length ? el('div', { class: 'confidences', id: 'recogniser-confidence' },
        el('h3', { class: 'small' }, 'Recogniser confidence'),
        el('p', { class: 'hint' }, 'How sure the speech recogniser was of each word it heard; it is not your score.'),
        words.map(w => el('div', { class: 'word-conf' },
          el('span', {}, w.word),
          // no low/high/optimum: the bar stays one neutral colour whatever the value
          el('progress', { max: 100, value: Math.round((w.confidence ?? 0) * 100), 'aria-label': `Recogniser confidence for ${w.word}` }),
          el('span', { class: 'small' }, `${Math.round((w.confidence ?? 0) * 100)}%`)))) : null,
      el('div', { class: 'actions', id: 'verdict-actions' },
        recorderWidget({ el, label: result.verdict === 'CORRECT' ? 'Say it again' : 'Record a retry', maxSeconds: 6, onRecorded: wav => send(t, wav, null, status) }),
        el('button', { type: 'button', class: 'secondary', onclick: () => speak(reference(t)) }, '▶ Hear it again'))));
    focusHeading(resultBox);
  }

  // a term is always ready: the one asked for (?term=, any case), else the first not yet mastered
  const wanted = params.get('term')?.toLowerCase();
  const initial = terms.find(t => t.term.toLowerCase() === wanted) ?? terms.find(t => !isMastered(t)) ?? terms[0];
  if (initial) choose(initial, { focus: Boolean(wanted) });
  return () => { if ('speechSynthesis' in window) window.speechSynthesis.cancel(); };
}
