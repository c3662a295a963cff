/**
 * The library surface for the build, the docs generator and the benchmarks (bundled as dist/tools.js).
 * The CLI does not import it.
 */
export { buildRulePackBundles, builtInRules, compiledBuiltInRules } from './engine/rule-pack.js';
export { buildDemoBundle, loadDemoInventory } from './collect/demo.js';
export { assetTypesMarkdown, rulesMarkdown } from './docs/generate.js';
export { runScan, scanGraph } from './scan.js';
export { buildGraph } from './graph/build.js';
export { loadSnapshot, saveSnapshot } from './graph/snapshot.js';
export { renderJson } from './report/json.js';
export { renderSarif } from './report/sarif.js';
export { renderTable } from './report/table.js';
export { renderMarkdown } from './report/markdown.js';
export { InputError } from './errors.js';
export { writeFileAtomic } from './files.js';
export { PACKAGE_ROOT, RULE_PACK_BUNDLE, RULE_INDEX_BUNDLE, DEMO_BUNDLE, toolVersion } from './package-info.js';
export { scrubChunks } from './secrets/sink.js';
export { shardOf } from './collect/shard.js';
