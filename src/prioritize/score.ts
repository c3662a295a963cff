import type { AssetGraph } from '../graph/graph.js';
import type { Asset, Severity } from '../graph/model.js';

/**
 * Prioritization: a 0–100 score from the rule's severity and the context of the asset, so that the
 * most dangerous risk is on top. The formula is documented in README ("Prioritization"); change both
 * together.
 *
 *   score = base(severity) + weight(severity) × (exposure 10 + sensitive data 8 + production 5 + 3 per attack path, at most 9)
 *   base: critical 80, high 60, medium 40, low 20, info 5;  weight: 1, but 0.5 for low and 0 for info
 *
 * Context can lift a medium finding on an exposed production asset above a plain high one: that is
 * the point of a toxic combination.
 */

export const SEVERITY_BASE: Readonly<Record<Severity, number>> = { critical: 80, high: 60, medium: 40, low: 20, info: 5 };
const CONTEXT_WEIGHT: Readonly<Record<Severity, number>> = { critical: 1, high: 1, medium: 1, low: 0.5, info: 0 };
export const CONTEXT_POINTS = { internetExposed: 10, sensitiveDataReachable: 8, production: 5, perAttackPath: 3, maxAttackPaths: 3 } as const;

export interface PriorityContext {
  internetExposed: boolean;
  sensitiveDataReachable: boolean;
  production: boolean;
  /** Attack-path findings whose path goes through the asset. */
  attackPaths: number;
}

export function priorityScore(severity: Severity, context: PriorityContext): number {
  const points =
    (context.internetExposed ? CONTEXT_POINTS.internetExposed : 0) +
    (context.sensitiveDataReachable ? CONTEXT_POINTS.sensitiveDataReachable : 0) +
    (context.production ? CONTEXT_POINTS.production : 0) +
    CONTEXT_POINTS.perAttackPath * Math.min(context.attackPaths, CONTEXT_POINTS.maxAttackPaths);
  return Math.min(100, Math.round(SEVERITY_BASE[severity] + CONTEXT_WEIGHT[severity] * points));
}

/** Edges along which an asset can reach data: its identity, what that identity can do, what it was built from. */
const DATA_REACH_EDGES: ReadonlySet<string> = new Set(['uses-identity', 'can-assume', 'reads-data', 'writes-data', 'trained-on', 'artifacts-in', 'deploys']);
const DATA_REACH_DEPTH = 4;
const PRODUCTION_TAG_KEYS = new Set(['env', 'environment', 'stage', 'tier', 'deployment-environment']);
const PRODUCTION_VALUES = /^(prod|production|prd|live)$/i;

/**
 * Computes each asset's context once, however many findings it has. Reach to sensitive data is
 * found for the whole graph in one backward breadth-first pass from every sensitive store, so the
 * cost is linear in the graph whatever its hubs.
 */
export class PriorityContextCache {
  private readonly cache = new Map<string, Omit<PriorityContext, 'attackPaths'>>();
  private reachesSensitive: Set<string> | undefined;

  constructor(
    private readonly graph: AssetGraph,
    /** Number of attack paths through each asset id. */
    private readonly attackPathsThrough: ReadonlyMap<string, number>,
  ) {}

  contextOf(asset: Asset): PriorityContext {
    let base = this.cache.get(asset.id);
    if (!base) {
      base = { internetExposed: this.isExposed(asset), sensitiveDataReachable: this.sensitiveReach().has(asset.id), production: isProduction(asset) };
      this.cache.set(asset.id, base);
    }
    return { ...base, attackPaths: this.attackPathsThrough.get(asset.id) ?? 0 };
  }

  /** Exposed itself, through its parent (a deployment of a public account), or through an endpoint that serves it. */
  private isExposed(asset: Asset): boolean {
    if (asset.props.internetExposed === true) return true;
    const parents = this.graph.neighbours(asset, 'part-of', 'out');
    const servers = this.graph.neighbours(asset, 'deploys', 'in');
    return parents.some((other) => other.props.internetExposed === true) || servers.some((other) => other.props.internetExposed === true);
  }

  /** Every asset within DATA_REACH_DEPTH data-reach edges of a sensitive store (stores included). */
  private sensitiveReach(): Set<string> {
    if (this.reachesSensitive) return this.reachesSensitive;
    const reached = new Set<string>();
    let layer = this.graph.assets.filter((asset) => asset.props.sensitiveData === true);
    for (const asset of layer) reached.add(asset.id);
    for (let depth = 0; depth < DATA_REACH_DEPTH && layer.length > 0; depth++) {
      const next: Asset[] = [];
      for (const current of layer) {
        for (const [edge, sources] of this.graph.adjacent(current, 'in')) {
          if (!DATA_REACH_EDGES.has(edge)) continue;
          for (const source of sources) {
            if (reached.has(source.id)) continue;
            reached.add(source.id);
            next.push(source);
          }
        }
      }
      layer = next;
    }
    this.reachesSensitive = reached;
    return reached;
  }
}

export function isProduction(asset: Asset): boolean {
  if (!asset.tags) return false;
  for (const [key, value] of Object.entries(asset.tags)) {
    if (PRODUCTION_TAG_KEYS.has(key.toLowerCase()) && PRODUCTION_VALUES.test(value.trim())) return true;
  }
  return false;
}
