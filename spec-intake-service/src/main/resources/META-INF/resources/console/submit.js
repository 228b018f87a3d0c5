// The Submit page: paste or upload a document, submit it, then either follow it live or see each problem by its line.
import { h, fill, getJson, settings, badge, follow } from './common.js';

const form = document.getElementById('submit-form');
const text = document.getElementById('document');
const file = document.getElementById('file');
const keyField = document.getElementById('key-field');
const key = document.getElementById('api-key');
const button = document.getElementById('submit');
const result = document.getElementById('result');
const KEY = 'gigafactory.api-key';
let following;

function showKeyField() {
  keyField.hidden = false;
  key.value ||= sessionStorage.getItem(KEY) ?? '';
}

file.addEventListener('change', async () => {
  if (file.files.length) {
    text.value = await file.files[0].text();
  }
});

form.addEventListener('submit', async event => {
  event.preventDefault();
  if (!text.value.trim()) {
    show('bad', h('p', {}, 'Paste a spec document or upload its file first.'));
    text.focus();
    return;
  }
  const headers = { 'Content-Type': text.value.trim().startsWith('{') ? 'application/json' : 'application/yaml' };
  if (!keyField.hidden && key.value) {
    headers.Authorization = `Bearer ${key.value.trim()}`;
    sessionStorage.setItem(KEY, key.value.trim());
  }
  button.disabled = true;
  try {
    const response = await fetch('/api/specs', { method: 'POST', headers, body: text.value });
    const body = await response.json().catch(() => ({}));
    answer(response.status, body);
  } catch (error) {
    show('bad', h('p', {}, `The intake could not be reached: ${error.message}`));
  } finally {
    button.disabled = false;
  }
});

function answer(status, body) {
  if (status === 202) return accepted(body);
  if (status === 200 && body.unchanged) return unchanged(body);
  if (status === 422) return rejected(body);
  if (status === 401) {
    showKeyField();
    show('bad', h('p', {}, 'Writes here need a valid API key: enter it below the document and submit again.'));
    return key.focus();
  }
  if (status === 413) return show('bad', h('p', {}, 'The document is too large: the limit is 256 KiB.'));
  return show('bad', h('p', {}, body.detail || `The intake answered ${status}.`));
}

function show(kind, ...content) {
  fill(result, h('div', { class: `panel ${kind}` }, content));
  result.focus();
}

function specLink(name, label = `the ${name} page`) {
  return h('a', { href: `/spec.html?name=${encodeURIComponent(name)}`, id: 'spec-link' }, label);
}

/** Follows the accepted version live, right here: no reload, no other page needed. */
function accepted(body) {
  const stage = h('span', { id: 'live-stage' }, badge('submitted'));
  const detail = h('p', { id: 'live-detail', class: 'muted' });
  const live = h('p', { class: 'live', role: 'status' }, 'Connecting…');
  show('ok', h('h2', { id: 'result-title' }, `Accepted: ${body.name} version ${body.version}`),
    h('p', {}, 'Now: ', stage), detail, live, h('p', {}, 'Everything about it: ', specLink(body.name), '.'));
  const set = (change) => {
    if (change.version !== body.version) return;
    fill(stage, badge(change.stage));
    detail.textContent = change.detail || '';
  };
  following?.close();
  following = follow(`/api/specs/${encodeURIComponent(body.name)}/events`, set, live,
    () => getJson(`/api/specs/${encodeURIComponent(body.name)}`).then(status => {
      if (status.version === body.version && status.timeline.length) set(status.timeline.at(-1));
    }).catch(() => {}));
}

function unchanged(body) {
  show('ok', h('h2', { id: 'result-title' }, `Unchanged: ${body.name} version ${body.version}`),
    h('p', {}, body.message),
    body.stage ? h('p', {}, 'It is ', badge(body.stage), '.') : null,
    body.retry ? h('p', {}, 'To build it again: ', h('code', {}, body.retry.command)) : null,
    h('p', {}, specLink(body.name)));
}

/** Every problem twice: a list first (each a link to its line), then the document with problems beside their lines. */
function rejected(body) {
  following?.close();
  // In reading order: problems of the whole document first, then by line.
  const errors = [...(body.errors || [])].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const byLine = new Map();
  for (const error of errors) {
    const line = error.line ?? 0;
    byLine.set(line, [...(byLine.get(line) ?? []), error]);
  }
  const lines = text.value.split(/\r?\n/);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop(); // the newline that ends the last line
  const describe = e => [h('code', {}, e.pointer || '(document)'), ' — ', e.message];
  show('bad',
    h('h2', { id: 'result-title' }, `Rejected: ${errors.length} problem(s)`),
    h('ul', { class: 'problems', id: 'problems' }, errors.map(e => h('li', { class: 'problem', 'data-pointer': e.pointer },
      e.line ? h('a', { href: `#line-${e.line}` }, `line ${e.line}`) : 'the whole document', ': ', describe(e)))),
    h('h3', {}, 'Your document'),
    h('ol', { class: 'source', 'aria-label': 'The submitted document, with its problems beside their lines' },
      lines.map((line, index) => {
        const no = index + 1;
        const here = byLine.get(no);
        return h('li', { id: `line-${no}`, 'data-line': no, class: here ? 'has-problem' : null },
          h('span', { class: 'no', 'aria-hidden': 'true' }, no),
          h('span', { class: 'text' }, h('span', { class: 'visually-hidden' }, `Line ${no}: `), line || ' '),
          here ? h('ul', { class: 'line-problems' }, here.map(e => h('li', { 'data-pointer': e.pointer }, describe(e)))) : null);
      })));
}

settings().then(s => { if (s.writesGuarded) showKeyField(); }).catch(() => {});
