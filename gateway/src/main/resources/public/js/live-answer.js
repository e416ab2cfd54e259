// Answering out loud, live: the microphone streams over a WebSocket (/api/live-answers) as 16 kHz mono
// 16-bit PCM, and the words come back while the candidate speaks. Stop submits the answer, which is
// scored like an uploaded recording. When the connection drops, the server keeps what it heard for a
// minute: the candidate can go on, submit that, or start over.
import { session } from './session.js';
import { refreshDue, refreshSession } from './api.js';
import { canRecord, openMicrophone, pcmStream, microphoneProblem, wavOfPcm, TARGET_RATE } from './audio.js';
import { liveTranscript } from './live-transcript.js';
import { el, clear, busy, clock } from './ui.js';

const MIN_FRAME_BYTES = TARGET_RATE * 2 / 10; // send 100 ms or more at a time: one or two microphone blocks
const MAX_QUEUED_BYTES = TARGET_RATE * 2 * 5; // speech held while the socket opens; beyond it, give up
const READY_WITHIN_MS = 10_000;
const DEFAULT_LIMIT = 180;
const INSTEAD = 'record and upload your answer below';

export function canStream() {
  return canRecord() && typeof WebSocket !== 'undefined';
}

/** What a close code means for the candidate; null for a dropped connection, which can be picked up again. */
function closedBecause(code, reason) {
  switch (code) {
    case 1003: return 'The server could not use the audio this browser sent, so the live answer stopped. Try again, or '
      + `${INSTEAD}.`;
    case 1008:
      if (/newer/i.test(reason)) return 'This answer goes on in another window or tab (or a newer connection), so it stopped here.';
      if (/another|already/i.test(reason)) return 'You are answering another question live in another window or tab. Finish or close that one, then try again here.';
      if (/fast|ahead|real.?time/i.test(reason)) return 'The audio arrived faster than anyone can speak, so the live answer stopped. Try again.';
      return `The live answer stopped${reason ? `: ${reason}` : ''}. Try again.`;
    case 1011: return `Something went wrong on the server during the live answer. Try again, or ${INSTEAD}.`;
    case 1013: return `Live answers are busy right now. Try again in a minute, or ${INSTEAD}.`;
    case 4400: return `The live answer could not start: ${reason || 'the request was not understood'}.`;
    case 4401: return 'Your sign-in could not be confirmed. Reload the page, sign in again if asked, then try again.';
    case 4404: return 'This question does not exist any more, so it cannot be answered.';
    case 4422: return 'Nothing was heard, so nothing was submitted. Check that the right microphone is on, then try again.';
    default: return null;
  }
}

/**
 * The live-answer box: a Start/Stop button, a timer toward the limit, a level meter and the running
 * transcript. maxSeconds: a number, or a function asked at each start (a mock interview's time left).
 * onStart() runs when a new answer begins; onFinal({attemptId, text, seconds, reason, recording}) once
 * it is submitted (recording: the audio sent, as a WAV Blob kept in memory for the candidate to replay). Returns {element, dispose({discard})}: dispose closes the socket (the server keeps the
 * answer a minute, to pick up again) or, with discard, throws the answer away first.
 */
export function liveAnswerWidget({ questionId, sessionId, maxSeconds, onStart = () => {}, onFinal = () => {} }) {
  const toggle = el('button', { type: 'button', id: 'live-toggle' }, 'Start answering');
  const timer = el('span', { class: 'timer', id: 'live-timer', role: 'timer' }, '0:00');
  const meter = el('meter', { id: 'live-level', min: 0, max: 1, value: 0, 'aria-label': 'Microphone level' });
  const status = el('p', { class: 'hint', id: 'live-status', role: 'status' });
  const transcript = liveTranscript();
  const recovery = el('div', { class: 'actions', id: 'live-recovery', hidden: true });
  const element = el('div', { class: 'live-answer', id: 'live-answer', dataset: { state: 'idle' } },
    el('div', { class: 'actions' }, toggle, timer, meter), status, transcript.element, recovery);

  let socket = null;
  let microphone = null;
  let mode = 'new'; // what the open socket is for: new, continue, submit or discard
  let ready = false;
  let ended = false; // final or discard seen: the close that follows is the normal one
  let limit = DEFAULT_LIMIT;
  let heardBefore = 0; // seconds the server already had when this socket took over
  let sentBytes = 0;
  let spoken = []; // every PCM frame sent for this answer, for the replay
  let frame = [];
  let frameBytes = 0;
  let queue = [];
  let queuedBytes = 0;
  let readyTimer = null;
  let disposed = false;

  const setState = state => {
    element.dataset.state = state;
    toggle.classList.toggle('recording', state === 'live');
  };
  const say = (...text) => clear(status, ...text);
  const heard = () => heardBefore + sentBytes / (TARGET_RATE * 2);
  const showTime = () => { timer.textContent = `${clock(heard())} / ${clock(limit)}`; };

  // the button that had focus went away (a recovery choice): focus goes back to Start/Stop, not the page
  function keepFocus() {
    if (!document.activeElement || document.activeElement === document.body) toggle.focus();
  }

  // ---- the microphone: blocks become PCM frames, held until the server is ready ----
  async function openMic() {
    let convert = null;
    const opened = await openMicrophone(samples => {
      if (!convert || microphone !== opened) return;
      const bytes = convert(samples);
      frame.push(bytes);
      frameBytes += bytes.byteLength;
      if (frameBytes >= MIN_FRAME_BYTES) flushFrame();
    });
    if (disposed) { await opened.release(); return false; } // the page went on while the browser asked
    convert = pcmStream(opened.sampleRate);
    opened.onLevel(v => { meter.value = v; });
    microphone = opened;
    return true;
  }

  function flushFrame() {
    if (!frameBytes) return;
    const joined = new Uint8Array(frameBytes);
    let offset = 0;
    for (const part of frame) { joined.set(new Uint8Array(part), offset); offset += part.byteLength; }
    frame = [];
    frameBytes = 0;
    if (ready) send(joined.buffer); else queueFrame(joined.buffer);
  }

  function queueFrame(bytes) {
    queue.push(bytes);
    queuedBytes += bytes.byteLength;
    if (queuedBytes > MAX_QUEUED_BYTES) fail('Rehearse did not answer in time, so the live answer could not start. Try again in a moment.');
  }

  function send(bytes) {
    if (socket?.readyState !== WebSocket.OPEN) return;
    socket.send(bytes);
    spoken.push(bytes);
    sentBytes += bytes.byteLength;
    showTime();
    if (heard() >= limit) stop('time-limit');
  }

  async function closeMic() {
    const m = microphone;
    microphone = null;
    frame = [];
    frameBytes = 0;
    meter.value = 0;
    if (m) await m.release();
  }

  // ---- the socket ----
  async function open() {
    ready = false;
    ended = false;
    if (refreshDue()) await refreshSession();
    if (disposed) return;
    const params = new URLSearchParams({ questionId });
    if (sessionId) params.set('sessionId', sessionId);
    const max = typeof maxSeconds === 'function' ? maxSeconds() : maxSeconds;
    if (max) params.set('maxSeconds', String(max));
    limit = max || DEFAULT_LIMIT;
    params.set('access_token', session.token ?? '');
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    let ws;
    try {
      ws = new WebSocket(`${scheme}://${location.host}/api/live-answers?${params}`);
    } catch {
      fail(`Live answers could not be reached. Try again, or ${INSTEAD}.`);
      return;
    }
    ws.binaryType = 'arraybuffer';
    socket = ws;
    readyTimer = setTimeout(() => {
      if (socket === ws && !ready) fail('Rehearse did not answer in time, so the live answer could not start. Try again in a moment.');
    }, READY_WITHIN_MS);
    ws.onmessage = e => { if (socket === ws && typeof e.data === 'string') receive(JSON.parse(e.data)); };
    ws.onclose = e => { if (socket === ws) closed(e); };
  }

  function receive(message) {
    switch (message.type) {
      case 'ready': return onReady(message);
      case 'partial': transcript.pending(message.pending); return undefined;
      case 'segment': transcript.add(message.words ?? []); return undefined;
      case 'final': return onFinalMessage(message);
      default: return undefined;
    }
  }

  function onReady(message) {
    clearTimeout(readyTimer);
    ready = true;
    limit = message.maxSeconds ?? limit;
    heardBefore = message.resumed ? message.seconds ?? 0 : 0;
    if (mode === 'discard') { socket.send(JSON.stringify({ type: 'discard' })); ended = true; return; }
    if (mode === 'submit') {
      if (message.resumed) {
        transcript.reset(message.text ?? '');
        socket.send(JSON.stringify({ type: 'stop' }));
        setState('stopping');
        say(busy('Scoring your answer…'));
      } else {
        socket.send(JSON.stringify({ type: 'discard' }));
        ended = true;
        idle('The answer heard before the connection dropped was no longer there to submit: it is kept for a minute, '
          + 'and then submitted when it had words. Start again when you are ready.');
      }
      return;
    }
    if (message.resumed) {
      transcript.reset(message.text ?? '');
      say('Picked up where you left off: what was heard before is below. Go on speaking.');
    } else {
      transcript.reset();
      say(mode === 'continue'
        ? 'The earlier part could not be picked up again (it is kept for a minute only), so this is a new answer. Speak now.'
        : 'Listening… speak your answer, then press Stop.');
    }
    setState('live');
    toggle.disabled = false;
    clear(toggle, el('span', { 'aria-hidden': 'true' }, '■'), ' Stop and submit');
    keepFocus();
    const held = queue;
    queue = [];
    queuedBytes = 0;
    held.forEach(send);
    showTime();
  }

  function onFinalMessage(message) {
    ended = true;
    closeMic();
    transcript.pending('');
    // the marked-up words stay when they are the final text; else the final text replaces them
    if (!transcript.shows(message.text ?? '')) transcript.reset(message.text ?? '');
    heardBefore = message.seconds ?? heard();
    sentBytes = 0;
    showTime();
    idle(message.reason === 'time-limit'
      ? 'Time is up: your answer was submitted as it was at the limit.'
      : 'Your answer was submitted.', 'done');
    toggle.textContent = 'Answer again';
    onFinal({ ...message, recording: spoken.length ? wavOfPcm(spoken, TARGET_RATE) : null });
  }

  function closed(e) {
    clearTimeout(readyTimer);
    socket = null;
    closeMic();
    if (ended && (e.code === 1000 || e.code === 1005)) {
      if (mode === 'discard') {
        transcript.reset();
        transcript.show(false);
        heardBefore = 0;
        sentBytes = 0;
        showTime();
        idle('What was heard is thrown away. Press Start when you are ready.');
      }
      return;
    }
    // 1013 once the answer began: the gateway lost speech recognition, which keeps the answer as dropped
    const because = e.code === 1013 && ready ? null : closedBecause(e.code, e.reason);
    if (because) { fail(because); return; }
    if (!ready) { fail(`Live answers could not be reached. Try again, or ${INSTEAD}.`); return; }
    dropped();
  }

  function dropped() {
    setState('dropped');
    toggle.disabled = true;
    toggle.textContent = 'Start answering';
    say('The connection dropped. What was heard so far is kept for a minute: go on, submit it, or start over.');
    const buttons = [
      el('button', { type: 'button', id: 'live-continue', onclick: () => begin('continue') }, 'Continue'),
      el('button', { type: 'button', class: 'secondary', id: 'live-submit-heard', onclick: () => begin('submit') }, 'Submit what was heard'),
      el('button', { type: 'button', class: 'quiet', id: 'live-start-over', onclick: () => begin('discard') }, 'Start over'),
    ];
    clear(recovery, buttons);
    recovery.hidden = false;
    buttons[0].focus();
  }

  function idle(message, state = 'idle') {
    setState(state);
    toggle.disabled = false;
    toggle.textContent = 'Start answering';
    recovery.hidden = true;
    say(message);
    keepFocus();
  }

  function fail(message) {
    ended = true;
    clearTimeout(readyTimer);
    const ws = socket;
    socket = null;
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000);
    closeMic();
    idle(message, 'failed');
  }

  async function begin(purpose) {
    mode = purpose;
    sentBytes = 0;
    queue = [];
    queuedBytes = 0;
    toggle.disabled = true;
    recovery.hidden = true;
    setState('connecting');
    say(busy(purpose === 'discard' ? 'Throwing the answer away…' : purpose === 'submit' ? 'Submitting what was heard…' : 'Connecting…'));
    if (purpose === 'new') {
      spoken = [];
      onStart();
      heardBefore = 0;
      transcript.reset();
      transcript.show(false);
    }
    if (purpose === 'new' || purpose === 'continue') {
      try {
        if (!(await openMic())) return;
      } catch (e) {
        idle(microphoneProblem(e, INSTEAD), 'failed');
        return;
      }
    }
    await open();
  }

  function stop(reason) {
    if (!socket || !ready || element.dataset.state !== 'live') return;
    setState('stopping'); // first: the last frame may reach the limit and call stop again
    flushFrame();
    closeMic();
    socket.send(JSON.stringify({ type: 'stop' }));
    toggle.disabled = true;
    say(busy(reason === 'time-limit' ? 'Time is up: scoring your answer…' : 'Scoring your answer…'));
  }

  toggle.addEventListener('click', () => {
    if (element.dataset.state === 'live') stop('stopped'); else begin('new');
  });

  function dispose({ discard = false } = {}) {
    disposed = true;
    const ws = socket;
    socket = null;
    clearTimeout(readyTimer);
    closeMic();
    if (!ws) return;
    if (discard && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'discard' }));
    ws.close(1000);
  }

  if (!canStream()) {
    toggle.disabled = true;
    say(`This browser cannot stream from a microphone here: ${INSTEAD}.`);
  }
  showTime();
  return { element, dispose };
}
