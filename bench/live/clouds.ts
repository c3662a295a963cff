// The live-scan benchmark's clouds: the test suite's three fake clouds (the small estates the CLI
// tests scan), each behind a fault proxy that adds latency and records when each request arrived.
export { providerArgs, startThreeClouds } from '../../test/faults/three-clouds.js';
