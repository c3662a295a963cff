#!/usr/bin/env node
// Library warnings are not for aispm's users: the Google auth library warns (MetadataLookupWarning)
// whenever it looks for a Compute Engine metadata server that is not there, which is every run
// outside Google Cloud. Installed before anything else loads; shown with --debug only. Other warnings
// still print, as Node prints them.
const debug = process.argv.includes('--debug');
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'MetadataLookupWarning' && !debug) return;
  process.stderr.write(`aispm: ${warning.name === 'MetadataLookupWarning' ? 'debug: ' : ''}${warning.name}: ${warning.message}\n`);
});

const { main } = await import('../dist/cli.js');
await main(process.argv.slice(2));
