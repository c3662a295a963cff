// Output at scale: JSON, SARIF, markdown and the table for 50,000 findings, written to a file the
// way `--output` writes it (atomically, chunk by chunk). Target (issue 7): JSON and SARIF in under 1 s.
//
//   node bench/output.mjs [findings=50000] [runs=5]
import { readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateEstate } from './generate-estate.mjs';
import { startRun, stats } from './lib.mjs';

const wanted = Number(process.argv[2] ?? 50_000);
const runs = Number(process.argv[3] ?? 5);
const tools = await import('../dist/tools.js');
const rules = await tools.compiledBuiltInRules();

// The synthetic estate yields about one finding per four assets.
let size = wanted * 4;
let result;
for (;;) {
  result = tools.runScan({ inventory: generateEstate(size), rules, startedAt: new Date(), tool: { name: 'aispm', version: 'bench' } });
  if (result.findings.length >= wanted) break;
  size = Math.ceil((size * wanted * 1.1) / Math.max(1, result.findings.length));
}
result = { ...result, findings: result.findings.slice(0, wanted) };

const file = join(tmpdir(), `aispm-bench-output-${process.pid}`);
const figures = { findings: result.findings.length };
for (const [format, render] of Object.entries({ json: tools.renderJson, sarif: tools.renderSarif, markdown: tools.renderMarkdown, table: tools.renderTable })) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    startRun();
    const start = performance.now();
    // As writeReport does: every report passes the secrets check on its way out.
    await tools.writeFileAtomic(file, tools.scrubChunks(render(result, { color: false, width: 120 })));
    times.push(performance.now() - start);
  }
  const bytes = statSync(file).size;
  if (format === 'json' || format === 'sarif') JSON.parse(readFileSync(file, 'utf8'));
  figures[format] = { ms: stats(times), megabytes: Math.round((bytes / 1024 / 1024) * 10) / 10 };
}
rmSync(file, { force: true });
figures.targets = { jsonUnder1000ms: figures.json.ms.median < 1000, sarifUnder1000ms: figures.sarif.ms.median < 1000 };
process.stdout.write(`${JSON.stringify(figures)}\n`);
