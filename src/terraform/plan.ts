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
  module_calls?: Record<string, { source?: string; module?: ConfigModule }>;
}
const configModule: z.ZodType<ConfigModule> = z.lazy(() =>
  z.looseObject({
    resources: z.array(z.looseObject({ address: z.string(), expressions: z.record(z.string(), z.unknown()).optional() })).optional(),
    module_calls: z.record(z.string(), z.looseObject({ source: z.string().optional(), module: configModule.optional() })).optional(),
  }),
);

const planSchema = z.looseObject({
  format_version: z.string(),
  planned_values: z.looseObject({ root_module: valuesModule }),
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
  /** The addresses of the resources each attribute's expression refers to, from the configuration, in this resource's module. */
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
  const visit = (module: ValuesModule) => {
    for (const resource of module.resources ?? []) {
      if (resource.mode !== 'managed') continue;
      const change = changes.get(resource.address)?.change;
      // A resource to be destroyed is not in planned_values; one to be replaced is, as it will be.
      if (change?.actions.length === 1 && change.actions[0] === 'delete') continue;
      const modulePath = modulePathOf(resource.address);
      const configured = config(modulePath, configAddress(resource.address));
      resources.push({
        address: resource.address,
        module: modulePath,
        type: resource.type,
        name: resource.name,
        values: resource.values ?? {},
        unknown: asRecord(change?.after_unknown),
        sensitive: { ...asRecord(resource.sensitive_values), ...asRecord(change?.after_sensitive) },
        references: configured?.references ?? {},
        actions: change?.actions ?? [],
        moduleSource: configured?.moduleSource ?? '',
      });
    }
    for (const child of module.child_modules ?? []) visit(child);
  };
  visit(plan.planned_values.root_module);
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

/** Each configured resource's references and module source, found by the module path of an instance and its configuration address. */
function configIndex(root: ConfigModule | undefined): (modulePath: string, address: string) => ConfiguredResource | undefined {
  const index = new Map<string, ConfiguredResource>();
  const walk = (module: ConfigModule, path: string, source: string) => {
    for (const resource of module.resources ?? []) {
      const references: Record<string, string[]> = {};
      for (const [attribute, expression] of Object.entries(resource.expressions ?? {})) {
        const found = new Set<string>();
        collectReferences(expression, found);
        if (found.size > 0) references[attribute] = [...found].sort();
      }
      index.set(`${path}\u0000${resource.address}`, { references, moduleSource: source });
    }
    for (const [name, call] of Object.entries(module.module_calls ?? {})) {
      if (call.module) walk(call.module, path ? `${path}.module.${name}` : `module.${name}`, joinSource(source, call.source));
    }
  };
  if (root) walk(root, '', '');
  return (modulePath, address) => index.get(`${moduleCallPath(modulePath)}\u0000${address}`);
}

/** A module instance's path without its count or for_each keys: the instances of one module call share its configuration. */
export function moduleCallPath(modulePath: string): string {
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

/**
 * The resource addresses an expression refers to (`aws_iam_role.nb.arn` → `aws_iam_role.nb`), in
 * nested blocks too. References to variables, locals, data sources and modules are left out.
 */
function collectReferences(expression: unknown, found: Set<string>): void {
  if (Array.isArray(expression)) {
    for (const item of expression) collectReferences(item, found);
    return;
  }
  const record = asRecord(expression);
  if (Array.isArray(record.references)) {
    for (const reference of record.references) {
      if (typeof reference !== 'string') continue;
      const match = reference.match(/^([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)/);
      if (match && !['var', 'local', 'data', 'module', 'path', 'terraform', 'each', 'count', 'self'].includes(match[1]!)) found.add(`${match[1]}.${match[2]}`);
    }
    return;
  }
  for (const value of Object.values(record)) if (value !== null && typeof value === 'object') collectReferences(value, found);
}
