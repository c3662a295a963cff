import { createHash } from 'node:crypto';
import type { Violation } from '../engine/evaluate.js';
import { EU_AI_ACT_SCOPES, EU_AI_ACT_SCOPE_TAG, FRAMEWORK_KEYS } from '../engine/frameworks.js';
import type { AssetGraph } from '../graph/graph.js';
import type { Asset } from '../graph/model.js';
import { PriorityContextCache, priorityScore } from '../prioritize/score.js';
import type { Finding } from './finding.js';

/** Turns rule violations into findings: fingerprint, score, frameworks that apply to the asset. */
export function buildFindings(graph: AssetGraph, violations: readonly Violation[]): Finding[] {
  const attackPathsThrough = new Map<string, number>();
  for (const violation of violations) {
    if (!violation.paths) continue;
    const onPath = new Set(violation.paths.flat());
    for (const id of onPath) attackPathsThrough.set(id, (attackPathsThrough.get(id) ?? 0) + 1);
  }
  const contexts = new PriorityContextCache(graph, attackPathsThrough);

  return violations.map((violation) => {
    const { rule, asset } = violation;
    const context = contexts.contextOf(asset);
    const finding: Finding = {
      id: fingerprint(rule.id, asset.id),
      ruleId: rule.id,
      title: rule.title,
      severity: rule.severity,
      score: priorityScore(rule.severity, context),
      resource: { id: asset.id, type: asset.type, name: asset.name, provider: asset.provider, account: asset.account, region: asset.region, ...(asset.terraform ? { terraform: asset.terraform } : {}) },
      message: violation.message,
      evidence: { ...violation.evidence, priority: context },
      remediation: rule.remediation,
      frameworks: applicableFrameworks(rule.frameworks, asset),
      status: 'new',
    };
    if (violation.paths && violation.paths.length > 0) finding.path = violation.paths[0];
    const reached = reachedAssets(violation);
    if (reached.length > 0) finding.reached = reached;
    return finding;
  });
}

/**
 * The assets of a path rule's witness paths besides its subject. (A `related` match is not a step: an
 * endpoint that serves an unapproved model does not build on that model's other findings.)
 */
function reachedAssets(violation: Violation): string[] {
  const reached = new Set<string>();
  for (const path of violation.paths ?? []) for (const id of path) reached.add(id);
  reached.delete(violation.asset.id);
  return [...reached].sort();
}

/**
 * EU AI Act obligations bind high-risk systems and general-purpose AI models only; a scanner cannot
 * tell which an asset is, so those mappings apply only to assets tagged `eu-ai-act: high-risk`
 * (or `gpai`, `gpai-systemic-risk`). The rule's metadata lists them regardless.
 */
function applicableFrameworks(frameworks: Record<string, string[]>, asset: Asset): Record<string, string[]> {
  const inScope = (EU_AI_ACT_SCOPES as readonly string[]).includes(asset.tags?.[EU_AI_ACT_SCOPE_TAG] ?? '');
  const out: Record<string, string[]> = {};
  for (const key of FRAMEWORK_KEYS) {
    const ids = frameworks[key];
    if (!ids || ids.length === 0) continue;
    if (key === 'eu-ai-act' && !inScope) continue;
    out[key] = [...ids];
  }
  return out;
}

/**
 * The finding's stable id (`Finding.id`): the same rule on the same resource has the same id in every
 * scan, which suppressions, baselines and SARIF fingerprints rely on. Here rather than beside the
 * Finding type so that the CLI's start-up does not load node:crypto.
 */
function fingerprint(ruleId: string, resourceId: string): string {
  return createHash('sha256').update(`${ruleId}\n${resourceId}`).digest('hex').slice(0, 20);
}
