import { existsSync } from 'node:fs';
import { z } from 'zod';
import { InputError, suggestion, type Problem } from '../errors.js';
import { globMatcher } from '../glob.js';
import { readDocument, validateDocument } from '../input/document.js';
import type { Finding } from './finding.js';

/**
 * `.aispmignore.yaml`: accepted risks. Each entry names a rule and/or a resource pattern, says why,
 * and may expire; an expired entry stops suppressing and is reported, so accepted risks get
 * reviewed. Suppressed findings stay in every output with status "suppressed": nothing is lost.
 */

export const DEFAULT_IGNORE_FILE = '.aispmignore.yaml';
const MAX_IGNORE_BYTES = 1024 * 1024;

/** `2027-01-31`, a day that exists: `9999-99-99` or `2027-02-30` would never expire, or expire at once. */
const isoDate = z
  .union([z.string().refine(isCalendarDate, 'not a date: write a day of the calendar as YYYY-MM-DD, e.g. 2027-01-31'), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value));

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const entrySchema = z
  .object({
    rule: z.string().min(1).optional(),
    resource: z.string().min(1).optional(),
    reason: z.string().trim().min(10, 'give a reason of at least 10 characters: who accepted the risk and why'),
    expires: isoDate.optional(),
  })
  .strict();

const ignoreFileSchema = z.object({ ignore: z.array(entrySchema) }).strict();

export interface Suppression {
  rule?: string;
  resource?: string;
  reason: string;
  expires?: string;
  /** Where it was written, for messages: `file:line`. */
  origin: string;
  matchesRule(ruleIds: readonly string[]): boolean;
  /** By the resource's id, its name, or (for a planned resource) its Terraform address. */
  matchesResource(resource: { id: string; name: string; terraform?: { address: string } }): boolean;
}

export interface SuppressionSet {
  active: Suppression[];
  expired: Suppression[];
}

/** Loads an ignore file; `knownRuleIds` catches typos in exact rule ids. */
export function loadSuppressions(file: string, knownRuleIds: readonly string[], today: string): SuppressionSet {
  const source = readDocument(file, { kind: 'ignore file', maxBytes: MAX_IGNORE_BYTES });
  const document = validateDocument(source, ignoreFileSchema);
  const problems: Problem[] = [];
  const active: Suppression[] = [];
  const expired: Suppression[] = [];
  document.ignore.forEach((entry, index) => {
    const line = source.lineOf(['ignore', index]);
    if (!entry.rule && !entry.resource) {
      problems.push({ file, line, field: `ignore[${index}]`, message: 'an entry needs a rule, a resource, or both', hint: 'e.g. rule: aws-sagemaker-notebook-root-access' });
      return;
    }
    if (entry.rule && !entry.rule.includes('*') && !knownRuleIds.includes(entry.rule)) {
      problems.push({ file, line: source.lineOf(['ignore', index, 'rule']), field: `ignore[${index}].rule`, message: `no rule with id "${entry.rule}"`, hint: suggestion(entry.rule, knownRuleIds) ?? 'run `aispm rules list` for the ids' });
      return;
    }
    const ruleMatcher = entry.rule ? globMatcher(entry.rule) : undefined;
    const resourceMatcher = entry.resource ? globMatcher(entry.resource) : undefined;
    const suppression: Suppression = {
      rule: entry.rule,
      resource: entry.resource,
      reason: entry.reason,
      expires: entry.expires,
      origin: `${file}:${line ?? '?'}`,
      matchesRule: (ids) => !ruleMatcher || ids.some((id) => ruleMatcher(id)),
      matchesResource: ({ id, name, terraform }) => !resourceMatcher || resourceMatcher(id) || resourceMatcher(name) || (terraform !== undefined && resourceMatcher(terraform.address)),
    };
    (entry.expires !== undefined && entry.expires < today ? expired : active).push(suppression);
  });
  if (problems.length > 0) throw new InputError(problems);
  return { active, expired };
}

/** Uses the default ignore file when present. */
export function defaultIgnoreFile(): string | undefined {
  return existsSync(DEFAULT_IGNORE_FILE) ? DEFAULT_IGNORE_FILE : undefined;
}

/** Marks matching findings as suppressed; returns how many each entry matched. */
export function applySuppressions(findings: Finding[], suppressions: SuppressionSet, ruleAliases: ReadonlyMap<string, readonly string[]>): void {
  for (const finding of findings) {
    const ids = [finding.ruleId, ...(ruleAliases.get(finding.ruleId) ?? [])];
    const match = suppressions.active.find((entry) => entry.matchesRule(ids) && entry.matchesResource(finding.resource));
    if (match) {
      finding.status = 'suppressed';
      finding.suppression = { reason: match.reason, ...(match.expires ? { expires: match.expires } : {}) };
    }
  }
}
