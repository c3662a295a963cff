// The demo scan end to end, as a user runs it: `aispm scan --demo --format json`, wall time.
// Target (issue 7): under 500 ms.
//
//   node bench/demo.mjs [runs=15]
import { BIN, timeCommands } from './lib.mjs';

const runs = Number(process.argv[2] ?? 15);
const { stats } = timeCommands({ json: [process.execPath, BIN, 'scan', '--demo', '--format', 'json'], table: [process.execPath, BIN, 'scan', '--demo'] }, runs);
process.stdout.write(`${JSON.stringify({ scanDemoJsonMs: stats.json, scanDemoTableMs: stats.table, targets: { demoJsonUnder500ms: stats.json.median < 500 } })}\n`);
