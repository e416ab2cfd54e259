// Vocabulary flashcards: a role's VOCABULARY items, term first; reveal the definition, example and
// collocations, then mark it known or "again". Cards marked "again" come back sooner in this session,
// and what is known is remembered in this browser. Keys: Space shows the back, K known, A again.
import { explain } from '../api.js';
import { rolePicker, search, item } from '../catalog.js';
import { userStore } from '../session.js';
import { el, clear, notice, busy, withBusy } from '../ui.js';

export async function render(main) {
  const top = el('section', { class: 'card' });
  const deckBox = el('div', { id: 'deck', 'aria-live': 'polite' });
  main.append(el('h1', {}, 'Vocabulary'), el('p', { class: 'lead' }, 'The words interviewers expect you to use precisely.'), top, deckBox);
  const picker = await rolePicker(top, () => load());
  if (!picker) return;
  const { select: roleSelect, status } = picker;
  const known = userStore('known-terms');
  let keyHandler = null;

  async function load() {
    clear(deckBox);
    await withBusy({ slot: status, label: 'Shuffling the deck…' }, async () => {
      let page;
      try {
        page = await search({ role: roleSelect.value, type: 'VOCABULARY', size: 100 });
      } catch (e) {
        throw new Error(explain(e, 'Vocabulary'));
      }
      const knownIds = new Set(known.get([]));
      const fresh = page.items.filter(i => !knownIds.has(i.id)).sort(() => Math.random() - 0.5);
      const deck = fresh.length ? fresh : [...page.items].sort(() => Math.random() - 0.5);
      if (!deck.length) throw new Error('No vocabulary for this role yet.');
      play(deck, page.items.length, knownIds.size);
    });
  }

  function play(deck, total, knownAtStart) {
    let index = 0;
    let knownNow = knownAtStart;
    const card = el('div', { class: 'flashcard', id: 'flashcard', tabindex: '-1' });
    const counter = el('p', { class: 'muted', 'aria-live': 'polite' });
    const flip = el('button', { type: 'button', id: 'flip', 'aria-expanded': 'false', 'aria-controls': 'flashcard' }, 'Show definition');
    const again = el('button', { type: 'button', class: 'secondary', id: 'again' }, 'Again (A)');
    const gotIt = el('button', { type: 'button', id: 'known' }, 'I know it (K)');
    clear(deckBox, el('section', { class: 'card' }, counter, card, el('div', { class: 'actions' }, flip, again, gotIt)));

    async function show() {
      const summary = deck[index];
      counter.textContent = `Card ${index + 1} of ${deck.length} · ${Math.min(knownNow, total)} of ${total} known`;
      flip.setAttribute('aria-expanded', 'false');
      flip.textContent = 'Show definition';
      clear(card, el('div', { class: 'term' }, summary.text));
      card.dataset.itemId = summary.id;
      item(summary.id).catch(() => null); // fetch the back while the candidate thinks
    }

    async function reveal() {
      if (flip.getAttribute('aria-expanded') === 'true') { show(); return; }
      const summary = deck[index];
      card.append(busy('Loading…'));
      let full;
      try { full = await item(summary.id); } catch (e) { clear(card, el('div', { class: 'term' }, summary.text), notice('error', explain(e, 'Vocabulary'))); return; }
      const c = full.content ?? {};
      clear(card,
        el('div', { class: 'term' }, c.term ?? summary.text),
        el('p', { class: 'definition' }, c.definition ?? ''),
        c.example ? el('p', { class: 'muted' }, el('q', {}, c.example)) : null,
        c.collocations?.length ? el('div', { class: 'chips', 'aria-label': 'Collocations' }, c.collocations.map(x => el('span', { class: 'chip' }, x))) : null);
      flip.setAttribute('aria-expanded', 'true');
      flip.textContent = 'Hide definition';
    }

    function advance(isKnown) {
      const summary = deck[index];
      if (isKnown) {
        const list = new Set(known.get([]));
        if (!list.has(summary.id)) { list.add(summary.id); knownNow += 1; }
        known.set([...list]);
        deck.splice(index, 1);
      } else {
        // again: put it back three cards later
        deck.splice(index, 1);
        deck.splice(Math.min(deck.length, index + 3), 0, summary);
      }
      if (!deck.length) {
        clear(deckBox, el('section', { class: 'card' }, el('h2', {}, 'Deck done'), el('p', {}, `You know all ${total} terms for this role.`),
          el('button', { type: 'button', onclick: () => { known.set([]); load(); } }, 'Start over')));
        return;
      }
      if (index >= deck.length) index = 0;
      show();
      card.focus();
    }

    flip.addEventListener('click', reveal);
    again.addEventListener('click', () => advance(false));
    gotIt.addEventListener('click', () => advance(true));
    if (keyHandler) document.removeEventListener('keydown', keyHandler);
    keyHandler = e => {
      if (e.target.closest('input, select, textarea') || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === ' ' && !e.target.closest('button')) { e.preventDefault(); reveal(); }
      if (e.key === 'k' || e.key === 'K') advance(true);
      if (e.key === 'a' || e.key === 'A') advance(false);
    };
    document.addEventListener('keydown', keyHandler);
    show();
  }

  await load();
  return () => { if (keyHandler) document.removeEventListener('keydown', keyHandler); };
}
