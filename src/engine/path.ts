import { z } from 'zod';
import { ASSET_TYPE_NAMES } from '../graph/catalog/index.js';
import { EDGE_TYPE_NAMES, isEdgeType } from '../graph/edge-types.js';
import type { AssetGraph } from '../graph/graph.js';
import type { Asset } from '../graph/model.js';
import { suggestion } from '../errors.js';
import type { FieldPath } from '../input/document.js';
import type { ConditionCompiler } from './condition.js';
import { spend, startWork, type Work } from './budget.js';
import type { EvalContext, Evaluator } from './operators/operator.js';
import type { Truth } from './truth.js';

/**
 * Attack paths: from an entry asset, through typed edges, to a target that matches a condition.
 * Each step is a breadth-first expansion that visits every asset at most once; each reached target
 * keeps one witness path (the shortest).
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

/** At most this many assets are reached by one step from one asset. */
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
  /** The shortest witness path to each of up to MAX_WITNESSES targets, entry first, shortest first. */
  paths: string[][];
  /** Distinct targets reached (counted up to MAX_TARGETS). */
  targetCount: number;
}

/** What can be reached from one asset by the remaining steps. */
interface Suffix {
  truth: Truth;
  /** Paths after the asset (excluding it) to targets, shortest first, one per target. */
  witnesses: string[][];
  targets: Set<string>;
}

const MAX_WITNESSES = 10;
const MAX_TARGETS = 1000;

/**
 * Searches attack paths for one rule over one graph. What is reachable from an asset at a given step
 * does not depend on how the search got there, so it is computed once per (step, asset) and shared by
 * every entry asset: the whole rule costs O(steps × (assets + edges)), however many entries share a
 * role or a bucket (hub nodes do not multiply the work).
 */
export class PathSearch {
  private readonly memo: Array<Map<string, Suffix>>;
  /** The check being decided: steps taken count against its budget. */
  private context: EvalContext;

  constructor(
    private readonly graph: AssetGraph,
    private readonly steps: readonly CompiledPathStep[],
  ) {
    this.memo = steps.map(() => new Map());
    this.context = { graph, work: startWork() };
  }

  from(entry: Asset, work: Work = startWork()): PathSearchResult {
    this.context = { graph: this.graph, work };
    const suffix = this.suffix(0, entry);
    return { truth: suffix.truth, paths: suffix.witnesses.map((witness) => [entry.id, ...witness]), targetCount: suffix.targets.size };
  }

  private suffix(index: number, asset: Asset): Suffix {
    if (index === this.steps.length) return { truth: true, witnesses: [[]], targets: new Set([asset.id]) };
    const memo = this.memo[index]!;
    const cached = memo.get(asset.id);
    if (cached) return cached;

    const step = this.steps[index]!;
    const expansion = this.expand(step, asset);
    // Edges that could not be read may lead where the search could not go: no path found is then unknown.
    let uncertain = expansion.incomplete;
    const found: string[][] = [];
    const targets = new Set<string>();
    for (const { node, hops } of expansion.candidates) {
      if (step.to && !step.to.has(node.type)) continue;
      const matches = step.where ? step.where(node, this.context) : true;
      if (matches !== true) {
        if (matches === undefined) uncertain = true;
        continue;
      }
      const rest = this.suffix(index + 1, node);
      if (rest.truth !== true) {
        if (rest.truth === undefined) uncertain = true;
        continue;
      }
      for (const witness of rest.witnesses) found.push([...hops, ...witness]);
      for (const target of rest.targets) {
        if (targets.size >= MAX_TARGETS) break;
        targets.add(target);
      }
    }
    const suffix: Suffix = { truth: found.length > 0 ? true : uncertain ? undefined : false, witnesses: shortestPerTarget(found), targets };
    memo.set(asset.id, suffix);
    return suffix;
  }

  /**
   * Assets `minHops`..`maxHops` edges away (breadth-first, each at most once), with the hops taken;
   * `incomplete` when an asset on the way has edges of the step's types that could not be read.
   */
  private expand(step: CompiledPathStep, start: Asset): { candidates: Array<{ node: Asset; hops: string[] }>; incomplete: boolean } {
    const candidates: Array<{ node: Asset; hops: string[] }> = step.minHops === 0 ? [{ node: start, hops: [] }] : [];
    const visited = new Set<string>([start.id]);
    let incomplete = false;
    let layer = [{ node: start, hops: [] as string[] }];
    for (let hop = 1; hop <= step.maxHops && layer.length > 0; hop++) {
      const next: Array<{ node: Asset; hops: string[] }> = [];
      for (const { node, hops } of layer) {
        if (node.unreadEdges && step.edges.some((edge) => this.graph.edgesUnread(node, edge, step.direction))) incomplete = true;
        for (const edge of step.edges) {
          const neighbours = this.graph.neighbours(node, edge, step.direction);
          spend(this.context.work, neighbours.length);
          for (const neighbour of neighbours) {
            if (visited.has(neighbour.id) || next.length >= MAX_FRONTIER) continue;
            visited.add(neighbour.id);
            const reached = { node: neighbour, hops: [...hops, neighbour.id] };
            next.push(reached);
            if (hop >= step.minHops) candidates.push(reached);
          }
        }
      }
      layer = next;
    }
    return { candidates, incomplete };
  }
}

/** The shortest path to each target (the last id), shortest first, at most MAX_WITNESSES. */
function shortestPerTarget(paths: string[][]): string[][] {
  const sorted = paths.sort((a, b) => a.length - b.length || compareLists(a, b));
  const seen = new Set<string>();
  const kept: string[][] = [];
  for (const path of sorted) {
    const target = path[path.length - 1] ?? '';
    if (seen.has(target)) continue;
    seen.add(target);
    kept.push(path);
    if (kept.length >= MAX_WITNESSES) break;
  }
  return kept;
}

function compareLists(a: string[], b: string[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    if (a[index] !== b[index]) return a[index]! < b[index]! ? -1 : 1;
  }
  return a.length - b.length;
}
