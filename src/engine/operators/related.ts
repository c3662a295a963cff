import { z } from 'zod';
import { ASSET_TYPE_NAMES } from '../../graph/catalog/index.js';
import { EDGE_TYPE_NAMES, isEdgeType } from '../../graph/edge-types.js';
import type { Asset } from '../../graph/model.js';
import { suggestion } from '../../errors.js';
import { spend } from '../budget.js';
import type { Truth } from '../truth.js';
import type { Evaluator, StandaloneOperator } from './operator.js';

export interface RelatedArgs {
  edge: string | string[];
  direction: 'out' | 'in';
  types?: string[];
  where?: unknown;
  atLeast: number;
}

/**
 * A condition on the assets one edge away: "the agent has a guardrail", "the role is used by two
 * agents". True when at least `atLeast` neighbours (default 1) match `where`.
 */
export const related: StandaloneOperator<RelatedArgs> = {
  kind: 'standalone',
  name: 'related',
  summary: 'at least `atLeast` (default 1) assets one `edge` away (direction out or in, optionally of `types`) match `where`',
  example: '{ related: { edge: uses-identity, where: { field: props.admin, equals: true } } }',
  args: z
    .object({
      edge: z.union([z.string(), z.array(z.string()).min(1)]),
      direction: z.enum(['out', 'in']).default('out'),
      types: z.array(z.string()).min(1).optional(),
      where: z.unknown().optional(),
      atLeast: z.number().int().min(1).default(1),
    })
    .strict(),
  compile: (args, context) => {
    const edges = Array.isArray(args.edge) ? args.edge : [args.edge];
    edges.forEach((edge, index) => {
      if (!isEdgeType(edge)) {
        const at = Array.isArray(args.edge) ? [...context.path, 'edge', index] : [...context.path, 'edge'];
        context.problem(at, `unknown edge type "${edge}"`, suggestion(edge, EDGE_TYPE_NAMES) ?? `known edge types: ${EDGE_TYPE_NAMES.join(', ')}`);
      }
    });
    const types = args.types ? new Set(args.types) : undefined;
    args.types?.forEach((type, index) => {
      if (!ASSET_TYPE_NAMES.includes(type)) context.problem([...context.path, 'types', index], `unknown asset type "${type}"`, suggestion(type, ASSET_TYPE_NAMES));
    });
    const where = args.where === undefined ? undefined : context.condition(args.where, [...context.path, 'where'], { kind: 'asset', types: args.types ?? ASSET_TYPE_NAMES });
    const label = `related.${edges.join('|')}${args.direction === 'in' ? '.in' : ''}`;

    const evaluate: Evaluator = (subject, evaluation) => {
      const asset = subject as Asset;
      const { work } = evaluation;
      // Nested in another related condition, the same asset can be reached many ways (roles that
      // assume each other): decide it once per check. At the top level it is decided once anyway.
      let memo: Map<string, Truth> | undefined;
      if (work.depth > 0) {
        work.memo ??= new Map();
        memo = work.memo.get(evaluate);
        if (!memo) work.memo.set(evaluate, (memo = new Map()));
        const known = memo.get(asset.id);
        if (known !== undefined || memo.has(asset.id)) return known;
      }
      spend(work, 1);
      let matched = 0;
      let unknown = 0;
      // Edges that could not be read may hold the match: their absence proves nothing.
      if (edges.some((edge) => evaluation.graph.edgesUnread(asset, edge, args.direction))) unknown = Infinity;
      const matchedIds: string[] = [];
      // Neighbours are judged without recording evidence; the matching ids are the evidence.
      const quiet = evaluation.evidence ? { graph: evaluation.graph, work } : evaluation;
      work.depth++;
      for (const edge of edges) {
        const neighbours = evaluation.graph.neighbours(asset, edge, args.direction);
        spend(work, neighbours.length);
        for (const neighbour of neighbours) {
          if (types && !types.has(neighbour.type)) continue;
          const result = where ? where(neighbour, quiet) : true;
          if (result === true) {
            matched++;
            if (evaluation.evidence) matchedIds.push(neighbour.id);
          } else if (result === undefined) {
            unknown++;
          }
        }
      }
      work.depth--;
      const truth = matched >= args.atLeast ? true : matched + unknown < args.atLeast ? false : undefined;
      if (evaluation.evidence) evaluation.evidence.set(label, matchedIds);
      memo?.set(asset.id, truth);
      return truth;
    };
    return evaluate;
  },
};
