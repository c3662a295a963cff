import type { Rule } from '../engine/rule.js';
import { compareFindings, type Finding } from './finding.js';

/**
 * One root cause, one finding; and the findings that make an attack path possible shown with it.
 *
 * - A rule may declare `supersedes: [rule ids]`: where it fires on a resource, the findings of those
 *   rules on the same resource say the same thing less precisely (an agent with tools and no
 *   guardrail is also an agent with no guardrail), so they are folded into it (`includes`) instead of
 *   being reported twice.
 * - An attack-path finding builds on the findings on the other assets of its paths: they are its
 *   `steps`, and it is `partOf` theirs. Fixing any step breaks the path.
 */

/**
 * Folds superseded findings into the finding that supersedes them, on the same resource. A
 * suppressed finding supersedes nothing (what it would hide must stay visible), and a superseded
 * finding that was suppressed is folded all the same: the stronger finding carries the point.
 */
export function foldSupersededFindings(findings: Finding[], rules: readonly Rule[]): Finding[] {
  // `supersedes` may name a rule by an alias; findings carry the id.
  const idOf = new Map(rules.flatMap((rule) => [rule.id, ...rule.aliases].map((name) => [name, rule.id] as const)));
  const supersededBy = new Map(rules.map((rule) => [rule.id, rule.supersedes.map((name) => idOf.get(name) ?? name)]));
  const byResource = new Map<string, Finding[]>();
  for (const finding of findings) {
    let list = byResource.get(finding.resource.id);
    if (!list) byResource.set(finding.resource.id, (list = []));
    list.push(finding);
  }
  const folded = new Set<Finding>();
  for (const onResource of byResource.values()) {
    if (onResource.length < 2) continue;
    const byRule = new Map(onResource.map((finding) => [finding.ruleId, finding]));
    // Strongest first, so that a chain (A supersedes B supersedes C) folds everything into A.
    for (const finding of [...onResource].sort(compareFindings)) {
      if (finding.status === 'suppressed' || folded.has(finding)) continue;
      for (const supersededId of supersededBy.get(finding.ruleId) ?? []) {
        const superseded = byRule.get(supersededId);
        if (!superseded || superseded === finding || folded.has(superseded)) continue;
        folded.add(superseded);
        (finding.includes ??= []).push({ ruleId: superseded.ruleId, title: superseded.title, message: superseded.message }, ...(superseded.includes ?? []));
      }
    }
  }
  for (const finding of findings) finding.includes?.sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return folded.size === 0 ? findings : findings.filter((finding) => !folded.has(finding));
}

/** Links each attack-path finding to the findings on the other assets of its paths (`steps`), and back (`partOf`). */
export function linkAttackPathSteps(findings: readonly Finding[]): void {
  const byResource = new Map<string, Finding[]>();
  for (const finding of findings) {
    let list = byResource.get(finding.resource.id);
    if (!list) byResource.set(finding.resource.id, (list = []));
    list.push(finding);
  }
  for (const finding of findings) {
    if (!finding.reached?.length) continue;
    const steps = finding.reached.flatMap((id) => (id === finding.resource.id ? [] : (byResource.get(id) ?? [])));
    if (steps.length === 0) continue;
    steps.sort(compareFindings);
    finding.steps = steps.map((step) => step.id);
    for (const step of steps) (step.partOf ??= []).push(finding.id);
  }
  const order = new Map([...findings].sort(compareFindings).map((finding, index) => [finding.id, index]));
  for (const finding of findings) finding.partOf?.sort((a, b) => order.get(a)! - order.get(b)!);
}
