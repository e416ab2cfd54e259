// Self-assessment: rate each self-check statement of a role 1-4, then see per-skill levels, the weighted
// overall level, red flags (grouped by rule), and a radar chart of self-rated against measured levels
// (the calibration gap). Level names come from the server's answer, so the page holds no copy of them.
// Each skill can show what its levels mean (from the role's pack) so candidates rate against them.
// POST /api/self-assessments {roleId, ratings: [{itemId, rating}]}.
import { api, explain } from '../api.js';
import { rolePicker, role as roleDetail, search } from '../catalog.js';
import { drawChart } from '../charts.js';
import { el, clear, notice, withBusy, focusHeading, badge } from '../ui.js';

const RATINGS = [[1, 'Not yet'], [2, 'With help'], [3, 'On my own'], [4, 'Could teach it']];

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
      let failure = null;
      const result = await withBusy({ button: submit, slot: formStatus, label: 'Working out your levels…' }, async () => {
        try {
          return await api('/api/self-assessments', { method: 'POST', json: { roleId: roleSelect.value, ratings: ratings.map(({ itemId, rating }) => ({ itemId, rating })) } });
        } catch (err) {
          failure = explain(err, 'Self-assessment scoring');
          return null;
        }
      });
      if (result) await showResult(detail, result);
      else clear(resultBox, notice('error', `Your levels could not be worked out: ${failure} Your ratings stay in the form; try again.`));
    });
  }

  /** The answer of POST /api/self-assessments as levels (named by the server's scale), a radar and notes. */
  async function showResult(detail, result) {
    const levels = result.levels;
    const rank = name => (name == null ? null : levels.indexOf(name) + 1);
    const titles = Object.fromEntries(detail.skills.map(s => [s.id, s.title]));
    const rows = detail.skills.map(s => {
      const self = result.skills.find(x => x.skillId === s.id);
      const gap = result.calibration.find(x => x.skillId === s.id);
      return { skill: s, self: self?.level, measured: gap?.measuredLevel ?? null, evidence: gap?.evidence ?? 0 };
    }).filter(r => r.self != null);
    const overall = result.overall.level;
    const chart = el('div', { class: 'chart radar', id: 'radar-chart', role: 'img', 'aria-label': 'Self-rated and measured level per skill' });
    const hasMeasured = rows.some(r => r.measured != null);
    clear(resultBox, el('section', { class: 'card', 'aria-labelledby': 'self-result-h' },
      el('h2', { id: 'self-result-h' }, 'Your levels'),
      el('p', { class: 'lead', id: 'overall-level' }, 'Your overall self-rating: ', levelBadge(overall, rank(overall)),
        el('span', { class: 'small muted' }, ` (${result.overall.weights === 'role' ? 'weighted by the role’s skill weights' : 'all skills weighted alike'}; skills rated carry ${result.overall.coveragePercent}% of the role)`)),
      chart,
      el('p', { class: 'hint', id: 'radar-caption' }, `Rings from the centre out: ${levels.join(', ')}. `,
        hasMeasured ? 'A skill marked “no data” has no scored answers or quiz answers yet, so it has no measured point.' : 'Measured levels appear once you have scored answers and quizzes for these skills.'),
      el('table', { id: 'calibration-table' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Skill'), el('th', {}, 'You rate yourself'), el('th', {}, 'Your answers show'), el('th', {}, 'Note'))),
        el('tbody', {}, rows.map(r => el('tr', { dataset: { skill: r.skill.id } },
          el('td', {}, r.skill.title),
          el('td', {}, levelBadge(r.self, rank(r.self))),
          el('td', {}, r.measured ? levelBadge(r.measured, rank(r.measured)) : el('span', { class: 'muted no-data' }, 'no answers yet')),
          el('td', { class: 'small' }, note(r, rank)))))),
      flagList(result.redFlags, titles)));
    focusHeading(resultBox);
    const ring = i => getComputedStyle(document.documentElement).getPropertyValue(`--level-${i}-soft`).trim();
    await drawChart(chart, {
      tooltip: {},
      legend: { bottom: 0, itemGap: 28, data: hasMeasured ? ['Self-rated', 'Measured'] : ['Self-rated'] },
      radar: [{
        indicator: rows.map(r => ({ name: r.measured || !hasMeasured ? r.skill.title : `${r.skill.title}\n(no data)`, max: levels.length, min: 0 })),
        radius: '60%',
        axisName: { color: '#1b1f24', lineHeight: 15 },
        splitNumber: levels.length,
        splitArea: { areaStyle: { color: levels.map((_, i) => ring(i + 1)) } },
      }, {
        // ECharts labels every axis or none, so a one-axis radar on top names the rings once
        indicator: [{ name: '', max: levels.length, min: 0 }],
        radius: '60%',
        splitNumber: levels.length,
        silent: true,
        axisLine: { show: false }, splitLine: { show: false }, splitArea: { show: false }, axisTick: { show: false },
        axisLabel: { show: true, color: '#1b1f24', fontSize: 10, backgroundColor: 'rgba(255,255,255,.85)', padding: [1, 3], formatter: v => levels[v - 1] ?? '' },
      }],
      series: [{
        type: 'radar',
        data: [
          { name: 'Self-rated', value: rows.map(r => rank(r.self)), areaStyle: { opacity: 0.15 } },
          // a skill without evidence is a gap in the line ('-' is ECharts' empty value), not a zero
          hasMeasured ? { name: 'Measured', value: rows.map(r => rank(r.measured) ?? '-'), areaStyle: { opacity: 0.15 }, lineStyle: { type: 'dashed' } } : null,
        ].filter(Boolean),
      }],
    });
  }

  await load();
}

/** A level name in a badge coloured like its ring on the radar (level-1 is the lowest). */
function levelBadge(name, rank) {
  return badge(name, `level level-${rank}`);
}

/** One note per skill, on the level scale, naming the skill by its title. */
function note(r, rank) {
  if (r.measured == null) return `Answer a question or take a quiz in ${r.skill.title} to see how your work compares.`;
  const gap = rank(r.self) - rank(r.measured);
  const basis = `${r.evidence} scored answer${r.evidence === 1 ? '' : 's'} and quiz item${r.evidence === 1 ? '' : 's'}`;
  if (gap === 0) return `Your rating matches your work in ${r.skill.title} (${basis}).`;
  return gap > 0
    ? `You rate yourself ${r.self}; your work in ${r.skill.title} shows ${r.measured} (${basis}).`
    : `Your work in ${r.skill.title} shows ${r.measured}, above the ${r.self} you gave yourself (${basis}).`;
}

/** Red flags grouped by rule: a repeated one once, with a count and each skill it concerns. */
function flagList(flags, titles) {
  if (!flags.length) return null;
  const groups = new Map();
  flags.forEach(f => groups.set(f.rule, [...(groups.get(f.rule) ?? []), f]));
  const line = f => [f.skillId ? el('strong', {}, titles[f.skillId] ?? f.skillId.replace(/-/g, ' '), ': ') : null, f.evidence];
  return el('div', { class: 'notice warn', id: 'self-flags' }, el('strong', {}, 'Red flags'),
    el('ul', {}, [...groups.values()].map(list => el('li', { class: 'flag-group', dataset: { rule: list[0].rule } },
      el('strong', {}, list.length > 1 ? `${list[0].title} ×${list.length}` : list[0].title), ': ', list[0].explanation,
      list.length > 1 ? el('ul', { class: 'small' }, list.map(f => el('li', {}, line(f)))) : el('div', { class: 'small' }, line(list[0]))))));
}
