import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../src/cli/output.js';
import { FRAMEWORKS } from '../../src/engine/frameworks.js';
import { escapeHtml, jsonForHtmlScript } from '../../src/report/escape.js';
import { renderHtml } from '../../src/report/html.js';
import { runCli, tempDir } from '../helpers.js';
import { demoResult, HOSTILE, hostileSnapshot } from './html-fixtures.js';

/** `--format html`: one self-contained page; what can be checked without a browser (see html-browser.test.ts for the rest). */

const ALL = FRAMEWORKS.map((framework) => framework.key).join(',');

interface Page {
  html: string;
  csp: string;
  styles: string[];
  scripts: Array<{ attributes: string; text: string }>;
  /** The findings data block, parsed. */
  data: { rules: Array<Record<string, string>>; findings: Array<Record<string, unknown>> };
  /** The page without its style and script blocks: the markup. */
  markup: string;
}

function parsePage(html: string): Page {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]!);
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((match) => ({ attributes: match[1]!, text: match[2]! }));
  const json = scripts.find((script) => script.attributes.includes('application/json'));
  return {
    html,
    csp: csp.replace(/&#39;/g, "'"),
    styles,
    scripts,
    data: JSON.parse(json?.text ?? 'null'),
    markup: html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<script[^>]*>[\s\S]*?<\/script>/g, ''),
  };
}

/** The opening tags of the markup, with their quoted attribute values emptied (a value is text, whatever it says). */
function tagsOf(markup: string): string[] {
  return [...markup.matchAll(/<[a-z][^>]*>/gi)].map((match) => match[0].replace(/"[^"]*"/g, '""'));
}

/** Attributes the page's policy would block (and that no cloud string may create): event handlers and style. */
const blockedAttributes = (markup: string) => tagsOf(markup).filter((tag) => /\s(on[a-z]+|style)=/i.test(tag));

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('escaping for HTML', () => {
  it('escapeHtml makes markup text and keeps quotes out of attributes; control and bidi characters become visible', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml('a\u001b[31mb\u202ec')).toBe('a\\x1b[31mb\\u{202e}c');
  });

  it('jsonForHtmlScript: no string can close the block or open a comment, and JSON.parse gives the same value back', () => {
    const value = { name: '</script><!-- & > \u2028\u2029', list: ['</SCRIPT >'] };
    const text = jsonForHtmlScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('the demo as an HTML report', () => {
  const dir = tempDir();
  const file = join(dir, 'report.html');
  const scan = runCli(['scan', '--demo', '--compliance', ALL, '--format', 'html', '--output', file]);
  const page = parsePage(readFileSync(file, 'utf8'));

  it('exits as the scan does (1: failing controls at or above high) and writes only the file', () => {
    expect(scan.code, scan.stderr).toBe(1);
    expect(scan.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('is one self-contained file under 2 MB: nothing is loaded from anywhere', () => {
    expect(statSync(file).size).toBeLessThan(2 * 1024 * 1024);
    expect(page.html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(page.markup).not.toMatch(/<(link|img|iframe|object|embed|base|form)\b/i);
    expect(page.html).not.toMatch(/\s(src|href)="(?!#)/i);
    expect(page.styles[0]).not.toMatch(/url\(|@import/i);
  });

  it('has a strict Content-Security-Policy whose hashes match its one style and one script block', () => {
    expect(page.styles).toHaveLength(1);
    const code = page.scripts.filter((script) => script.attributes === '');
    expect(code).toHaveLength(1);
    expect(page.scripts).toHaveLength(2);
    expect(page.csp).toBe(`default-src 'none'; style-src ${sha256(page.styles[0]!)}; script-src ${sha256(code[0]!.text)}; img-src data:; base-uri 'none'; form-action 'none'`);
    expect(page.csp).not.toContain('unsafe');
    // The policy blocks inline handlers and style attributes, so the markup must have none.
    expect(blockedAttributes(page.markup)).toEqual([]);
  });

  it('shows the summary, the findings data worst first, the attack paths as SVG, the AI inventory, the gaps and every framework', () => {
    const json = JSON.parse(runCli(['scan', '--demo', '--format', 'json']).stdout) as { findings: Array<{ id: string; severity: string; path?: string[] }>; summary: { bySeverity: Record<string, number> } };
    expect(page.data.findings.map((finding) => finding.rank)).toEqual(json.findings.map((_, index) => index + 1));
    expect(new Set(page.data.findings.map((finding) => finding.id))).toEqual(new Set(json.findings.map((finding) => finding.id)));
    for (const [severity, count] of Object.entries(json.summary.bySeverity)) expect(page.markup).toContain(`<div class="card sev-${severity}"><span class="n">${count}</span>`);
    const paths = json.findings.filter((finding) => finding.path).length;
    expect(page.markup.match(/<svg class="path-diagram"/g)).toHaveLength(paths);
    expect(page.data.findings.filter((finding) => finding.diagram)).toHaveLength(paths);
    expect(page.markup).toContain('<h2>AI inventory (AI-BOM): ');
    expect(page.markup).toMatch(/<tr class="flagged"><td><code>aws\.sagemaker\.notebook-instance<\/code><\/td><td class="resource-name">research-nb<\/td>.*<span class="badge warn">outdated<\/span>/);
    expect(page.markup).toContain('<h2>Coverage gaps (2)</h2>');
    for (const framework of FRAMEWORKS) expect(page.markup).toContain(`<h3 id="compliance-${framework.key}">`);
    for (const status of ['failing', 'unknown', 'passing', 'not assessed', 'not covered']) expect(page.markup).toContain(`">${status}</span>`);
    expect(page.markup).toContain('evidence toward, not a verdict of, compliance');
    expect(page.data.rules.every((rule) => rule.remediation!.length > 10 && rule.firstStep!.length > 0)).toBe(true);
    expect(page.data.findings.every((finding) => typeof finding.why === 'string' && (finding.why as string).startsWith(finding.severity as string))).toBe(true);
  });

  it('is deterministic: two runs differ only in the scan timestamps', () => {
    const again = runCli(['scan', '--demo', '--compliance', ALL, '--format', 'html']).stdout;
    const times = (html: string) => html.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, '<time>');
    expect(times(again)).toBe(times(page.html));
  });
});

describe('renderHtml', () => {
  it('gives the same bytes for the same result', async () => {
    const result = await demoResult();
    expect([...renderHtml(result)].join('')).toBe([...renderHtml(result)].join(''));
  });

  it('passes the final secrets check on the way out (writeReport): a secret made after collection is redacted, and the page still holds', async () => {
    const result = await demoResult();
    const secret = `ghp_${'A1b2C3d4E5'.repeat(4)}`;
    result.findings[0] = { ...result.findings[0]!, message: `${result.findings[0]!.message} token ${secret}` };
    const file = join(tempDir(), 'report.html');
    await writeReport(renderHtml(result), file);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(secret);
    const page = parsePage(text);
    expect(page.data.findings[0]!.message).toContain('[REDACTED:github-token]');
    expect(page.csp).toContain(sha256(page.scripts.find((script) => script.attributes === '')!.text));
  });
});

describe('hostile strings in the HTML report', () => {
  const dir = tempDir({ 'hostile.json': hostileSnapshot() });
  const run = runCli(['scan', '--snapshot', 'hostile.json', '--output', 'html:report.html', '--quiet'], { cwd: dir });
  const page = parsePage(readFileSync(join(dir, 'report.html'), 'utf8'));

  it('adds the HTML report beside the table (-o html:FILE) and exits 1 for the findings', () => {
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^aispm test|^aispm \d/);
  });

  it('no cloud string opens a tag, an attribute, a comment or a script: the page has only its own two scripts', () => {
    expect(page.scripts).toHaveLength(2);
    expect(page.html.match(/<\/script/gi)).toHaveLength(2);
    expect(page.markup).not.toMatch(/<(img|svg onload|!--)/i);
    expect(blockedAttributes(page.markup)).toEqual([]);
    expect(page.html).not.toMatch(/[\u001b\u202e\u2028\u2029]/);
  });

  it('every place a cloud string is shown has it escaped: finding data, path diagram, inventory, coverage, header', () => {
    const shown = escapeHtml(HOSTILE);
    expect(shown).toContain('x&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;amp;&lt;!--');
    // The inventory row, the SVG boxes of the path (and their titles), the coverage row, the sources in the header.
    expect(page.markup).toContain(`<td class="resource-name">${shown}</td>`);
    expect(page.markup).toContain(`<title>wb ${shown} (gcp.workbench.instance)</title>`);
    expect(page.markup).toContain(`<title>sa ${shown} (gcp.iam.service-account)</title>`);
    expect(page.markup).toContain(`<td>denied ${shown}</td>`);
    expect(page.markup).toContain(`from hostile ${shown}`);
    // The data the script shows through textContent: control characters made visible, then JSON-escaped.
    const visible = HOSTILE.replace('\u2028', '\\u{2028}').replace('\u2029', '\\u{2029}').replace('\u001b', '\\x1b').replace('\u202e', '\\u{202e}');
    const findings = page.data.findings;
    expect(findings.some((finding) => finding.name === visible)).toBe(true);
    expect(findings.some((finding) => (finding.path as string[] | undefined)?.includes(`wb ${visible}`))).toBe(true);
    expect(findings.some((finding) => (finding.where as string).includes(`111122223333${visible}`))).toBe(true);
    expect(findings.every((finding) => typeof finding.message === 'string' && typeof finding.resourceId === 'string')).toBe(true);
  });
});

describe('scan -f html on the command line', () => {
  it('exits 0 with --fail-on none, and 2 with no file written when the output cannot be written', () => {
    const dir = tempDir();
    expect(runCli(['scan', '--demo', '-f', 'html', '--fail-on', 'none', '-q'], { cwd: dir }).code).toBe(0);
    const bad = runCli(['scan', '--demo', '-o', 'html:missing/report.html', '-q'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/aispm: error: .*missing\/report\.html/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
