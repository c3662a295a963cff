// Evaluation at scale: the full built-in rule pack (attribute and path rules) over synthetic estates.
//
//   node bench/evaluate.mjs              all sizes (10k, 100k, 300k), each in its own process
//   node bench/evaluate.mjs 100000 5     one size, 5 runs, in this process
//
// "evaluate" is rules → findings → prioritization → sorting on a built graph; "graph" is building
// it (redaction, indexes). Peak memory is that of one build and evaluation (the estate generator's
// output included), measured in a process of its own. Targets (issue 7): 100k assets evaluate in under 1.5 s with peak memory
// under 1 GiB, and 300k takes at most 3.5 × the 100k time.
import { generateEstate } from './generate-estate.mjs';
import { peakMemoryMiB, runScript, startRun, stats } from './lib.mjs';

const SIZES = [10_000, 100_000, 300_000];

async function measureSize(size, runs) {
  const tools = await import('../dist/tools.js');
  const rules = await tools.compiledBuiltInRules();
  const estate = generateEstate(size);
  const graphTimes = [];
  const evaluateTimes = [];
  let findings = 0;
  for (let run = 0; run < runs; run++) {
    startRun();
    let start = performance.now();
    const graph = tools.buildGraph(estate);
    graphTimes.push(performance.now() - start);
    start = performance.now();
    const result = tools.scanGraph(graph, { rules, startedAt: new Date(), tool: { name: 'aispm', version: 'bench' } });
    evaluateTimes.push(performance.now() - start);
    findings = result.findings.length;
  }
  return {
    assets: estate.assets.length,
    edges: estate.edges.length,
    rules: rules.length,
    pathRules: rules.filter((rule) => rule.path).length,
    findings,
    graphMs: stats(graphTimes),
    evaluateMs: stats(evaluateTimes),
    peakMemoryMiB: peakMemoryMiB(),
  };
}

if (process.argv[2]) {
  process.stdout.write(`${JSON.stringify(await measureSize(Number(process.argv[2]), Number(process.argv[3] ?? 5)))}\n`);
} else {
  const bySize = {};
  for (const size of SIZES) {
    const timed = runScript('evaluate.mjs', [String(size), size >= 300_000 ? '3' : '5']);
    // Peak memory comes from a process that builds and evaluates once, as a scan does: in the timing
    // process, garbage left by earlier runs inflates the resident size with memory the GC has not
    // returned yet (about 3× at 100k assets).
    const { peakMemoryMiB } = runScript('evaluate.mjs', [String(size), '1']);
    bySize[size] = { ...timed, peakMemoryMiB, peakMemoryMiBOverAllRuns: timed.peakMemoryMiB };
  }
  const ratio = bySize[300_000].evaluateMs.median / bySize[100_000].evaluateMs.median;
  process.stdout.write(
    `${JSON.stringify({
      sizes: bySize,
      growth300kOver100k: Math.round(ratio * 100) / 100,
      targets: {
        evaluate100kUnder1500ms: bySize[100_000].evaluateMs.median < 1500,
        peakMemory100kUnder1GiB: bySize[100_000].peakMemoryMiB < 1024,
        growthAtMost3_5x: ratio <= 3.5,
      },
    })}\n`,
  );
}
