import { z } from 'zod';
import { ASSET_TYPE_NAMES } from '../graph/catalog/index.js';
import { EDGE_TYPE_NAMES, isEdgeType } from '../graph/edge-types.js';
import type { AssetGraph } from '../graph/graph.js';
import type { Asset } from '../graph/model.js';
import { suggestion } from '../errors.js';
import type { FieldPath } from '../input/document.js';
import type { ConditionCompiler } from './condition.js';
import type { Evaluator } from './operators/operator.js';
import type { Truth } from './truth.js';

/**
 * Attack paths: from an entry asset, through typed edges, to a target that matches a condition.
 * Each step is a breadth-first expansion that visits every asset at most once, so the search is
 * linear in the size of the graph however dense it is; each reached asset keeps one witness path
 * (the shortest).
 */

export const pathStepSchema = z
  .object({
    edge: z.union([z.string(), z.array(z.string()).min(1)]),
    direction: z.enum(['out', 'in']).default('out'),
    to: z.array(z.string()).min(1).optional(),
    where: z.unknown().optional(),
    minHops: z.number().int().min(0).max(5).default(1),
    maxHops: z.number().int().min(1).max(5).default(1),
  })
  .strict();

export type PathStepSpec = z.output<typeof pathStepSchema>;

export interface CompiledPathStep {
  edges: string[];
  direction: 'out' | 'in';
  to?: Set<string>;
  where?: Evaluator;
  minHops: number;
  maxHops: number;
}

/** At most this many assets are carried from one step to the next, per entry asset. */
const MAX_FRONTIER = 10_000;

export function compilePath(steps: unknown[], at: FieldPath, compiler: ConditionCompiler, problem: (path: FieldPath, message: string, hint?: string) => void): CompiledPathStep[] {
  const compiled: CompiledPathStep[] = [];
  steps.forEach((raw, index) => {
    const stepPath = [...at, index];
    const parsed = pathStepSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const keys = issue.code === 'unrecognized_keys' ? ` ${issue.keys.join(', ')}` : '';
        problem([...stepPath, ...(issue.path as Array<string | number>)], `${issue.code === 'unrecognized_keys' ? 'unknown key' : issue.message}${keys}`, issue.code === 'unrecognized_keys' ? 'a step has edge, direction, to, where, minHops, maxHops' : undefined);
      }
      return;
    }
    const step = parsed.data;
    const edges = Array.isArray(step.edge) ? step.edge : [step.edge];
    edges.forEach((edge) => {
      if (!isEdgeType(edge)) problem([...stepPath, 'edge'], `unknown edge type "${edge}"`, suggestion(edge, EDGE_TYPE_NAMES) ?? `known edge types: ${EDGE_TYPE_NAMES.join(', ')}`);
    });
    step.to?.forEach((type, typeIndex) => {
      if (!ASSET_TYPE_NAMES.includes(type)) problem([...stepPath, 'to', typeIndex], `unknown asset type "${type}"`, suggestion(type, ASSET_TYPE_NAMES));
    });
    if (step.minHops > step.maxHops) problem([...stepPath, 'minHops'], `minHops (${step.minHops}) is greater than maxHops (${step.maxHops})`);
    const where = step.where === undefined ? undefined : compiler.compile(step.where, [...stepPath, 'where'], { kind: 'asset', types: step.to ?? ASSET_TYPE_NAMES });
    compiled.push({ edges, direction: step.direction, to: step.to ? new Set(step.to) : undefined, where, minHops: step.minHops, maxHops: step.maxHops });
  });
  return compiled;
}

export interface PathSearchResult {
  truth: Truth;
  /** One witness path per reached target, each a list of asset ids from the entry to the target. */
  paths: string[][];
}

interface Reached {
  asset: Asset;
  path: string[];
}

export function searchPaths(graph: AssetGraph, entry: Asset, steps: readonly CompiledPathStep[]): PathSearchResult {
  let frontier: Reached[] = [{ asset: entry, path: [entry.id] }];
  let uncertain = false;
  for (const step of steps) {
    const next: Reached[] = [];
    const visited = new Set<string>();
    let layer = frontier;
    for (const reached of frontier) visited.add(reached.asset.id);
    const candidates: Reached[] = step.minHops === 0 ? [...frontier] : [];
    for (let hop = 1; hop <= step.maxHops && layer.length > 0; hop++) {
      const nextLayer: Reached[] = [];
      for (const { asset, path } of layer) {
        for (const edge of step.edges) {
          for (const neighbour of graph.neighbours(asset.id, edge, step.direction)) {
            if (visited.has(neighbour.id)) continue;
            visited.add(neighbour.id);
            const reached = { asset: neighbour, path: [...path, neighbour.id] };
            nextLayer.push(reached);
            if (hop >= step.minHops) candidates.push(reached);
          }
        }
      }
      layer = nextLayer.length > MAX_FRONTIER ? nextLayer.slice(0, MAX_FRONTIER) : nextLayer;
    }
    for (const candidate of candidates) {
      if (step.to && !step.to.has(candidate.asset.type)) continue;
      const result = step.where ? step.where(candidate.asset, { graph }) : true;
      if (result === true) next.push(candidate);
      else if (result === undefined) uncertain = true;
      if (next.length >= MAX_FRONTIER) break;
    }
    frontier = next;
    if (frontier.length === 0) break;
  }
  if (frontier.length > 0) {
    const paths = frontier.map((reached) => reached.path).sort((a, b) => a.length - b.length || compareLists(a, b));
    return { truth: true, paths };
  }
  return { truth: uncertain ? undefined : false, paths: [] };
}

function compareLists(a: string[], b: string[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    if (a[index] !== b[index]) return a[index]! < b[index]! ? -1 : 1;
  }
  return a.length - b.length;
}
