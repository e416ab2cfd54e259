// Rehearse single-page app: a hash router over page modules in js/pages, the header, and the live
// connection that every page shares. Plain ES modules, served as they are: no build step.
import { session, AFTER_SIGN_IN } from './js/session.js';
import { connect, disconnect, onLive, onLiveState, liveState } from './js/live.js';
import { el, clear, toast, notice } from './js/ui.js';
import { api, refreshSession } from './js/api.js';
import { setMenuOpen } from './js/menu.js';
import { labelTableCells } from './js/table-cards.js';

const PAGES = {
  signin: { title: 'Sign in', load: () => import('./js/pages/auth.js'), public: true },
  dashboard: { title: 'Dashboard', load: () => import('./js/pages/dashboard.js'), nav: 'Dashboard' },
  practice: { title: 'Practice', load: () => import('./js/pages/practice.js'), nav: 'Practice' },
  interview: { title: 'Mock interview', load: () => import('./js/pages/interview.js'), nav: 'Mock interview' },
  'session-report': { title: 'Mock interview report', load: () => import('./js/pages/session-report.js') },
  quiz: { title: 'Quick quiz', load: () => import('./js/pages/quiz.js'), nav: 'Quiz' },
  'self-assessment': { title: 'Self-assessment', load: () => import('./js/pages/self-assessment.js'), nav: 'Self-assessment' },
  flashcards: { title: 'Vocabulary', load: () => import('./js/pages/flashcards.js'), nav: 'Vocabulary' },
  pronunciation: { title: 'Pronunciation', load: () => import('./js/pages/pronunciation.js'), nav: 'Pronunciation' },
  coach: { title: 'Coach', load: () => import('./js/pages/coach.js'), nav: 'Coach', coach: true },
  'second-reviews': { title: 'Second reviews', load: () => import('./js/pages/second-reviews.js'), nav: 'Second reviews', coach: true },
  account: { title: 'Your account', load: () => import('./js/pages/account.js') },
};

const main = document.getElementById('main');
labelTableCells(main);
let cleanup = null;
let rendering = 0;

function parseHash() {
  const hash = location.hash.startsWith('#/') ? location.hash.slice(2) : '';
  const [path, query = ''] = hash.split('?');
  return { name: path || '', params: new URLSearchParams(query) };
}

export function go(name, params) {
  const query = params ? `?${new URLSearchParams(params)}` : '';
  location.hash = `#/${name}${query}`;
}

function renderNav(current) {
  const nav = document.getElementById('nav');
  const account = document.getElementById('account');
  const user = session.user;
  if (!user) {
    clear(nav);
    clear(account, el('a', { href: '#/signin' }, 'Sign in'));
    return;
  }
  clear(nav, Object.entries(PAGES)
    .filter(([, p]) => p.nav && (!p.coach || session.isCoach))
    .map(([name, p]) => el('a', { href: `#/${name}`, 'aria-current': name === current ? 'page' : null }, p.nav)));
  const dot = el('span', { class: 'live-dot', id: 'live-state', dataset: { state: liveState() } },
    el('span', {}, 'Live results', el('span', { id: 'live-state-text' }, `: ${liveWord(liveState())}`)));
  clear(account,
    dot,
    el('a', { id: 'who', href: '#/account', 'aria-current': current === 'account' ? 'page' : null },
      user.displayName, ' ', el('span', { class: 'badge' }, user.role.toLowerCase()), el('span', { class: 'sr-only' }, ', your account')),
    el('button', { type: 'button', class: 'quiet', id: 'sign-out', onclick: signOut }, 'Sign out'));
}

async function signOut() {
  // ends the session at the gateway too (its refresh token and every access token of it), then here
  try { await api('/api/auth/logout', { method: 'POST' }); } catch { /* offline or already ended: forget it here anyway */ }
  session.clear();
  go('signin');
}

// Renews the access token a minute before it expires, so the live connection and the next call use a
// valid one (api() also renews on demand; this keeps the event stream going on an idle page).
let renewal = null;
function scheduleRenewal() {
  clearTimeout(renewal);
  const at = session.expiresAt;
  if (!at || !session.refreshToken) return;
  renewal = setTimeout(() => { refreshSession(); }, Math.max(at - Date.now() - 60_000, 1_000));
}

async function route() {
  const ticket = ++rendering;
  setMenuOpen(false);
  let { name, params } = parseHash();
  if (!session.user && !PAGES[name]?.public) {
    if (name) sessionStorage.setItem(AFTER_SIGN_IN, location.hash); // e.g. an invite link: back there after signing in
    name = 'signin';
  }
  if (session.user && (name === '' || name === 'signin')) name = 'dashboard';
  if (!PAGES[name]) name = session.user ? 'dashboard' : 'signin';
  const page = PAGES[name];
  if (page.coach && !session.isCoach) {
    clear(main, notice('error', 'The coach view is for coach accounts. Ask an admin to make your account a coach.'));
    return;
  }
  if (cleanup) { try { cleanup(); } catch { /* a page failing to tidy up must not block the next */ } cleanup = null; }
  renderNav(name);
  document.title = `${page.title} · Rehearse`;
  clear(main, el('p', { class: 'loading' }, `Loading ${page.title.toLowerCase()}…`));
  document.body.dataset.page = name;
  try {
    const module = await page.load();
    if (ticket !== rendering) return; // the user moved on while the module loaded
    clear(main);
    cleanup = (await module.render(main, { params, go })) ?? null;
  } catch (e) {
    clear(main, notice('error', `This page could not be shown: ${e.message}`));
  }
  if (ticket === rendering) {
    main.focus({ preventScroll: true });
    main.dataset.ready = name;
  }
}

function liveWord(state) {
  return state === 'open' ? 'on' : state === 'connecting' ? 'connecting…' : 'off';
}

onLiveState(state => {
  const dot = document.getElementById('live-state');
  if (!dot) return;
  dot.dataset.state = state;
  document.getElementById('live-state-text').textContent = `: ${liveWord(state)}`;
});

// Reviews matter wherever the candidate is: announce them app-wide. Pages add their own handlers too.
onLive((kind, event) => {
  if (kind === 'reviewed') {
    const score = event.overrideScore ?? event.score;
    toast('Your coach reviewed an attempt',
      `${score != null ? `Score set to ${score}. ` : ''}${event.reason ? `Reason: ${event.reason}` : ''}${event.comment ? ` “${event.comment}”` : ''}`,
      { label: 'Open the attempt', run: () => go('practice', { attempt: event.attemptId }) });
  } else if (kind === 'scored' && parseHash().name !== 'practice') {
    toast('An answer was scored', `${event.score}/100 (${event.band})`,
      { label: 'Open', run: () => go('practice', { attempt: event.attemptId }) });
  }
});

let connectedFor = null;
function syncSession() {
  const token = session.token;
  if (token !== connectedFor) {
    connectedFor = token;
    if (token) connect(); else disconnect();
  }
}

// A page kept in the back-forward cache must not hold its event stream open: browsers allow few
// connections per host, and held streams would starve the next page's requests.
window.addEventListener('pagehide', () => { disconnect(); connectedFor = null; });
window.addEventListener('pageshow', e => { if (e.persisted) syncSession(); });

// A renewed token changes nothing on screen (a page being filled in stays as it is); signing in or out,
// or a new role, shows the page again.
const viewerOf = () => (session.user ? `${session.user.id}:${session.user.role}` : '');
let shownFor = viewerOf();
function sessionChanged() {
  scheduleRenewal();
  syncSession();
  if (viewerOf() !== shownFor) { shownFor = viewerOf(); route(); }
}
session.onChange(sessionChanged);
// another tab renewed or ended the session: follow it
window.addEventListener('storage', e => { if (e.key === 'rehearse.session') sessionChanged(); });
window.addEventListener('hashchange', route);
document.querySelector('[data-skip]').addEventListener('click', e => { e.preventDefault(); main.focus(); });
scheduleRenewal();
syncSession();
route();
