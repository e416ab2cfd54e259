// The candidate's live results: one EventSource on /api/events for the whole app. EventSource cannot send
// headers, so the token goes in ?access_token= (the gateway accepts it on this path only). On a dropped
// connection the browser reconnects by itself and sends Last-Event-ID, so nothing is missed. The gateway
// ends the stream when its token expires or is revoked; the app reconnects when the token is renewed.
import { session } from './session.js';
import { refreshSession } from './api.js';

const handlers = new Set();
let source = null;
let state = 'closed';
let renewedFor = null;
const stateListeners = new Set();

function setState(next) {
  state = next;
  stateListeners.forEach(l => l(state));
}

function parse(data) {
  try { return JSON.parse(data); } catch { return null; }
}

export function connect() {
  disconnect();
  const token = session.token;
  if (!token || typeof EventSource === 'undefined') return;
  setState('connecting');
  source = new EventSource(`/api/events?access_token=${encodeURIComponent(token)}`);
  source.onopen = () => setState('open');
  source.onerror = () => {
    const closed = source && source.readyState === EventSource.CLOSED;
    setState(closed ? 'error' : 'connecting');
    // refused (the token expired while the page slept): renew it once; the new token reconnects
    if (closed && renewedFor !== token) { renewedFor = token; refreshSession(); }
  };
  for (const kind of ['scored', 'reviewed', 'pronunciation']) {
    source.addEventListener(kind, e => {
      const event = parse(e.data);
      if (event) handlers.forEach(h => h(kind, event));
    });
  }
}

export function disconnect() {
  if (source) source.close();
  source = null;
  setState('closed');
}

/** handler(kind, event) for every live event; returns the unsubscribe function. */
export function onLive(handler) {
  handlers.add(handler);
  return () => handlers.delete(handler);
}

export function liveState() { return state; }
export function onLiveState(listener) { stateListeners.add(listener); return () => stateListeners.delete(listener); }
