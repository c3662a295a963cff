// Start-up: `aispm --version` and `aispm rules list` against a bare `node -e 0`, wall time over many
// rounds, each round running the three in turn. Target (issue 7): both within 1.5 × the bare node
// start (median). The ratios are medians of each round's ratio: paired within a round, they are
// not moved by the machine being busier in some rounds than others.
//
//   node bench/startup.mjs [runs=30]
import { BIN, stats as statsOf, timeCommands } from './lib.mjs';

const runs = Number(process.argv[2] ?? 30);
const { samples, stats } = timeCommands(
  { node: [process.execPath, '-e', '0'], version: [process.execPath, BIN, '--version'], rulesList: [process.execPath, BIN, 'rules', 'list'] },
  runs,
);
const ratio = (name) => {
  const perRound = samples[name].map((elapsed, round) => elapsed / samples.node[round]);
  return Math.round(statsOf(perRound).median * 100) / 100;
};
process.stdout.write(
  `${JSON.stringify({
    nodeBareMs: stats.node,
    versionMs: stats.version,
    rulesListMs: stats.rulesList,
    versionRatio: ratio('version'),
    rulesListRatio: ratio('rulesList'),
    targets: { versionWithin1_5x: ratio('version') <= 1.5, rulesListWithin1_5x: ratio('rulesList') <= 1.5 },
  })}\n`,
);
