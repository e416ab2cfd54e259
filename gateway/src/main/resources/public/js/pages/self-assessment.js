// Self-assessment: rate each self-check statement of a role 1-4, then see per-skill levels, the weighted
// overall level, red flags, and a radar chart of self-rated against measured levels (the calibration gap).
// Each skill can show what its levels mean (from the role's pack) so candidates rate against them.
// POST /api/self-assessments {roleId, ratings: [{itemId, rating}]}.
import { api, explain } from '../api.js';
import { rolePicker, role as roleDetail, search } from '../catalog.js';
import { drawChart } from '../charts.js';
import { el, clear, notice, withBusy, focusHeading, badge } from '../ui.js';

const LEVELS = ['Beginner', 'Intermediate', 'Advanced', 'Expert'];
const RATINGS = [[1, 'Not yet'], [2, 'With help'], [3, 'On my own'], [4, 'Could teach it']];
const first = (o, ...keys) => { for (const k of keys) if (o?.[k] != null) return o[k]; return undefined; };

/** A level as 1-4 from a label ("Advanced"), a level number, or a 0-100 score. */
function levelNumber(value) {
  if (value == null) return null;
  if (typeof value === 'object') return levelNumber(first(value, 'level', 'score'));
  if (typeof value === 'string') {
    const i = LEVELS.findIndex(l => l.toLowerCase() === value.toLowerCase());
    return i >= 0 ? i + 1 : null;
  }
  if (value <= 4) return value;
  return Math.min(4, Math.max(1, 1 + value / 100 * 3));
}
const levelName = n => (n == null ? '–' : LEVELS[Math.min(3, Math.max(0, Math.round(n) - 1))]);

/** What each level means for a skill, folded so the statements stay in view; null when its pack does not say. */
function levelGuide(skill) {
  if (!skill.levelDescriptions?.length) return null;
  return el('details', { class: 'level-guide', dataset: { skill: skill.id } },
    el('summary', {}, 'What each level means for ', skill.title),
    el('dl', {}, skill.levelDescriptions.map(l => [el('dt', {}, l.level), el('dd', {}, l.description)])));
}

export async function render(main) {
  const top = el('section', { class: 'card' });
  const formBox = el('div', { id: 'self-check' });
  const resultBox = el('div', { id: 'self-result', 'aria-live': 'polite' });
  main.append(el('h1', {}, 'Self-assessment'),
    el('p', { class: 'lead' }, 'Rate yourself honestly: the point is to see where your own view and your measured answers differ.'),
    top, formBox, resultBox);
  const picker = await rolePicker(top, () => load());
  if (!picker) return;
  const { select: roleSelect, status } = picker;

  async function load() {
    clear(formBox);
    clear(resultBox);
    await withBusy({ slot: status, label: 'Loading the statements…' }, async () => {
      try {
        const [detail, page] = await Promise.all([roleDetail(roleSelect.value), search({ role: roleSelect.value, type: 'SELF_CHECK', size: 100 })]);
        showForm(detail, page.items);
      } catch (e) {
        throw new Error(explain(e, 'The question bank'));
      }
    });
  }

  function showForm(detail, statements) {
    const submit = el('button', { type: 'submit', id: 'submit-self' }, 'See my levels');
    const formStatus = el('div', { 'aria-live': 'polite' });
    const bySkill = detail.skills.map(s => ({ skill: s, items: statements.filter(i => i.skill === s.id) })).filter(g => g.items.length);
    const form = el('form', { class: 'card', novalidate: true },
      bySkill.some(g => g.skill.levelDescriptions?.length)
        ? el('p', { class: 'hint' }, 'Your results come as levels from Beginner to Expert. Open the level guide under a skill to see what each level means for it.')
        : null,
      bySkill.map(g => el('section', {},
        el('h2', {}, g.skill.title, ' ', el('span', { class: 'small muted' }, `${g.skill.weight}% of the role`)),
        levelGuide(g.skill),
        g.items.map(i => el('fieldset', { dataset: { itemId: i.id, skill: i.skill } },
          el('legend', {}, i.text),
          el('div', { class: 'row' }, RATINGS.map(([value, label]) => {
            const input = el('input', { type: 'radio', name: `r-${i.id}`, value: String(value), id: `r-${i.id}-${value}` });
            return el('div', { class: 'option' }, input, el('label', { for: input.id }, `${value} · ${label}`));
          })))))),
      formStatus, el('div', { class: 'actions' }, submit));
    clear(formBox, form);

    form.addEventListener('submit', async e => {
      e.preventDefault();
      const ratings = [...form.querySelectorAll('fieldset')].map(f => ({
        itemId: f.dataset.itemId,
        skill: f.dataset.skill,
        rating: Number(f.querySelector('input:checked')?.value ?? 0),
      }));
      const missing = ratings.filter(r => !r.rating);
      if (missing.length) {
        clear(formStatus, notice('warn', `Rate every statement first (${missing.length} left).`));
        form.querySelector(`fieldset[data-item-id="${CSS.escape(missing[0].itemId)}"] input`)?.focus();
        return;
      }
      let serverNote = null;
      const result = await withBusy({ button: submit, slot: formStatus, label: 'Working out your levels…' }, async () => {
        try {
          return await api('/api/self-assessments', { method: 'POST', json: { roleId: roleSelect.value, ratings: ratings.map(({ itemId, rating }) => ({ itemId, rating })) } });
        } catch (err) {
          serverNote = explain(err, 'Self-assessment scoring');
          return null;
        }
      });
      showResult(detail, ratings, result, serverNote);
    });
  }

  async function showResult(detail, ratings, result, serverNote) {
    const serverSkills = first(result, 'skills', 'subSkills', 'perSkill') ?? [];
    const calibration = first(result, 'calibration', 'calibrationGaps', 'gaps') ?? [];
    const rows = detail.skills.map(s => {
      const mine = ratings.filter(r => r.skill === s.id);
      const server = serverSkills.find(x => first(x, 'skillId', 'skill', 'id') === s.id);
      const gap = calibration.find(x => first(x, 'skillId', 'skill', 'id') === s.id);
      const localSelf = mine.length ? mine.reduce((n, r) => n + r.rating, 0) / mine.length : null;
      return {
        skill: s,
        self: levelNumber(first(gap, 'selfLevel', 'selfRated', 'self') ?? first(server, 'level', 'selfLevel', 'score')) ?? localSelf,
        measured: levelNumber(first(gap, 'measuredLevel', 'measured') ?? first(server, 'measuredLevel', 'measuredScore')),
        message: first(gap, 'message', 'text', 'summary'),
        score: first(server, 'score'),
      };
    }).filter(r => r.self != null || r.measured != null);
    const overall = first(result, 'overallLevel', 'overall', 'level');
    const flags = first(result, 'redFlags', 'flags') ?? [];
    const chart = el('div', { class: 'chart radar', id: 'radar-chart', role: 'img', 'aria-label': 'Self-rated and measured level per skill' });
    const hasMeasured = rows.some(r => r.measured != null);
    clear(resultBox, el('section', { class: 'card', 'aria-labelledby': 'self-result-h' },
      el('h2', { id: 'self-result-h' }, 'Your levels'),
      serverNote ? notice('warn', `Levels below come from your ratings only. ${serverNote}`) : null,
      overall ? el('p', { class: 'lead', id: 'overall-level' }, 'Overall: ', badge(typeof overall === 'object' ? first(overall, 'level', 'label') : overall, 'Strong')) : null,
      chart,
      !hasMeasured ? el('p', { class: 'hint' }, 'Measured levels appear once you have scored answers and quizzes for these skills.') : null,
      el('table', { id: 'calibration-table' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Skill'), el('th', {}, 'You rate yourself'), el('th', {}, 'Your answers show'), el('th', {}, 'Note'))),
        el('tbody', {}, rows.map(r => el('tr', {},
          el('td', {}, r.skill.title), el('td', {}, levelName(r.self)), el('td', {}, levelName(r.measured)),
          el('td', { class: 'small' }, r.message ?? (r.measured != null && r.self != null && Math.abs(r.self - r.measured) >= 1
            ? `You rate yourself ${levelName(r.self)}; your answers score ${levelName(r.measured)}.` : '')))))),
      flags.length ? el('div', { class: 'notice warn' }, el('strong', {}, 'Red flags'),
        el('ul', {}, flags.map(f => el('li', {}, el('strong', {}, first(f, 'title', 'rule') ?? ''), ': ', first(f, 'explanation', 'message') ?? '',
          f.evidence ? el('div', { class: 'small' }, f.evidence) : null)))) : null));
    focusHeading(resultBox);
    await drawChart(chart, {
      tooltip: {},
      legend: { bottom: 0, itemGap: 28, data: hasMeasured ? ['Self-rated', 'Measured'] : ['Self-rated'] },
      radar: {
        indicator: rows.map(r => ({ name: r.skill.title, max: 4, min: 0 })),
        radius: '62%',
        axisName: { color: '#1b1f24' },
        splitNumber: 4,
      },
      series: [{
        type: 'radar',
        data: [
          { name: 'Self-rated', value: rows.map(r => Number((r.self ?? 0).toFixed(2))), areaStyle: { opacity: 0.15 } },
          hasMeasured ? { name: 'Measured', value: rows.map(r => Number((r.measured ?? 0).toFixed(2))), areaStyle: { opacity: 0.15 } } : null,
        ].filter(Boolean),
      }],
    });
  }

  await load();
}
