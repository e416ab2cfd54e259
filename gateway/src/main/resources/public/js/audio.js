// Recording in the browser with the Web Audio API, encoded as WAV, 16 kHz, mono, 16-bit PCM: what the
// speech service decodes fastest (it accepts other rates too, and resamples them itself).
import { clock } from './ui.js';

export const TARGET_RATE = 16000;

export function canRecord() {
  return !!(navigator.mediaDevices?.getUserMedia && (window.AudioContext || window.webkitAudioContext));
}

/**
 * Opens the microphone and hands each block of samples (Float32Array, about 90 ms, at the context's
 * rate) to onSamples. Returns {sampleRate, onLevel(fn), release()}: onLevel gets a level from 0 to 1
 * per block; release() closes the microphone. Rejects when there is no microphone or no permission.
 */
export async function openMicrophone(onSamples) {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  });
  const Context = window.AudioContext || window.webkitAudioContext;
  const context = new Context();
  const source = context.createMediaStreamSource(stream);
  // ScriptProcessor is deprecated but everywhere, and needs no extra module file; 4096 frames ≈ 90 ms
  const processor = context.createScriptProcessor(4096, 1, 1);
  let levelListener = () => {};
  processor.onaudioprocess = e => {
    const samples = new Float32Array(e.inputBuffer.getChannelData(0));
    onSamples(samples);
    let sum = 0;
    for (let i = 0; i < samples.length; i += 8) sum += samples[i] * samples[i];
    levelListener(Math.min(1, Math.sqrt(sum / (samples.length / 8)) * 4));
  };
  source.connect(processor);
  processor.connect(context.destination);
  let released = false;
  return {
    sampleRate: context.sampleRate,
    onLevel(fn) { levelListener = fn; },
    async release() {
      if (released) return;
      released = true;
      processor.onaudioprocess = null;
      processor.disconnect();
      source.disconnect();
      stream.getTracks().forEach(t => t.stop());
      await context.close();
    },
  };
}

/** Why the microphone could not be opened, in words, and what to do instead. */
export function microphoneProblem(error, instead = 'upload a WAV file instead') {
  return error?.name === 'NotAllowedError'
    ? `Microphone access was refused. Allow it in the browser, or ${instead}.`
    : `No microphone could be opened. You can ${instead}.`;
}

/**
 * Starts recording from the microphone. Returns {stop(): Promise<Blob>, cancel(), onLevel(fn)}; stop()
 * resolves to the WAV. maxSeconds stops the recording by itself (the service takes at most 2 minutes).
 */
export async function startRecording({ maxSeconds = 120, onAutoStop } = {}) {
  const chunks = [];
  const microphone = await openMicrophone(samples => chunks.push(samples));
  let finished = false;
  const release = async () => {
    finished = true;
    clearTimeout(timer);
    await microphone.release();
  };
  const timer = setTimeout(() => { if (!finished && onAutoStop) onAutoStop(); }, maxSeconds * 1000);
  return {
    onLevel: microphone.onLevel,
    async stop() {
      await release();
      const mono = concat(chunks);
      const resampled = await resample(mono, microphone.sampleRate, TARGET_RATE);
      return encodeWav(resampled, TARGET_RATE);
    },
    async cancel() { await release(); },
  };
}

function concat(chunks) {
  const length = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Float32Array(length);
  let offset = 0;
  for (const c of chunks) { out.set(c, offset); offset += c.length; }
  return out;
}

/** Resamples with the browser's own resampler (OfflineAudioContext, band-limited); linear as a fallback. */
export async function resample(samples, fromRate, toRate) {
  if (fromRate === toRate || samples.length === 0) return samples;
  const frames = Math.max(1, Math.round(samples.length * toRate / fromRate));
  const Offline = window.OfflineAudioContext || window.webkitOfflineAudioContext;
  if (Offline) {
    try {
      const offline = new Offline(1, frames, toRate);
      const buffer = offline.createBuffer(1, samples.length, fromRate);
      buffer.copyToChannel(samples, 0);
      const node = offline.createBufferSource();
      node.buffer = buffer;
      node.connect(offline.destination);
      node.start();
      const rendered = await offline.startRendering();
      return rendered.getChannelData(0);
    } catch { /* fall through to linear interpolation */ }
  }
  const out = new Float32Array(frames);
  const step = fromRate / toRate;
  for (let i = 0; i < frames; i++) {
    const x = i * step;
    const j = Math.floor(x);
    const t = x - j;
    out[i] = (samples[j] ?? 0) * (1 - t) + (samples[j + 1] ?? samples[j] ?? 0) * t;
  }
  return out;
}

/** The 44-byte RIFF/WAVE header of PCM format 1, one channel, 16 bits little-endian. */
function wavHeader(view, dataBytes, sampleRate) {
  const text = (offset, s) => { for (let i = 0; i < s.length; i++) view.setUint8(offset + i, s.charCodeAt(i)); };
  text(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  text(36, 'data');
  view.setUint32(40, dataBytes, true);
}

/** RIFF/WAVE, PCM format 1, one channel, 16 bits little-endian. */
export function encodeWav(samples, sampleRate) {
  const bytes = new ArrayBuffer(44 + samples.length * 2);
  const view = new DataView(bytes);
  wavHeader(view, samples.length * 2, sampleRate);
  for (let i = 0; i < samples.length; i++) writeSample(view, 44 + i * 2, samples[i]);
  return new Blob([bytes], { type: 'audio/wav' });
}

/** A WAV Blob of 16-bit little-endian mono PCM already encoded (ArrayBuffers, in order). */
export function wavOfPcm(parts, sampleRate) {
  const dataBytes = parts.reduce((n, p) => n + p.byteLength, 0);
  const header = new ArrayBuffer(44);
  wavHeader(new DataView(header), dataBytes, sampleRate);
  return new Blob([header, ...parts], { type: 'audio/wav' });
}

/** One sample from -1..1 as 16-bit little-endian PCM. */
function writeSample(view, offset, sample) {
  const s = Math.max(-1, Math.min(1, sample));
  view.setInt16(offset, s < 0 ? s * 0x8000 : s * 0x7fff, true);
}

/**
 * Converts the microphone's blocks to 16 kHz 16-bit little-endian PCM as they come: convert(samples)
 * returns that block's bytes (an ArrayBuffer). State carries over between blocks, so they join
 * seamlessly: two low-pass biquads (24 dB/octave below the new Nyquist frequency) keep high sounds from
 * folding into speech, then linear interpolation picks the new samples.
 */
export function pcmStream(fromRate, toRate = TARGET_RATE) {
  const step = fromRate / toRate;
  const filters = step > 1 ? [lowPass(0.45 * toRate / fromRate), lowPass(0.45 * toRate / fromRate)] : [];
  let previous = 0; // the last filtered sample of the block before: index -1 of this one
  let position = 0; // where the next output sample falls, counted in input samples from this block's start
  return samples => {
    const input = filters.reduce((x, f) => f(x), samples);
    const n = input.length;
    const count = n - 1 >= position ? Math.floor((n - 1 - position) / step) + 1 : 0;
    const bytes = new ArrayBuffer(count * 2);
    const view = new DataView(bytes);
    for (let k = 0; k < count; k++) {
      const p = position + k * step;
      const j = Math.floor(p);
      const a = j < 0 ? previous : input[j];
      const b = j + 1 < n ? input[j + 1] : a;
      writeSample(view, k * 2, a + (b - a) * (p - j));
    }
    position += count * step - n;
    if (n) previous = input[n - 1];
    return bytes;
  };
}

/** A second-order low-pass filter (RBJ cookbook, Q = 1/√2) at cutoff × the sample rate; keeps its state. */
function lowPass(cutoff) {
  const w = 2 * Math.PI * cutoff;
  const alpha = Math.sin(w) / Math.SQRT2;
  const cos = Math.cos(w);
  const a0 = 1 + alpha;
  const [b0, b1, a1, a2] = [(1 - cos) / 2 / a0, (1 - cos) / a0, -2 * cos / a0, (1 - alpha) / a0];
  let [x1, x2, y1, y2] = [0, 0, 0, 0];
  return samples => {
    const out = new Float32Array(samples.length);
    for (let i = 0; i < samples.length; i++) {
      const x = samples[i];
      const y = b0 * x + b1 * x1 + b0 * x2 - a1 * y1 - a2 * y2;
      x2 = x1; x1 = x; y2 = y1; y1 = y;
      out[i] = y;
    }
    return out;
  };
}

/**
 * A recorder widget: a toggle button (Record / Stop), a timer and a level meter. onRecorded(blob) gets
 * the WAV. Where the browser cannot record (no microphone, no permission), it says so.
 */
export function recorderWidget({ el, onRecorded, maxSeconds = 120, label = 'Record' }) {
  const button = el('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false' }, `● ${label}`);
  const timer = el('span', { class: 'timer', 'aria-hidden': 'true' }, '0:00');
  const meter = el('meter', { min: 0, max: 1, value: 0, 'aria-label': 'Microphone level' });
  const message = el('span', { class: 'hint', role: 'status' });
  const box = el('div', { class: 'recorder' }, button, timer, meter, message);
  let recording = null;
  let started = 0;
  let tick = null;

  const stop = async () => {
    if (!recording) return;
    const r = recording;
    recording = null;
    clearInterval(tick);
    button.classList.remove('recording');
    button.setAttribute('aria-pressed', 'false');
    button.textContent = `● ${label}`;
    meter.value = 0;
    message.textContent = 'Preparing the recording…';
    const wav = await r.stop();
    message.textContent = '';
    onRecorded(wav);
  };

  button.addEventListener('click', async () => {
    if (recording) { await stop(); return; }
    if (!canRecord()) { message.textContent = 'This browser cannot record audio here; upload a WAV file instead.'; return; }
    try {
      recording = await startRecording({ maxSeconds, onAutoStop: stop });
    } catch (e) {
      message.textContent = microphoneProblem(e);
      return;
    }
    recording.onLevel(v => { meter.value = v; });
    started = Date.now();
    tick = setInterval(() => { timer.textContent = clock((Date.now() - started) / 1000); }, 250);
    button.classList.add('recording');
    button.setAttribute('aria-pressed', 'true');
    button.textContent = '■ Stop';
    message.textContent = 'Recording… press Stop when you are done.';
  });
  return box;
}

/** What a WAV holds, read from its own header: {sampleRate, channels, bits, seconds, bytes}. */
export async function describeWav(blob) {
  const view = new DataView(await blob.slice(0, 44).arrayBuffer());
  const sampleRate = view.getUint32(24, true);
  const channels = view.getUint16(22, true);
  const bits = view.getUint16(34, true);
  const dataBytes = view.getUint32(40, true);
  return { sampleRate, channels, bits, bytes: blob.size, seconds: dataBytes / (sampleRate * channels * bits / 8) };
}
