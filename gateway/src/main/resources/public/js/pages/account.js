// The signed-in account: who it is, and a password change (PUT /api/auth/password). A new password
// ends every session of the account, on every device; this browser gets a new one in the answer.
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
    el('div', { class: 'card' }, form)));

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
