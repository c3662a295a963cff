import { z } from 'zod';
import { readDocument, validateDocument } from '../input/document.js';
import type { Finding } from './finding.js';

/**
 * `--baseline`: a previous JSON result. Findings already in it are `existing`, the rest `new`, and
 * only new ones count for the exit code, so a team can adopt aispm without fixing everything first.
 * Findings are matched on rule id (or an alias, so renamed rules keep matching) and resource id.
 */

const MAX_BASELINE_BYTES = 512 * 1024 * 1024;

const baselineSchema = z
  .object({
    schemaVersion: z.literal(1),
    findings: z.array(z.object({ ruleId: z.string(), resource: z.object({ id: z.string() }).loose() }).loose()),
  })
  .loose();

export type Baseline = ReadonlySet<string>;

function key(ruleId: string, resourceId: string): string {
  return `${ruleId}\u0000${resourceId}`;
}

export function loadBaseline(file: string): Baseline {
  const source = readDocument(file, { kind: 'baseline', maxBytes: MAX_BASELINE_BYTES });
  const document = validateDocument(source, baselineSchema);
  return new Set(document.findings.map((finding) => key(finding.ruleId, finding.resource.id)));
}

export function applyBaseline(findings: Finding[], baseline: Baseline, ruleAliases: ReadonlyMap<string, readonly string[]>): void {
  for (const finding of findings) {
    if (finding.status === 'suppressed') continue;
    const ids = [finding.ruleId, ...(ruleAliases.get(finding.ruleId) ?? [])];
    finding.status = ids.some((id) => baseline.has(key(id, finding.resource.id))) ? 'existing' : 'new';
  }
}
