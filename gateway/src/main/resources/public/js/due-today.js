// The dashboard's "Due today" card: how many spaced-repetition cards are due, per kind, and a button
// to start reviewing them on the flashcards page.
import { explain } from './api.js';
import { dueCards, totalDue, KIND_NAMES } from './repetition.js';
import { el, clear, busy, notice } from './ui.js';

export async function dueToday(container) {
  const body = el('div', { 'aria-live': 'polite' }, busy('Loading what is due…'));
  const card = el('section', { class: 'card', id: 'due-today', 'aria-labelledby': 'due-today-h' },
    el('h2', { id: 'due-today-h' }, 'Due today'), body);
  container.append(card);
  let due;
  try {
    due = await dueCards();
  } catch (e) {
    clear(body, notice('error', explain(e, 'Spaced repetition')));
    return card;
  }
  const total = totalDue(due);
  const kinds = Object.entries(due.counts).filter(([, n]) => n > 0);
  clear(body,
    el('p', { class: 'due-total' }, el('strong', { id: 'due-today-count' }, String(total)),
      total === 1 ? ' card to review' : ' cards to review'),
    kinds.length
      ? el('ul', { class: 'plain due-kinds' }, kinds.map(([k, n]) => el('li', {}, `${KIND_NAMES[k] ?? k}: ${n}`)))
      : el('p', { class: 'muted' }, 'Nothing due. Missed quiz questions, weak concepts and failed drills come back here.'),
    el('div', { class: 'actions' },
      el('a', { class: 'button', href: total ? '#/flashcards?mode=due' : '#/flashcards', id: 'start-review' },
        total ? 'Start reviewing' : 'Learn new vocabulary')));
  return card;
}
