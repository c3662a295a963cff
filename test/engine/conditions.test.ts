import { describe, expect, it } from 'vitest';
import { evaluateRuleOn } from '../../src/engine/evaluate.js';
import { asset, graphOf, ruleProblems, ruleWith } from './helpers.js';

const NOTEBOOK = 'aws.sagemaker.notebook-instance';

function outcome(body: string, props: Record<string, unknown>, extra = {}) {
  const graph = graphOf([asset('nb', NOTEBOOK, props, extra)]);
  return evaluateRuleOn(graph, ruleWith([NOTEBOOK], body), graph.get('nb')!).outcome;
}

describe('field paths read the record itself, never what every object inherits', () => {
  it.each([
    ['tags.constructor', { tags: { team: 'x' } }, 'pass'],
    ['tags.toString', { tags: {} }, 'pass'],
    ["tags['__proto__']", { tags: {} }, 'pass'],
    ['raw.constructor', { raw: {} }, 'pass'],
    ['raw.Spec.toString', { raw: { Spec: {} } }, 'pass'],
    ["raw['__proto__'].polluted", { raw: {} }, 'pass'],
    ['tags.constructor', { tags: { constructor: 'owner' } }, 'fail'],
    ['raw.Spec.toString', { raw: { Spec: { toString: 'x' } } }, 'fail'],
  ])('%s exists on %j → %s', (field, extra, expected) => {
    expect(outcome(`when: { field: "${field}", exists: true }`, {}, extra)).toBe(expected);
  });

  it('a props key named like an inherited member is not a property', () => {
    expect(ruleProblems([NOTEBOOK], 'when: { field: props.constructor, exists: true }')).toEqual([expect.stringMatching(/props\.constructor is not a property of aws\.sagemaker\.notebook-instance/)]);
    const graph = graphOf([asset('nb', NOTEBOOK, {})]);
    expect(evaluateRuleOn(graph, ruleWith([NOTEBOOK], 'when: { field: "props.rootAccess", exists: true }'), graph.get('nb')!).outcome).toBe('unknown');
  });
});

describe('field operators', () => {
  it.each([
    ['equals: true', { rootAccess: true }, 'fail'],
    ['equals: true', { rootAccess: false }, 'pass'],
    ['equals: true', {}, 'unknown'],
    ['equals: true', { rootAccess: null }, 'pass'],
  ])('props.rootAccess %s on %j → %s', (op, props, expected) => {
    expect(outcome(`when: { field: props.rootAccess, ${op} }`, props)).toBe(expected);
  });

  it('in, exists, empty, contains, matches, comparisons', () => {
    expect(outcome('when: { field: props.minimumImdsVersion, in: ["1"] }', { minimumImdsVersion: '1' })).toBe('fail');
    expect(outcome('when: { field: props.kmsKeyId, exists: false }', { kmsKeyId: null })).toBe('fail');
    expect(outcome('when: { field: props.kmsKeyId, exists: false }', { kmsKeyId: 'arn:key' })).toBe('pass');
    expect(outcome('when: { field: props.kmsKeyId, exists: false }', {})).toBe('unknown');
    expect(outcome('when: { field: props.secrets, empty: false }', { secrets: [{ location: 'raw.x', kind: 'jwt' }] })).toBe('fail');
    expect(outcome('when: { field: props.secrets, empty: false }', { secrets: [] })).toBe('pass');
    expect(outcome("when: { field: props.platformIdentifier, matches: '^notebook-al1-' }", { platformIdentifier: 'notebook-al1-v1' })).toBe('fail');
    expect(outcome("when: { field: props.platformIdentifier, matches: '(?i)^NOTEBOOK-AL1' }", { platformIdentifier: 'notebook-al1-v1' })).toBe('fail');
    expect(outcome("when: { field: props.platformIdentifier, matches: '^notebook-al1-' }", { platformIdentifier: 'notebook-al2-v3' })).toBe('pass');
    expect(outcome('when: { field: name, contains: research }', {}, { name: 'research-nb' })).toBe('fail');
    expect(outcome('when: { field: tags.owner, exists: false }', {}, { tags: { team: 'x' } })).toBe('fail');
    expect(outcome('when: { field: tags.owner, exists: false }', {})).toBe('unknown');
  });

  it('comparisons are false on non-numbers', () => {
    const graph = graphOf([asset('ep', 'aws.sagemaker.endpoint', { minInstanceCount: 1 }), asset('ep2', 'aws.sagemaker.endpoint', { minInstanceCount: 'one' as unknown as number })]);
    const rule = ruleWith(['aws.sagemaker.endpoint'], 'when: { field: props.minInstanceCount, lt: 2 }');
    expect(evaluateRuleOn(graph, rule, graph.get('ep')!).outcome).toBe('fail');
    expect(evaluateRuleOn(graph, rule, graph.get('ep2')!).outcome).toBe('pass');
  });

  it('some and every look inside lists; inside, fields are relative to the element', () => {
    const type = 'aws.sagemaker.endpoint';
    const graph = graphOf([
      asset('single', type, { variants: [{ name: 'a', currentInstanceCount: 2 }, { name: 'b', currentInstanceCount: 1 }] }),
      asset('redundant', type, { variants: [{ name: 'a', currentInstanceCount: 2 }] }),
      asset('none', type, { variants: [] }),
    ]);
    const some = ruleWith([type], 'when: { field: props.variants, some: { field: currentInstanceCount, lt: 2 } }');
    expect(['single', 'redundant', 'none'].map((id) => evaluateRuleOn(graph, some, graph.get(id)!).outcome)).toEqual(['fail', 'pass', 'pass']);
    const every = ruleWith([type], 'when: { field: props.variants, every: { field: currentInstanceCount, gte: 2 } }');
    expect(['single', 'redundant', 'none'].map((id) => evaluateRuleOn(graph, every, graph.get(id)!).outcome)).toEqual(['pass', 'fail', 'fail']);
    const strings = ruleWith(['aws.bedrock.guardrail'], 'when: { field: props.contentFilterTypes, some: { equals: PROMPT_ATTACK } }');
    const guardrails = graphOf([asset('g', 'aws.bedrock.guardrail', { contentFilterTypes: ['HATE', 'PROMPT_ATTACK'] })]);
    expect(evaluateRuleOn(guardrails, strings, guardrails.get('g')!).outcome).toBe('fail');
  });

  it('hasAnyKey wants one of the keys; hasKeys wants them all', () => {
    expect(outcome('when: { field: tags, hasAnyKey: [data-classification, classification] }', {}, { tags: { classification: 'internal' } })).toBe('fail');
    expect(outcome('when: { field: tags, hasAnyKey: [data-classification, classification] }', {}, { tags: { Classification: 'internal' } })).toBe('pass');
    expect(outcome('when: { field: tags, hasAnyKey: [data-classification] }', {})).toBe('unknown');
  });

  it('mentionsAny and mentionsAll compare phrases loosely, each starting at a word', () => {
    const topics = (texts: unknown, condition: string) => {
      const graph = graphOf([asset('g', 'aws.bedrock.guardrail', { deniedTopicTexts: texts as string[] })]);
      return evaluateRuleOn(graph, ruleWith(['aws.bedrock.guardrail'], `when: { field: props.deniedTopicTexts, ${condition} }`), graph.get('g')!).outcome;
    };
    const texts = ['SystemPromptDisclosure: Requests to reveal the prompt', 'legal_advice: Advice on LEGAL matters'];
    expect(topics(texts, "mentionsAny: ['system prompt']")).toBe('fail');
    expect(topics(texts, "mentionsAny: ['prompt disclos']")).toBe('fail');
    // A phrase starts at a word: "prompt" inside "SystemPrompt" is a word of its own, "rompt" is not.
    expect(topics(texts, "mentionsAny: ['rompt']")).toBe('pass');
    expect(topics(texts, "mentionsAll: ['legal advice', 'system prompt']")).toBe('fail');
    expect(topics(texts, "mentionsAll: ['legal advice', 'tax advice']")).toBe('pass');
    expect(topics([], "mentionsAny: ['system prompt']")).toBe('pass');
    expect(topics(undefined, "mentionsAny: ['system prompt']")).toBe('unknown');
  });
});

describe('three-valued logic', () => {
  const both = 'when: { all: [ { field: props.rootAccess, equals: true }, { field: props.directInternetAccess, equals: true } ] }';
  const either = 'when: { any: [ { field: props.rootAccess, equals: true }, { field: props.directInternetAccess, equals: true } ] }';
  it.each([
    [both, { rootAccess: true, directInternetAccess: true }, 'fail'],
    [both, { rootAccess: false }, 'pass'],
    [both, { rootAccess: true }, 'unknown'],
    [either, { rootAccess: true }, 'fail'],
    [either, { rootAccess: false }, 'unknown'],
    [either, { rootAccess: false, directInternetAccess: false }, 'pass'],
    ['when: { not: { field: props.rootAccess, equals: false } }', {}, 'unknown'],
    ['when: { not: { field: props.rootAccess, equals: false } }', { rootAccess: true }, 'fail'],
  ])('%s on %j → %s', (body, props, expected) => {
    expect(outcome(body, props)).toBe(expected);
  });
});

describe('related', () => {
  const agent = 'aws.bedrock.agent';
  it('counts neighbours along a typed edge, with atLeast and direction', () => {
    const graph = graphOf(
      [asset('a1', agent), asset('a2', agent), asset('a3', agent), asset('shared', 'aws.iam.role', { admin: false }), asset('own', 'aws.iam.role', { admin: false })],
      [
        ['a1', 'uses-identity', 'shared'],
        ['a2', 'uses-identity', 'shared'],
        ['a3', 'uses-identity', 'own'],
      ],
    );
    const shared = ruleWith(['aws.iam.role'], 'when: { related: { edge: uses-identity, direction: in, types: [aws.bedrock.agent], atLeast: 2 } }');
    expect(evaluateRuleOn(graph, shared, graph.get('shared')!).outcome).toBe('fail');
    expect(evaluateRuleOn(graph, shared, graph.get('own')!).outcome).toBe('pass');
  });

  it('is unknown when a neighbour could decide it but was not read', () => {
    const graph = graphOf([asset('a1', agent), asset('role', 'aws.iam.role', {})], [['a1', 'uses-identity', 'role']]);
    const admin = ruleWith([agent], 'when: { related: { edge: uses-identity, where: { field: props.admin, equals: true } } }');
    expect(evaluateRuleOn(graph, admin, graph.get('a1')!).outcome).toBe('unknown');
  });

  it('is unknown, not false, when the edges it looks for could not be read; a match among those read still counts', () => {
    const unread = { unreadEdges: [{ edge: 'guarded-by', direction: 'out' as const }] };
    const graph = graphOf(
      [asset('blind', agent, {}, unread), asset('seen', agent), asset('guarded', agent, {}, unread), asset('gr', 'aws.bedrock.guardrail', {})],
      [['guarded', 'guarded-by', 'gr']],
    );
    const unguarded = ruleWith([agent], 'when: { not: { related: { edge: guarded-by } } }');
    expect(['blind', 'seen', 'guarded'].map((id) => evaluateRuleOn(graph, unguarded, graph.get(id)!).outcome)).toEqual(['unknown', 'fail', 'pass']);
    // The other direction was read: edges into the agent still decide.
    const parts = ruleWith([agent], 'when: { not: { related: { edge: guarded-by, direction: in } } }');
    expect(evaluateRuleOn(graph, parts, graph.get('blind')!).outcome).toBe('fail');
  });

  it('records the matching neighbours as evidence', () => {
    const graph = graphOf([asset('a1', agent), asset('role', 'aws.iam.role', { admin: true })], [['a1', 'uses-identity', 'role']]);
    const admin = ruleWith([agent], 'when: { related: { edge: uses-identity, where: { field: props.admin, equals: true } } }');
    expect(evaluateRuleOn(graph, admin, graph.get('a1')!).violation?.evidence).toEqual({ 'related.uses-identity': ['role'] });
  });
});

describe('cross-type rules', () => {
  it('a field one of the types lacks reads as absent (null) for that type, not unknown', () => {
    const types = [NOTEBOOK, 'azure.machinelearning.compute'];
    const rule = ruleWith(types, 'when: { any: [ { field: props.directInternetAccess, equals: true }, { field: props.publicIp, equals: true } ] }');
    const graph = graphOf([asset('nb', NOTEBOOK, { directInternetAccess: false }), asset('ci', 'azure.machinelearning.compute', { publicIp: true })]);
    expect(evaluateRuleOn(graph, rule, graph.get('nb')!).outcome).toBe('pass');
    expect(evaluateRuleOn(graph, rule, graph.get('ci')!).outcome).toBe('fail');
  });
});

describe('rule validation reports every problem with its place', () => {
  it('unknown operator, field, edge type and asset type, each with a suggestion', () => {
    expect(ruleProblems([NOTEBOOK], 'when: { field: props.rootAccess, equal: true }')).toEqual(['test-rule.yaml:7: when.equal: unknown operator "equal" (did you mean "equals"?)']);
    expect(ruleProblems([NOTEBOOK], 'when: { field: props.rootAcces, equals: true }')).toEqual(['test-rule.yaml:7: when.field: props.rootAcces is not a property of aws.sagemaker.notebook-instance (did you mean "rootAccess"?)']);
    expect(ruleProblems([NOTEBOOK], 'when: { related: { edge: uses-identty } }')).toEqual(['test-rule.yaml:7: when.related.edge: unknown edge type "uses-identty" (did you mean "uses-identity"?)']);
    expect(ruleProblems([NOTEBOOK], 'when: { field: prop.rootAccess, equals: true }')).toEqual(['test-rule.yaml:7: when.field: unknown asset field "prop" (did you mean "props"?)']);
  });

  it('wrong argument types, two operators, a missing field, a bad regex', () => {
    expect(ruleProblems([NOTEBOOK], 'when: { field: props.rootAccess, gt: yes }')).toEqual(['test-rule.yaml:7: when.gt: "gt" expects number']);
    expect(ruleProblems([NOTEBOOK], 'when: { field: props.rootAccess, equals: true, exists: true }')).toEqual(['test-rule.yaml:7: when: one operator per condition, found equals, exists (combine conditions with all: [...] or any: [...])']);
    expect(ruleProblems([NOTEBOOK], 'when: { equals: true }')).toEqual(['test-rule.yaml:7: when: "equals" needs a field (e.g. { field: props.rootAccess, equals: ... })']);
    expect(ruleProblems([NOTEBOOK], "when: { field: name, matches: '(?<=a)b' }")[0]).toMatch(/^test-rule\.yaml:7: when\.matches: invalid regular expression: .* \(aispm uses RE2 syntax: no lookaround or backreferences\)$/);
  });

  it('fields inside some/every are checked against the element', () => {
    expect(ruleProblems(['aws.sagemaker.endpoint'], 'when: { field: props.variants, some: { field: instanceCount, lt: 2 } }')).toEqual([
      'test-rule.yaml:7: when.some.field: no field "instanceCount" in this list\'s elements (fields: name, currentInstanceCount)',
    ]);
  });
});
