// Dashboard: per-skill progress over time (GET /api/progress), the recent attempts (the newest points
// of that progress), quiz and pronunciation figures (GET /api/pronunciation-attempts/summary), and the
// candidate's coach cohorts. A first visit (nothing answered yet) leads with one action instead.
import { api, explain } from '../api.js';
import { skillTitles, showQuestionTitle } from '../catalog.js';
import { onLive } from '../live.js';
import { progressView, figure } from '../progress.js';
import { session } from '../session.js';
import { el, clear, notice, busy, badge, formatDate } from '../ui.js';
import { renderMemberships } from '../cohorts.js';
import { listSessions } from './interview.js';
import { renderMyAssignments } from '../assignments.js';
import { dueToday } from '../due-today.js';

export async function render(main, { params }) {
  const user = session.user;
  const cohortBox = el('div', { id: 'my-cohorts' });
  const assignmentsBox = el('div', { id: 'assignments-box', 'aria-live': 'polite' });
  const progressStatus = el('div', { 'aria-live': 'polite' });
  const progressBox = el('div');
  const recentBox = el('div', { id: 'recent-attempts', 'aria-live': 'polite' });
  const drillsBox = el('div', { id: 'drill-figures', class: 'figures' });
  const firstStep = el('section', { class: 'card first-step', id: 'first-step', hidden: true, 'aria-labelledby': 'first-step-h' },
    el('h2', { id: 'first-step-h' }, 'Start with one question'),
    el('p', {}, 'Answer one interview question, typed or out loud. You get a score, what your answer covered and missed, and the first point of your progress here.'),
    el('a', { class: 'button', id: 'first-question', href: '#/practice' }, 'Answer your first question'));
  const progressCard = el('section', { class: 'card', id: 'progress-card', 'aria-labelledby': 'progress-h' }, el('h2', { id: 'progress-h' }, 'Progress per skill'), progressStatus, progressBox);
  const recentCard = el('section', { class: 'card', id: 'recent-card', 'aria-labelledby': 'recent-h' }, el('h2', { id: 'recent-h' }, 'Recent attempts'), recentBox);
  const drillsCard = el('section', { class: 'card', id: 'drills-card', 'aria-labelledby': 'drills-h' }, el('h2', { id: 'drills-h' }, 'Quiz and pronunciation'), drillsBox);
  const dueBox = el('div');
  main.append(
    el('h1', {}, `Hello, ${user.displayName}`),
    el('p', { class: 'lead' }, 'Your progress per skill, and what to do next.'),
    firstStep,
    dueBox,
    session.isCoach ? null : el('section', { class: 'card', id: 'assignments-card', 'aria-labelledby': 'assignments-h' }, el('h2', { id: 'assignments-h' }, 'Assignments'), assignmentsBox),
    progressCard,
    el('div', { class: 'grid' },
      recentCard,
      drillsCard,
      el('section', { class: 'card', 'aria-labelledby': 'next-h' }, el('h2', { id: 'next-h' }, 'Keep going'),
        el('ul', { class: 'plain' },
          el('li', {}, el('a', { href: '#/practice' }, 'Answer an interview question'), ' — typed or out loud'),
          el('li', {}, el('a', { href: '#/interview' }, 'Run a mock interview'), ' — timed, with a report'),
          el('li', {}, el('a', { href: '#/quiz' }, 'Take a five-question quiz'), ' — with explanations'),
          el('li', {}, el('a', { href: '#/self-assessment' }, 'Rate yourself'), ' — and compare with your measured level'),
          el('li', {}, el('a', { href: '#/flashcards' }, 'Review vocabulary'), ' — flashcards'),
          el('li', {}, el('a', { href: '#/pronunciation' }, 'Drill pronunciation'), ' — NCCL, CUDA, K8s and more')))),
    el('section', { class: 'card', id: 'my-sessions', 'aria-labelledby': 'sessions-h' }),
    session.isCoach ? null : el('section', { class: 'card', id: 'coach-card', 'aria-labelledby': 'coach-h' }, el('h2', { id: 'coach-h' }, 'Your coach'), cohortBox));
  if (!session.isCoach) dueToday(dueBox);
  if (!session.isCoach) {
    const invited = params?.get('join');
    // an invite link: the join form comes first, filled in, so the candidate only has to confirm
    if (invited) main.querySelector('h1').after(main.querySelector('#coach-card'));
    await Promise.all([renderMemberships(cohortBox, invited), renderMyAssignments(assignmentsBox)]);
  }

  await listSessions(main.querySelector('#my-sessions'));
  const titles = await skillTitles().catch(() => ({}));

  const showProgress = progressView(progressBox, { quiz: false, emptyText: 'No scored answers yet. Practise a question and your skills appear here.' });
  const drills = await api('/api/pronunciation-attempts/summary').catch(() => null);

  /** Quiz share right (from progress) and pronunciation terms passed (from speech-service). */
  function showDrills(quiz) {
    clear(drillsBox,
      quiz?.answered
        ? figure(`${quiz.percent}%`, `of ${quiz.answered} quiz answers right`)
        : el('p', { class: 'muted' }, 'No quiz yet. ', el('a', { href: '#/quiz' }, 'Take a five-question quiz'), '.'),
      !drills ? notice('info', 'Pronunciation figures are not available right now.')
        : drills.attempts
          ? [figure(`${drills.termsPassed} of ${drills.termsPractised}`, 'pronunciation terms passed'), figure(drills.attempts, 'pronunciation drills said')]
          : el('p', { class: 'muted' }, 'No pronunciation drills yet. ', el('a', { href: '#/pronunciation' }, 'Say a term'), ' to hear how it comes across.'));
  }

  /** Nothing answered, quizzed or drilled: one clear first action instead of empty figures. */
  function showFirstVisit(progress) {
    const fresh = progress != null && progress.attempts === 0 && !progress.quizzes?.answered && !drills?.attempts;
    firstStep.hidden = !fresh;
    dueBox.hidden = fresh; // nothing can be due yet: the first step stays the one action
    progressCard.hidden = fresh;
    recentCard.hidden = fresh;
    drillsCard.hidden = fresh;
  }

  async function loadProgress() {
    clear(progressStatus, busy('Loading your progress…'));
    try {
      const progress = await api('/api/progress');
      clear(progressStatus);
      await showProgress(progress, titles);
      return progress;
    } catch (e) {
      clear(progressStatus, notice('info', explain(e, 'Progress tracking')));
      return null;
    }
  }

  function showRecent(progress) {
    const recent = (progress?.skills ?? []).flatMap(s => s.points)
      .sort((a, b) => String(b.at).localeCompare(String(a.at)))
      .slice(0, 8);
    clear(recentBox, recent.length ? el('table', {},
      el('thead', {}, el('tr', {}, el('th', {}, 'Question'), el('th', { class: 'num' }, 'Score'), el('th', {}, 'When'))),
      el('tbody', {}, recent.map(p => el('tr', {},
        el('td', {}, showQuestionTitle(el('a', { href: `#/practice?attempt=${encodeURIComponent(p.attemptId)}` }, p.questionId.replace(/[-_]/g, ' ')), p.questionId)),
        el('td', { class: 'num' }, String(p.score), ' ', badge(p.band, p.band)),
        el('td', { class: 'small' }, formatDate(p.at))))))
      : el('p', { class: 'muted' }, 'Nothing yet. ', el('a', { href: '#/practice' }, 'Answer your first question.')));
  }

  async function refresh() {
    const progress = await loadProgress();
    showFirstVisit(progress);
    showRecent(progress);
    showDrills(progress?.quizzes);
  }

  clear(recentBox, busy('Loading recent attempts…'));
  await refresh();
  const off = onLive(async kind => {
    if (kind === 'scored' || kind === 'reviewed') await refresh();
  });
  return off;
}
