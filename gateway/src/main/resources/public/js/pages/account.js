// The signed-in account: who it is, and a password change (PUT /api/auth/password). A new password
// ends every session of the account, on every device; this browser gets a new one in the answer.
// Also the account's data: a download of everything held (GET /api/me/export) and deleting the
// account (DELETE /api/me, password in X-Confirm-Password), which signs out to the start page.
import { api, ApiError } from '../api.js';
import { session } from '../session.js';
import { el, clear, field, notice, showFieldErrors, withBusy } from '../ui.js';

export function render(main) {
  const user = session.user;
  const current = el('input', { type: 'password', autocomplete: 'current-password', required: true });
  const next = el('input', { type: 'password', autocomplete: 'new-password', required: true, minLength: 8, maxLength: 72 });
  const again = el('input', { type: 'password', autocomplete: 'new-password', required: true });
  const submit = el('button', { type: 'submit', id: 'password-submit' }, 'Change password');
  const status = el('div', { id: 'password-status', 'aria-live': 'polite' });
  const form = el('form', { novalidate: true, id: 'password-form', 'aria-labelledby': 'password-heading' },
    el('h2', { id: 'password-heading' }, 'Change your password'),
    el('p', { class: 'hint' }, 'Every other device signed in to this account is signed out.'),
    field('Current password', current, { name: 'currentPassword' }),
    field('New password', next, { name: 'newPassword', hint: 'At least 8 characters.' }),
    field('New password again', again, { name: 'confirmPassword' }),
    status,
    el('div', { class: 'actions' }, submit));

  main.append(el('section', { class: 'account-page' },
    el('h1', {}, 'Your account'),
    el('dl', { class: 'card' },
      el('dt', {}, 'Name'), el('dd', {}, user.displayName),
      el('dt', {}, 'Email'), el('dd', {}, user.email),
      el('dt', {}, 'Role'), el('dd', {}, user.role.toLowerCase())),
    el('div', { class: 'card' }, form),
    dataCard()));

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const local = [];
    if (!current.value) local.push({ field: 'currentPassword', message: 'Please enter your current password.' });
    if (next.value.length < 8) local.push({ field: 'newPassword', message: 'Use at least 8 characters.' });
    else if (new TextEncoder().encode(next.value).length > 72) local.push({ field: 'newPassword', message: 'Use at most 72 bytes (fewer characters outside English letters).' });
    if (again.value !== next.value) local.push({ field: 'confirmPassword', message: 'The two new passwords differ.' });
    showFieldErrors(form, local);
    if (local.length) { form.querySelector('[aria-invalid="true"]')?.focus(); return; }
    let failure = null;
    const signedIn = await withBusy({ button: submit, slot: status, label: 'Changing your password…' }, async () => {
      try {
        return await api('/api/auth/password', { method: 'PUT', json: { currentPassword: current.value, newPassword: next.value } });
      } catch (error) {
        failure = error;
        throw error;
      }
    });
    if (signedIn) {
      session.save(signedIn);
      form.reset();
      clear(status, notice('ok', 'Your password is changed. Other devices have to sign in again.'));
      return;
    }
    if (failure instanceof ApiError) {
      const rest = showFieldErrors(form, failure.fieldErrors);
      clear(status, notice('error', rest[0] ?? failure.message));
      form.querySelector('[aria-invalid="true"]')?.focus();
    }
  });
  current.focus();
}

function dataCard() {
  const download = el('button', { type: 'button', id: 'export-button' }, 'Download my data');
  const exportStatus = el('div', { id: 'export-status', 'aria-live': 'polite' });
  download.addEventListener('click', async () => {
    const data = await withBusy({ button: download, slot: exportStatus, label: 'Gathering your data from every service…' },
      () => api('/api/me/export'));
    if (!data) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    const link = el('a', { href: url, download: 'rehearse-my-data.json', id: 'export-link' }, 'Save rehearse-my-data.json');
    clear(exportStatus, notice('ok', 'Your data is ready. '), link);
    link.click();
  });

  const password = el('input', { type: 'password', autocomplete: 'current-password', required: true, id: 'delete-password' });
  const understood = el('input', { type: 'checkbox', id: 'delete-understood', required: true });
  const remove = el('button', { type: 'submit', id: 'delete-submit', class: 'danger' }, 'Delete my account');
  const deleteStatus = el('div', { id: 'delete-status', 'aria-live': 'polite' });
  const form = el('form', { novalidate: true, id: 'delete-form', 'aria-labelledby': 'delete-heading' },
    el('h2', { id: 'delete-heading' }, 'Delete your account'),
    el('p', { class: 'hint', id: 'delete-warning' },
      'This cannot be undone. Your account, answers, recordings, transcripts, scores, reviews, ',
      'quizzes, self-assessments, cohort memberships and practice history are erased from every ',
      'service, and you are signed out everywhere.'),
    field('Your password', password, { name: 'X-Confirm-Password' }),
    el('label', { class: 'check' }, understood, ' I understand that everything is deleted for good'),
    deleteStatus,
    el('div', { class: 'actions' }, remove));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const local = [];
    if (!password.value) local.push({ field: 'X-Confirm-Password', message: 'Please enter your password.' });
    showFieldErrors(form, local);
    if (local.length) { password.focus(); return; }
    if (!understood.checked) { clear(deleteStatus, notice('error', 'Tick the box to confirm you understand.')); return; }
    let failure = null;
    const done = await withBusy({ button: remove, slot: deleteStatus, label: 'Deleting your account…' }, async () => {
      try {
        await api('/api/me', { method: 'DELETE', headers: { 'X-Confirm-Password': password.value } });
        return true;
      } catch (error) {
        failure = error;
        throw error;
      }
    });
    if (done) {
      location.hash = '#/';
      session.clear();
      return;
    }
    if (failure instanceof ApiError) {
      const rest = showFieldErrors(form, failure.fieldErrors);
      clear(deleteStatus, notice('error', rest[0] ?? failure.message));
    }
  });

  return el('div', { class: 'card', id: 'my-data' },
    el('h2', {}, 'Your data'),
    el('p', { class: 'hint' }, 'Everything Rehearse holds about you, from every service, in one JSON file.'),
    el('div', { class: 'actions' }, download), exportStatus,
    form);
}
