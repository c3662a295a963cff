import { SEVERITY_RANK, type Provider, type Severity, type TerraformOrigin } from '../graph/model.js';

/** A finding as users see it in every output format (the JSON result's `findings[]`). */
export interface Finding {
  /** Stable fingerprint of rule and resource: the same problem has the same id in every scan. */
  id: string;
  ruleId: string;
  title: string;
  severity: Severity;
  /** 0–100, from severity and context; see README "Prioritization". */
  score: number;
  resource: FindingResource;
  message: string;
  evidence: Record<string, unknown>;
  /** Attack-path rules: asset ids from the entry asset to the target. */
  path?: string[];
  remediation: string;
  frameworks: Record<string, string[]>;
  status: FindingStatus;
  /** Findings of rules this one supersedes on the same resource (same root cause), folded into it. */
  includes?: IncludedFinding[];
  /** Path rules: ids of the findings on the other assets of its attack paths, worst first; fixing any of them breaks a path. */
  steps?: string[];
  /** Ids of the findings that have this one among their steps, worst first. */
  partOf?: string[];
  /** Set when an ignore entry matched; not part of the JSON document. */
  suppression?: { reason: string; expires?: string };
  /** Path rules: the other assets of its witness paths, for linking steps; not part of the JSON document. */
  reached?: string[];
}

/** A superseded finding as its superseding finding carries it. */
export interface IncludedFinding {
  ruleId: string;
  title: string;
  message: string;
}

export type FindingStatus = 'new' | 'existing' | 'suppressed';

export interface FindingResource {
  id: string;
  type: string;
  name: string;
  provider: Provider;
  account: string;
  region: string;
  /** From a Terraform plan: the resource's address, and its block's file and line when known. */
  terraform?: TerraformOrigin;
}

/** `--fail-on` levels: a severity (info: any finding), or none to never fail on findings. */
export const FAIL_ON_LEVELS = ['critical', 'high', 'medium', 'low', 'info', 'none'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

/** Worst first: score, then severity, then rule id and resource id so that ties are stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    b.score - a.score ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.resource.id < b.resource.id ? -1 : a.resource.id > b.resource.id ? 1 : 0)
  );
}
