// Practice: pick a role and skill, get an open question or scenario, answer by typing or by voice
// (live, with the words on screen as they are heard; or record in the browser or upload a WAV), and see
// the explained score. Typed answers are scored at once (POST /api/attempts); a live answer is
// transcribed as it is spoken (js/live-answer.js); uploads are queued (POST /api/spoken-attempts). Spoken
// ones are followed at GET /api/attempts/{id} (percent done) and pushed when scored (SSE "scored").
// The answer box's length hint is the scorer's own rule (GET /api/answer-guides/{questionId}). The
// candidate's own recording stays in this tab (an object URL) to be replayed beside its result. A
// reviewed attempt opens read-only, with a "Try again" that starts the same question afresh.
import { api, explain, ApiError } from '../api.js';
import { listRoles, role as roleDetail, search, item } from '../catalog.js';
import { onLive } from '../live.js';
import { recorderWidget, describeWav } from '../audio.js';
import { liveAnswerWidget, canStream } from '../live-answer.js';
import { renderAttempt, withReviews } from '../result.js';
import { el, clear, field, notice, busy, badge, withBusy, focusHeading } from '../ui.js';

const TYPES = [['OPEN', 'Interview question'], ['SCENARIO', 'Scenario with numbers']];
const POLL_MS = 1000;

export async function render(main, { params, go }) {
  const state = { question: null, attemptId: null, attempt: null, stopTracking: null, live: null, recording: null, terms: null };
  const chooser = el('section', { class: 'card', 'aria-labelledby': 'choose-h' });
  const questionBox = el('section', { class: 'card', 'aria-labelledby': 'question-h', id: 'question-card', hidden: true });
  const answerBox = el('section', { class: 'card', 'aria-labelledby': 'answer-h', hidden: true, id: 'answer-card' });
  const progress = el('div', { id: 'progress', 'aria-live': 'polite' });
  const resultBox = el('div', { id: 'result', 'aria-live': 'polite' });
  main.append(el('h1', {}, 'Practice'), chooser, questionBox, answerBox, progress, resultBox);

  // ---- choose a question ----
  let roles = [];
  try {
    roles = await listRoles();
  } catch (e) {
    chooser.append(notice('error', explain(e, 'The question bank')));
  }
  const roleSelect = el('select', { name: 'role' }, roles.map(r => el('option', { value: r.id }, r.title)));
  const saved = localStorage.getItem('rehearse.role');
  if (saved && roles.some(r => r.id === saved)) roleSelect.value = saved;
  const skillSelect = el('select', { name: 'skill' }, el('option', { value: '' }, 'Any skill'));
  const typeSelect = el('select', { name: 'type' }, TYPES.map(([v, l]) => el('option', { value: v }, l)));
  const next = el('button', { type: 'button', id: 'next-question' }, 'New question');
  const chooseStatus = el('div', { 'aria-live': 'polite' });
  async function fillSkills() {
    clear(skillSelect, el('option', { value: '' }, 'Any skill'));
    if (!roleSelect.value) return;
    try {
      const detail = await roleDetail(roleSelect.value);
      detail.skills.forEach(s => skillSelect.append(el('option', { value: s.id }, `${s.title} (${s.weight}%)`)));
    } catch { /* "any skill" still works */ }
  }
  roleSelect.addEventListener('change', () => { localStorage.setItem('rehearse.role', roleSelect.value); fillSkills(); });
  if (roles.length) {
    chooser.append(el('h2', { id: 'choose-h' }, 'What do you want to practise?'),
      el('div', { class: 'row' }, field('Role', roleSelect, { name: 'role' }), field('Skill', skillSelect, { name: 'skill' }),
        field('Kind of question', typeSelect, { name: 'type' })),
      el('div', { class: 'actions' }, next), chooseStatus);
    await fillSkills();
    await chooseSkill(params.get('skill'));
  }

  // #/practice?skill=ID (from a quiz result): that skill, under a role that has it
  async function chooseSkill(wanted) {
    const has = () => [...skillSelect.options].some(o => o.value === wanted);
    if (!wanted) return;
    for (const r of has() ? [] : roles) {
      const detail = await roleDetail(r.id).catch(() => null);
      if (detail?.skills.some(s => s.id === wanted)) {
        roleSelect.value = r.id;
        await fillSkills();
        break;
      }
    }
    if (has()) {
      skillSelect.value = wanted;
      clear(chooseStatus, notice('info', `Practising ${skillSelect.selectedOptions[0].textContent}: press “New question”.`));
    }
  }

  next.addEventListener('click', () => withBusy({ button: next, slot: chooseStatus, label: 'Finding a question…' }, async () => {
    try {
      const page = await search({ role: roleSelect.value, skill: skillSelect.value, type: typeSelect.value, size: 100 });
      const candidates = page.items.filter(q => q.id !== state.question?.id);
      if (!candidates.length) {
        clear(chooseStatus, notice('warn', 'No other question of this kind for this skill yet: try another skill or kind.'));
        return;
      }
      const picked = candidates[Math.floor(Math.random() * candidates.length)];
      go('practice', { question: picked.id });
    } catch (e) {
      throw new Error(explain(e, 'The question bank'));
    }
  }));

  // ---- the question and the answer ----
  async function showQuestion(id) {
    clear(questionBox, busy('Loading the question…'));
    questionBox.hidden = false;
    let q;
    try {
      q = await item(id);
    } catch (e) {
      clear(questionBox, notice('error', e instanceof ApiError && e.status === 404 ? `There is no question "${id}".` : explain(e, 'The question bank')));
      return;
    }
    state.question = q;
    const text = q.type === 'SCENARIO' && q.content ? `${q.content.situation ?? ''}\n\n${q.content.task ?? ''}` : (q.content?.question ?? q.text);
    clear(questionBox,
      el('div', { class: 'meta' }, badge(q.level), badge(q.skill?.replace(/[-_]/g, ' ')), badge(q.type === 'SCENARIO' ? 'scenario' : 'interview question')),
      el('h2', { id: 'question-h', class: 'sr-only' }, 'Question'),
      el('p', { class: 'question-text', id: 'question-text', dataset: { questionId: q.id } }, text));
    renderAnswer();
  }

  function renderAnswer() {
    answerBox.hidden = false;
    const typedPanel = el('div', { role: 'tabpanel', id: 'panel-typed', 'aria-labelledby': 'tab-typed' });
    const voicePanel = el('div', { role: 'tabpanel', id: 'panel-voice', 'aria-labelledby': 'tab-voice', hidden: true });
    const tabs = el('div', { class: 'tabs', role: 'tablist', 'aria-label': 'How to answer' });
    const tabButtons = [['typed', 'Type', typedPanel], ['voice', 'Speak', voicePanel]].map(([key, label, panel]) => {
      const b = el('button', { type: 'button', role: 'tab', id: `tab-${key}`, 'aria-controls': panel.id, 'aria-selected': String(key === 'typed'), tabindex: key === 'typed' ? '0' : '-1' }, label);
      b.addEventListener('click', () => select(key));
      return b;
    });
    function select(key) {
      tabButtons.forEach(b => {
        const on = b.id === `tab-${key}`;
        b.setAttribute('aria-selected', String(on));
        b.tabIndex = on ? 0 : -1;
        if (on) b.focus();
      });
      typedPanel.hidden = key !== 'typed';
      voicePanel.hidden = key !== 'voice';
    }
    tabs.addEventListener('keydown', e => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') select(typedPanel.hidden ? 'typed' : 'voice');
    });
    tabs.append(...tabButtons);

    // typed
    const answer = el('textarea', { name: 'answerText', id: 'answer-text', maxLength: 10000, spellcheck: true });
    const count = el('span', { class: 'hint', id: 'word-count', 'aria-live': 'off' }, '0 words');
    let guide = null;
    const recount = () => {
      const words = answer.value.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      const meaning = guide ? words.filter(w => !guide.stop.has(w)).length : null;
      count.dataset.contentWords = String(meaning ?? '');
      count.textContent = `${words.length} word${words.length === 1 ? '' : 's'}`
        + (guide ? `, ${meaning} that carry meaning (${meaning >= guide.expectedWords ? 'long enough for any score' : `${guide.expectedWords} needed for a score above ${guide.briefCap}`})` : '');
    };
    answer.addEventListener('input', recount);
    const submit = el('button', { type: 'submit', id: 'submit-answer' }, 'Score my answer');
    const answerField = field('Your answer', answer, { name: 'answerText', hint: 'Say what you would do, with numbers, and what could go wrong.' });
    const hint = answerField.querySelector('.hint');
    hint.id = 'length-hint';
    // a question new to the scorer (just after start-up) has no guide yet: the plain hint stays and
    // the guide is asked again once an answer to it has been scored
    const loadGuide = () => api(`/api/answer-guides/${encodeURIComponent(state.question.id)}`).then(g => {
      guide = { ...g, stop: new Set(g.stopWords) };
      hint.textContent = `Say what you would do, with numbers, and what could go wrong. The score counts words that carry meaning (not “the”, “and”, “of”…): `
        + `under ${g.veryBriefWords} it is capped at ${g.veryBriefCap}, under ${g.expectedWords} at ${g.briefCap} even with every key point.`;
      recount();
    }).catch(() => { /* the plain hint stays */ });
    loadGuide();
    const typedForm = el('form', { novalidate: true }, answerField,
      el('div', { class: 'actions' }, submit, count));
    typedForm.addEventListener('submit', async e => {
      e.preventDefault();
      if (!answer.value.trim()) {
        clear(progress, notice('error', 'Write an answer first.'));
        answer.focus();
        return;
      }
      stopTracking();
      clear(resultBox);
      const attempt = await withBusy({ button: submit, slot: progress, label: 'Scoring your answer…' }, async () => {
        try {
          return await api('/api/attempts', { method: 'POST', json: { questionId: state.question.id, answerText: answer.value } });
        } catch (err) {
          throw new Error(explain(err, 'Answer scoring'));
        }
      });
      if (attempt) showAttempt(attempt);
      if (attempt && !guide) loadGuide();
    });
    typedPanel.append(typedForm);

    // voice: live first; recording and uploading stay for files and browsers that cannot stream
    state.live?.dispose();
    state.live = liveAnswerWidget({
      questionId: state.question.id,
      onStart: () => { stopTracking(); clear(resultBox); clear(progress); },
      onFinal: final => { keepRecording(final.recording, final.attemptId); track(final.attemptId, 'Scoring your answer…'); },
    });
    const preview = el('div', { class: 'actions', id: 'recording-preview' });
    const recorder = recorderWidget({
      el, label: 'Record my answer',
      onRecorded: async wav => {
        const url = URL.createObjectURL(wav);
        const send = el('button', { type: 'button', id: 'send-recording' }, 'Send recording');
        send.addEventListener('click', () => upload(wav, send));
        const wavInfo = await describeWav(wav);
        const info = el('span', {
          class: 'hint', id: 'recording-info',
          dataset: { sampleRate: wavInfo.sampleRate, channels: wavInfo.channels, bits: wavInfo.bits, bytes: wavInfo.bytes },
        }, `${wavInfo.seconds.toFixed(1)} s · ${wavInfo.sampleRate / 1000} kHz ${wavInfo.channels === 1 ? 'mono' : `${wavInfo.channels} channels`} · ${Math.round(wavInfo.bytes / 1024)} KB`);
        clear(preview, el('audio', { controls: true, src: url, 'aria-label': 'Your recording' }), info, send);
        send.focus();
      },
    });
    const file = el('input', { type: 'file', accept: '.wav,audio/wav,audio/x-wav', name: 'wav', id: 'wav-file' });
    const uploadButton = el('button', { type: 'button', class: 'secondary', id: 'upload-wav' }, 'Upload recording');
    uploadButton.addEventListener('click', () => {
      const chosen = file.files?.[0];
      if (!chosen) { clear(progress, notice('error', 'Choose a WAV file first.')); file.focus(); return; }
      upload(chosen, uploadButton);
    });
    voicePanel.append(
      el('h3', { id: 'live-h' }, 'Answer live'),
      canStream() ? el('p', { class: 'hint' }, 'Press Start and speak for up to three minutes: your words appear as they are heard, '
        + 'and the score follows a moment after you stop. Audio is not kept.') : null,
      state.live.element,
      el('h3', { id: 'upload-h' }, 'Upload a recording'),
      el('p', { class: 'hint' }, 'Or record first and send it whole, up to two minutes, as 16 kHz mono WAV; audio is not kept after transcription.'),
      recorder, preview,
      el('p', { class: 'or' }, 'or upload a file'),
      el('div', { class: 'row' }, field('WAV file (PCM, up to 2 minutes)', file, { name: 'wav' }), el('div', { class: 'field' }, uploadButton)));

    clear(answerBox, el('h2', { id: 'answer-h' }, 'Your answer'), tabs, typedPanel, voicePanel);
  }

  async function upload(wav, button) {
    stopTracking();
    clear(resultBox);
    const accepted = await withBusy({ button, slot: progress, label: 'Uploading your recording…' }, async () => {
      try {
        return await api(`/api/spoken-attempts?questionId=${encodeURIComponent(state.question.id)}`, { method: 'POST', body: wav, contentType: 'audio/wav' });
      } catch (err) {
        throw new Error(explain(err, 'Spoken-answer scoring'));
      }
    });
    if (accepted?.id) { keepRecording(wav, accepted.id); track(accepted.id); }
  }

  /** The candidate's own audio for one attempt, in memory only, to replay beside its result. */
  function keepRecording(blob, attemptId) {
    if (state.recording) URL.revokeObjectURL(state.recording.url);
    state.recording = blob ? { url: URL.createObjectURL(blob), attemptId } : null;
  }

  /** The pronunciation drill terms, fetched once, to link misheard terms to their drill. */
  async function drillTerms() {
    if (!state.terms) {
      try { state.terms = await api('/api/pronunciation/terms'); } catch { state.terms = []; }
    }
    return state.terms;
  }

  // ---- following an attempt until it is scored ----
  function stopTracking() {
    if (state.stopTracking) state.stopTracking();
    state.stopTracking = null;
  }

  function track(id, waiting = 'Queued for transcription…') {
    state.attemptId = id;
    const bar = el('progress', { max: 100, value: 0, id: 'transcription-progress', 'aria-label': 'Transcription progress' });
    const label = el('span', { class: 'busy' }, waiting);
    clear(progress, el('div', { class: 'card' }, label, bar));
    let stopped = false;
    let timer = null;
    const check = async () => {
      if (stopped) return;
      clearTimeout(timer);
      try {
        const view = await api(`/api/attempts/${id}`);
        if (stopped) return;
        if (view.band) { // scored (or already reviewed); speech's in-progress view has no band
          stopped = true;
          clear(progress);
          showAttempt(await withReviews(api, view));
          return;
        }
        if (view.status === 'FAILED') {
          stopped = true;
          clear(progress, notice('error', `The recording could not be transcribed: ${view.error ?? 'unknown reason'}.`));
          return;
        }
        const pct = view.percent ?? 0;
        bar.value = pct;
        label.textContent = view.status === 'TRANSCRIBED' ? 'Transcribed; scoring the answer…' : view.status === 'QUEUED' ? 'Queued for transcription…' : `Transcribing… ${pct}%`;
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 404)) label.textContent = `Waiting for the result (${e.message})`;
      }
      timer = setTimeout(check, POLL_MS);
    };
    const unsubscribe = onLive((kind, event) => {
      if (kind === 'scored' && event.attemptId === id) check();
    });
    state.stopTracking = () => { stopped = true; clearTimeout(timer); unsubscribe(); };
    check();
  }

  async function showAttempt(attempt) {
    state.attempt = attempt;
    state.attemptId = attempt.id;
    const terms = attempt.mode === 'SPOKEN' ? await drillTerms() : [];
    const recording = state.recording?.attemptId === attempt.id ? state.recording.url : null;
    const reviewed = attempt.status === 'REVIEWED' || attempt.reviewedScore != null;
    // a reviewed attempt is read-only: no answer box under it, a fresh start instead
    answerBox.hidden = reviewed || !state.question;
    clear(resultBox, renderAttempt(attempt, { terms, recording }),
      reviewed ? el('div', { class: 'actions', id: 'reviewed-actions' },
        el('p', { class: 'muted' }, 'This attempt has been reviewed and is kept as it is.'),
        el('button', { type: 'button', id: 'try-again', onclick: () => go('practice', { question: attempt.questionId }) }, 'Try again')) : null);
    focusHeading(resultBox);
  }

  // a coach's review of the attempt on screen shows up at once
  const offReviews = onLive(async (kind, event) => {
    if (kind !== 'reviewed' || event.attemptId !== state.attemptId || !state.attempt) return;
    let fresh;
    try {
      fresh = await withReviews(api, await api(`/api/attempts/${event.attemptId}`));
    } catch {
      // the event itself says what changed
      fresh = { ...state.attempt, reviewedScore: event.overrideScore ?? state.attempt.reviewedScore,
        reviews: [...(state.attempt.reviews ?? []), { overrideScore: event.overrideScore, reason: event.reason, comment: event.comment, createdAt: event.occurredAt }] };
    }
    showAttempt(fresh);
  });

  // deep links: #/practice?question=ID and #/practice?attempt=ID
  const attemptId = params.get('attempt');
  const questionId = params.get('question');
  if (attemptId) {
    clear(progress, busy('Loading the attempt…'));
    try {
      const view = await api(`/api/attempts/${encodeURIComponent(attemptId)}`);
      clear(progress);
      if (view.questionId) await showQuestion(view.questionId);
      if (view.band) showAttempt(await withReviews(api, view)); else track(attemptId);
    } catch (e) {
      clear(progress, notice('error', e instanceof ApiError && e.status === 404 ? 'That attempt was not found.' : explain(e, 'Attempt lookup')));
    }
  } else if (questionId) {
    await showQuestion(questionId);
  } else if (roles.length) {
    questionBox.hidden = false;
    clear(questionBox, el('h2', { id: 'question-h' }, 'Ready when you are'), el('p', { class: 'muted' }, 'Pick a role and a skill above, then press “New question”.'));
  }

  return () => { stopTracking(); offReviews(); state.live?.dispose(); keepRecording(null); };
}
