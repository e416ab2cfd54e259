// Flashcards with spaced repetition on the server (FSRS). The vocabulary deck is the role's vocabulary
// cards due today, then vocabulary not yet seen; "Review all due" (#/flashcards?mode=due) also brings
// the missed quiz questions, weak concepts and failed pronunciation terms that are due, each with a
// link to practise it. Grades: Again / Hard / Good / Easy (keys 1-4), each labelled with the interval
// it would schedule; Space shows the back. Progress lives on the server, so it follows the candidate
// to any browser.
import { explain } from '../api.js';
import { rolePicker, search, item } from '../catalog.js';
import { RATINGS, KIND_NAMES, dueCards, grade, interval, totalDue, practiceLink } from '../repetition.js';
import { el, clear, notice, busy, withBusy, badge } from '../ui.js';
import { shuffle } from './quiz.js';

export async function render(main, { params }) {
  const allDue = params?.get('mode') === 'due';
  const top = el('section', { class: 'card' });
  const dueCount = el('p', { class: 'due-count', 'aria-live': 'polite' }, 'Due today: ', el('strong', { id: 'due-count' }, '…'));
  const deckBox = el('div', { id: 'deck', 'aria-live': 'polite' });
  main.append(el('h1', {}, allDue ? 'Review what is due' : 'Vocabulary'),
    el('p', { class: 'lead' }, allDue
      ? 'Everything the scheduler brings back today: vocabulary, missed quiz questions, weak concepts, terms to say again.'
      : 'The words interviewers expect you to use precisely. Cards come back just before you would forget them.'),
    top, deckBox);
  top.append(dueCount, el('div', { class: 'actions' },
    allDue
      ? el('a', { href: '#/flashcards', class: 'button secondary', id: 'mode-vocabulary' }, 'Vocabulary only')
      : el('a', { href: '#/flashcards?mode=due', class: 'button secondary', id: 'mode-due' }, 'Review all due')));
  let keyHandler = null;
  const picker = allDue ? null : await rolePicker(top, () => load());
  if (!allDue && !picker) return;
  const status = picker?.status ?? top.appendChild(el('div', { 'aria-live': 'polite' }));

  function showDue(due) {
    dueCount.querySelector('#due-count').textContent = String(totalDue(due));
  }

  async function load() {
    clear(deckBox);
    await withBusy({ slot: status, label: 'Shuffling the deck…' }, async () => {
      let due;
      let vocabulary = [];
      try {
        due = await dueCards();
        if (!allDue) vocabulary = (await search({ role: picker.select.value, type: 'VOCABULARY', size: 100 })).items;
      } catch (e) {
        throw new Error(explain(e, 'Vocabulary'));
      }
      showDue(due);
      const carded = new Set(due.vocabularyCarded);
      const dueNow = due.cards.filter(c => allDue || c.kind === 'VOCABULARY')
        .map(c => ({ ...c, isNew: false }));
      const fresh = allDue ? [] : shuffle(vocabulary.filter(v => !carded.has(v.id)))
        .map(v => ({ kind: 'VOCABULARY', itemRef: v.id, target: v.id, label: v.text, days: due.newCardDays, isNew: true }));
      const deck = [...dueNow, ...fresh];
      if (!deck.length) {
        clear(deckBox, el('section', { class: 'card', id: 'deck-done' }, el('h2', {}, 'Nothing to review'),
          el('p', {}, allDue ? 'Nothing is due today. Come back tomorrow, or learn new vocabulary.' : 'Every term of this role is scheduled; none is due today.')));
        return;
      }
      play(deck);
    });
  }

  function play(deck) {
    let index = 0;
    const card = el('div', { class: 'flashcard', id: 'flashcard', tabindex: '-1' });
    const counter = el('p', { class: 'muted', 'aria-live': 'polite' });
    const flip = el('button', { type: 'button', id: 'flip', 'aria-expanded': 'false', 'aria-controls': 'flashcard' }, 'Show definition');
    const buttons = RATINGS.map(r => el('button', { type: 'button', class: r.rating === 'AGAIN' ? 'secondary' : null, id: `grade-${r.rating.toLowerCase()}`, dataset: { rating: r.rating } }));
    const gradeStatus = el('div', { 'aria-live': 'polite' });
    clear(deckBox, el('section', { class: 'card', 'aria-label': 'Flashcard' }, counter, card,
      el('div', { class: 'actions' }, flip),
      el('div', { class: 'actions grades', role: 'group', 'aria-label': 'How well did you know it?' }, buttons), gradeStatus));

    function show() {
      const c = deck[index];
      counter.textContent = `Card ${index + 1} of ${deck.length}${c.isNew ? ' · new' : ''}`;
      buttons.forEach((b, i) => { b.textContent = `${RATINGS[i].label} · ${interval(c.days[RATINGS[i].rating])} (${RATINGS[i].key})`; });
      card.dataset.itemId = c.itemRef;
      card.dataset.kind = c.kind;
      flip.setAttribute('aria-expanded', 'false');
      flip.textContent = 'Show definition';
      flip.hidden = c.kind !== 'VOCABULARY';
      const link = practiceLink(c);
      clear(card,
        c.kind === 'VOCABULARY' ? null : badge(KIND_NAMES[c.kind] ?? c.kind, 'kind'),
        el('div', { class: 'term' }, c.label),
        link ? el('p', {}, el('a', { href: link.href }, link.text), el('span', { class: 'muted' }, ' — then grade how well you knew it.')) : null);
      if (c.kind === 'VOCABULARY') item(c.target).catch(() => null); // fetch the back while the candidate thinks
    }

    async function reveal() {
      const c = deck[index];
      if (c.kind !== 'VOCABULARY') return;
      if (flip.getAttribute('aria-expanded') === 'true') { show(); return; }
      card.append(busy('Loading…'));
      let full;
      try { full = await item(c.target); } catch (e) { clear(card, el('div', { class: 'term' }, c.label), notice('error', explain(e, 'Vocabulary'))); return; }
      const x = full.content ?? {};
      clear(card,
        el('div', { class: 'term' }, x.term ?? c.label),
        el('p', { class: 'definition' }, x.definition ?? ''),
        x.example ? el('p', { class: 'muted' }, el('q', {}, x.example)) : null,
        x.collocations?.length ? el('div', { class: 'chips', 'aria-label': 'Collocations' }, x.collocations.map(t => el('span', { class: 'chip' }, t))) : null);
      flip.setAttribute('aria-expanded', 'true');
      flip.textContent = 'Hide definition';
    }

    let saving = false;
    async function rate(rating) {
      if (saving) return;
      saving = true;
      const c = deck[index];
      const result = await withBusy({ slot: gradeStatus, label: 'Saving…' }, async () => {
        try {
          return await grade(c, rating);
        } catch (e) {
          throw new Error(explain(e, 'Spaced repetition'));
        }
      });
      saving = false;
      if (!result) return;
      deck.splice(index, 1);
      clear(gradeStatus, el('p', { class: 'muted', id: 'last-grade' }, `Next review: ${result.days === 0 ? 'later today' : `in ${interval(result.days)}`}.`));
      const due = await dueCards().catch(() => null);
      if (due) {
        showDue(due);
        // forgotten: it comes back in this session, a few cards later, with its new intervals
        const again = result.days === 0 && due.cards.find(x => x.kind === c.kind && x.itemRef === c.itemRef);
        if (again) deck.splice(Math.min(deck.length, index + 3), 0, { ...again, isNew: false });
      }
      if (!deck.length) {
        clear(deckBox, el('section', { class: 'card', id: 'deck-done' }, el('h2', {}, 'Deck done'),
          el('p', {}, 'Everything due is reviewed. The scheduler brings each card back when you are about to forget it.'),
          el('button', { type: 'button', onclick: () => load() }, 'Check again')));
        return;
      }
      if (index >= deck.length) index = 0;
      show();
      card.focus();
    }

    flip.addEventListener('click', reveal);
    buttons.forEach(b => b.addEventListener('click', () => rate(b.dataset.rating)));
    if (keyHandler) document.removeEventListener('keydown', keyHandler);
    keyHandler = e => {
      if (e.target.closest('input, select, textarea') || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === ' ' && !e.target.closest('button, a')) { e.preventDefault(); reveal(); }
      const r = RATINGS.find(x => x.key === e.key);
      if (r) rate(r.rating);
    };
    document.addEventListener('keydown', keyHandler);
    show();
  }

  await load();
  return () => { if (keyHandler) document.removeEventListener('keydown', keyHandler); };
}
