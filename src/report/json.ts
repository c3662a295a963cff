import type { Finding } from '../findings/finding.js';
import { severityCounts, type ScanResult } from '../scan.js';
import { indentedJson } from './json-text.js';

/**
 * The JSON result, schemaVersion 1 (see PRODUCT contract and schema/aispm-result.schema.json).
 * Deterministic: the same inputs give the same bytes except the scan timestamps. Written in chunks,
 * one finding at a time, so large results do not need one giant string.
 */
export const RESULT_SCHEMA_VERSION = 1;

export function* renderJson(result: ScanResult): Iterable<string> {
  const unsuppressed = result.findings.filter((finding) => finding.status !== 'suppressed');
  const head = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { name: result.tool.name, version: result.tool.version },
    scan: {
      startedAt: result.startedAt.toISOString(),
      finishedAt: result.finishedAt.toISOString(),
      sources: result.sources,
      coverage: result.coverage.map((entry) => ({
        provider: entry.provider,
        account: entry.account,
        region: entry.region,
        service: entry.service,
        status: entry.status,
        ...(entry.message !== undefined ? { message: entry.message } : {}),
      })),
    },
    summary: { assets: result.assetCount, findings: unsuppressed.length, bySeverity: severityCounts(unsuppressed) },
    ...(result.baseline
      ? {
          baseline: {
            fixed: result.baseline.fixed.map((old) => ({ ruleId: old.ruleId, ...(old.title ? { title: old.title } : {}), ...(old.severity ? { severity: old.severity } : {}), resource: withoutUndefined(old.resource), how: old.how })),
            undecided: result.baseline.undecided,
          },
        }
      : {}),
    ...(result.compliance ? { compliance: result.compliance } : {}),
  };
  const headText = JSON.stringify(head, null, 2);
  yield `${headText.slice(0, -2)},\n  "findings": [`;
  let first = true;
  for (const finding of result.findings) {
    yield `${first ? '' : ','}\n    ${indentedJson(findingDocument(finding), 2)}`;
    first = false;
  }
  yield first ? ']\n}\n' : '\n  ]\n}\n';
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

/** A finding in the order of the contract; internal fields (suppression) stay out. */
export function findingDocument(finding: Finding): Record<string, unknown> {
  return {
    id: finding.id,
    ruleId: finding.ruleId,
    title: finding.title,
    severity: finding.severity,
    score: finding.score,
    resource: finding.resource,
    message: finding.message,
    evidence: finding.evidence,
    ...(finding.path ? { path: finding.path } : {}),
    remediation: finding.remediation,
    frameworks: finding.frameworks,
    status: finding.status,
    ...(finding.includes ? { includes: finding.includes } : {}),
    ...(finding.steps ? { steps: finding.steps } : {}),
    ...(finding.partOf ? { partOf: finding.partOf } : {}),
  };
}
