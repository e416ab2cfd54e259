// Mock interview: choose a role (and optionally sub-skills, level, number of questions), then answer
// each question against a countdown: thinking time, then answer time. Answers are typed (POST
// /api/attempts with sessionId), spoken live (js/live-answer.js, limited to the time left), recorded or
// uploaded (POST /api/spoken-attempts?sessionId=). The
// server keeps the clock (GET /api/sessions/{id}), so a reload resumes where the candidate was. A
// spoken answer counts once its transcript is scored; until then this browser remembers it was sent.
import { api, explain } from '../api.js';
import { listRoles, role as roleDetail } from '../catalog.js';
import { recorderWidget } from '../audio.js';
import { liveAnswerWidget } from '../live-answer.js';
import { el, clear, field, notice, busy, badge, withBusy, formatDate, clock as minutes } from '../ui.js';

const LEVELS = ['', 'Beginner', 'Intermediate', 'Advanced', 'Expert'];
const POLL_MS = 2000;

const sentKey = id => `rehearse.interview.${id}.spoken`;
const sentOf = id => JSON.parse(localStorage.getItem(sentKey(id)) ?? '[]');
const markSent = (id, questionId) => localStorage.setItem(sentKey(id), JSON.stringify([...sentOf(id), questionId]));

// a countdown rounds to the nearest second
const clock = seconds => minutes(Math.round(seconds));

export async function render(main, { params, go }) {
  const id = params.get('session');
  main.append(el('h1', {}, 'Mock interview'));
  return id ? run(main, id, go) : choose(main, go);
}

async function choose(main, go) {
  const form = el('form', { class: 'card', novalidate: true, id: 'interview-form', 'aria-labelledby': 'interview-h' });
  const mine = el('section', { class: 'card', id: 'my-sessions', 'aria-labelledby': 'sessions-h' });
  main.append(el('p', { class: 'lead' }, 'A whole practice interview: questions chosen where you are weakest, a countdown for each, and a report at the end.'), form, mine);
  let roles = [];
  try { roles = await listRoles(); } catch (e) { form.append(notice('error', explain(e, 'The question bank'))); return null; }
  const roleSelect = el('select', {}, roles.map(r => el('option', { value: r.id }, r.title)));
  const saved = localStorage.getItem('rehearse.role');
  if (saved && roles.some(r => r.id === saved)) roleSelect.value = saved;
  const skillsBox = el('fieldset', { class: 'skills' });
  const level = el('select', {}, LEVELS.map(l => el('option', { value: l }, l || 'Any level')));
  const count = el('input', { type: 'number', min: '1', max: '15', value: '5', inputMode: 'numeric' });
  const start = el('button', { type: 'submit', id: 'start-interview' }, 'Start the interview');
  const status = el('div', { 'aria-live': 'polite' });
  async function fillSkills() {
    clear(skillsBox, el('legend', {}, 'Sub-skills (none ticked: all of them)'));
    try {
      (await roleDetail(roleSelect.value)).skills.forEach(s => skillsBox.append(
        el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'skills', value: s.id }), ` ${s.title}`)));
    } catch { /* all skills still works */ }
  }
  roleSelect.addEventListener('change', fillSkills);
  form.append(el('h2', { id: 'interview-h' }, 'Set up your interview'),
    el('div', { class: 'row' }, field('Role', roleSelect, { name: 'roleId' }), field('Level', level, { name: 'level' }),
      field('Questions', count, { name: 'questionCount', hint: '1 to 15' })),
    skillsBox, el('p', { class: 'hint' }, 'Each question: 30 s to think, then 3 minutes to answer.'),
    el('div', { class: 'actions' }, start), status);
  await fillSkills();
  form.addEventListener('submit', e => {
    e.preventDefault();
    const skills = [...skillsBox.querySelectorAll('input:checked')].map(i => i.value);
    withBusy({ button: start, slot: status, label: 'Choosing your questions…' }, async () => {
      try {
        const created = await api('/api/sessions', { method: 'POST', json: {
          roleId: roleSelect.value, questionCount: Number(count.value), skills: skills.length ? skills : null, level: level.value || null } });
        go('interview', { session: created.id });
      } catch (err) {
        throw new Error(explain(err, 'Mock interviews'));
      }
    });
  });
  await listSessions(mine);
  return null;
}

/**
 * Mock interviews, newest first, with links to resume or to the report: the caller's own (the
 * dashboard, this page) or, for a coach, a candidate's (reports only).
 */
export async function listSessions(box, candidateId = null) {
  const title = candidateId ? 'Mock interviews' : 'Your mock interviews';
  clear(box, el('h2', { id: 'sessions-h' }, title), busy('Loading sessions…'));
  let sessions;
  const query = candidateId ? `?candidateId=${encodeURIComponent(candidateId)}` : '';
  try { sessions = await api(`/api/sessions${query}`); } catch (e) { clear(box, notice('info', explain(e, 'Mock interviews'))); return; }
  const next = s => s.status === 'COMPLETED'
    ? el('a', { href: `#/session-report?id=${s.id}` }, 'Report')
    : candidateId ? `In progress (${s.answered + s.skipped} of ${s.questionCount} done)`
      : el('a', { href: `#/interview?session=${s.id}` }, `Resume (${s.answered + s.skipped} of ${s.questionCount} done)`);
  clear(box, el('h2', { id: 'sessions-h' }, title), sessions.length ? el('table', {},
    el('thead', {}, el('tr', {}, el('th', {}, 'Started'), el('th', {}, 'Role'), el('th', { class: 'num' }, 'Score'), el('th', {}, ''))),
    el('tbody', {}, sessions.map(s => el('tr', {},
      el('td', { class: 'small' }, formatDate(s.createdAt)),
      el('td', {}, s.roleId.replace(/[-_]/g, ' ')),
      el('td', { class: 'num' }, s.averageScore == null ? '—' : String(s.averageScore)),
      el('td', {}, next(s))))))
    : el('p', { class: 'muted' }, 'None yet. ', candidateId ? '' : el('a', { href: '#/interview' }, 'Start your first mock interview.')));
}

async function run(main, id, go) {
  const progress = el('p', { id: 'interview-progress', class: 'lead', 'aria-live': 'polite' });
  const box = el('section', { class: 'card', id: 'interview-card', 'aria-labelledby': 'interview-q-h' });
  const status = el('div', { 'aria-live': 'polite', id: 'interview-status' });
  main.append(progress, box, status);
  let ticker = null;
  let poller = null;
  let live = null;
  // a live answer cut off by a pause or by leaving the page is kept by the server a minute, to go on with
  const stop = () => { clearInterval(ticker); clearTimeout(poller); live?.dispose(); live = null; };

  async function call(path, options, label) {
    try { return await api(path, options); } catch (e) { clear(status, notice('error', explain(e, label))); return null; }
  }

  async function refresh(view) {
    stop();
    const s = view ?? await call(`/api/sessions/${id}`, {}, 'Mock interviews');
    if (!s) return;
    if (s.status === 'COMPLETED') { localStorage.removeItem(sentKey(id)); go('session-report', { id }); return; }
    const sent = sentOf(id);
    const open = s.questions.filter(q => q.status === 'PENDING' && !sent.includes(q.id));
    const done = s.questions.length - open.length;
    if (!open.length) {
      progress.textContent = `All ${s.questions.length} questions done`;
      clear(box, el('h2', { id: 'interview-q-h' }, 'Scoring your spoken answers…'), busy('Your report opens when every answer is scored.'));
      poller = setTimeout(() => refresh(), POLL_MS);
      return;
    }
    const q = s.current && open.some(o => o.id === s.current.questionId) ? open.find(o => o.id === s.current.questionId) : open[0];
    const phase = s.current?.questionId === q.id ? s.current : { phase: 'NOT_STARTED', secondsLeft: s.thinkingSeconds };
    progress.textContent = `Question ${done + 1} of ${s.questions.length}`;
    showQuestion(s, q, phase);
  }

  function showQuestion(s, q, phase) {
    const paused = s.status === 'PAUSED';
    const time = el('p', { class: 'countdown', id: 'countdown', 'aria-live': 'off' });
    const announce = el('p', { class: 'sr-only', 'aria-live': 'polite', id: 'countdown-announce' });
    const controls = el('div', { class: 'actions' });
    const answerBox = el('div', { id: 'interview-answer' });
    clear(box,
      el('div', { class: 'meta' }, badge(q.type === 'SCENARIO' ? 'scenario' : 'interview question'), badge(q.skillId.replace(/[-_]/g, ' '))),
      el('h2', { id: 'interview-q-h' }, `Question ${q.position}`),
      el('p', { class: 'question-text', id: 'question-text', dataset: { questionId: q.id } }, q.text),
      time, announce, answerBox, controls);
    const skip = el('button', { type: 'button', class: 'secondary', id: 'skip-question' }, 'Skip this question');
    skip.addEventListener('click', async () => {
      live?.dispose({ discard: true }); // a skipped question keeps no answer
      live = null;
      refresh(await call(`/api/sessions/${id}/questions/${encodeURIComponent(q.id)}/skip`, { method: 'POST' }, 'Skipping'));
    });
    const pause = el('button', { type: 'button', class: 'quiet', id: paused ? 'resume-interview' : 'pause-interview' }, paused ? 'Resume' : 'Pause');
    pause.addEventListener('click', async () => refresh(await call(`/api/sessions/${id}/${paused ? 'resume' : 'pause'}`, { method: 'POST' }, 'Mock interviews')));
    if (paused) {
      time.textContent = `Paused with ${clock(phase.secondsLeft)} left ${phase.phase === 'ANSWERING' ? 'to answer' : 'to think'}.`;
      announce.textContent = 'Interview paused.';
      controls.append(pause);
      return;
    }
    if (phase.phase === 'NOT_STARTED') {
      const begin = el('button', { type: 'button', id: 'start-question' }, 'Start thinking time');
      begin.addEventListener('click', async () => refresh(await call(`/api/sessions/${id}/questions/${encodeURIComponent(q.id)}/start`, { method: 'POST' }, 'Mock interviews')));
      time.textContent = `You get ${clock(s.thinkingSeconds)} to think, then ${clock(s.answerSeconds)} to answer.`;
      controls.append(begin, skip, pause);
      return;
    }
    // counts down locally from the server's figure; the server's clock wins on the next refresh
    const startedAt = Date.now();
    const now = () => {
      let left = phase.secondsLeft - (Date.now() - startedAt) / 1000;
      let name = phase.phase;
      if (name === 'THINKING' && left <= 0) { name = 'ANSWERING'; left += s.answerSeconds; }
      if (name === 'ANSWERING' && left <= 0) name = 'OVERTIME';
      return { name, left };
    };
    // a live answer gets the time left to answer; once it is up, answers are still taken as typed ones
    // are, within the service's own limit
    const answerTime = () => {
      const { name, left } = now();
      if (name === 'OVERTIME') return undefined;
      return Math.ceil(name === 'THINKING' ? left + s.answerSeconds : left);
    };
    answerForm(s, q, answerBox, answerTime);
    controls.append(skip, pause);
    let last = '';
    const tick = () => {
      const { name, left } = now();
      const text = name === 'THINKING' ? `Thinking time: ${clock(left)} left`
        : name === 'ANSWERING' ? `Answer time: ${clock(left)} left` : 'Time is up: send your answer or skip.';
      time.textContent = text;
      time.dataset.phase = name;
      // screen readers hear phase changes and the last ten seconds, not every tick
      const spoken = name !== last || (name !== 'OVERTIME' && Math.round(left) === 10) ? text : null;
      if (spoken && spoken !== announce.textContent) announce.textContent = spoken;
      last = name;
    };
    tick();
    ticker = setInterval(tick, 1000);
  }

  function answerForm(s, q, answerBox, answerTime) {
    const text = el('textarea', { name: 'answerText', id: 'answer-text', maxLength: 10000, spellcheck: true });
    const send = el('button', { type: 'submit', id: 'submit-answer' }, 'Send my answer');
    const form = el('form', { novalidate: true }, field('Your answer', text, { name: 'answerText' }), el('div', { class: 'actions' }, send));
    form.addEventListener('submit', e => {
      e.preventDefault();
      if (!text.value.trim()) { clear(status, notice('error', 'Write an answer first, or skip the question.')); text.focus(); return; }
      withBusy({ button: send, slot: status, label: 'Scoring your answer…' }, async () => {
        try {
          await api('/api/attempts', { method: 'POST', json: { questionId: q.id, answerText: text.value, sessionId: id } });
        } catch (err) { throw new Error(explain(err, 'Answer scoring')); }
        clear(status);
        refresh();
      });
    });
    const upload = (wav, button) => withBusy({ button, slot: status, label: 'Uploading your recording…' }, async () => {
      try {
        await api(`/api/spoken-attempts?questionId=${encodeURIComponent(q.id)}&sessionId=${id}`, { method: 'POST', body: wav, contentType: 'audio/wav' });
      } catch (err) { throw new Error(explain(err, 'Spoken answers')); }
      markSent(id, q.id);
      clear(status, notice('ok', 'Recording sent: it is scored while you go on.'));
      refresh();
    });
    live = liveAnswerWidget({
      questionId: q.id, sessionId: id, maxSeconds: answerTime,
      onFinal: () => {
        markSent(id, q.id);
        clear(status, notice('ok', 'Answer sent: it is scored while you go on.'));
        refresh();
      },
    });
    const recorded = el('div', { class: 'actions', id: 'recording-preview' });
    const recorder = recorderWidget({ el, label: 'Record my answer', onRecorded: wav => {
      const sendRecording = el('button', { type: 'button', id: 'send-recording' }, 'Send recording');
      sendRecording.addEventListener('click', () => upload(wav, sendRecording));
      clear(recorded, el('audio', { controls: true, src: URL.createObjectURL(wav), 'aria-label': 'Your recording' }), sendRecording);
      sendRecording.focus();
    } });
    const file = el('input', { type: 'file', accept: '.wav,audio/wav,audio/x-wav', id: 'wav-file' });
    const uploadButton = el('button', { type: 'button', class: 'secondary', id: 'upload-wav' }, 'Upload recording');
    uploadButton.addEventListener('click', () => {
      if (!file.files?.[0]) { clear(status, notice('error', 'Choose a WAV file first.')); file.focus(); return; }
      upload(file.files[0], uploadButton);
    });
    clear(answerBox, form, el('p', { class: 'or' }, 'or answer out loud, live'), live.element,
      el('p', { class: 'or' }, 'or upload a recording'), recorder, recorded,
      el('div', { class: 'row' }, field('WAV file (PCM, up to 2 minutes)', file, { name: 'wav' }), el('div', { class: 'field' }, uploadButton)));
  }

  await refresh();
  return stop;
}
