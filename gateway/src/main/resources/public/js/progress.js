// A candidate's progress (GET /api/progress: {attempts, averageScore, trend, skills: [{skillId,
// attempts, averageScore, trend, points: [{attemptId, questionId, at, score, band}]}], quizzes}) as
// figures, a chart of scores per skill by day or by attempt, and the same numbers as a table. The
// dashboard shows the caller's own; the coach page a candidate's.
import { skillLabel } from './catalog.js';
import { drawChart } from './charts.js';
import { el, clear } from './ui.js';

// The score bands of ScoreResult.Band in assessment-service ([label, from, to, shade]); no API sends
// the cut-offs, so keep these in step with Band.of.
const BANDS = [['Weak', 0, 20, '#fde2e2'], ['Developing', 20, 60, '#fff1d6'], ['Strong', 60, 90, '#dcfce7'], ['Excellent', 90, 100, '#dbeafe']];

const AXES = {
  day: { title: 'Day', words: 'day' },
  attempt: { title: 'Attempt', words: 'attempt number (1 is your first answer)' },
};

/** Creates the parts inside box and returns a function that fills them from a progress answer. */
export function progressView(box, { idPrefix = 'progress', emptyText, quiz: withQuiz = true }) {
  const summary = el('div', { class: 'figures', id: `${idPrefix}-summary` });
  const trendNote = el('p', { class: 'trend-note', id: `${idPrefix}-trend` });
  const byDay = el('input', { type: 'radio', name: `${idPrefix}-axis`, value: 'day', id: `${idPrefix}-by-day`, checked: true });
  const byAttempt = el('input', { type: 'radio', name: `${idPrefix}-axis`, value: 'attempt', id: `${idPrefix}-by-attempt` });
  const toggle = el('fieldset', { class: 'axis-toggle', id: `${idPrefix}-axis` },
    el('legend', {}, 'Plot scores'),
    el('div', { class: 'option' }, byDay, el('label', { for: byDay.id }, 'By day')),
    el('div', { class: 'option' }, byAttempt, el('label', { for: byAttempt.id }, 'By attempt')));
  const chartBox = el('div', { class: 'chart', id: `${idPrefix}-chart`, role: 'img' });
  const caption = el('p', { class: 'hint', id: `${idPrefix}-chart-caption` });
  const chartPart = el('div', { class: 'chart-part' }, toggle, chartBox, caption);
  const table = el('div', { id: `${idPrefix}-skills` });
  box.append(summary, trendNote, chartPart, table);
  let shown = null;

  toggle.addEventListener('change', () => { if (shown) draw(shown.progress, shown.titles); });

  async function draw(progress, titles) {
    const axis = byAttempt.checked ? 'attempt' : 'day';
    const order = attemptNumbers(progress);
    chartBox.dataset.rendered = 'false';
    chartBox.dataset.xAxis = AXES[axis].title;
    chartBox.setAttribute('aria-label', `Scores per skill by ${AXES[axis].words}`);
    clear(caption, `Across: ${AXES[axis].words}. Up: score from 0 to 100. Shaded bands: `,
      BANDS.map(([label, from, to], i) => `${label} ${i === BANDS.length - 1 ? `${from}+` : `${from}-${to - 1}`}`).join(', '), '.');
    await drawChart(chartBox, {
      tooltip: { trigger: axis === 'day' ? 'axis' : 'item' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 56, right: 24, top: 30, bottom: 76 },
      xAxis: axis === 'day'
        ? { type: 'time', name: 'Day', nameLocation: 'middle', nameGap: 28 }
        : { type: 'value', name: 'Attempt', nameLocation: 'middle', nameGap: 28, min: 1, max: Math.max(order.size, 2), minInterval: 1 },
      yAxis: { type: 'value', min: 0, max: 100, name: 'Score (0-100)', nameLocation: 'middle', nameGap: 38 },
      series: progress.skills.map((s, i) => ({
        name: skillLabel(titles, s.skillId), type: 'line', showSymbol: true, symbolSize: 7,
        data: s.points.map(p => [axis === 'day' ? p.at : order.get(p.attemptId), p.score]),
        markArea: i === 0 ? bandAreas() : undefined,
      })),
    });
  }

  return async function show(progress, titles) {
    const quiz = progress.quizzes;
    clear(summary,
      figure(progress.attempts, 'scored answers'),
      figure(progress.averageScore ?? 'none yet', 'average score'),
      figure(progress.trend?.direction ?? 'none yet', 'trend'),
      withQuiz && quiz?.answered ? figure(`${quiz.percent}%`, `of ${quiz.answered} quiz answers right`) : null);
    clear(trendNote, trendText(progress.trend));
    if (!progress.skills.length) {
      chartPart.hidden = true;
      clear(table, el('p', { class: 'muted' }, emptyText));
      return;
    }
    chartPart.hidden = false;
    shown = { progress, titles };
    await draw(progress, titles);
    clear(table, el('table', {},
      el('caption', { class: 'sr-only' }, 'Average score per skill'),
      el('thead', {}, el('tr', {}, el('th', {}, 'Skill'), el('th', { class: 'num' }, 'Attempts'), el('th', { class: 'num' }, 'Average'),
        el('th', { class: 'num' }, 'Latest'), el('th', {}, 'Trend'))),
      el('tbody', {}, progress.skills.map(s => el('tr', {},
        el('td', {}, skillLabel(titles, s.skillId)),
        el('td', { class: 'num' }, String(s.attempts)),
        el('td', { class: 'num' }, String(s.averageScore)),
        el('td', { class: 'num' }, String(s.latestScore)),
        el('td', {}, s.trend?.direction ?? '', s.trend ? el('div', { class: 'small muted' }, trendText(s.trend)) : null))))));
  };
}

/** The trend in words: what it rests on, or how many more answers it needs. */
export function trendText(trend) {
  if (!trend) return '';
  if (trend.pointsNeeded > 0) {
    return `A trend needs ${trend.pointsNeeded} more scored answer${trend.pointsNeeded === 1 ? '' : 's'}.`;
  }
  return `Trend ${trend.direction}: ${trend.explanation}.`;
}

/** Each attempt's number, 1 for the first, across all skills in time order. */
function attemptNumbers(progress) {
  const points = progress.skills.flatMap(s => s.points).sort((a, b) => String(a.at).localeCompare(String(b.at)));
  return new Map(points.map((p, i) => [p.attemptId, i + 1]));
}

function bandAreas() {
  return {
    silent: true,
    label: { position: 'insideLeft', color: '#4b5563', fontSize: 11 },
    data: BANDS.map(([label, from, to, shade]) => [{ name: label, yAxis: from, itemStyle: { color: shade, opacity: 0.6 } }, { yAxis: to }]),
  };
}

/** A figure tile: a big value over a short label. */
export function figure(value, label) {
  return el('div', { class: 'figure' }, el('div', { class: 'v' }, String(value)), el('div', { class: 'k' }, label));
}
