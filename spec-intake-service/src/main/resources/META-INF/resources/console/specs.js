// The Specs page: every spec's newest version, filtered by stage, kept current by the console's event stream.
import { h, fill, getJson, settings, badge, when, safeLink, follow, tickRelativeTimes } from './common.js';

const rows = new Map(); // name → {name, version, stage, url, updatedAt}
const filter = document.getElementById('stage-filter');
const body = document.querySelector('#specs tbody');
const caption = document.getElementById('specs-caption');
const empty = document.getElementById('empty');

function render() {
  const stage = filter.value;
  const shown = [...rows.values()]
    .filter(row => !stage || row.stage === stage)
    .sort((a, b) => a.name.localeCompare(b.name));
  fill(body, shown.map(row => h('tr', { 'data-spec': row.name },
    h('th', { scope: 'row' }, h('a', { href: `/spec.html?name=${encodeURIComponent(row.name)}` }, row.name)),
    h('td', { class: 'stage' }, badge(row.stage)),
    h('td', { class: 'version' }, row.version > 0 ? `v${row.version}` : '—'),
    h('td', { class: 'url' }, row.url ? safeLink(row.url) : h('span', { class: 'muted' }, '—')),
    h('td', { class: 'changed' }, when(row.updatedAt)))));
  caption.textContent = stage
    ? `${shown.length} spec(s) at stage ${stage}, newest version each`
    : `${shown.length} spec(s), newest version each`;
  empty.hidden = shown.length > 0;
}

// Events can overtake the first load (and each other across topics): the newest version, then the newest time, wins.
function apply(change) {
  const row = rows.get(change.name);
  if (row && (change.version < row.version
      || (change.version === row.version && Date.parse(change.at) < Date.parse(row.updatedAt)))) {
    return;
  }
  rows.set(change.name, {
    name: change.name, version: change.version, stage: change.stage,
    url: change.url ?? (row && row.version === change.version ? row.url : null), updatedAt: change.at,
  });
  render();
}

async function load() {
  const page = await getJson('/api/specs?size=500');
  for (const item of page.items) {
    apply({ name: item.name, version: item.version, stage: item.stage, url: item.url, at: item.updatedAt });
  }
  render();
}

async function start() {
  const { stages } = await settings();
  for (const stage of stages) filter.append(h('option', { value: stage }, stage));
  filter.value = new URLSearchParams(location.search).get('stage') ?? '';
  filter.addEventListener('change', () => {
    const url = new URL(location.href);
    if (filter.value) url.searchParams.set('stage', filter.value); else url.searchParams.delete('stage');
    history.replaceState(null, '', url);
    render();
  });
  // Subscribe first, then load: nothing that happens in between is lost.
  follow('/api/console/events', apply, document.getElementById('live'), () => load().catch(console.error));
  tickRelativeTimes();
}

start().catch(error => fill(document.getElementById('live'), `Could not load the specs: ${error.message}`));
