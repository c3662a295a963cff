import { z } from 'zod';
import { SEVERITIES } from '../graph/model.js';
import { RULE_CATEGORIES } from './rule-categories.js';
import type { CompiledPathStep } from './path.js';
import type { Evaluator } from './operators/operator.js';

/**
 * A rule is one YAML document. It names the asset types it applies to and a condition (`when`) under
 * which an asset is a finding; a path rule adds `path`, the steps from that asset to a target.
 * Rules are data: they never run code, so a rule pack from a stranger is safe to load.
 */

export { RULE_CATEGORIES } from './rule-categories.js';

/** Tools whose checks a rule can name as equivalents. */
export const EQUIVALENT_TOOLS = ['prowler', 'checkov', 'aws-aiml-assessment', 'defender-for-cloud', 'azure-policy'] as const;

export const RULE_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const ruleId = z.string().regex(RULE_ID_PATTERN, 'lower-case words joined by "-", e.g. aws-sagemaker-notebook-root-access');

/**
 * A reference is a web page: it becomes a link (SARIF `helpUri`, help markdown), so `javascript:`,
 * `data:` or `file:` URLs are refused, and so is whitespace, which a URL parser would quietly drop or encode.
 */
export function isWebUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s\p{C}]+$/iu.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const reference = z.string().refine(isWebUrl, 'not an https: or http: URL (a reference is a web page, e.g. https://docs.aws.amazon.com/...)');

/** A value a rule lets users set in aispm.config.yaml: a list of strings, a number, a string or a boolean. */
export const parameterValueSchema = z.union([z.array(z.string()), z.number(), z.string(), z.boolean()]);
export type ParameterValue = z.output<typeof parameterValueSchema>;

const parameterSchema = z
  .object({
    description: z.string().min(10),
    default: parameterValueSchema,
    /** The rule runs only when this parameter has a value (an empty list or string turns it off). */
    skipWhenEmpty: z.boolean().default(false),
    /** For a number: the least and the most a user may set; outside them, the config file or test case is refused. */
    minimum: z.number().optional(),
    maximum: z.number().optional(),
  })
  .strict();

export type ParameterDeclaration = z.output<typeof parameterSchema>;

/** Why a value is outside a parameter's declared range, or undefined when it is not. */
export function parameterRangeProblem(declaration: Pick<ParameterDeclaration, 'minimum' | 'maximum'>, value: ParameterValue): string | undefined {
  if (typeof value !== 'number') return undefined;
  if (declaration.minimum !== undefined && value < declaration.minimum) return `${value} is less than ${declaration.minimum}, the least this parameter allows`;
  if (declaration.maximum !== undefined && value > declaration.maximum) return `${value} is more than ${declaration.maximum}, the most this parameter allows`;
  return undefined;
}

export const ruleDocumentSchema = z
  .object({
    id: ruleId,
    title: z.string().min(10).max(140),
    severity: z.enum(SEVERITIES),
    severityReason: z.string().min(10),
    category: z.enum(RULE_CATEGORIES),
    resourceTypes: z.array(z.string()).min(1),
    when: z.unknown().optional(),
    path: z.array(z.unknown()).min(1).optional(),
    message: z.string().min(1).optional(),
    description: z.string().min(20),
    remediation: z.string().min(10),
    references: z.array(reference).default([]),
    frameworks: z.record(z.string(), z.array(z.string()).min(1)).default({}),
    /** The same check in other tools, by their ids (e.g. prowler: [bedrock_agent_guardrail_enabled]); feeds the parity table in docs/rules.md. */
    equivalents: z.partialRecord(z.enum(EQUIVALENT_TOOLS), z.array(z.string().min(1)).min(1)).default({}),
    parameters: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'a camelCase name, e.g. approvedModels'), parameterSchema).default({}),
    aliases: z.array(ruleId).default([]),
    /** Rules whose findings on the same resource this rule's finding includes (same root cause, said less precisely): they are folded into it. */
    supersedes: z.array(ruleId).default([]),
    deprecated: z.boolean().default(false),
  })
  .strict();

export type RuleDocument = z.output<typeof ruleDocumentSchema>;

/** A validated rule and where it came from. */
export interface Rule extends RuleDocument {
  /** The file it was read from, as given (relative to the pack for the built-in pack). */
  source: string;
}

/** What a rule is compiled against: parameter values from aispm.config.yaml, and the time of the scan. */
export interface CompileOptions {
  parameters?: Readonly<Record<string, ParameterValue>>;
  /** "Now" for date conditions (olderThanDays); the scan's start. */
  now?: Date;
}

/** A rule ready to evaluate. */
export interface CompiledRule {
  rule: Rule;
  /** False when a `skipWhenEmpty` parameter has no value: the rule does not run. */
  active: boolean;
  /** The parameter values the rule was compiled with. */
  parameters: Record<string, ParameterValue>;
  /** The condition on the asset itself (for a path rule: on the entry asset). */
  when?: Evaluator;
  path?: CompiledPathStep[];
  /** Field paths used in the message template, parsed. */
  message?: MessagePart[];
}

export type MessagePart = string | { field: readonly string[] };
