// A mock interview's report (GET /api/sessions/{id}/report): each question with its scored answer,
// a summary per sub-skill (table and chart), strengths, what to work on with practice links, delivery
// of spoken answers and the change since the previous session for the same role. Prints cleanly.
import { api, explain } from '../api.js';
import { drawChart } from '../charts.js';
import { renderAttempt } from '../result.js';
import { el, clear, notice, busy, badge, formatDate } from '../ui.js';

const label = id => id.replace(/[-_]/g, ' ');
const signed = n => (n > 0 ? `+${n}` : String(n));

function practiceLink(item) {
  const href = item.type === 'QUIZ' ? '#/quiz' : item.type === 'PRONUNCIATION' ? '#/pronunciation' : `#/practice?question=${encodeURIComponent(item.id)}`;
  return el('a', { href, dataset: { itemId: item.id } }, item.text);
}

export async function render(main, { params }) {
  const id = params.get('id');
  const box = el('div', { id: 'session-report', 'aria-live': 'polite' }, busy('Loading the report…'));
  main.append(el('h1', {}, 'Mock interview report'), box);
  let r;
  try {
    r = await api(`/api/sessions/${encodeURIComponent(id ?? '')}/report`);
  } catch (e) {
    clear(box, notice('error', explain(e, 'Mock interview reports')));
    return null;
  }
  const printButton = el('button', { type: 'button', class: 'secondary no-print', id: 'print-report' }, 'Print the report');
  printButton.addEventListener('click', () => window.print());
  const chart = el('div', { class: 'chart', id: 'skill-chart', role: 'img', 'aria-label': 'Average score per sub-skill' });
  const change = r.change;
  clear(box,
    el('section', { class: 'card', 'aria-labelledby': 'summary-h' },
      el('h2', { id: 'summary-h' }, 'Summary'),
      el('p', { class: 'lead', id: 'report-average' }, r.averageScore == null ? 'No answer was scored.' : `Average score ${r.averageScore}/100`),
      el('p', {}, `${label(r.roleId)} · ${formatDate(r.createdAt)} · ${r.answered} answered, ${r.skipped} skipped`),
      change ? el('p', { id: 'report-change' }, change.averageDelta == null ? 'Your previous session had no scored answer.'
        : `${signed(change.averageDelta)} points since your previous session (${change.previousAverage}/100 on ${formatDate(change.previousCompletedAt)}).`)
        : el('p', { class: 'muted', id: 'report-change' }, 'Your first completed session for this role: the next one is compared with it.'),
      printButton),
    el('section', { class: 'card', 'aria-labelledby': 'skills-h' },
      el('h2', { id: 'skills-h' }, 'Per sub-skill'), chart,
      el('table', { id: 'skill-table' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Sub-skill'), el('th', { class: 'num' }, 'Average'), el('th', { class: 'num' }, 'Answers'), el('th', { class: 'num' }, 'Change'))),
        el('tbody', {}, r.skills.map(s => {
          const delta = change?.skills.find(c => c.skillId === s.skillId);
          return el('tr', {}, el('td', {}, label(s.skillId)), el('td', { class: 'num' }, String(s.average)),
            el('td', { class: 'num' }, String(s.count)), el('td', { class: 'num' }, delta ? signed(delta.delta) : '—'));
        })))),
    el('div', { class: 'grid' },
      el('section', { class: 'card', id: 'strengths', 'aria-labelledby': 'strengths-h' },
        el('h2', { id: 'strengths-h' }, 'Strengths'),
        r.strengths.length ? el('ul', {}, r.strengths.map(s => el('li', {}, s.label, ' ', badge(label(s.skillId)))))
          : el('p', { class: 'muted' }, 'No concept was fully covered this time.')),
      el('section', { class: 'card', id: 'work-on', 'aria-labelledby': 'work-on-h' },
        el('h2', { id: 'work-on-h' }, 'What to work on'),
        r.workOn.length ? r.workOn.map(w => el('div', { class: 'work-on' },
          el('h3', {}, label(w.skillId)),
          w.missedConcepts.length ? el('p', {}, 'Missed: ', w.missedConcepts.join(', ')) : null,
          w.redFlags.length ? el('p', {}, 'Red flags: ', w.redFlags.join(', ')) : null,
          w.skipped ? el('p', {}, `Skipped: ${w.skipped}`) : null,
          w.practice.length ? el('ul', { class: 'plain' }, w.practice.map(p => el('li', {}, badge(p.type?.toLowerCase() ?? 'item'), ' ', practiceLink(p)))) : null))
          : el('p', { class: 'muted' }, 'Nothing stood out: well done.'))),
    r.delivery.length ? el('section', { class: 'card', id: 'delivery', 'aria-labelledby': 'delivery-h' },
      el('h2', { id: 'delivery-h' }, 'Delivery of spoken answers'),
      el('table', {},
        el('thead', {}, el('tr', {}, el('th', {}, 'Question'), el('th', { class: 'num' }, 'Words per minute'), el('th', {}, 'Pace'),
          el('th', { class: 'num' }, 'Fillers'), el('th', { class: 'num' }, 'Long pauses'), el('th', { class: 'num' }, 'Longest pause'))),
        el('tbody', {}, r.delivery.map(d => el('tr', {}, el('td', {}, `Question ${d.position}`), el('td', { class: 'num' }, String(Math.round(d.wordsPerMinute))),
          el('td', {}, d.pace), el('td', { class: 'num' }, String(d.fillerCount)), el('td', { class: 'num' }, String(d.longPauses)),
          el('td', { class: 'num' }, `${d.longestPause.toFixed(1)} s`)))))) : null,
    el('section', { 'aria-labelledby': 'answers-h' },
      el('h2', { id: 'answers-h' }, 'Question by question'),
      r.questions.map(q => el('article', { class: 'card report-question', dataset: { questionId: q.questionId } },
        el('h3', {}, `Question ${q.position}: `, badge(label(q.skillId))),
        el('p', { class: 'question-text' }, q.text),
        q.attempt ? renderAttempt(q.attempt) : el('p', { class: 'muted' }, q.status === 'SKIPPED' ? 'Skipped.' : 'Not answered.')))));
  if (r.skills.length) {
    drawChart(chart, {
      grid: { left: 150, right: 20, top: 10, bottom: 30 },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', data: r.skills.map(s => label(s.skillId)) },
      series: [{ type: 'bar', data: r.skills.map(s => s.average), label: { show: true, position: 'right' } }],
    });
  } else {
    chart.remove();
  }
  return null;
}
