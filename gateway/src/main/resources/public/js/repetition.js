// Spaced repetition on the server (FSRS): what is due (GET /api/repetition/due) and grading a card
// (POST /api/repetition/reviews {kind, itemRef, rating, label}; label, the term, creates a vocabulary
// card on its first grade). Shared by the flashcards page and the
// dashboard's "Due today" card.
import { api } from './api.js';

export const RATINGS = [
  { rating: 'AGAIN', label: 'Again', key: '1' },
  { rating: 'HARD', label: 'Hard', key: '2' },
  { rating: 'GOOD', label: 'Good', key: '3' },
  { rating: 'EASY', label: 'Easy', key: '4' },
];

export const KIND_NAMES = {
  VOCABULARY: 'Vocabulary',
  QUIZ_ITEM: 'Quiz questions',
  CONCEPT: 'Weak concepts',
  PRONUNCIATION: 'Pronunciation',
};

/** Cards due by the end of the candidate's own day (the server's default is the end of the UTC day). */
export function dueCards() {
  const endOfDay = new Date();
  endOfDay.setHours(23, 59, 59, 999);
  return api(`/api/repetition/due?until=${encodeURIComponent(endOfDay.toISOString())}`);
}

export function grade(card, rating) {
  return api('/api/repetition/reviews', { method: 'POST', json: { kind: card.kind, itemRef: card.itemRef, rating, label: card.label } });
}

/** "later today" for 0 days, else "3 d". */
export function interval(days) {
  return days === 0 ? '<10 min' : days >= 30 ? `${Math.round(days / 30)} mo` : `${days} d`;
}

export function totalDue(due) {
  return Object.values(due.counts ?? {}).reduce((a, b) => a + b, 0);
}

/** Where to practise a due card that is not a flashcard. */
export function practiceLink(card) {
  switch (card.kind) {
    case 'QUIZ_ITEM': return { href: `#/quiz?item=${encodeURIComponent(card.target)}`, text: 'Answer it again in a quiz' };
    case 'CONCEPT': return { href: `#/practice?question=${encodeURIComponent(card.target)}`, text: 'Answer the question again' };
    case 'PRONUNCIATION': return { href: `#/pronunciation?term=${encodeURIComponent(card.target)}`, text: 'Drill saying it' };
    default: return null;
  }
}
