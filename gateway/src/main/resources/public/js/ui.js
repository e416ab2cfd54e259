// Small DOM helpers. User and server text always goes in as text nodes, never as HTML.

/** el('button', {class: 'x', onclick: f, 'aria-label': 'y'}, 'text', childNode, [more]) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

let idCounter = 0;
export function uid(prefix = 'id') { idCounter += 1; return `${prefix}-${idCounter}`; }

/** A labelled form control with an optional hint and an error slot tied to it by aria-describedby. */
export function field(label, control, { hint, name } = {}) {
  const id = control.id || uid(name || 'f');
  control.id = id;
  if (name) control.name = name;
  const hintEl = hint ? el('span', { class: 'hint', id: `${id}-hint` }, hint) : null;
  const errorEl = el('span', { class: 'field-error', id: `${id}-error`, hidden: true });
  control.setAttribute('aria-describedby', [hintEl?.id, errorEl.id].filter(Boolean).join(' '));
  return el('div', { class: 'field', dataset: { field: name || '' } }, el('label', { for: id }, label), control, hintEl, errorEl);
}

/** Shows a problem's field errors next to the matching fields inside form; returns the ones not placed. */
export function showFieldErrors(form, errors) {
  form.querySelectorAll('.field-error').forEach(e => { e.hidden = true; e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  const unplaced = [];
  for (const { field: name, message } of errors ?? []) {
    const control = name ? form.querySelector(`[name="${CSS.escape(name)}"]`) : null;
    if (!control) { unplaced.push(message); continue; }
    control.setAttribute('aria-invalid', 'true');
    const slot = form.querySelector(`#${CSS.escape(control.id)}-error`);
    if (slot) { slot.textContent = message; slot.hidden = false; }
  }
  return unplaced;
}

export function notice(kind, text, extra) {
  return el('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : null }, text, extra);
}

/** A spinner with a label; for actions that take more than a moment. */
export function busy(label) {
  return el('span', { class: 'busy', role: 'status' }, label);
}

/**
 * Runs an action with a busy indicator in `slot` and `button` disabled; shows the error (if any) in slot.
 * Resolves to the action's result, or undefined when it failed.
 */
export async function withBusy({ button, slot, label }, action) {
  if (button) { button.disabled = true; button.setAttribute('aria-busy', 'true'); }
  if (slot) clear(slot, busy(label));
  try {
    const result = await action();
    if (slot) clear(slot);
    return result;
  } catch (e) {
    if (slot) clear(slot, notice('error', e.message ?? String(e)));
    return undefined;
  } finally {
    if (button) { button.disabled = false; button.removeAttribute('aria-busy'); }
  }
}

/**
 * A short announcement above the page (the container is aria-live), in the page's flow so that it never
 * covers what the candidate is reading; it can be dismissed and leaves by itself.
 */
export function toast(title, text, action) {
  const box = document.getElementById('toasts');
  const item = el('div', { class: 'toast' }, el('strong', {}, title), text ? el('span', {}, text) : null);
  item.append(el('div', { class: 'toast-actions' },
    action ? el('button', { type: 'button', onclick: () => { action.run(); item.remove(); } }, action.label) : null,
    el('button', { type: 'button', class: 'toast-dismiss', onclick: () => item.remove() }, 'Dismiss')));
  box.append(item);
  setTimeout(() => item.remove(), 12000);
}

export function badge(text, kind) {
  return el('span', { class: `badge ${kind ?? text ?? ''}` }, text);
}

export function formatDate(value) {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Whole seconds as minutes and seconds: 75.6 -> "1:15". */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function percent(value) {
  return `${Math.round((value ?? 0) * 100)}%`;
}

/** Moves keyboard focus to a result's heading so screen readers and keyboard users land on it. */
export function focusHeading(container) {
  const h = container.querySelector('h2, h3');
  if (h) { h.tabIndex = -1; h.focus({ preventScroll: false }); }
}
