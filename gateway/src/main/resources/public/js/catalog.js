// What question-service offers: roles with their skills, and items. Cached for the page's lifetime.
import { api, explain } from './api.js';
import { session } from './session.js';
import { el, field, notice } from './ui.js';

let roles = null;
const roleDetails = new Map();
const items = new Map();
// an item reads differently by role (staff see its answer key): another account starts afresh
session.onChange(() => items.clear());

/** [{id, title, focus, skills: [{skill, weight}]}] */
export function listRoles() {
  roles ??= api('/api/roles').catch(e => { roles = null; throw e; });
  return roles;
}

/** {id, title, skills: [{id, title, description, weight, levels, items}]} */
export function role(id) {
  if (!roleDetails.has(id)) roleDetails.set(id, api(`/api/roles/${encodeURIComponent(id)}`).catch(e => { roleDetails.delete(id); throw e; }));
  return roleDetails.get(id);
}

/**
 * The item as the caller may see it: {id, type, skill, level, text, content: {...type-specific}, redFlagRules}.
 * A candidate's has no answer key (rubric, modelAnswer, steps, options' correct and explanation).
 */
export function item(id) {
  // a coach's own question lives in assessment-service, shown only to its cohorts (no answer key)
  const path = id.startsWith('coach-') ? '/api/cohort-questions/' : '/api/questions/';
  if (!items.has(id)) items.set(id, api(`${path}${encodeURIComponent(id)}`).catch(e => { items.delete(id); throw e; }));
  return items.get(id);
}

/** One page of item summaries. */
export function search({ role: r, skill, type, level, q, page = 0, size = 50 } = {}) {
  const query = new URLSearchParams();
  Object.entries({ role: r, skill, type, level, q }).forEach(([k, v]) => { if (v) query.set(k, v); });
  query.set('page', page);
  query.set('size', size);
  return api(`/api/questions?${query}`);
}

/** Skill titles by id, for every role (labels for charts and tables). */
export async function skillTitles() {
  const titles = {};
  const all = await listRoles();
  await Promise.all(all.map(async r => {
    try {
      const detail = await role(r.id);
      detail.skills.forEach(s => { titles[s.id] = s.title; });
    } catch { /* titles are a nicety; ids still show */ }
  }));
  return titles;
}

/** Puts a question's own text (shortened) into `node` once it is known; the id shows until then. */
export function showQuestionTitle(node, id) {
  item(id).then(q => {
    const text = q.type === 'SCENARIO' ? q.content?.task ?? q.text : q.text;
    node.textContent = text.length > 90 ? `${text.slice(0, 87)}…` : text;
  }).catch(() => { /* the id stays */ });
  return node;
}

export function skillLabel(titles, id) {
  return titles[id] ?? (id ?? '').replace(/[-_]/g, ' ');
}

/**
 * The role picker a page starts with: remembers the last role in this browser and calls onChange
 * when it changes. Returns {select, status}, or null after showing why the roles could not load.
 */
export async function rolePicker(top, onChange) {
  let all;
  try {
    all = await listRoles();
  } catch (e) {
    top.append(notice('error', explain(e, 'The question bank')));
    return null;
  }
  const select = el('select', {}, all.map(r => el('option', { value: r.id }, r.title)));
  const saved = localStorage.getItem('rehearse.role');
  if (saved && all.some(r => r.id === saved)) select.value = saved;
  const status = el('div', { 'aria-live': 'polite' });
  top.append(el('div', { class: 'row' }, field('Role', select, { name: 'role' })), status);
  select.addEventListener('change', () => { localStorage.setItem('rehearse.role', select.value); onChange(); });
  return { select, status };
}
