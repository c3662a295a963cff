import { z } from 'zod';
import { assetTypeSpec } from '../graph/catalog/index.js';
import { suggestion } from '../errors.js';
import type { FieldPath } from '../input/document.js';
import { schemaAt, unwrapSchema } from '../input/schema-walk.js';
import { ASSET_FIELDS, formatFieldSegments, parseFieldPath, resolveAssetField, resolveElementField, type FieldPathSegments } from './field-path.js';
import { OPERATORS, OPERATOR_NAMES } from './operators/index.js';
import type { CompileContext, EvalContext, Evaluator, Subject } from './operators/operator.js';

/**
 * Turns a condition from a rule document into an evaluator. Validation happens here, in one pass:
 * the operator is known, its argument fits its schema, the field exists on the asset types the rule
 * targets. Problems are collected with their place in the document, never thrown one at a time.
 */

const FIELD_KEY = 'field';
const never: Evaluator = () => false;

export interface ConditionCompiler {
  compile(raw: unknown, path: FieldPath, subject: Subject): Evaluator;
}

/**
 * `parameters` are the rule's parameter values: an operator argument written `{ param: name }` takes
 * the value of that parameter (its default, or what aispm.config.yaml sets).
 */
export function createConditionCompiler(
  report: (path: FieldPath, message: string, hint?: string) => void,
  parameters: Readonly<Record<string, unknown>> = {},
  now: Date = new Date(),
): ConditionCompiler {
  const problem = (path: FieldPath, message: string, hint?: string) => report(path, message, hint);

  /** `{ param: name }` → the parameter's value; anything else is the argument itself. */
  function argumentOf(raw: unknown, at: FieldPath): { ok: boolean; value: unknown } {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || !('param' in raw)) return { ok: true, value: raw };
    const keys = Object.keys(raw);
    const name = (raw as { param: unknown }).param;
    if (keys.length !== 1 || typeof name !== 'string') {
      problem(at, 'a parameter reference is { param: <name> } and nothing else');
      return { ok: false, value: undefined };
    }
    if (!Object.hasOwn(parameters, name)) {
      const declared = Object.keys(parameters);
      problem([...at, 'param'], `unknown parameter "${name}"`, suggestion(name, declared) ?? (declared.length ? `this rule declares: ${declared.join(', ')}` : 'declare it under parameters: in the rule'));
      return { ok: false, value: undefined };
    }
    return { ok: true, value: parameters[name] };
  }

  function compile(raw: unknown, path: FieldPath, subject: Subject): Evaluator {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      problem(path, 'a condition must be a mapping', 'e.g. { field: props.rootAccess, equals: true }');
      return never;
    }
    const condition = raw as Record<string, unknown>;
    const keys = Object.keys(condition);
    const operatorKeys = keys.filter((key) => key !== FIELD_KEY);
    for (const key of operatorKeys) {
      if (!OPERATORS.has(key)) problem([...path, key], `unknown operator "${key}"`, suggestion(key, OPERATOR_NAMES) ?? `operators: ${OPERATOR_NAMES.join(', ')}`);
    }
    const known = operatorKeys.filter((key) => OPERATORS.has(key));
    if (operatorKeys.length !== known.length) return never;
    if (known.length === 0) {
      problem(path, 'condition has no operator', `add one of: ${OPERATOR_NAMES.join(', ')}`);
      return never;
    }
    if (known.length > 1) {
      problem(path, `one operator per condition, found ${known.join(', ')}`, 'combine conditions with all: [...] or any: [...]');
      return never;
    }
    const name = known[0]!;
    const operator = OPERATORS.get(name)!;
    const argPath = [...path, name];
    const argument = argumentOf(condition[name], argPath);
    if (!argument.ok) return never;
    const parsed = operator.args.safeParse(argument.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problem([...argPath, ...(issue.path as Array<string | number>)], describeArgIssue(issue, name));
      return never;
    }
    const context: CompileContext = { path: argPath, now, subject, condition: compile, problem };

    if (operator.kind === 'standalone') {
      if (FIELD_KEY in condition) {
        problem([...path, FIELD_KEY], `"${name}" does not take a field`, `put the field inside the nested conditions of "${name}"`);
        return never;
      }
      if (subject.kind === 'element' && name === 'related') {
        problem(argPath, '"related" applies to assets, not to list elements');
        return never;
      }
      return operator.compile(parsed.data, context);
    }

    // A field operator: find the value it tests.
    if (!(FIELD_KEY in condition)) {
      if (subject.kind === 'asset') {
        problem(path, `"${name}" needs a field`, `e.g. { field: props.rootAccess, ${name}: ... }`);
        return never;
      }
      const test = operator.compile(parsed.data, { ...context, elementSchema: listElementSchema(subject.schema) });
      return (element, evaluation) => (element === undefined ? undefined : test(element, evaluation));
    }
    const fieldText = condition[FIELD_KEY];
    if (typeof fieldText !== 'string') {
      problem([...path, FIELD_KEY], 'field must be a string', 'e.g. props.rootAccess');
      return never;
    }
    const segments = parseFieldPath(fieldText);
    if (typeof segments === 'string') {
      problem([...path, FIELD_KEY], segments);
      return never;
    }
    const field = checkField(segments, subject, [...path, FIELD_KEY], problem);
    if (!field) return never;
    const test = operator.compile(parsed.data, { ...context, elementSchema: field.elementSchema });
    const label = formatFieldSegments(segments);

    if (subject.kind === 'element') {
      return (element, evaluation) => {
        const value = resolveElementField(element, segments);
        return value === undefined ? undefined : test(value, evaluation);
      };
    }
    const definedFor = field.definedFor;
    return (asset, evaluation: EvalContext) => {
      // A field that a type does not have at all is absent, not unknown (cross-type rules).
      const value = definedFor && !definedFor.has((asset as { type: string }).type) ? null : resolveAssetField(asset as object, segments);
      evaluation.evidence?.set(label, value === undefined ? '(unknown)' : value);
      return value === undefined ? undefined : test(value, evaluation);
    };
  }

  return { compile };
}

interface CheckedField {
  /** For props fields: the types that define the field (others read it as null). */
  definedFor?: Set<string>;
  /** When the field is a list with a known element shape. */
  elementSchema?: z.ZodType;
}

function checkField(segments: FieldPathSegments, subject: Subject, at: FieldPath, problem: CompileContext['problem']): CheckedField | undefined {
  if (subject.kind === 'element') {
    if (!subject.schema) return {};
    const found = schemaAt(subject.schema, segments);
    if (found.kind === 'missing') {
      problem(at, `no field "${segments.slice(0, found.at + 1).join('.')}" in this list's elements`, suggestion(segments[found.at]!, found.known) ?? (found.known.length ? `fields: ${found.known.join(', ')}` : undefined));
      return undefined;
    }
    return { elementSchema: found.kind === 'schema' ? listElementSchema(found.schema) : undefined };
  }

  const root = segments[0]!;
  if (!(ASSET_FIELDS as readonly string[]).includes(root)) {
    problem(at, `unknown asset field "${root}"`, suggestion(root, ASSET_FIELDS) ?? `asset fields: ${ASSET_FIELDS.join(', ')}; type-specific ones are under props.`);
    return undefined;
  }
  if (root !== 'props') {
    if (root === 'tags' && segments.length > 2) problem(at, 'tag values are strings; a tag path has one key', "e.g. tags.owner or tags['app.kubernetes.io/name']");
    return {};
  }
  if (segments.length === 1) {
    problem(at, 'name a property, e.g. props.rootAccess');
    return undefined;
  }
  // With no valid target type (already reported), there is nothing to check the field against.
  if (subject.types.length === 0) return {};
  const definedFor = new Set<string>();
  let elementSchema: z.ZodType | undefined;
  let closest: { known: string[]; missing: string } | undefined;
  for (const type of subject.types) {
    const spec = assetTypeSpec(type);
    if (!spec) continue;
    const found = schemaAt(spec.props, segments.slice(1));
    if (found.kind === 'missing') {
      closest ??= { known: found.known, missing: segments[found.at + 1]! };
      continue;
    }
    definedFor.add(type);
    if (found.kind === 'schema') elementSchema ??= listElementSchema(found.schema);
  }
  if (definedFor.size === 0) {
    const typeList = subject.types.length <= 3 ? subject.types.join(', ') : `any of the ${subject.types.length} targeted types`;
    problem(at, `${formatFieldSegments(segments)} is not a property of ${typeList}`, closest ? suggestion(closest.missing, closest.known) ?? `see docs/asset-types.md for each type's properties` : undefined);
    return undefined;
  }
  return { definedFor: definedFor.size === subject.types.length ? undefined : definedFor, elementSchema };
}

function listElementSchema(schema: z.ZodType | undefined): z.ZodType | undefined {
  if (!schema) return undefined;
  const unwrapped = unwrapSchema(schema);
  return unwrapped instanceof z.ZodArray ? (unwrapped.element as z.ZodType) : undefined;
}

function describeArgIssue(issue: z.core.$ZodIssue, operator: string): string {
  if (issue.code === 'invalid_type') return `"${operator}" expects ${issue.expected}`;
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')} in "${operator}"`;
  return `${operator}: ${issue.message}`;
}

