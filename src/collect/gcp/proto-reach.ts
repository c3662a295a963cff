/**
 * The part of a client library's API description (protobufjs JSON) that the services a scan builds
 * clients for can reach. protobufjs resolves every type of a root when it builds it, generating a
 * constructor for each message; Vertex AI's description holds two API versions and 34 services, of
 * which a scan builds 13 clients of one version, so most of that work (the largest share of a Google
 * Cloud scan's CPU) was for types nothing uses.
 *
 * Kept: everything outside the package; within it, the named services and every top-level type
 * their methods (requests, responses and long-running operations' response and metadata types)
 * reach through fields, whole with their nested types; the package's plain namespaces. Dropped:
 * the package's other services and types, and the sibling versions of the package. A reference the
 * walk cannot place makes it give up (`undefined`): the caller keeps the whole description.
 */

export interface ProtoNode {
  nested?: Record<string, ProtoNode>;
  fields?: Record<string, { type: string; keyType?: string }>;
  values?: Record<string, unknown>;
  methods?: Record<string, { requestType: string; responseType: string; options?: Record<string, unknown> }>;
  [key: string]: unknown;
}

const SCALARS = new Set(['double', 'float', 'int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'fixed32', 'fixed64', 'sfixed32', 'sfixed64', 'bool', 'string', 'bytes']);
const OPERATION_TYPES = ['(google.longrunning.operation_info).response_type', '(google.longrunning.operation_info).metadata_type'];

class Unplaceable extends Error {}

/**
 * `packagePath` names the package (`['google', 'cloud', 'aiplatform', 'v1']`); `services` the
 * services' names within it. Returns a new description; the original is not touched.
 */
export function reachableFromServices(root: ProtoNode, packagePath: readonly string[], services: readonly string[]): ProtoNode | undefined {
  const chain: ProtoNode[] = [root];
  for (const name of packagePath) {
    const next = chain[chain.length - 1]!.nested?.[name];
    if (!next?.nested) return undefined;
    chain.push(next);
  }
  const pkg = chain[chain.length - 1]!;
  const members = pkg.nested!;
  const prefix = `${packagePath.join('.')}.`;
  const siblingsPrefix = `${packagePath.slice(0, -1).join('.')}.`;
  const kept = new Set<string>();
  const pending: string[] = [];
  const reach = (name: string) => {
    if (!kept.has(name)) {
      kept.add(name);
      pending.push(name);
    }
  };

  /**
   * The top-level member of the package that a reference names, if any; `scopes` are the types that
   * enclose the reference within its top-level member, innermost first.
   */
  const place = (reference: string, scopes: ReadonlyArray<ProtoNode>): string | undefined => {
    if (SCALARS.has(reference)) return undefined;
    const name = reference.startsWith('.') ? reference.slice(1) : reference;
    if (name.startsWith(prefix)) return topLevel(name.slice(prefix.length).split('.')[0]!);
    if (name.startsWith(siblingsPrefix)) throw new Unplaceable(reference); // another version of the package: dropped
    const first = name.split('.')[0]!;
    const relative = !reference.startsWith('.');
    if (relative && scopes.some((scope) => scope.nested?.[first] !== undefined)) return undefined; // within the same top-level type
    if (relative && members[first] !== undefined) return topLevel(first);
    if (root.nested?.[first] !== undefined) return undefined; // another package, kept whole
    throw new Unplaceable(reference);
  };
  const topLevel = (name: string) => {
    if (members[name] === undefined) throw new Unplaceable(name);
    return name;
  };

  const walk = (node: ProtoNode, scopes: ProtoNode[]) => {
    const inner = [node, ...scopes];
    for (const field of Object.values(node.fields ?? {})) {
      const target = place(field.type, inner);
      if (target !== undefined) reach(target);
    }
    for (const method of Object.values(node.methods ?? {})) {
      const references = [method.requestType, method.responseType, ...OPERATION_TYPES.map((key) => method.options?.[key]).filter((type): type is string => typeof type === 'string')];
      for (const reference of references) {
        const target = place(reference, inner);
        if (target !== undefined) reach(target);
      }
    }
    for (const child of Object.values(node.nested ?? {})) walk(child, inner);
  };

  try {
    for (const service of services) {
      if (members[service]?.methods === undefined) return undefined;
      reach(service);
    }
    for (const [name, member] of Object.entries(members)) if (!member.fields && !member.values && !member.methods) reach(name);
    while (pending.length > 0) walk(members[pending.pop()!]!, []);
  } catch (error) {
    if (error instanceof Unplaceable) return undefined;
    throw error;
  }

  // Rebuild the path to the package with only the package below its parent, and only the kept members in it.
  let rebuilt: ProtoNode = { ...pkg, nested: Object.fromEntries(Object.entries(members).filter(([name]) => kept.has(name))) };
  for (let depth = packagePath.length - 1; depth >= 0; depth--) {
    const parent = chain[depth]!;
    const siblings = depth === packagePath.length - 1 ? {} : parent.nested;
    rebuilt = { ...parent, nested: { ...siblings, [packagePath[depth]!]: rebuilt } };
  }
  return rebuilt;
}
