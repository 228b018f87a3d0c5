// Shared pieces of the console pages: DOM building (text only, never HTML from data), the API, time, live updates.

/** h('a', {href: '/x'}, 'text', child): an element; attributes set as properties or attributes, children appended. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const error = new Error(`${path} answered ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

let settingsPromise;
/** Whether writes need a key, where Grafana is, the stages: asked once per page. */
export function settings() {
  settingsPromise ??= getJson('/api/console');
  return settingsPromise;
}

export function badge(stage, label = stage) {
  return h('span', { class: `badge ${stage}` }, label);
}

/** A <time> with the instant in its datetime and title, showing how long ago. */
export function when(instant) {
  if (!instant) return h('span', { class: 'muted' }, '—');
  const t = h('time', { datetime: instant, title: new Date(instant).toLocaleString(), 'data-ago': instant }, ago(instant));
  return t;
}

export function ago(instant) {
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(instant)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min ago`;
  return `${Math.floor(seconds / 86400)} d ago`;
}

/** Keeps every "… ago" on the page current. */
export function tickRelativeTimes() {
  setInterval(() => document.querySelectorAll('time[data-ago]').forEach(t => {
    t.textContent = ago(t.dataset.ago);
  }), 5000);
}

export function duration(ms) {
  if (ms === null || ms === undefined) return '';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
}

export function absolute(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

/** A link to a URL only when it is http(s): data from events never becomes a javascript: link. */
export function safeLink(url, text = url) {
  return /^https?:\/\//i.test(url || '') ? h('a', { href: url }, text) : h('span', {}, text || '');
}

/**
 * Follows a Server-Sent Events stream (the browser reconnects by itself); `status` shows whether it is live.
 * Calls onOpen on each (re)connection, so the page can fetch what it may have missed.
 */
export function follow(url, onChange, status, onOpen = () => {}) {
  const source = new EventSource(url);
  source.onopen = () => {
    if (status) { status.textContent = 'Live: changes appear as they happen'; status.classList.remove('down'); }
    onOpen();
  };
  source.onerror = () => {
    if (status) { status.textContent = 'Reconnecting…'; status.classList.add('down'); }
  };
  source.onmessage = message => onChange(JSON.parse(message.data));
  return source;
}
