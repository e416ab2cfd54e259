// Dashboard: per-skill progress over time (GET /api/progress) and the recent attempts. Attempts this
// browser made are remembered locally too, so the list works before the progress API exists.
import { api, explain } from '../api.js';
import { skillTitles, skillLabel, showQuestionTitle } from '../catalog.js';
import { drawChart } from '../charts.js';
import { onLive } from '../live.js';
import { currentScore } from '../result.js';
import { session, userStore } from '../session.js';
import { el, clear, notice, busy, badge, formatDate } from '../ui.js';
import { renderMemberships } from '../cohorts.js';

const first = (o, ...keys) => { for (const k of keys) if (o?.[k] != null) return o[k]; return undefined; };

/** Reads the progress answer whatever its exact field names: [{skill, average, attempts, trend, points:[{at, score}]}]. */
function skillsOf(progress) {
  const list = first(progress, 'skills', 'perSkill', 'bySkill') ?? [];
  const entries = Array.isArray(list) ? list : Object.entries(list).map(([skill, v]) => ({ skill, ...v }));
  return entries.map(s => ({
    skill: first(s, 'skillId', 'skill', 'id'),
    average: first(s, 'average', 'averageScore', 'mean'),
    attempts: first(s, 'attempts', 'attemptCount', 'count'),
    trend: first(s, 'trend', 'slope'),
    points: (first(s, 'points', 'scores', 'history', 'series', 'overTime') ?? []).map(p => ({
      at: first(p, 'at', 'date', 'day', 'week', 'occurredAt', 'createdAt', 'scoredAt'),
      score: first(p, 'score', 'average', 'value'),
      attemptId: p.attemptId,
      questionId: p.questionId,
      band: p.band,
    })).filter(p => p.at != null && p.score != null),
  }));
}

/** Trend as assessment reports it ({direction, delta, explanation}) or as a bare word. */
function trendText(trend) {
  if (trend == null) return '';
  if (typeof trend === 'object') return trend.direction ?? '';
  return String(trend);
}

export async function render(main, { params }) {
  const user = session.user;
  const cohortBox = el('div', { id: 'my-cohorts' });
  const summary = el('div', { class: 'figures', id: 'progress-summary' });
  const chartBox = el('div', { class: 'chart', id: 'progress-chart', role: 'img', 'aria-label': 'Scores per skill over time' });
  const progressStatus = el('div', { 'aria-live': 'polite' });
  const skillTable = el('div');
  const recentBox = el('div', { id: 'recent-attempts', 'aria-live': 'polite' });
  main.append(
    el('h1', {}, `Hello, ${user.displayName}`),
    el('p', { class: 'lead' }, 'Your progress per skill, and what to do next.'),
    el('section', { class: 'card', 'aria-labelledby': 'progress-h' }, el('h2', { id: 'progress-h' }, 'Progress per skill'), progressStatus, summary, chartBox, skillTable),
    el('div', { class: 'grid' },
      el('section', { class: 'card', 'aria-labelledby': 'recent-h' }, el('h2', { id: 'recent-h' }, 'Recent attempts'), recentBox),
      el('section', { class: 'card', 'aria-labelledby': 'next-h' }, el('h2', { id: 'next-h' }, 'Keep going'),
        el('ul', { class: 'plain' },
          el('li', {}, el('a', { href: '#/practice' }, 'Answer an interview question'), ' — typed or out loud'),
          el('li', {}, el('a', { href: '#/quiz' }, 'Take a five-question quiz'), ' — with explanations'),
          el('li', {}, el('a', { href: '#/self-assessment' }, 'Rate yourself'), ' — and compare with your measured level'),
          el('li', {}, el('a', { href: '#/flashcards' }, 'Review vocabulary'), ' — flashcards'),
          el('li', {}, el('a', { href: '#/pronunciation' }, 'Drill pronunciation'), ' — NCCL, CUDA, K8s and more')))),
    session.isCoach ? null : el('section', { class: 'card', id: 'coach-card', 'aria-labelledby': 'coach-h' }, el('h2', { id: 'coach-h' }, 'Your coach'), cohortBox));
  if (!session.isCoach) {
    const invited = params?.get('join');
    // an invite link: the join form comes first, filled in, so the candidate only has to confirm
    if (invited) main.querySelector('h1').after(main.querySelector('#coach-card'));
    await renderMemberships(cohortBox, invited);
  }

  const titles = await skillTitles().catch(() => ({}));

  async function loadProgress() {
    clear(progressStatus, busy('Loading your progress…'));
    let progress;
    try {
      progress = await api('/api/progress');
    } catch (e) {
      clear(progressStatus, notice('info', explain(e, 'Progress tracking')));
      chartBox.hidden = true;
      return null;
    }
    clear(progressStatus);
    const skills = skillsOf(progress);
    const attempts = first(progress, 'attempts', 'attemptCount', 'totalAttempts');
    const average = first(progress, 'average', 'averageScore');
    clear(summary,
      el('div', { class: 'figure' }, el('div', { class: 'v' }, Array.isArray(attempts) ? attempts.length : attempts ?? 0), el('div', { class: 'k' }, 'attempts')),
      el('div', { class: 'figure' }, el('div', { class: 'v' }, average != null ? Math.round(average) : '–'), el('div', { class: 'k' }, 'average score')),
      el('div', { class: 'figure' }, el('div', { class: 'v' }, trendText(first(progress, 'trend')) || '–'), el('div', { class: 'k' }, 'trend')));
    if (!skills.length) {
      chartBox.hidden = true;
      clear(skillTable, el('p', { class: 'muted' }, 'No scored answers yet. Practise a question and your skills appear here.'));
      return progress;
    }
    chartBox.hidden = false;
    const withPoints = skills.filter(s => s.points.length);
    const option = withPoints.length
      ? {
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll', bottom: 0 },
        grid: { left: 44, right: 24, top: 34, bottom: 60 },
        xAxis: { type: 'time' },
        yAxis: { type: 'value', min: 0, max: 100, name: 'score' },
        series: withPoints.map(s => ({
          name: skillLabel(titles, s.skill), type: 'line', showSymbol: true, symbolSize: 7,
          data: s.points.map(p => [p.at, Math.round(p.score)]),
        })),
      }
      : {
        tooltip: {},
        grid: { left: 160, right: 20, top: 10, bottom: 30 },
        xAxis: { type: 'value', min: 0, max: 100 },
        yAxis: { type: 'category', data: skills.map(s => skillLabel(titles, s.skill)) },
        series: [{ type: 'bar', name: 'average score', data: skills.map(s => Math.round(s.average ?? 0)) }],
      };
    await drawChart(chartBox, option);
    clear(skillTable, el('table', { id: 'skill-table' },
      el('caption', { class: 'sr-only' }, 'Average score per skill'),
      el('thead', {}, el('tr', {}, el('th', {}, 'Skill'), el('th', { class: 'num' }, 'Attempts'), el('th', { class: 'num' }, 'Average'), el('th', {}, 'Trend'))),
      el('tbody', {}, skills.map(s => el('tr', {},
        el('td', {}, skillLabel(titles, s.skill)),
        el('td', { class: 'num' }, s.attempts ?? s.points.length),
        el('td', { class: 'num' }, s.average != null ? Math.round(s.average) : '–'),
        el('td', { title: s.trend?.explanation ?? '' }, trendText(s.trend)))))));
    return progress;
  }

  async function loadRecent(progress) {
    clear(recentBox, busy('Loading recent attempts…'));
    // the progress points name their attempts; the newest of them are the recent attempts
    let recent = skillsOf(progress).flatMap(s => s.points)
      .filter(p => p.attemptId)
      .sort((a, b) => String(b.at).localeCompare(String(a.at)))
      .slice(0, 8)
      .map(p => ({ id: p.attemptId, questionId: p.questionId, score: p.score, band: p.band, createdAt: p.at }));
    if (!recent.length) {
      const remembered = userStore('attempts').get([]).slice(0, 8);
      const fetched = await Promise.all(remembered.map(a => api(`/api/attempts/${a.id}`).catch(() => null)));
      recent = fetched.filter(Boolean);
    }
    if (!recent.length) {
      clear(recentBox, el('p', { class: 'muted' }, 'Nothing yet. ', el('a', { href: '#/practice' }, 'Answer your first question.')));
      return;
    }
    clear(recentBox, el('table', {},
      el('thead', {}, el('tr', {}, el('th', {}, 'Question'), el('th', { class: 'num' }, 'Score'), el('th', {}, 'When'))),
      el('tbody', {}, recent.map(a => {
        const id = a.id ?? a.attemptId;
        const scored = Boolean(a.band);
        return el('tr', {},
          el('td', {}, showQuestionTitle(el('a', { href: `#/practice?attempt=${encodeURIComponent(id)}` }, (a.questionId ?? '').replace(/[-_]/g, ' ')), a.questionId),
            a.mode ? el('span', { class: 'small muted' }, ` · ${a.mode.toLowerCase()}`) : null),
          el('td', { class: 'num' }, scored ? [String(currentScore(a)), ' ', badge(a.band, a.band)] : el('span', { class: 'muted' }, (a.status ?? '').toLowerCase())),
          el('td', { class: 'small' }, formatDate(a.createdAt ?? a.at)));
      }))));
  }

  const progress = await loadProgress();
  await loadRecent(progress);
  const off = onLive(async kind => {
    if (kind === 'scored' || kind === 'reviewed') loadRecent(await loadProgress());
  });
  return off;
}
