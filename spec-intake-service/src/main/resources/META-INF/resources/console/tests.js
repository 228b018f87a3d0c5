// The spec page's test section: every verdict, which acceptance steps passed, and the failing step's evidence.
import { h, when, duration, badge } from './common.js';

function evidence(label, text) {
  return h('div', {}, h('h4', {}, label), text ? h('pre', {}, text) : h('p', { class: 'muted' }, 'none'));
}

function step(s, caseIndex, runId) {
  const row = h('tr', { class: s.passed ? 'passed' : 'failed', 'data-step': s.index },
    h('td', {}, s.index + 1), h('td', {}, h('code', {}, `${s.method} ${s.path}`)),
    h('td', {}, s.expectedStatus), h('td', {}, s.actualStatus ?? '—'),
    h('td', {}, badge(s.passed ? 'passed' : 'failed')), h('td', {}, s.message || '', s.durationMs ? h('span', { class: 'muted' }, ` ${duration(s.durationMs)}`) : null));
  if (s.passed) return row;
  return [row, h('tr', { class: 'evidence' }, h('td', { colspan: 6 },
    h('div', { class: 'step-evidence', id: `${runId}-c${caseIndex}-s${s.index}-evidence` },
      evidence('Request', `${s.method} ${s.path}${s.requestBody ? `\n\n${s.requestBody}` : ''}`),
      evidence('Expected', `status ${s.expectedStatus}${s.expectedBody ? `\n\n${s.expectedBody}` : ''}`),
      evidence('Actual', s.actualStatus === null || s.actualStatus === undefined
        ? s.actualBody || s.message : `status ${s.actualStatus}${s.actualBody ? `\n\n${s.actualBody}` : ''}`))))];
}

function testCase(c, index, runId) {
  return h('div', { class: 'case', 'data-case': c.name },
    h('h3', {}, badge(c.passed ? 'passed' : 'failed'), ' ', c.name),
    h('table', {}, h('caption', { class: 'visually-hidden' }, `Steps of ${c.name}`),
      h('thead', {}, h('tr', {}, ['#', 'Request', 'Expected status', 'Actual status', 'Result', 'Message']
        .map(title => h('th', { scope: 'col' }, title)))),
      h('tbody', {}, c.steps.map(s => step(s, index, runId)))));
}

function run(t) {
  const id = `tests-v${t.version}-a${t.attempt}`;
  const passedCases = t.cases.filter(c => c.passed).length;
  return h('details', { id, class: 'test-run', open: !t.passed },
    h('summary', {}, `v${t.version} attempt ${t.attempt}: `, badge(t.passed ? 'passed' : 'failed'),
      ` ${passedCases}/${t.cases.length} case(s) passed in ${duration(t.durationMs)} · `, when(t.at)),
    t.failure ? h('p', { class: 'failure' }, h('strong', {}, 'Why: '), t.failure) : null,
    t.agent ? h('p', { class: 'muted' }, `Code by ${t.agent}`) : null,
    t.cases.map((c, index) => testCase(c, index, id)),
    t.logExcerpt ? h('details', { id: `${id}-log` }, h('summary', {}, 'Build and test log (excerpt)'), h('pre', {}, t.logExcerpt)) : null);
}

export function testsSection(o) {
  return h('section', { id: 'tests', 'aria-labelledby': 'tests-title' }, h('h2', { id: 'tests-title' }, 'Tests'),
    o.tests.length ? o.tests.map(run) : h('p', { class: 'muted' }, 'Not tested yet.'));
}
