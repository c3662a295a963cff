import { createHash } from 'node:crypto';

/**
 * The HTML report's only style sheet and script. They are inline (the report is one file) and the
 * page's Content-Security-Policy allows exactly these two blocks by their SHA-256, so nothing else
 * can run or style the page: not an injected tag, not an event-handler attribute, not a style
 * attribute. Keep every style in REPORT_STYLE and every behaviour in REPORT_SCRIPT (no `style=` or
 * `on…=` attributes in the markup: the policy blocks them).
 */

export const REPORT_STYLE = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #0b5cad;
  --critical: #a40e26; --high: #c2410c; --medium: #9a6700; --low: #1f6feb; --info: #59636e; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { color-scheme: light; }
body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header.top { background: var(--soft); border-bottom: 1px solid var(--line); }
.wrap { max-width: 1240px; margin: 0 auto; padding: 0 20px; }
header.top .wrap { padding-top: 18px; padding-bottom: 12px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 20px 0 6px; }
p { margin: 6px 0; }
.meta, .muted { color: var(--muted); }
.meta { font-size: 0.93em; }
nav.sections { margin-top: 10px; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 0.93em; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.89em; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.card { min-width: 110px; padding: 8px 14px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.card .n { font-size: 24px; font-weight: 700; display: block; }
.card .l { font-size: 0.86em; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.card.sev-critical { border-left: 5px solid var(--critical); } .card.sev-critical .n { color: var(--critical); }
.card.sev-high { border-left: 5px solid var(--high); } .card.sev-high .n { color: var(--high); }
.card.sev-medium { border-left: 5px solid var(--medium); } .card.sev-medium .n { color: var(--medium); }
.card.sev-low { border-left: 5px solid var(--low); } .card.sev-low .n { color: var(--low); }
.card.sev-info { border-left: 5px solid var(--info); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-size: 0.86em; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.compact { width: auto; min-width: 50%; }
table.compact .status { min-width: 34px; }
caption { text-align: left; font-weight: 600; padding: 0 0 4px; }
.overview { display: flex; flex-wrap: wrap; gap: 8px 40px; align-items: flex-start; }
.overview table.compact { min-width: 0; margin-top: 12px; }
.nowrap { white-space: nowrap; }
.sev { display: inline-block; min-width: 62px; padding: 1px 6px; border-radius: 4px; font-size: 0.86em; font-weight: 600; text-align: center; color: #fff; }
.sev-critical .sev, .sev.sev-critical { background: var(--critical); }
.sev.sev-high { background: var(--high); }
.sev.sev-medium { background: var(--medium); }
.sev.sev-low { background: var(--low); }
.sev.sev-info { background: var(--info); }
.finding-title { font-weight: 600; }
.path-line { color: #6f42c1; margin-top: 2px; }
.why { color: var(--muted); font-size: 0.93em; margin-top: 2px; }
details { margin-top: 4px; }
summary { cursor: pointer; }
summary::marker { color: var(--accent); }
summary strong { color: var(--accent); }
.remediation { white-space: pre-wrap; margin: 6px 0; padding: 8px 10px; background: var(--soft); border-radius: 4px; font-size: 0.93em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 6px 0; font-size: 0.89em; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.resource-name { font-weight: 600; overflow-wrap: anywhere; }
.filters { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 18px; padding: 10px 12px; background: var(--soft); border: 1px solid var(--line); border-radius: 6px; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; }
.filters legend { float: left; margin-right: 6px; font-weight: 600; }
.filters label { white-space: nowrap; }
.filters select { max-width: 360px; font: inherit; }
button { font: inherit; padding: 3px 12px; border: 1px solid var(--line); border-radius: 4px; background: #fff; cursor: pointer; }
button:disabled { color: var(--muted); cursor: default; }
.count-line { margin: 10px 0 4px; font-weight: 600; }
.pager { display: flex; gap: 10px; align-items: center; margin: 8px 0; }
.badge { display: inline-block; margin: 1px 4px 1px 0; padding: 0 6px; border-radius: 10px; font-size: 0.86em; background: #eef1f4; color: var(--ink); border: 1px solid var(--line); }
.badge.warn { background: #fff1e5; border-color: #f0b37e; color: #8a3b00; font-weight: 600; }
tr.flagged td { background: #fff8f0; }
tr.flagged td:first-child { box-shadow: inset 4px 0 0 #e8590c; }
.status { display: inline-block; min-width: 92px; padding: 1px 6px; border-radius: 4px; font-size: 0.86em; font-weight: 600; text-align: center; border: 1px solid transparent; }
.status-failing { background: #ffebe9; color: #a40e26; border-color: #f5b5b0; }
.status-unknown { background: #fff8c5; color: #7d4e00; border-color: #e6cf6b; }
.status-passing { background: #dafbe1; color: #116329; border-color: #9bd8a8; }
.status-not-assessed { background: #f6f8fa; color: #59636e; border-color: #d1d9e0; }
.status-not-covered { background: #eaeef2; color: #424a53; border-color: #c4ccd4; }
.statement { margin: 8px 0; padding: 8px 12px; border-left: 4px solid var(--accent); background: #f1f6fd; }
.evidence div + div { color: var(--muted); font-size: 0.93em; }
figure.path { margin: 10px 0 18px; padding: 10px; border: 1px solid var(--line); border-radius: 6px; }
figure.path figcaption { margin-bottom: 6px; }
svg.path-diagram { display: block; max-width: 100%; height: auto; }
.empty { color: var(--muted); font-style: italic; }
footer { margin: 30px 0 20px; font-size: 0.86em; color: var(--muted); }
@media print {
  body { font-size: 11px; }
  h1 { font-size: 18px; } h2 { font-size: 15px; } h3 { font-size: 13px; }
  header.top { background: none; }
  nav.sections, .filters, .pager, .no-print { display: none !important; }
  h2 { break-after: avoid; }
  tr, figure.path { break-inside: avoid; }
  a { color: inherit; }
  .sev, .status, .badge, .card, tr.flagged td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * The findings list: read from the JSON block, filtered by severity, provider and rule, and shown a
 * page at a time (the DOM holds at most PAGE rows, however many findings the scan has). Every string
 * goes in through textContent, never as markup.
 */
export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var PAGE = 200;
  var data = JSON.parse(document.getElementById('aispm-data').textContent);
  var body = document.getElementById('findings-body');
  var countLine = document.getElementById('findings-count');
  var pager = document.getElementById('findings-pager');
  var first = document.getElementById('page-first');
  var prev = document.getElementById('page-prev');
  var last = document.getElementById('page-last');
  var next = document.getElementById('page-next');
  var pageLabel = document.getElementById('page-label');
  var severityBoxes = Array.prototype.slice.call(document.querySelectorAll('input[name="severity"]'));
  var providerSelect = document.getElementById('filter-provider');
  var ruleSelect = document.getElementById('filter-rule');
  var reset = document.getElementById('filter-reset');
  var table = document.getElementById('findings-table');
  var page = 0;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function matching() {
    var severities = {};
    severityBoxes.forEach(function (box) { if (box.checked) severities[box.value] = true; });
    var provider = providerSelect.value;
    var rule = ruleSelect.value;
    return data.findings.filter(function (finding) {
      return severities[finding.severity] === true && (provider === '' || finding.provider === provider) && (rule === '' || data.rules[finding.rule].id === rule);
    });
  }

  function fact(list, term, value, mono) {
    list.appendChild(el('dt', '', term));
    list.appendChild(el('dd', mono ? 'mono' : '', value));
  }

  function row(finding) {
    var rule = data.rules[finding.rule];
    var tr = el('tr', 'sev-' + finding.severity);
    tr.setAttribute('data-finding', finding.id);
    var rank = el('td', 'num');
    rank.appendChild(el('div', 'muted', '#' + finding.rank));
    rank.appendChild(el('strong', '', String(finding.score)));
    tr.appendChild(rank);
    var severity = el('td');
    severity.appendChild(el('span', 'sev sev-' + finding.severity, finding.severity));
    tr.appendChild(severity);

    var main = el('td');
    if (finding.stepOf) main.appendChild(el('div', 'muted', '\\u21b3 step of the path: ' + finding.stepOf));
    main.appendChild(el('div', 'finding-title', finding.message));
    if (finding.path) {
      var path = el('div', 'path-line', 'path: ' + finding.path.join(' \\u2192 ') + ' ');
      if (finding.diagram) {
        var link = el('a', '', '(diagram)');
        link.setAttribute('href', '#' + finding.diagram);
        path.appendChild(link);
      }
      main.appendChild(path);
    }
    main.appendChild(el('div', 'why', 'why: ' + finding.why));
    var details = el('details');
    var summary = el('summary');
    summary.appendChild(el('strong', '', 'fix: '));
    summary.appendChild(document.createTextNode(rule.firstStep));
    details.appendChild(summary);
    details.appendChild(el('div', 'remediation', rule.remediation));
    var facts = el('dl', 'facts');
    fact(facts, 'rule', rule.id + ': ' + rule.title, false);
    if (finding.includes) fact(facts, 'includes', finding.includes.join(', '), false);
    if (rule.frameworks) fact(facts, 'frameworks', rule.frameworks, false);
    if (finding.status !== 'new') fact(facts, 'status', finding.status, false);
    fact(facts, 'resource id', finding.resourceId, true);
    fact(facts, 'finding id', finding.id, true);
    details.appendChild(facts);
    main.appendChild(details);
    tr.appendChild(main);

    var resource = el('td');
    resource.appendChild(el('div', 'resource-name', finding.name));
    resource.appendChild(el('div', 'muted mono', finding.type));
    resource.appendChild(el('div', 'muted', finding.where));
    tr.appendChild(resource);
    var ruleCell = el('td');
    ruleCell.appendChild(el('code', '', rule.id));
    tr.appendChild(ruleCell);
    return tr;
  }

  // The filtered list is kept while only the page changes.
  var list = null;
  function render() {
    if (list === null) list = matching();
    var pages = Math.max(1, Math.ceil(list.length / PAGE));
    if (page > pages - 1) page = pages - 1;
    var start = page * PAGE;
    var shown = list.slice(start, start + PAGE);
    var rows = document.createDocumentFragment();
    shown.forEach(function (finding) { rows.appendChild(row(finding)); });
    body.replaceChildren(rows);
    table.hidden = shown.length === 0;
    countLine.setAttribute('data-matching', String(list.length));
    countLine.textContent = list.length === 0
      ? 'No finding matches the filters (' + data.findings.length + ' in all).'
      : 'Showing ' + (start + 1) + '\\u2013' + (start + shown.length) + ' of ' + list.length + ' finding' + (list.length === 1 ? '' : 's') + (list.length < data.findings.length ? ' (filtered from ' + data.findings.length + ')' : '');
    pager.hidden = pages < 2;
    pageLabel.textContent = 'Page ' + (page + 1) + ' of ' + pages;
    first.disabled = prev.disabled = page === 0;
    last.disabled = next.disabled = page >= pages - 1;
  }

  function refilter() { page = 0; list = null; render(); }
  severityBoxes.forEach(function (box) { box.addEventListener('change', refilter); });
  providerSelect.addEventListener('change', refilter);
  ruleSelect.addEventListener('change', refilter);
  reset.addEventListener('click', function () {
    severityBoxes.forEach(function (box) { box.checked = true; });
    providerSelect.value = '';
    ruleSelect.value = '';
    refilter();
  });
  function turn(to) { page = to; render(); countLine.scrollIntoView(); }
  first.addEventListener('click', function () { turn(0); });
  prev.addEventListener('click', function () { turn(page - 1); });
  next.addEventListener('click', function () { turn(page + 1); });
  last.addEventListener('click', function () { turn(Math.ceil(list.length / PAGE) - 1); });

  // Printing shows the remediation of the findings on the page.
  var opened = [];
  window.addEventListener('beforeprint', function () {
    opened = Array.prototype.filter.call(body.querySelectorAll('details'), function (item) { return !item.open; });
    opened.forEach(function (item) { item.open = true; });
  });
  window.addEventListener('afterprint', function () { opened.forEach(function (item) { item.open = false; }); opened = []; });

  document.getElementById('findings-script-note').hidden = true;
  render();
})();
`;

/** A CSP source for an inline block: the base64 SHA-256 of its exact text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Nothing is loaded, nothing sent: no source is allowed but the two inline blocks by hash and
 * data: images; no base URL, form target or plugin. (frame-ancestors cannot be set in a meta tag.)
 */
export function contentSecurityPolicy(): string {
  return [`default-src 'none'`, `style-src ${cspHash(REPORT_STYLE)}`, `script-src ${cspHash(REPORT_SCRIPT)}`, `img-src data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');
}
