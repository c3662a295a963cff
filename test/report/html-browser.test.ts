import { accessSync, constants, copyFileSync, readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/cli/output.js';
import { FRAMEWORKS } from '../../src/engine/frameworks.js';
import { renderHtml } from '../../src/report/html.js';
import { ROOT, runCli, tempDir } from '../helpers.js';
import { demoResult, hostileSnapshot, SCRIPT_TAG, withManyFindings } from './html-fixtures.js';

/**
 * The HTML report in a real browser: headless Chromium (the system's, Debian package `chromium`)
 * driven by playwright-core. The filters change what is shown, nothing is requested but the file,
 * the Content-Security-Policy is in force and never violated by the page itself, a hostile name stays
 * text, and 50,000 findings are shown a page at a time. It also takes the screenshot the README shows
 * (AISPM_UPDATE_SCREENSHOT=1 writes it to docs/images/html-report.png).
 */

const SCREENSHOT = join(ROOT, 'docs', 'images', 'html-report.png');
const MISSING = 'no Chromium found (AISPM_CHROMIUM, or chromium / chromium-browser on PATH): install the Debian package "chromium" (apt-get install chromium) to run the HTML report browser tests';

function findChromium(): string | undefined {
  if (process.env.AISPM_CHROMIUM) return process.env.AISPM_CHROMIUM;
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

interface OpenedReport {
  page: Page;
  /** Every URL the page asked for. */
  requests: string[];
  /** Console errors, uncaught exceptions, CSP violations, dialogs (alert): none is expected. */
  problems: string[];
}

interface DemoJson {
  findings: Array<{ ruleId: string; severity: string; resource: { provider: string } }>;
}

const executable = findChromium();

describe('the HTML report in headless Chromium', () => {
  if (!executable) {
    if (process.env.AISPM_REQUIRE_BROWSER === '1') {
      it('needs Chromium (AISPM_REQUIRE_BROWSER=1)', () => {
        throw new Error(MISSING);
      });
    } else {
      process.stderr.write(`skipping the browser tests: ${MISSING}\n`);
      it.skip(MISSING, () => {});
    }
    return;
  }

  let browser: Browser;
  const dir = tempDir();
  beforeAll(async () => {
    // As root (CI containers), Chromium refuses to start with its sandbox on: the setuid/user-namespace
    // sandbox needs an unprivileged user. The page is our own file and every request is blocked, so the
    // sandbox is not what keeps this test safe.
    const args = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    browser = await chromium.launch({ executablePath: executable, args, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string): Promise<OpenedReport> {
    const url = pathToFileURL(file).href;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const problems: string[] = [];
    // Anything but the report itself is refused (and reported through `requests`).
    await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    const page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    // Page-side code is given as text: the tests are type-checked without the DOM library.
    await page.addInitScript({ content: "window.cspViolations = []; document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));" });
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, problems };
  }

  const violations = (page: Page) => page.evaluate<string[]>('window.cspViolations');
  const matching = async (page: Page) => Number(await page.getAttribute('#findings-count', 'data-matching'));
  const rows = (page: Page) => page.locator('#findings-body > tr').count();

  describe('the demo report', () => {
    let report: OpenedReport;
    let demo: DemoJson;
    beforeAll(async () => {
      const file = join(dir, 'demo.html');
      const scan = runCli(['scan', '--demo', '--compliance', FRAMEWORKS.map((framework) => framework.key).join(','), '-f', 'html', '-o', file, '-q']);
      expect(scan.code, scan.stderr).toBe(1);
      demo = JSON.parse(runCli(['scan', '--demo', '-f', 'json']).stdout) as DemoJson;
      report = await open(file);
    });

    it('loads nothing but itself and runs without an error or a CSP violation', async () => {
      const { page, requests, problems } = report;
      expect(requests).toEqual([pathToFileURL(join(dir, 'demo.html')).href]);
      expect(problems).toEqual([]);
      expect(await violations(page)).toEqual([]);
      expect(await page.isHidden('#findings-script-note')).toBe(true);
    });

    it('lists every finding, worst first, and the filters narrow the list as expected', async () => {
      const { page } = report;
      const count = (keep: (finding: DemoJson['findings'][number]) => boolean) => demo.findings.filter(keep).length;
      expect(await matching(page)).toBe(demo.findings.length);
      expect(await rows(page)).toBe(demo.findings.length);
      expect(await page.textContent('#findings-count')).toBe(`Showing 1–${demo.findings.length} of ${demo.findings.length} findings`);
      expect(await page.isHidden('#findings-pager')).toBe(true);

      for (const severity of ['high', 'medium', 'low']) await page.uncheck(`input[name="severity"][value="${severity}"]`);
      const critical = count((finding) => finding.severity === 'critical');
      expect(critical).toBeGreaterThan(0);
      expect(await matching(page)).toBe(critical);
      expect(await page.locator('#findings-body > tr.sev-critical').count()).toBe(critical);
      expect(await page.textContent('#findings-count')).toBe(`Showing 1–${critical} of ${critical} findings (filtered from ${demo.findings.length})`);

      await page.selectOption('#filter-provider', 'gcp');
      expect(await matching(page)).toBe(count((finding) => finding.severity === 'critical' && finding.resource.provider === 'gcp'));

      await page.click('#filter-reset');
      expect(await matching(page)).toBe(demo.findings.length);

      const byRule = new Map<string, number>();
      for (const finding of demo.findings) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
      const [rule, ruleCount] = [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
      await page.selectOption('#filter-rule', rule);
      expect(await matching(page)).toBe(ruleCount);
      expect(await page.locator('#findings-body > tr td code').allTextContents()).toEqual(Array(ruleCount).fill(rule));

      await page.selectOption('#filter-provider', 'azure');
      await page.uncheck('input[name="severity"][value="critical"]');
      expect(await matching(page)).toBe(count((finding) => finding.ruleId === rule && finding.resource.provider === 'azure' && finding.severity !== 'critical'));
      await page.click('#filter-reset');
      expect(await matching(page)).toBe(demo.findings.length);
      expect(await violations(page)).toEqual([]);
    });

    it('draws each attack path and the compliance view of every framework', async () => {
      const { page } = report;
      expect(await page.locator('svg.path-diagram').count()).toBeGreaterThan(0);
      expect(await page.locator('#compliance h3').count()).toBe(FRAMEWORKS.length);
      // A finding's "(diagram)" link leads to its picture.
      const link = page.locator('#findings-body a[href^="#path-"]').first();
      const target = (await link.getAttribute('href'))!;
      expect(await page.locator(`${target} svg.path-diagram`).count()).toBe(1);
    });

    it('takes the screenshot the README shows (under 300 KB)', async () => {
      const { page } = report;
      await page.setViewportSize({ width: 1280, height: 1200 });
      await page.evaluate('window.scrollTo(0, 0)');
      const shot = join(dir, 'html-report.png');
      await page.screenshot({ path: shot });
      expect(statSync(shot).size).toBeLessThan(300 * 1024);
      if (process.env.AISPM_UPDATE_SCREENSHOT === '1') copyFileSync(shot, SCREENSHOT);
      expect(statSync(SCREENSHOT).size).toBeLessThan(300 * 1024);
      expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe('PNG');
    });

    it('enforces its policy: a style block injected into the page is refused and reported', async () => {
      const { page } = await open(join(dir, 'demo.html'));
      await page.evaluate("document.head.appendChild(Object.assign(document.createElement('style'), { textContent: 'body { background: red; }' }))");
      await page.waitForFunction('window.cspViolations.length > 0');
      expect((await violations(page))[0]).toMatch(/^style-src/);
      expect(await page.evaluate<string>('getComputedStyle(document.body).backgroundColor')).toBe('rgb(255, 255, 255)');
    });
  });

  it('a resource name carrying <script> stays text and never runs', async () => {
    const hostileDir = tempDir({ 'hostile.json': hostileSnapshot() });
    const scan = runCli(['scan', '--snapshot', 'hostile.json', '-f', 'html', '-o', 'report.html', '-q'], { cwd: hostileDir });
    expect(scan.code, scan.stderr).toBe(1);
    const { page, requests, problems } = await open(join(hostileDir, 'report.html'));
    expect(problems).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(await violations(page)).toEqual([]);
    // Only the page's own two scripts and the one path diagram exist: nothing from a name became an element.
    expect(await page.evaluate<number>('document.scripts.length')).toBe(2);
    expect(await page.locator('img, iframe, object, embed').count()).toBe(0);
    expect(await page.locator('svg').count()).toBe(1);
    // The name is shown as written, in the findings list, the inventory and the diagram.
    const names = await page.locator('#findings-body .resource-name').allTextContents();
    expect(names.some((name) => name.includes(SCRIPT_TAG))).toBe(true);
    expect(await page.locator('#inventory td.resource-name').first().textContent()).toContain(SCRIPT_TAG);
    expect(await page.locator('svg.path-diagram title').first().textContent()).toContain(SCRIPT_TAG);
    await page.locator('#findings-body details').first().click();
    expect(problems).toEqual([]);
  });

  it('shows 50,000 findings 200 at a time, with the filters applied before paging', async () => {
    const result = withManyFindings(await demoResult(), 50_000);
    const file = join(dir, 'large.html');
    await writeReport(renderHtml(result), file);
    const { page, requests, problems } = await open(file);
    expect(requests).toHaveLength(1);
    expect(await matching(page)).toBe(50_000);
    expect(await rows(page)).toBe(200);
    expect(await page.textContent('#page-label')).toBe('Page 1 of 250');
    expect(await page.isDisabled('#page-prev')).toBe(true);
    await page.click('#page-next');
    expect(await page.textContent('#findings-count')).toBe('Showing 201–400 of 50000 findings');
    expect(await page.locator('#findings-body > tr td.num div').first().textContent()).toBe('#201');
    await page.click('#page-first');
    expect(await page.locator('#findings-body > tr td.num div').first().textContent()).toBe('#1');
    expect(await page.isDisabled('#page-prev')).toBe(true);

    const low = result.findings.filter((finding) => finding.severity === 'low').length;
    for (const severity of ['critical', 'high', 'medium']) await page.uncheck(`input[name="severity"][value="${severity}"]`);
    expect(await matching(page)).toBe(low);
    const pages = Math.ceil(low / 200);
    expect(await page.textContent('#page-label')).toBe(`Page 1 of ${pages}`);
    await page.click('#page-next');
    await page.click('#page-next');
    expect(await page.textContent('#page-label')).toBe(`Page 3 of ${pages}`);
    await page.click('#page-last');
    expect(await page.textContent('#page-label')).toBe(`Page ${pages} of ${pages}`);
    expect(await page.isDisabled('#page-next')).toBe(true);
    expect(await rows(page)).toBe(low - (pages - 1) * 200);
    expect(await page.locator('#findings-body > tr.sev-low').count()).toBe(low - (pages - 1) * 200);
    expect(problems).toEqual([]);
  });
});
