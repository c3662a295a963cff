import { InputError } from '../../src/errors.js';
import { compileRuleDocument } from '../../src/engine/load-rules.js';
import type { CompiledRule } from '../../src/engine/rule.js';
import { parseYaml } from '../../src/input/document.js';
import { buildGraph } from '../../src/graph/build.js';
import type { AssetGraph } from '../../src/graph/graph.js';
import { providerOfType, type Asset, type Edge } from '../../src/graph/model.js';
import { ruleYaml } from '../rule-fixtures.js';

/** Builds a rule from a YAML condition for one or more types. */
export function ruleWith(types: string[], body: string): CompiledRule {
  return compileRuleDocument(parseYaml('test-rule.yaml', ruleYaml({ types, body })));
}

/** The problems a rule body produces, one formatted line each. */
export function ruleProblems(types: string[], body: string): string[] {
  try {
    ruleWith(types, body);
    return [];
  } catch (error) {
    if (error instanceof InputError) return error.message.split('\n');
    throw error;
  }
}

export function asset(id: string, type: string, props: Record<string, unknown> = {}, extra: Partial<Asset> = {}): Asset {
  return { id, type, provider: providerOfType(type) as Asset['provider'], account: 'a', region: 'r', name: id, props, ...extra };
}

export function graphOf(assets: Asset[], edges: Array<[string, string, string]> = []): AssetGraph {
  return buildGraph({ sources: ['test'], assets, edges: edges.map(([from, type, to]): Edge => ({ from, type, to })), coverage: [] });
}
