// A candidate's progress (GET /api/progress: {attempts, averageScore, trend, skills: [{skillId,
// attempts, averageScore, trend, points: [{attemptId, questionId, at, score, band}]}], quizzes}) as
// figures, a chart of scores per skill over time, and the same numbers as a table. The dashboard shows
// the caller's own; the coach page a candidate's.
import { skillLabel } from './catalog.js';
import { drawChart } from './charts.js';
import { el, clear } from './ui.js';

/** Creates the parts inside box and returns a function that fills them from a progress answer. */
export function progressView(box, { idPrefix = 'progress', emptyText }) {
  const summary = el('div', { class: 'figures', id: `${idPrefix}-summary` });
  const chartBox = el('div', { class: 'chart', id: `${idPrefix}-chart`, role: 'img', 'aria-label': 'Scores per skill over time' });
  const table = el('div', { id: `${idPrefix}-skills` });
  box.append(summary, chartBox, table);

  return async function show(progress, titles) {
    const quiz = progress.quizzes;
    clear(summary,
      figure(progress.attempts, 'attempts'),
      figure(progress.averageScore ?? '–', 'average score'),
      figure(progress.trend?.direction ?? '–', 'trend', progress.trend?.explanation),
      quiz?.answered ? figure(`${quiz.percent}%`, `of ${quiz.answered} quiz answers right`) : null);
    if (!progress.skills.length) {
      chartBox.hidden = true;
      clear(table, el('p', { class: 'muted' }, emptyText));
      return;
    }
    chartBox.hidden = false;
    await drawChart(chartBox, {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 44, right: 24, top: 34, bottom: 60 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', min: 0, max: 100, name: 'score' },
      series: progress.skills.map(s => ({
        name: skillLabel(titles, s.skillId), type: 'line', showSymbol: true, symbolSize: 7,
        data: s.points.map(p => [p.at, p.score]),
      })),
    });
    clear(table, el('table', {},
      el('caption', { class: 'sr-only' }, 'Average score per skill'),
      el('thead', {}, el('tr', {}, el('th', {}, 'Skill'), el('th', { class: 'num' }, 'Attempts'), el('th', { class: 'num' }, 'Average'),
        el('th', { class: 'num' }, 'Latest'), el('th', {}, 'Trend'))),
      el('tbody', {}, progress.skills.map(s => el('tr', {},
        el('td', {}, skillLabel(titles, s.skillId)),
        el('td', { class: 'num' }, String(s.attempts)),
        el('td', { class: 'num' }, String(s.averageScore)),
        el('td', { class: 'num' }, String(s.latestScore)),
        el('td', { title: s.trend?.explanation ?? '' }, s.trend?.direction ?? ''))))));
  };
}

function figure(value, label, title) {
  return el('div', { class: 'figure', title }, el('div', { class: 'v' }, String(value)), el('div', { class: 'k' }, label));
}
