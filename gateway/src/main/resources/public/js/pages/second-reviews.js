// Second reviews waiting for this coach (GET /api/coach/second-reviews). Each opens blind: the
// answer and the machine's result, no first review; after sending one's own
// (POST /api/coach/second-reviews/{id}), both reviews show side by side.
import { api, explain } from '../api.js';
import { renderAttempt } from '../result.js';
import { showQuestionTitle } from '../catalog.js';
import { conceptReviewForm, comparison } from '../reviews.js';
import { el, clear, notice, busy, formatDate, focusHeading } from '../ui.js';

export async function render(main, { params }) {
  const queueBox = el('div', { id: 'second-review-queue', 'aria-live': 'polite' }, busy('Loading your second reviews…'));
  const detail = el('div', { id: 'second-review-detail', 'aria-live': 'polite' });
  main.append(el('h1', {}, 'Second reviews'),
    el('section', { class: 'card', 'aria-labelledby': 'queue-h' }, el('h2', { id: 'queue-h' }, 'Waiting for you'), queueBox), detail);
  let queue;
  try {
    queue = await api('/api/coach/second-reviews');
  } catch (e) {
    clear(queueBox, notice('info', explain(e, 'Second reviews')));
    return;
  }
  clear(queueBox, queue.length ? el('ul', { class: 'plain' }, queue.map(v => el('li', { dataset: { attempt: v.attempt.id } },
    showQuestionTitle(el('a', { href: `#/second-reviews?id=${encodeURIComponent(v.request.id)}` }, v.attempt.questionId), v.attempt.questionId),
    el('span', { class: 'small muted' }, ` · asked ${formatDate(v.request.requestedAt)}`))))
    : el('p', { class: 'muted' }, 'Nothing waits for you.'));

  const id = params.get('id');
  if (!id) return;
  clear(detail, busy('Loading the attempt…'));
  let view;
  try {
    view = await api(`/api/coach/second-reviews/${encodeURIComponent(id)}`);
  } catch (e) {
    clear(detail, notice('error', explain(e, 'Second reviews')));
    return;
  }
  if (view.secondReview) {
    clear(detail, el('section', { class: 'card' }, el('h2', {}, 'Both reviews'), comparison(view)), renderAttempt(view.attempt));
    return;
  }
  const form = conceptReviewForm(view.attempt, {
    idPrefix: 'blind', heading: 'Your blind second review', submitLabel: 'Send second review', comment: false,
    submit: b => api(`/api/coach/second-reviews/${encodeURIComponent(id)}`, { method: 'POST', json: b }),
    done: async done => {
      queueBox.querySelector(`li[data-attempt="${CSS.escape(done.attempt.id)}"]`)?.remove();
      clear(detail, el('section', { class: 'card', 'aria-labelledby': 'both-h' }, el('h2', { id: 'both-h' }, 'Both reviews'),
        notice('ok', `Sent. The first review gave ${done.firstReview?.overrideScore ?? '–'}, yours ${done.secondReview.overrideScore}.`), comparison(done)),
      renderAttempt(done.attempt));
      focusHeading(detail);
    },
  });
  clear(detail, el('p', { class: 'notice info', id: 'blind-note' }, 'Blind review: the first review stays hidden until you send yours.'), renderAttempt(view.attempt), form);
}
