// Who is signed in: the access token from POST /api/auth/login, /register or /refresh, the single-use
// refresh token that gets the next one, and the account they name. Kept in localStorage so a reload
// stays signed in; cleared on sign-out or when the refresh token is refused.
const KEY = 'rehearse.session';
const listeners = new Set();

function read() {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) || 'null');
    // an expired access token is fine while there is a refresh token to get the next one with
    if (s && s.accessToken && (s.refreshToken || !s.expiresAt || s.expiresAt > Date.now())) return s;
  } catch { /* a damaged entry counts as signed out */ }
  return null;
}

/** sessionStorage key: the page a signed-out visitor asked for (an invite link), opened after signing in. */
export const AFTER_SIGN_IN = 'rehearse.after-sign-in';

export const session = {
  get current() { return read(); },
  get token() { return read()?.accessToken ?? null; },
  get user() { return read()?.user ?? null; },
  /** Milliseconds since the epoch when the access token expires (null: unknown). */
  get expiresAt() { return read()?.expiresAt ?? null; },
  get refreshToken() { return read()?.refreshToken ?? null; },
  /** True for COACH and ADMIN accounts: they see the coach view. */
  get isCoach() { const r = read()?.user?.role; return r === 'COACH' || r === 'ADMIN'; },
  save(signedIn) {
    const expiresAt = signedIn.expiresIn ? Date.now() + signedIn.expiresIn * 1000 : null;
    localStorage.setItem(KEY, JSON.stringify({
      accessToken: signedIn.accessToken, refreshToken: signedIn.refreshToken ?? null, user: signedIn.user, expiresAt,
    }));
    listeners.forEach(l => l());
  },
  clear() {
    localStorage.removeItem(KEY);
    listeners.forEach(l => l());
  },
  onChange(listener) { listeners.add(listener); return () => listeners.delete(listener); },
};
