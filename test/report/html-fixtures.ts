import { join } from 'node:path';
import { loadDemoInventory } from '../../src/collect/demo.js';
import { loadRuleDir } from '../../src/engine/load-rules.js';
import type { Finding } from '../../src/findings/finding.js';
import { runScan, type ScanResult } from '../../src/scan.js';
import { ROOT } from '../helpers.js';

/** What the HTML report tests share: a hostile estate, the demo's result, and a result with many findings. */

const ESC = '\u001b';
const RLO = '\u202e';

/**
 * A name written to break out of every place an HTML report puts text: a script block, markup, an
 * attribute (both quotes), a comment, an SVG text node, a JSON string; with a terminal escape, a
 * bidi override and the JavaScript line separators.
 */
export const HOSTILE = `x</script><script>alert(1)</script><img src=x onerror=alert(2)>"'&amp;<!--<svg onload=alert(3)>\u2028\u2029${ESC}[31m${RLO}-end`;
/** The plain `<script>` the browser test looks for as visible text. */
export const SCRIPT_TAG = '<script>alert(1)</script>';

/** A snapshot whose every cloud string is hostile: names on a finding, on an attack path and in the inventory, tags, and a coverage gap. */
export function hostileSnapshot(): string {
  const workbench = `projects/p/locations/us-central1-a/instances/${HOSTILE}`;
  const identity = `projects/p/serviceAccounts/${HOSTILE}@p.iam.gserviceaccount.com`;
  return JSON.stringify({
    snapshotVersion: 1,
    sources: [`hostile ${HOSTILE}`],
    coverage: [{ provider: 'aws', account: `1${HOSTILE}`, region: `r${HOSTILE}`, service: `sagemaker${HOSTILE}`, status: 'denied', message: `denied ${HOSTILE}` }],
    assets: [
      {
        id: `arn:aws:sagemaker:us-east-1:1:notebook-instance/${HOSTILE}`,
        type: 'aws.sagemaker.notebook-instance',
        provider: 'aws',
        account: `111122223333${HOSTILE}`,
        region: `us-east-1${HOSTILE}`,
        name: HOSTILE,
        tags: { owner: HOSTILE },
        props: { rootAccess: true, directInternetAccess: true, outdated: true },
      },
      { id: workbench, type: 'gcp.workbench.instance', provider: 'gcp', account: 'p', region: 'us-central1-a', name: `wb ${HOSTILE}`, props: { internetExposed: true } },
      { id: identity, type: 'gcp.iam.service-account', provider: 'gcp', account: 'p', region: 'global', name: `sa ${HOSTILE}`, props: { admin: true } },
    ],
    edges: [{ from: workbench, type: 'uses-identity', to: identity }],
  });
}

const TOOL = { name: 'aispm', version: 'test' };

/** The demo scanned in-process with the built-in rules. */
export async function demoResult(): Promise<ScanResult> {
  return runScan({ inventory: await loadDemoInventory(), rules: loadRuleDir(join(ROOT, 'rules'), ROOT), startedAt: new Date('2026-01-02T03:04:05.000Z'), tool: TOOL });
}

/**
 * The demo's result grown to `count` findings: its findings repeated on numbered copies of their
 * resources (ids, names and fingerprints made unique), kept worst first. As a reporter sees a large
 * estate, without scanning one.
 */
export function withManyFindings(result: ScanResult, count: number): ScanResult {
  const base = result.findings.filter((finding) => finding.status !== 'suppressed' && !finding.steps && !finding.partOf);
  const findings: Finding[] = [];
  for (let index = 0; findings.length < count; index++) {
    const original = base[index % base.length]!;
    const copy = Math.floor(index / base.length);
    findings.push({
      ...original,
      id: `${original.id}-${copy}`,
      resource: { ...original.resource, id: `${original.resource.id}-${copy}`, name: `${original.resource.name}-${copy}` },
      message: `${original.message} (copy ${copy})`,
      path: undefined,
    });
  }
  findings.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ...result, findings };
}
