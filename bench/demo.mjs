// The demo scan end to end, as a user runs it: `aispm scan --demo --format json`, wall time.
// Target (issue 7): under 500 ms.
//
//   node bench/demo.mjs [runs=15]
import { BIN, timeCommand } from './lib.mjs';

const runs = Number(process.argv[2] ?? 15);
const json = timeCommand([process.execPath, BIN, 'scan', '--demo', '--format', 'json'], runs);
const table = timeCommand([process.execPath, BIN, 'scan', '--demo'], runs);
process.stdout.write(`${JSON.stringify({ scanDemoJsonMs: json, scanDemoTableMs: table, targets: { demoJsonUnder500ms: json.median < 500 } })}\n`);
