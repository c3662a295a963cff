import { z } from 'zod';

/**
 * Looks inside zod schemas: which keys an object allows, what lies at a field path. Used to suggest
 * the right field name on a typo and to check the fields a rule reads against the asset catalog.
 */

/** Strips optional/nullable/default/lazy wrappers. */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (let depth = 0; depth < 20; depth++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault || current instanceof z.ZodLazy) {
      current = (current as unknown as { unwrap(): z.ZodType }).unwrap();
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
  return current;
}

/** What a field path leads to: a schema, "any" (records, unknown), or nothing (no such field). */
export type SchemaLookup = { kind: 'schema'; schema: z.ZodType } | { kind: 'any' } | { kind: 'missing'; at: number; known: string[] };

export function schemaAt(schema: z.ZodType, path: ReadonlyArray<string | number>): SchemaLookup {
  let current = unwrapSchema(schema);
  for (let index = 0; index < path.length; index++) {
    const part = path[index]!;
    if (current instanceof z.ZodObject) {
      const shape = current.shape as Record<string, z.ZodType>;
      const next = typeof part === 'string' && Object.hasOwn(shape, part) ? shape[part] : undefined;
      if (!next) return { kind: 'missing', at: index, known: Object.keys(shape) };
      current = unwrapSchema(next);
    } else if (current instanceof z.ZodArray) {
      if (typeof part !== 'number') return { kind: 'missing', at: index, known: [] };
      current = unwrapSchema(current.element as z.ZodType);
    } else if (current instanceof z.ZodRecord) {
      current = unwrapSchema(current.valueType as z.ZodType);
    } else if (current instanceof z.ZodUnknown || current instanceof z.ZodAny) {
      return { kind: 'any' };
    } else {
      return { kind: 'missing', at: index, known: [] };
    }
  }
  return { kind: 'schema', schema: current };
}

/** The keys an object schema at `path` allows, if it is an object. */
export function knownKeysAt(schema: z.ZodType, path: ReadonlyArray<string | number>): string[] | undefined {
  const found = schemaAt(schema, path);
  if (found.kind !== 'schema' || !(found.schema instanceof z.ZodObject)) return undefined;
  return Object.keys(found.schema.shape);
}
