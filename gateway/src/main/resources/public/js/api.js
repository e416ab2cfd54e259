// fetch() for the Rehearse API: adds the bearer token, reads JSON and problem+json answers, and turns
// failures into ApiError with a message a person can act on.
import { session } from './session.js';

export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message);
    this.status = status;
    this.problem = problem && typeof problem === 'object' ? problem : null;
  }

  /** Field-level messages of a problem+json answer: [{field, message}]. */
  get fieldErrors() { return this.problem?.errors ?? []; }

  /**
   * True when the endpoint itself is missing or its service is down (as opposed to a bad request or a
   * missing object): the page then explains that the feature is not available yet.
   */
  get notReady() {
    if (this.status === 0 || this.status === 501 || this.status === 502 || this.status === 503 || this.status === 405) return true;
    if (this.status !== 404) return false;
    const detail = `${this.problem?.detail ?? ''} ${this.problem?.title ?? ''}`;
    const namesAField = this.fieldErrors.some(e => e.field);
    return /no API at|page not found/i.test(detail) || !namesAField;
  }
}

function messageOf(status, problem) {
  if (problem && typeof problem === 'object') {
    if (problem.detail) return problem.detail;
    if (problem.message) return problem.message;
    if (problem.title) return problem.title;
  }
  if (status === 401) return 'Please sign in again.';
  if (status === 403) return 'Your account may not do this.';
  if (status === 429) return 'Too many requests: wait a moment and try again.';
  if (status === 503) return 'This part of Rehearse is not running right now.';
  return `The server answered ${status}.`;
}

// Refresh this long before the access token expires: clocks differ a little, requests take time.
const EARLY_MS = 60_000;
let refreshing = null;

/**
 * Exchanges the refresh token for a new pair; resolves to true when there is a usable access token
 * afterwards. One exchange at a time, across tabs too where the browser has Web Locks: a refresh token
 * works once, and the gateway ends the whole session when one comes back a second time.
 */
export function refreshSession() {
  const used = session.refreshToken;
  if (!used) return Promise.resolve(false);
  if (!refreshing) {
    const run = () => exchange(used);
    refreshing = (navigator.locks ? navigator.locks.request('rehearse.refresh', run) : run())
      .finally(() => { refreshing = null; });
  }
  return refreshing;
}

async function exchange(used) {
  const now = session.refreshToken;
  if (!now) return false;
  if (now !== used) return true; // another tab refreshed while this one waited for the lock
  let response;
  try {
    response = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { Accept: 'application/json, application/problem+json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: used }),
    });
  } catch {
    return false; // offline: keep the session, the next call tries again
  }
  if (response.ok) {
    session.save(await response.json());
    return true;
  }
  if (response.status === 401 || response.status === 400) session.clear(); // used, expired or revoked: sign in again
  return false;
}

/** True when the access token expires within EARLY_MS (and there is a refresh token to renew it). */
export function refreshDue() {
  const at = session.expiresAt;
  return Boolean(session.refreshToken && at && at - EARLY_MS <= Date.now());
}

/**
 * Calls the API. Options: method, json (a body to send as JSON), body + contentType (raw, e.g. a WAV
 * Blob), signal. Resolves to the parsed body (or null), rejects with ApiError. An access token about
 * to expire is renewed first; a 401 renews it once and tries again.
 */
export async function api(path, options = {}) {
  // the calls that hand out tokens answer 401 for wrong credentials, not for an expired token
  const own = /^\/api\/auth\/(login|register|refresh)\b/.test(path);
  if (!own && refreshDue()) await refreshSession();
  const sentWith = session.token;
  try {
    return await call(path, options);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401 || own || !sentWith) throw e;
    // expired or revoked: one refresh (unless another call has renewed the token meanwhile), then once more
    if (session.token === sentWith && !(await refreshSession())) {
      if (session.token === sentWith) session.clear();
      throw e;
    }
    if (!session.token) throw e;
    return call(path, options);
  }
}

async function call(path, { method = 'GET', json, body, contentType, signal, headers: extra = {} } = {}) {
  const headers = { Accept: 'application/json, application/problem+json', ...extra };
  const token = session.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (contentType) {
    headers['Content-Type'] = contentType;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body, signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, null, 'Rehearse could not be reached. Check your connection and try again.');
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = text; }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data, messageOf(response.status, data));
  }
  return data;
}

/** A sentence for a failed call to a feature: "not available yet" for a missing endpoint, else the problem. */
export function explain(error, feature) {
  if (!(error instanceof ApiError)) return error?.message ?? String(error);
  if (error.status === 0) return error.message;
  if (error.notReady) {
    return `${feature} is not available right now: ${error.status === 503 || error.status === 502
      ? 'its service is not running' : 'this server does not offer it yet'}. The rest of Rehearse keeps working.`;
  }
  return error.message;
}
