import { z } from 'zod';
import { InputError } from '../errors.js';
import { compareStrings } from '../graph/graph.js';
import { MAX_INPUT_BYTES, readDocument, validateDocument } from '../input/document.js';

/**
 * A Terraform plan as `terraform show -json <planfile>` writes it (the JSON output format,
 * https://developer.hashicorp.com/terraform/internals/json-format): the resources as they will be
 * after apply, which of their values are known only after apply, and the configuration's references
 * between resources. Only what aispm reads is checked; Terraform's other fields pass.
 */

const valuesResource = z.looseObject({
  address: z.string().min(1),
  mode: z.string(),
  type: z.string().min(1),
  name: z.string(),
  provider_name: z.string().optional(),
  values: z.record(z.string(), z.unknown()).optional(),
  sensitive_values: z.unknown().optional(),
});

interface ValuesModule {
  address?: string;
  resources?: Array<z.infer<typeof valuesResource>>;
  child_modules?: ValuesModule[];
}
const valuesModule: z.ZodType<ValuesModule> = z.lazy(() =>
  z.looseObject({ address: z.string().optional(), resources: z.array(valuesResource).optional(), child_modules: z.array(valuesModule).optional() }),
);

const resourceChange = z.looseObject({
  address: z.string().min(1),
  mode: z.string().optional(),
  change: z.looseObject({ actions: z.array(z.string()), after_unknown: z.unknown().optional(), after_sensitive: z.unknown().optional() }),
});

interface ConfigModule {
  resources?: Array<{ address: string; expressions?: Record<string, unknown> }>;
  module_calls?: Record<string, { source?: string; expressions?: Record<string, unknown>; module?: ConfigModule }>;
  outputs?: Record<string, { expression?: unknown }>;
}
const configModule: z.ZodType<ConfigModule> = z.lazy(() =>
  z.looseObject({
    resources: z.array(z.looseObject({ address: z.string(), expressions: z.record(z.string(), z.unknown()).optional() })).optional(),
    module_calls: z.record(z.string(), z.looseObject({ source: z.string().optional(), expressions: z.record(z.string(), z.unknown()).optional(), module: configModule.optional() })).optional(),
    outputs: z.record(z.string(), z.looseObject({ expression: z.unknown().optional() })).optional(),
  }),
);

const planSchema = z.looseObject({
  format_version: z.string(),
  planned_values: z.looseObject({ root_module: valuesModule }),
  prior_state: z.looseObject({ values: z.looseObject({ root_module: valuesModule }).optional() }).optional(),
  resource_changes: z.array(resourceChange).optional(),
  configuration: z
    .looseObject({
      provider_config: z.record(z.string(), z.looseObject({ name: z.string().optional(), expressions: z.record(z.string(), z.unknown()).optional() })).optional(),
      root_module: configModule.optional(),
    })
    .optional(),
});

/** One managed resource of the plan, as it will be after apply. */
export interface PlannedResource {
  /** The resource's address, with its module path and index: `module.ml.aws_iam_role.notebook[0]`. */
  address: string;
  /** The module path of the address (`module.ml`), empty at the root. */
  module: string;
  type: string;
  name: string;
  /** The values after apply; an attribute known only after apply is missing (see `unknown`). */
  values: Record<string, unknown>;
  /** Which attributes are known only after apply, as the plan marks them (`after_unknown`): `true`, or an object/array of those marks. */
  unknown: Record<string, unknown>;
  /** Attributes the provider marks sensitive; their values are never kept. */
  sensitive: Record<string, unknown>;
  /** The resource's address in the configuration: module calls without instance keys, no index (`module.ml.aws_iam_role.notebook`). */
  configAddress: string;
  /**
   * The configuration addresses (as `configAddress`) of the resources each attribute's expression
   * refers to: in its own module, or through a module variable or a child module's output in another.
   */
  references: Record<string, string[]>;
  /** What apply will do to it (`create`, `update`, `no-op`, `delete` and `create` to replace). */
  actions: string[];
  /** The module's source directory as the configuration calls it (`./modules/ml`), relative to the root module; empty at the root. */
  moduleSource: string;
}

export interface TerraformPlan {
  file: string;
  resources: PlannedResource[];
  /** The region each provider configuration sets as a constant, by its configuration key (`aws`, `aws.west`). */
  providerRegions: Map<string, string>;
}

/** The largest plan read (the limit every input file has). */
export const MAX_PLAN_BYTES = MAX_INPUT_BYTES;

export function readTerraformPlan(file: string): TerraformPlan {
  const source = readDocument(file, { kind: 'Terraform plan', maxBytes: MAX_PLAN_BYTES });
  const plan = validateDocument(source, planSchema);
  if (!plan.format_version.startsWith('1.')) {
    throw new InputError({ file, line: source.lineOf(['format_version']), field: 'format_version', message: `plan format ${plan.format_version} is not supported`, hint: 'aispm reads the JSON of `terraform show -json <planfile>`, format 1.x' });
  }
  const changes = new Map((plan.resource_changes ?? []).map((change) => [change.address, change]));
  const config = configIndex(plan.configuration?.root_module);
  const resources: PlannedResource[] = [];
  const seen = new Set<string>();
  const visit = (module: ValuesModule, prior: boolean) => {
    for (const resource of module.resources ?? []) {
      if (resource.mode !== 'managed' || seen.has(resource.address)) continue;
      const change = changes.get(resource.address)?.change;
      // A resource to be destroyed is not in planned_values; one to be replaced is, as it will be.
      if (change?.actions.includes('delete') && (prior || change.actions.length === 1)) continue;
      seen.add(resource.address);
      const modulePath = modulePathOf(resource.address);
      const local = configAddress(resource.address);
      const configured = config(modulePath, local);
      resources.push({
        address: resource.address,
        module: modulePath,
        configAddress: qualified(moduleCallPath(modulePath), local),
        type: resource.type,
        name: resource.name,
        values: resource.values ?? {},
        // What the prior state holds is known: it exists and this plan leaves it as it is.
        unknown: prior ? {} : asRecord(change?.after_unknown),
        sensitive: { ...asRecord(resource.sensitive_values), ...(prior ? {} : asRecord(change?.after_sensitive)) },
        references: configured?.references ?? {},
        actions: change?.actions ?? (prior ? ['no-op'] : []),
        moduleSource: configured?.moduleSource ?? '',
      });
    }
    for (const child of module.child_modules ?? []) visit(child, prior);
  };
  visit(plan.planned_values.root_module, false);
  // Resources that exist and that the plan leaves out of planned_values (a targeted plan leaves out
  // what it does not target) are still there after apply, as the prior state has them.
  if (plan.prior_state?.values) visit(plan.prior_state.values.root_module, true);
  resources.sort((a, b) => compareStrings(a.address, b.address));
  const providerRegions = new Map<string, string>();
  for (const [key, provider] of Object.entries(plan.configuration?.provider_config ?? {})) {
    const region = constantOf(provider.expressions?.region) ?? constantOf(provider.expressions?.location);
    if (typeof region === 'string') providerRegions.set(key, region);
  }
  return { file, resources, providerRegions };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function constantOf(expression: unknown): unknown {
  return asRecord(expression).constant_value;
}

/** `module.a.module.b.aws_x.y[0]` → `module.a.module.b`. */
function modulePathOf(address: string): string {
  const parts = address.match(/^((?:module\.[^.[\]]+(?:\[[^\]]*\])?\.)*)/)?.[1] ?? '';
  return parts.replace(/\.$/, '');
}

/** The configuration's address of a resource instance: no module path, no index (`aws_x.y`). */
function configAddress(address: string): string {
  const local = address.slice(modulePathOf(address).length).replace(/^\./, '');
  return local.replace(/\[[^\]]*\]$/, '');
}

interface ConfiguredResource {
  references: Record<string, string[]>;
  moduleSource: string;
}

/**
 * Each configured resource's references and module source, found by the module path of an instance
 * and its configuration address. A reference to a module variable (`var.role_arn`) is followed to
 * what the module call passes (`role_arn = aws_iam_role.features.arn` in the parent), and one to a
 * child module's output (`module.ml.role_arn`) to what the output's expression refers to, so a
 * relation crosses module boundaries as the configuration draws it.
 */
function configIndex(root: ConfigModule | undefined): (modulePath: string, address: string) => ConfiguredResource | undefined {
  const index = new Map<string, ConfiguredResource>();
  /** Walks a module; returns what each of its outputs refers to. */
  const walk = (module: ConfigModule, path: string, source: string, variables: ReadonlyMap<string, string[]>): Map<string, string[]> => {
    const outputs = new Map<string, Map<string, string[]>>();
    const resolve = (expression: unknown): string[] => {
      const found = new Set<string>();
      for (const reference of referencesOf(expression)) {
        const [head, second, third] = reference.replace(/\[[^\]]*\]/g, '').split('.');
        if (head === 'var' && second) for (const address of variables.get(second) ?? []) found.add(address);
        else if (head === 'module' && second && third) for (const address of outputs.get(second)?.get(third) ?? []) found.add(address);
        else if (head && second && !NOT_RESOURCES.has(head)) found.add(qualified(path, `${head}.${second}`));
      }
      return [...found].sort();
    };
    // Children first: a call's arguments may refer to a sibling's outputs, which Terraform orders by dependency; calls are taken in name order.
    for (const [name, call] of Object.entries(module.module_calls ?? {}).sort(([a], [b]) => compareStrings(a, b))) {
      if (!call.module) continue;
      const childVariables = new Map(Object.entries(call.expressions ?? {}).map(([variable, expression]) => [variable, resolve(expression)]));
      outputs.set(name, walk(call.module, qualified(path, `module.${name}`), joinSource(source, call.source), childVariables));
    }
    for (const resource of module.resources ?? []) {
      const references: Record<string, string[]> = {};
      for (const [attribute, expression] of Object.entries(resource.expressions ?? {})) {
        const found = resolve(expression);
        if (found.length > 0) references[attribute] = found;
      }
      index.set(`${path}\u0000${resource.address}`, { references, moduleSource: source });
    }
    return new Map(Object.entries(module.outputs ?? {}).map(([name, output]) => [name, resolve(output.expression)]));
  };
  if (root) walk(root, '', '', new Map());
  return (modulePath, address) => index.get(`${moduleCallPath(modulePath)}\u0000${address}`);
}

/** An address in a module: `module.ml` and `aws_x.y` give `module.ml.aws_x.y`; at the root, the address itself. */
function qualified(modulePath: string, address: string): string {
  return modulePath ? `${modulePath}.${address}` : address;
}

/** The resource type of a configuration address (`module.ml.aws_kms_key.k` → `aws_kms_key`). */
export function resourceTypeOf(address: string): string {
  const parts = address.split('.');
  return parts[parts.length - 2] ?? '';
}

/** A module instance's path without its count or for_each keys: the instances of one module call share its configuration. */
function moduleCallPath(modulePath: string): string {
  return modulePath.replace(/\[[^\]]*\]/g, '');
}

/** A local module's directory relative to the root module; a registry or remote module has none. */
function joinSource(parent: string, source: string | undefined): string {
  if (!source || !(source.startsWith('./') || source.startsWith('../'))) return '';
  const parts = parent ? parent.split('/') : [];
  for (const part of source.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** Reference roots that are not resources: data sources are read, not planned. */
const NOT_RESOURCES = new Set(['local', 'data', 'path', 'terraform', 'each', 'count', 'self']);

/** The references an expression names (`aws_iam_role.nb.arn`, `var.role_arn`), in nested blocks too. */
function referencesOf(expression: unknown): string[] {
  if (Array.isArray(expression)) return expression.flatMap(referencesOf);
  const record = asRecord(expression);
  if (Array.isArray(record.references)) return record.references.filter((reference): reference is string => typeof reference === 'string' && /^[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*/.test(reference));
  return Object.values(record).flatMap((value) => (value !== null && typeof value === 'object' ? referencesOf(value) : []));
}
