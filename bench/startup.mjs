// Start-up: `aispm --version` and `aispm rules list` against a bare `node -e 0`, wall time, medians
// of many runs. Target (issue 7): both within 1.5 × the bare node start.
//
//   node bench/startup.mjs [runs=30]
import { BIN, timeCommand } from './lib.mjs';

const runs = Number(process.argv[2] ?? 30);
const node = timeCommand([process.execPath, '-e', '0'], runs);
const version = timeCommand([process.execPath, BIN, '--version'], runs);
const rulesList = timeCommand([process.execPath, BIN, 'rules', 'list'], runs);
const ratio = (figure) => Math.round((figure.median / node.median) * 100) / 100;
process.stdout.write(
  `${JSON.stringify({
    nodeBareMs: node,
    versionMs: version,
    rulesListMs: rulesList,
    versionRatio: ratio(version),
    rulesListRatio: ratio(rulesList),
    targets: { versionWithin1_5x: ratio(version) <= 1.5, rulesListWithin1_5x: ratio(rulesList) <= 1.5 },
  })}\n`,
);
