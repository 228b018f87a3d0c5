// One spec: the newest version's pipeline, then tests, deployments, incidents, cost, every version and rejections.
import { h, fill, getJson, badge, when, absolute, duration, safeLink, follow, tickRelativeTimes } from './common.js';
import { testsSection } from './tests.js';

const root = document.getElementById('spec');
const name = new URLSearchParams(location.search).get('name') ?? '';

function section(id, title, ...content) {
  return h('section', { id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), content);
}

function header(o) {
  const links = o.links || {};
  return [
    h('h1', { id: 'title' }, o.name, ' ', badge(o.stage)),
    h('dl', { class: 'summary' },
      h('dt', {}, 'Newest version'), h('dd', { id: 'version' }, `v${o.version}`),
      h('dt', {}, 'Stage'), h('dd', { id: 'stage' }, o.stage),
      h('dt', {}, 'Last change'), h('dd', {}, when(o.updatedAt)),
      h('dt', {}, 'Product'), h('dd', { id: 'product' }, links.product ? safeLink(links.product) : 'not deployed yet'),
      links.grafanaProduct && [h('dt', {}, 'Dashboards'), h('dd', { id: 'grafana' },
        safeLink(links.grafanaProduct, 'this product in Grafana'), ' · ',
        safeLink(links.grafanaPipeline, 'the pipeline in Grafana'))]),
    o.retry && h('div', { class: 'panel bad', id: 'retry' },
      h('p', {}, h('strong', {}, 'Failed for good: '), o.retry.reason),
      h('p', {}, 'Build it again with ', h('code', {}, o.retry.command), ' or ', h('code', {}, `POST ${o.retry.url}`), '.')),
  ];
}

function pipeline(o) {
  return section('pipeline', `Pipeline of v${o.version}`,
    h('ol', { class: 'pipeline' }, o.pipeline.map(hop => h('li', {
      class: [hop.at ? 'reached' : '', hop.stage === o.stage ? 'current' : ''].join(' ').trim(),
      'data-stage': hop.stage,
      'aria-current': hop.stage === o.stage ? 'step' : null,
    },
    h('span', { class: 'stage' }, hop.stage),
    hop.at ? h('span', { class: 'took' }, hop.tookMs === undefined || hop.tookMs === null
      ? absolute(hop.at) : `+${duration(hop.tookMs)}`) : h('span', { class: 'took' }, 'not yet')))),
    PipelineStages.includes(o.stage) ? null : h('p', {}, 'Now: ', badge(o.stage)));
}
const PipelineStages = ['submitted', 'accepted', 'planned', 'coded', 'tested', 'deployed', 'running'];

function table(caption, headings, rows, id) {
  return h('table', { id }, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headings.map(title => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, rows));
}

function deployments(o) {
  if (!o.deployments.length) return section('deployments', 'Deployments and rollbacks', h('p', { class: 'muted' }, 'None yet.'));
  return section('deployments', 'Deployments and rollbacks', table('Newest first',
    ['When', 'Version', 'Kind', 'Result', 'Where / why', 'Incident'],
    o.deployments.map(d => h('tr', { 'data-kind': d.kind },
      h('td', {}, when(d.at)), h('td', {}, `v${d.version} (attempt ${d.attempt})`), h('td', {}, d.kind),
      h('td', {}, badge(d.succeeded ? 'passed' : 'failed', d.succeeded ? 'serving' : 'failed')),
      h('td', {}, d.succeeded ? safeLink(d.url) : d.detail, d.target ? h('span', { class: 'muted' }, ` on ${d.target}`) : null),
      h('td', {}, d.incidentId ? h('code', {}, d.incidentId) : '—')))));
}

function incidents(o) {
  if (!o.incidents.length) return section('incidents', 'Incidents', h('p', { class: 'muted' }, 'None.'));
  return section('incidents', 'Incidents', table('Newest first, with what healed each',
    ['Detected', 'Version', 'What', 'Evidence', 'Action', 'Healing'],
    o.incidents.map(i => h('tr', { 'data-incident': i.incidentId },
      h('td', {}, when(i.detectedAt)), h('td', {}, `v${i.version}`), h('td', {}, i.kind.replace('_', ' ')),
      h('td', {}, i.evidence), h('td', {}, i.action),
      h('td', { class: 'healing' }, badge(i.healing.outcome), ' ', i.healing.detail,
        i.healing.at ? [' ', when(i.healing.at)] : null)))));
}

function money(value) {
  return `$${Number(value).toFixed(4)}`;
}

function ledger(o) {
  const { total, byVersion, models } = o.ledger;
  if (!total.calls) return section('ledger', 'Tokens and cost', h('p', { class: 'muted' }, 'No model calls recorded: the template agents cost nothing.'));
  return section('ledger', 'Tokens and cost',
    h('dl', { class: 'summary', id: 'ledger-total' },
      h('dt', {}, 'Model calls'), h('dd', {}, total.calls),
      h('dt', {}, 'Prompt tokens'), h('dd', {}, total.promptTokens.toLocaleString()),
      h('dt', {}, 'Completion tokens'), h('dd', {}, total.completionTokens.toLocaleString()),
      h('dt', {}, 'Cost'), h('dd', { id: 'cost' }, money(total.costUsd)),
      h('dt', {}, 'Models'), h('dd', {}, models.join(', ') || '—')),
    table('Per version', ['Version', 'Calls', 'Prompt tokens', 'Completion tokens', 'Cost'],
      byVersion.map(v => h('tr', {}, h('td', {}, `v${v.version}`), h('td', {}, v.cost.calls),
        h('td', {}, v.cost.promptTokens.toLocaleString()), h('td', {}, v.cost.completionTokens.toLocaleString()),
        h('td', {}, money(v.cost.costUsd))))));
}

function versions(o) {
  return section('versions', 'Versions', o.versions.length ? o.versions.map(v => h('article', {
    id: `v${v.version}`, 'aria-labelledby': `v${v.version}-title` },
  h('h3', { id: `v${v.version}-title` }, `Version ${v.version} `, v.stage ? badge(v.stage) : null),
  h('p', { class: 'muted' }, 'Accepted ', when(v.acceptedAt), ' · ', h('code', {}, v.digest)),
  v.changes.length
    ? h('ul', { class: 'changes', 'aria-label': `Changes in version ${v.version} against the one before` },
      v.changes.map(c => h('li', {}, h('strong', {}, c.change.toLowerCase()), ` ${c.target} `, h('code', {}, c.path))))
    : h('p', {}, v.version === 1 ? 'The first version.' : 'No change against the version before.'),
  h('details', { id: `v${v.version}-timeline`, open: v.version === o.version },
    h('summary', {}, `Timeline of version ${v.version} (${v.timeline.length} entries)`),
    table('Oldest first', ['When', 'Stage', 'Detail'], v.timeline.map(t => h('tr', {},
      h('td', {}, h('time', { datetime: t.at }, absolute(t.at))), h('td', {}, badge(t.stage)),
      h('td', {}, t.detail)))))))
    : h('p', { class: 'muted' }, 'No version was accepted yet.'));
}

function rejections(o) {
  if (!o.rejections.length) return null;
  return section('rejections', 'Rejected documents', o.rejections.map((r, index) => h('div', { class: 'panel bad' },
    h('p', {}, `Rejected `, when(r.at), ` (via ${r.source}): ${r.problems.length} problem(s)`),
    h('ul', { class: 'problems', 'aria-label': `Problems of rejected document ${index + 1}` }, r.problems.map(p =>
      h('li', { 'data-pointer': p.pointer }, h('code', {}, p.pointer || '(document)'), ' — ', p.message))))));
}

// Re-rendering keeps what the reader had open and where the keyboard was.
function render(o) {
  const open = new Set([...root.querySelectorAll('details[open]')].map(d => d.id));
  const closed = new Set([...root.querySelectorAll('details:not([open])')].map(d => d.id));
  const focused = document.activeElement && root.contains(document.activeElement) ? document.activeElement.id : null;
  document.title = `${o.name} (${o.stage}) · Gigafactory`;
  fill(root, header(o), pipeline(o), testsSection(o), deployments(o), incidents(o), ledger(o), versions(o),
    rejections(o));
  root.querySelectorAll('details').forEach(d => {
    if (open.has(d.id)) d.open = true;
    if (closed.has(d.id)) d.open = false;
  });
  if (focused) document.getElementById(focused)?.focus();
}

let pending;
async function refresh() {
  clearTimeout(pending);
  try {
    render(await getJson(`/api/console/specs/${encodeURIComponent(name)}`));
  } catch (error) {
    fill(root, h('h1', { id: 'title' }, name || 'No spec named'),
      h('p', {}, error.status === 404 ? `No spec named “${name}” yet. ` : `Could not load it: ${error.message}. `,
        h('a', { href: '/' }, 'All specs')));
  }
  // Ledger entries move no stage: look again now and then, besides on every stage change.
  pending = setTimeout(refresh, 15000);
}

let queued;
function soon() {
  clearTimeout(queued);
  queued = setTimeout(refresh, 150);
}

const live = h('p', { class: 'live', role: 'status', id: 'live' }, 'Connecting…');
root.before(live);
follow(`/api/specs/${encodeURIComponent(name)}/events`, soon, live, soon);
tickRelativeTimes();
