// Sign in / create an account: POST /api/auth/login and /api/auth/register, both answering
// {accessToken, tokenType, expiresIn, refreshToken, user: {id, email, displayName, role}}.
import { api, ApiError } from '../api.js';
import { session, AFTER_SIGN_IN } from '../session.js';
import { el, clear, field, notice, showFieldErrors, withBusy } from '../ui.js';

export function render(main, { params, go }) {
  const panel = el('div', { id: 'auth-panel' });
  const mode = params.get('mode') === 'register' ? 'register' : 'signin';
  const tabs = el('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Sign in or create an account' });
  const tab = (name, label) => el('button', {
    type: 'button', role: 'tab', id: `tab-${name}`, 'aria-controls': 'auth-panel',
    'aria-selected': String(mode === name), tabindex: mode === name ? '0' : '-1',
    onclick: () => go('signin', name === 'register' ? { mode: 'register' } : undefined),
  }, label);
  tabs.append(tab('signin', 'Sign in'), tab('register', 'Create account'));
  tabs.addEventListener('keydown', e => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      go('signin', mode === 'register' ? undefined : { mode: 'register' });
    }
  });

  main.append(el('section', { class: 'auth' },
    el('h1', {}, 'Rehearse'),
    el('p', { class: 'lead' }, 'Practise ML-infrastructure interviews: answer out loud or in writing, see what you covered, and say the field\'s terms with confidence.'),
    el('div', { class: 'card' }, tabs, panel)));
  panel.setAttribute('role', 'tabpanel');
  panel.setAttribute('aria-labelledby', `tab-${mode}`);

  const email = el('input', { type: 'email', autocomplete: 'email', required: true });
  const password = el('input', { type: 'password', autocomplete: mode === 'register' ? 'new-password' : 'current-password', required: true, minLength: mode === 'register' ? 8 : undefined });
  const displayName = el('input', { type: 'text', autocomplete: 'name', required: true, maxLength: 100 });
  const submit = el('button', { type: 'submit', id: mode === 'register' ? 'register-submit' : 'signin-submit' }, mode === 'register' ? 'Create account' : 'Sign in');
  const status = el('div', { 'aria-live': 'polite' });
  const form = el('form', { novalidate: true, id: mode === 'register' ? 'register-form' : 'signin-form' },
    mode === 'register' ? field('Your name', displayName, { name: 'displayName', hint: 'Shown to your coach.' }) : null,
    field('Email', email, { name: 'email' }),
    field('Password', password, { name: 'password', hint: mode === 'register' ? 'At least 8 characters.' : undefined }),
    status,
    el('div', { class: 'actions' }, submit));
  panel.append(form);

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const body = mode === 'register'
      ? { email: email.value.trim(), password: password.value, displayName: displayName.value.trim() }
      : { email: email.value.trim(), password: password.value };
    const local = [];
    if (mode === 'register' && !body.displayName) local.push({ field: 'displayName', message: 'Please enter your name.' });
    if (!body.email) local.push({ field: 'email', message: 'Please enter your email address.' });
    if (!body.password) local.push({ field: 'password', message: 'Please enter your password.' });
    else if (mode === 'register' && body.password.length < 8) local.push({ field: 'password', message: 'Use at least 8 characters.' });
    showFieldErrors(form, local);
    if (local.length) { form.querySelector('[aria-invalid="true"]')?.focus(); return; }
    let failure = null;
    const signedIn = await withBusy({ button: submit, slot: status, label: mode === 'register' ? 'Creating your account…' : 'Signing in…' }, async () => {
      try {
        return await api(mode === 'register' ? '/api/auth/register' : '/api/auth/login', { method: 'POST', json: body });
      } catch (error) {
        failure = error;
        throw error;
      }
    });
    if (signedIn) {
      session.save(signedIn);
      const next = sessionStorage.getItem(AFTER_SIGN_IN);
      sessionStorage.removeItem(AFTER_SIGN_IN);
      if (next) location.hash = next; else go('dashboard');
      return;
    }
    if (failure instanceof ApiError) {
      const rest = showFieldErrors(form, failure.fieldErrors);
      const text = failure.notReady ? 'Accounts are not available on this server yet.' : failure.message;
      clear(status, notice('error', text, rest.length && rest[0] !== text ? el('ul', {}, rest.map(m => el('li', {}, m))) : null));
      form.querySelector('[aria-invalid="true"]')?.focus();
    }
  });
  (mode === 'register' ? displayName : email).focus();
}
