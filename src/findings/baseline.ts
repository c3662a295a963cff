import { z } from 'zod';
import { MAX_INPUT_BYTES, readDocument, validateDocument } from '../input/document.js';
import { SEVERITIES, type Severity } from '../graph/model.js';
import type { Finding } from './finding.js';

/**
 * `--baseline`: a previous JSON result. Findings already in it are `existing`, the rest `new`, and
 * only new ones count for the exit code, so a team can adopt aispm without fixing everything first.
 * Findings are matched on rule id (or an alias, so renamed rules keep matching) and resource id.
 */

const baselineSchema = z
  .object({
    schemaVersion: z.literal(1),
    findings: z.array(
      z
        .object({
          ruleId: z.string(),
          title: z.string().optional(),
          severity: z.enum(SEVERITIES).optional(),
          status: z.string().optional(),
          resource: z.object({ id: z.string(), type: z.string().optional(), name: z.string().optional(), provider: z.string().optional(), account: z.string().optional(), region: z.string().optional() }).loose(),
        })
        .loose(),
    ),
  })
  .loose();

/** A finding of the baseline, as much as the later scan needs to say it is fixed. */
export interface BaselineFinding {
  ruleId: string;
  title?: string;
  severity?: Severity;
  resource: { id: string; type?: string; name?: string; provider?: string; account?: string; region?: string };
}

export interface Baseline {
  /** Rule id and resource id of every finding the baseline has. */
  readonly keys: ReadonlySet<string>;
  /** The findings themselves (not the suppressed ones: those were accepted, not open). */
  readonly findings: readonly BaselineFinding[];
}

function key(ruleId: string, resourceId: string): string {
  return `${ruleId}\u0000${resourceId}`;
}

export function loadBaseline(file: string): Baseline {
  const source = readDocument(file, { kind: 'baseline', maxBytes: MAX_INPUT_BYTES });
  const document = validateDocument(source, baselineSchema);
  return {
    keys: new Set(document.findings.map((finding) => key(finding.ruleId, finding.resource.id))),
    findings: document.findings
      .filter((finding) => finding.status !== 'suppressed')
      .map(({ ruleId, title, severity, resource }) => ({ ruleId, title, severity, resource: { id: resource.id, type: resource.type, name: resource.name, provider: resource.provider, account: resource.account, region: resource.region } })),
  };
}

export function applyBaseline(findings: Finding[], baseline: Baseline, ruleAliases: ReadonlyMap<string, readonly string[]>): void {
  for (const finding of findings) {
    if (finding.status === 'suppressed') continue;
    const ids = [finding.ruleId, ...(ruleAliases.get(finding.ruleId) ?? [])];
    finding.status = ids.some((id) => baseline.keys.has(key(id, finding.resource.id))) ? 'existing' : 'new';
  }
}

/** Whether a baseline finding is among the current findings (by its rule id, or one of the aliases of a current rule). */
export function stillFound(baselineFinding: BaselineFinding, current: readonly Finding[], ruleAliases: ReadonlyMap<string, readonly string[]>): boolean {
  return current.some((finding) => finding.resource.id === baselineFinding.resource.id && [finding.ruleId, ...(ruleAliases.get(finding.ruleId) ?? [])].includes(baselineFinding.ruleId));
}
