import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { loadBaseline } from '../src/findings/baseline.js';
import { loadSuppressions, type SuppressionSet } from '../src/findings/suppressions.js';
import type { Asset, Inventory } from '../src/graph/model.js';
import type { CompiledRule } from '../src/engine/rule.js';
import { loadSnapshot } from '../src/graph/snapshot.js';
import { loadRuleFile } from '../src/engine/load-rules.js';
import { loadRuleTestFile } from '../src/engine/rule-tests.js';
import { runScan } from '../src/scan.js';
import { loadConfig } from '../src/config.js';
import { ruleWith } from './engine/helpers.js';

/**
 * Rule packs, snapshots, ignore files, baselines and config files come from strangers. Fed random and mutated
 * documents, every loader must either load or fail with an InputError (exit 2 with a message):
 * never crash with another error, never hang.
 */

const dir = mkdtempSync(join(tmpdir(), 'aispm-fuzz-'));
let counter = 0;
function file(text: string, extension = 'yaml'): string {
  const path = join(dir, `doc-${counter++}.${extension}`);
  writeFileSync(path, text);
  return path;
}

const knownRule = ruleWith(['aws.sagemaker.notebook-instance'], 'when: { field: props.rootAccess, equals: true }');
const LOADERS: Record<string, (path: string) => unknown> = {
  rule: (path) => loadRuleFile(path),
  'rule test': (path) => loadRuleTestFile(path, path, new Map([['test-rule', knownRule]])),
  snapshot: (path) => runScan({ inventory: loadSnapshot(path), rules: [knownRule], startedAt: new Date(), tool: { name: 'aispm', version: '0' } }),
  'ignore file': (path) => loadSuppressions(path, ['test-rule'], '2026-11-23'),
  baseline: (path) => loadBaseline(path),
  config: (path) => loadConfig(path, [{ ...knownRule.rule, parameters: { approvedModels: { description: 'Approved model globs.', default: [], skipWhenEmpty: true } } }]),
};

function loadsOrInputError(load: (path: string) => unknown, path: string): void {
  try {
    load(path);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
  }
}

const VALID: Record<string, unknown> = {
  rule: {
    id: 'fuzz-rule',
    title: 'A rule for the fuzz tests',
    severity: 'high',
    severityReason: 'Only a test rule, not a real risk.',
    category: 'network',
    resourceTypes: ['aws.sagemaker.notebook-instance'],
    when: { all: [{ field: 'props.rootAccess', equals: true }, { not: { related: { edge: 'uses-identity', where: { field: 'props.admin', equals: true } } } }] },
    path: [{ edge: 'uses-identity' }, { edge: 'writes-data', where: { field: 'props.sensitiveData', equals: true } }],
    description: 'A description that is long enough for the schema.',
    remediation: 'Turn root access off.',
    frameworks: { 'owasp-llm-2025': ['LLM01:2025'] },
  },
  'rule test': { rule: 'test-rule', cases: [{ name: 'root on', expect: 'fail', assets: [{ id: 'nb', type: 'aws.sagemaker.notebook-instance', props: { rootAccess: true } }] }] },
  snapshot: {
    snapshotVersion: 1,
    assets: [
      { id: 'nb', type: 'aws.sagemaker.notebook-instance', provider: 'aws', account: '1', region: 'r', name: 'nb', props: { rootAccess: true }, raw: { Environment: { KEY: 'AKIAIOSFODNN7EXAMPLE' } } },
      { id: 'role', type: 'aws.iam.role', provider: 'aws', account: '1', region: 'global', name: 'role', props: { admin: true } },
    ],
    edges: [{ from: 'nb', type: 'uses-identity', to: 'role' }],
    coverage: [{ provider: 'aws', account: '1', region: 'r', service: 'sagemaker', status: 'denied', message: 'x' }],
  },
  'ignore file': { ignore: [{ rule: 'test-rule', resource: 'nb*', reason: 'accepted for the fuzz test', expires: '2030-01-01' }] },
  baseline: { schemaVersion: 1, findings: [{ ruleId: 'test-rule', resource: { id: 'nb' } }] },
  config: { parameters: { approvedModels: ['gpt-4o*'] } },
};

/** A document changed at one random place: a value replaced, a key dropped or added. */
function mutate(value: unknown, choice: number, replacement: unknown, key: string): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0) return [replacement];
    const index = choice % value.length;
    const copy = [...value];
    copy[index] = choice % 3 === 0 ? replacement : mutate(copy[index], Math.floor(choice / 3), replacement, key);
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 || choice % 5 === 0) return { ...(value as object), [key]: replacement };
    const [chosenKey, chosen] = entries[choice % entries.length]!;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if (choice % 7 === 0) delete copy[chosenKey];
    else copy[chosenKey] = choice % 2 === 0 ? replacement : mutate(chosen, Math.floor(choice / 2), replacement, key);
    return copy;
  }
  return replacement;
}

describe('loaders survive hostile documents', () => {
  for (const [kind, load] of Object.entries(LOADERS)) {
    it(`${kind}: random text loads or fails with an input error`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.json(), fc.jsonValue().map((value) => stringify(value))), (text) => loadsOrInputError(load, file(text))),
        { numRuns: 150 },
      );
    });

    it(`${kind}: mutated valid documents load or fail with an input error`, () => {
      fc.assert(
        fc.property(fc.nat(), fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 12 }), fc.boolean(), (choice, replacement, key, asJson) => {
          const document = mutate(VALID[kind], choice, replacement, key);
          loadsOrInputError(load, asJson ? file(JSON.stringify(document), 'json') : file(stringify(document)));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('the valid documents themselves load', () => {
    for (const [kind, load] of Object.entries(LOADERS)) expect(() => load(file(stringify(VALID[kind]))), kind).not.toThrow();
  });
});

describe('keys that JavaScript objects cannot hold', () => {
  it('every loader refuses a __proto__ key, in YAML and JSON, naming its line and field', () => {
    const cases: Record<string, [string, string]> = {
      rule: ['{"when": {"all": [{"field": "props.rootAccess", "equals": true}]}, "__proto__": {"severity": "low"}}', '__proto__'],
      'rule test': ['{"cases": [{"assets": [{"raw": {"__proto__": {"x": 1}}}]}]}', 'cases[0].assets[0].raw.__proto__'],
      snapshot: ['{"assets": [{"raw": {"Spec": {"__proto__": {"polluted": true}}}}]}', 'assets[0].raw.Spec.__proto__'],
      'ignore file': ['{"ignore": [{"__proto__": {"rule": "test-rule"}}]}', 'ignore[0].__proto__'],
      baseline: ['{"findings": [{"resource": {"__proto__": {"id": "nb"}}}]}', 'findings[0].resource.__proto__'],
      config: ['{"parameters": {"__proto__": ["gpt-4o*"]}}', 'parameters.__proto__'],
    };
    for (const [kind, [overlay, field]] of Object.entries(cases)) {
      const document = merge(VALID[kind], JSON.parse(overlay));
      const json = JSON.stringify(document, null, 1);
      for (const path of [file(json, 'json'), file(json)]) {
        let error: unknown;
        try {
          LOADERS[kind]!(path);
        } catch (caught) {
          error = caught;
        }
        expect(error, `${kind} ${path}`).toBeInstanceOf(InputError);
        const line = json.split('\n').findIndex((text) => text.includes('"__proto__"')) + 1;
        expect((error as InputError).message, kind).toBe(`${path}:${line}: ${field}: "__proto__" is not accepted as a key (rename or remove it)`);
      }
    }
  });
});

/** `overlay` laid over `base`, keeping own __proto__ keys as data (as JSON.parse does). */
function merge(base: unknown, overlay: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(overlay)) return base.map((item, index) => (index < overlay.length ? merge(item, overlay[index]) : item));
  if (base === null || typeof base !== 'object' || overlay === null || typeof overlay !== 'object') return overlay;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  for (const [key, value] of Object.entries(overlay)) Object.defineProperty(out, key, { value: Object.hasOwn(out, key) ? merge(out[key], value) : value, enumerable: true, writable: true, configurable: true });
  return out;
}

describe('resource exhaustion is refused with an input error', () => {
  it('YAML alias bombs', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array(10).fill(`*${'abcdefghi'[index]}`).join(', ')}]`)].join('\n');
    for (const load of Object.values(LOADERS)) expect(() => load(file(bomb))).toThrow(InputError);
  });

  it('deep nesting in YAML, JSON and rule conditions', () => {
    const depth = 20_000;
    for (const load of Object.values(LOADERS)) {
      expect(() => load(file(`${'['.repeat(depth)}${']'.repeat(depth)}`, 'json'))).toThrow(InputError);
      expect(() => load(file(`${'['.repeat(depth)}${']'.repeat(depth)}`))).toThrow(InputError);
    }
    // A rule whose condition is 5,000 nested "not"s (written by hand: JSON.stringify itself would overflow).
    const condition = `${'{"not":'.repeat(5_000)}{"field":"props.rootAccess","equals":true}${'}'.repeat(5_000)}`;
    const rule = JSON.stringify({ ...(VALID.rule as object), when: '<condition>' }).replace('"<condition>"', condition);
    expect(() => loadRuleFile(file(rule, 'json'))).toThrow(/nested more than 100 levels deep/);
  });

  it('oversized files', () => {
    const big = file(`# ${'x'.repeat(3 * 1024 * 1024)}\n`);
    expect(() => loadRuleFile(big)).toThrow(/more than the 256 KiB aispm accepts/);
    expect(() => loadSuppressions(big, [], '2026-01-01')).toThrow(InputError);
  });
});

/**
 * Evaluation on hostile inputs: every generated case must finish within a generous bound (a
 * super-linear blow-up takes minutes, not seconds) and decide pass, fail or unknown.
 */
describe('evaluation stays fast on hostile rule packs, names and globs', () => {
  const CASE_BOUND_MS = 2_000;
  const ROLE = 'aws.iam.role';
  const NOTEBOOK = 'aws.sagemaker.notebook-instance';
  const roles = Array.from({ length: 8 }, (_, index) => `role-${index}`);
  /** Roles that can all assume each other (cycles everywhere), and notebooks that use them. */
  function estate(name = 'nb', tags: Record<string, string> = {}): Inventory {
    const assets: Asset[] = [
      ...roles.map((id, index): Asset => ({ id, type: ROLE, provider: 'aws', account: '1', region: 'global', name: id, props: { admin: index === 7 ? true : index === 6 ? undefined : false } })),
      ...[0, 1, 2].map((index): Asset => ({ id: `nb-${index}`, type: NOTEBOOK, provider: 'aws', account: '1', region: 'r', name: `${name}-${index}`, tags, props: { rootAccess: index === 0 }, raw: { Name: name } })),
    ];
    for (const asset of assets) if (asset.props.admin === undefined) delete asset.props.admin;
    const edges = [...roles.flatMap((from) => roles.map((to) => ({ from, type: 'can-assume', to }))), ...[0, 1, 2].map((index) => ({ from: `nb-${index}`, type: 'uses-identity', to: roles[index * 3]! }))];
    return { sources: ['fuzz'], assets, edges, coverage: [] };
  }
  function scanWithin(inventory: Inventory, rule: CompiledRule, suppressions?: SuppressionSet): void {
    const start = performance.now();
    const result = runScan({ inventory, rules: [rule], suppressions, startedAt: new Date(), tool: { name: 'aispm', version: '0' } });
    expect(performance.now() - start).toBeLessThan(CASE_BOUND_MS);
    expect(result.checks).toBeGreaterThan(0);
  }
  /** Compiles a generated condition; conditions the loader refuses (too deep) are fine too. */
  function compiled(condition: unknown): CompiledRule | undefined {
    try {
      return ruleWith([ROLE, NOTEBOOK], `when: ${JSON.stringify(condition)}`);
    } catch (error) {
      if (error instanceof InputError) return undefined;
      throw error;
    }
  }

  const leaf = fc.constantFrom<unknown>(
    { field: 'props.admin', equals: true },
    { field: 'props.rootAccess', equals: true },
    { field: 'name', glob: '*nb*' },
    { field: 'tags.constructor', exists: true },
    { field: 'raw.Name', matches: '^(a|aa)+$' },
  );
  const { condition } = fc.letrec((tie) => ({
    condition: fc.oneof(
      { maxDepth: 12, depthSize: 'medium' },
      leaf,
      fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie('condition') }),
      fc.record({ related: fc.record({ edge: fc.constantFrom('can-assume', 'uses-identity'), direction: fc.constantFrom('out', 'in'), where: tie('condition') }) }),
    ),
  }));

  it('nested conditions of every operator, over cycles of roles', () => {
    fc.assert(
      fc.property(condition, (generated) => {
        const rule = compiled(generated);
        if (rule) scanWithin(estate(), rule);
      }),
      { numRuns: 200 },
    );
  });

  it('related conditions nested up to 45 levels deep along cycles', () => {
    const chain = fc.tuple(fc.integer({ min: 1, max: 45 }), fc.array(fc.constantFrom('out', 'in'), { minLength: 45, maxLength: 45 }), leaf).map(([depth, directions, inner]) => {
      let built = inner;
      for (let level = 0; level < depth; level++) built = { related: { edge: 'can-assume', direction: directions[level], where: built } };
      return built;
    });
    fc.assert(
      fc.property(chain, (generated) => {
        const rule = compiled(generated);
        if (rule) scanWithin(estate(), rule);
      }),
      { numRuns: 40 },
    );
  });

  /** A long string made of a short random unit (fast-check builds long strings slowly). */
  const longText = fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.integer({ min: 1_000, max: 100_000 })).map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));
  /** Globs made to backtrack: many stars between short pieces that the value almost matches. */
  const hostileGlob = fc
    .tuple(fc.array(fc.constantFrom('a', '-a-', 'ab', 'b', ''), { minLength: 2, maxLength: 40 }), fc.boolean())
    .map(([pieces, anchored]) => `${anchored ? '' : '*'}${pieces.join('*')}${anchored ? 'b' : '*b'}`);

  it('long names, tags and raw values against globs, regular expressions and contains', () => {
    fc.assert(
      fc.property(longText, hostileGlob, fc.constantFrom('glob', 'matches', 'contains'), (name, pattern, operator) => {
        const argument = operator === 'glob' ? pattern : operator === 'matches' ? '(a|a-)*b$' : name.slice(0, 50);
        const rule = ruleWith([NOTEBOOK], `when: { any: [ { field: name, ${operator}: ${JSON.stringify(argument)} }, { field: "tags['${'k'.repeat(200)}']", ${operator}: ${JSON.stringify(argument)} }, { field: raw.Name, ${operator}: ${JSON.stringify(argument)} } ] }`);
        scanWithin(estate(name, { ['k'.repeat(200)]: name }), rule);
      }),
      { numRuns: 60 },
    );
  });

  it('hostile globs in ignore files, on long resource names', () => {
    fc.assert(
      fc.property(longText, hostileGlob, hostileGlob, (name, resource, ruleGlob) => {
        const path = file(stringify({ ignore: [{ rule: ruleGlob, resource, reason: 'generated by the fuzz tests' }, { resource, reason: 'generated by the fuzz tests' }] }));
        const start = performance.now();
        const suppressions = loadSuppressions(path, ['test-rule'], '2026-11-23');
        expect(performance.now() - start).toBeLessThan(CASE_BOUND_MS);
        scanWithin(estate(name), ruleWith([NOTEBOOK], 'when: { field: props.rootAccess, equals: true }'), suppressions);
      }),
      { numRuns: 60 },
    );
  });
});
