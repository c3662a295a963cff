// Commander requires node:child_process (and with it net and dgram) when it loads, for executable
// subcommands that aispm does not have; loading it on first use instead saves about 3 ms of every
// start (bench/startup.mjs; test/bundle.test.ts keeps it so).
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

// esbuild settings shared by the bundles that run on Node (the CLI build, the collection benchmark).
export const NODE_BUNDLE = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Cloud SDKs stay in node_modules: they are large and each loads only when its provider is scanned.
  external: ['@aws-sdk/*', '@smithy/*', '@azure/*', '@google-cloud/*', 'google-auth-library', 'google-gax'],
  // Bundled CommonJS dependencies call require(); give ESM output a real one.
  banner: { js: "import { createRequire as __aispmRequire } from 'node:module'; const require = __aispmRequire(import.meta.url);" },
  plugins: [lazyChildProcessForCommander],
  logLevel: 'warning',
};
