// The running transcript of a live answer: committed words (fillers and long pauses marked, in words as
// well as in style) and, set apart, the tail the recogniser may still change.
import { el, clear } from './ui.js';

const LONG_PAUSE = 1; // seconds of silence before a word, as the server counts a long pause

/** Returns {element, show(on), reset(text), add(words), pending(text), shows(text)}. */
export function liveTranscript() {
  // committed words: a log, so screen readers hear each stretch once as it is added, never the partials
  const committed = el('span', { id: 'live-committed', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': 'What was heard' });
  const tail = el('span', { id: 'live-pending', class: 'pending' });
  const text = el('p', { class: 'live-transcript', id: 'live-transcript' }, committed, ' ', tail);
  const legend = el('p', { class: 'legend small', id: 'live-legend' },
    el('span', { class: 'pending' }, 'grey italics: may still change'), el('span', { class: 'filler' }, 'wavy underline: filler word'),
    el('span', { class: 'pause-mark' }, `pause over ${LONG_PAUSE} s`));
  const element = el('div', { hidden: true }, text, legend);
  let words = []; // the committed words, plain

  return {
    element,
    show(on) { element.hidden = !on; },
    /** Committed text without marks (a resumed answer's words so far, or the final text). */
    reset(plain = '') {
      words = plain.split(/\s+/).filter(Boolean);
      clear(committed, words.length ? `${words.join(' ')} ` : '');
      tail.textContent = '';
      element.hidden = false;
    },
    /** A committed segment's words: [{word, filler, pauseBefore}]. */
    add(segment) {
      tail.textContent = '';
      for (const w of segment) {
        if (words.length && w.pauseBefore > LONG_PAUSE) committed.append(el('span', { class: 'pause-mark' }, `pause ${w.pauseBefore.toFixed(1)} s`), ' ');
        committed.append(w.filler
          ? el('span', { class: 'filler', title: 'filler word' }, w.word, el('span', { class: 'sr-only' }, ' (filler)'))
          : w.word, ' ');
        words.push(w.word);
      }
    },
    pending(unsettled) { tail.textContent = unsettled ?? ''; },
    /** True when the committed words on screen are this text. */
    shows(plain) { return words.join(' ') === plain.split(/\s+/).filter(Boolean).join(' '); },
  };
}
