// Cohorts, both sides. A coach creates a cohort (POST /api/coach/cohorts) and hands out its join code
// or invite link; a candidate joins with it (POST /api/cohort-memberships) and can leave again. Only
// then does the coach see the candidate's work.
import { api, explain, ApiError } from './api.js';
import { el, clear, field, notice, busy, formatDate, withBusy, showFieldErrors } from './ui.js';

/** The address a candidate opens to join: the dashboard with the code filled in. */
export function inviteLink(code) {
  return `${location.origin}${location.pathname}#/dashboard?join=${encodeURIComponent(code)}`;
}

/** The coach's cohorts with their codes, and a form for a new one. onChange runs after any change. */
export async function renderCoachCohorts(box, onChange) {
  const name = el('input', { type: 'text', required: true, maxLength: 100, autocomplete: 'off', id: 'cohort-name' });
  const create = el('button', { type: 'submit', id: 'create-cohort' }, 'Create cohort');
  const status = el('div', { 'aria-live': 'polite' });
  const list = el('div', { id: 'cohort-list', 'aria-live': 'polite' });
  const form = el('form', { class: 'row', novalidate: true, id: 'cohort-form' },
    field('New cohort name', name, { name: 'name', hint: 'For example “Spring 2027 platform candidates”.' }), el('div', { class: 'field' }, create));
  clear(box, list, form, status);

  async function load() {
    clear(list, busy('Loading your cohorts…'));
    let cohorts;
    try {
      cohorts = await api('/api/coach/cohorts');
    } catch (e) {
      clear(list, notice('info', explain(e, 'Cohorts')));
      return;
    }
    clear(list, cohorts.length ? el('table', { id: 'cohorts-table' },
      el('caption', { class: 'sr-only' }, 'Your cohorts and their join codes'),
      el('thead', {}, el('tr', {}, el('th', {}, 'Cohort'), el('th', {}, 'Join code'), el('th', { class: 'num' }, 'Members'), el('th', {}, 'Invite'))),
      el('tbody', {}, cohorts.map(c => el('tr', { dataset: { cohort: c.id } },
        el('td', {}, c.name, el('div', { class: 'small muted' }, `since ${formatDate(c.createdAt)}`)),
        el('td', {}, el('code', { class: 'join-code' }, c.joinCode)),
        el('td', { class: 'num' }, String(c.members)),
        el('td', {},
          el('button', { type: 'button', class: 'secondary', onclick: e => copy(e.currentTarget, inviteLink(c.joinCode)) }, 'Copy invite link'), ' ',
          el('button', { type: 'button', class: 'quiet', onclick: e => renew(e.currentTarget, c) }, 'New code'))))))
      : el('p', { class: 'muted' }, 'No cohorts yet. Create one below, then give candidates its code or invite link: you see their work once they join.'));
  }

  async function copy(button, text) {
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = 'Copied';
    } catch {
      window.prompt('Copy the invite link:', text); // clipboard needs permission or a secure origin
    }
  }

  async function renew(button, cohort) {
    if (!window.confirm(`Replace the code of “${cohort.name}”? The old code stops working; members stay.`)) return;
    await withBusy({ button, slot: status, label: 'Making a new code…' }, () => api(`/api/coach/cohorts/${cohort.id}/join-code`, { method: 'POST', json: {} }));
    await load();
  }

  onOneFieldSubmit({ form, input: name, field: 'name', button: create, status, label: 'Creating the cohort…',
    empty: 'Give the cohort a name your candidates will recognise.',
    send: value => api('/api/coach/cohorts', { method: 'POST', json: { name: value } }),
    done: async made => {
      await load();
      status.append(notice('ok', `Created “${made.name}”. Its join code is ${made.joinCode}.`));
      onChange?.();
    } });
  await load();
}

/** The candidate's cohorts with a Leave button each, and the join form (pre-filled from an invite link). */
export async function renderMemberships(box, invitedCode) {
  const code = el('input', { type: 'text', required: true, maxLength: 32, autocomplete: 'off', spellcheck: false, id: 'join-code', value: invitedCode ?? '' });
  const join = el('button', { type: 'submit', id: 'join-cohort' }, 'Join');
  const status = el('div', { 'aria-live': 'polite', id: 'join-status' });
  const list = el('div', { id: 'memberships' });
  const form = el('form', { class: 'row', novalidate: true, id: 'join-form' },
    field('Join code from your coach', code, { name: 'joinCode', hint: '8 letters and digits; dashes and case do not matter.' }), el('div', { class: 'field' }, join));
  clear(box, list, form, status);

  async function load() {
    clear(list, busy('Loading your cohorts…'));
    try {
      const memberships = await api('/api/cohort-memberships');
      clear(list, memberships.length
        ? el('ul', { class: 'plain' }, memberships.map(m => el('li', {},
          el('strong', {}, m.cohortName), el('span', { class: 'small muted' }, ` · joined ${formatDate(m.joinedAt)} `),
          el('button', { type: 'button', class: 'quiet', onclick: e => leave(e.currentTarget, m) }, 'Leave'))))
        : el('p', { class: 'muted' }, 'You are not in a coach’s cohort. With a code from your coach, they can follow your progress and review your answers.'));
    } catch (e) {
      clear(list, notice('info', explain(e, 'Cohorts')));
    }
  }

  async function leave(button, membership) {
    if (!window.confirm(`Leave “${membership.cohortName}”? Its coach will no longer see your work.`)) return;
    await withBusy({ button, slot: status, label: 'Leaving…' }, () => api(`/api/cohort-memberships/${membership.cohortId}`, { method: 'DELETE' }));
    await load();
  }

  onOneFieldSubmit({ form, input: code, field: 'joinCode', button: join, status, label: 'Joining…',
    empty: 'Type the code your coach gave you.',
    send: value => api('/api/cohort-memberships', { method: 'POST', json: { joinCode: value } }),
    done: async joined => {
      await load();
      status.append(notice('ok', `You joined “${joined.cohortName}”. Your coach can now see your attempts and progress.`));
    } });
  await load();
}

/** A one-field form: refuses an empty value locally, sends it with a busy indicator, shows field problems, clears on success. */
function onOneFieldSubmit({ form, input, field: name, button, status, label, empty, send, done }) {
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const value = input.value.trim();
    if (!value) {
      showFieldErrors(form, [{ field: name, message: empty }]);
      input.focus();
      return;
    }
    let failure = null;
    const answer = await withBusy({ button, slot: status, label }, async () => {
      try {
        return await send(value);
      } catch (err) {
        failure = err;
        throw new Error(explain(err, 'Cohorts'));
      }
    });
    showFieldErrors(form, failure instanceof ApiError ? failure.fieldErrors : []);
    if (answer) {
      input.value = '';
      await done(answer);
    }
  });
}
