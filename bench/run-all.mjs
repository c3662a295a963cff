// `npm run bench`: every benchmark, each in its own process, printed as one JSON document.
// Each script can also be run alone; see the comment at its top.
import { cpus, totalmem } from 'node:os';
import { runScript } from './lib.mjs';

const started = Date.now();
const figures = {
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 1024 ** 3), node: process.version },
  startup: runScript('startup.mjs'),
  demo: runScript('demo.mjs'),
  evaluate: runScript('evaluate.mjs'),
  output: runScript('output.mjs'),
  collect: runScript('collect.mjs'),
  live: runScript('live.mjs'),
  scale: runScript('scale.mjs'),
};
figures.benchSeconds = Math.round((Date.now() - started) / 1000);
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
