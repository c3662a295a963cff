import { readFile } from 'node:fs/promises';

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

/**
 * The AWS SDK's clients describe every shape of their service in one module (`schemas_0.js`), each as
 * `export var Shape$ = [ ... ];`. esbuild cannot drop the unused ones: computed property keys inside
 * (`{ [_xN]: ... }`) might have side effects for all it knows, so every shape stays, and a client such
 * as EC2 costs about 1 MB of code to compile on every scan for the three operations aispm calls.
 * Wrapping each declaration in a pure-annotated function call lets esbuild drop the shapes no kept
 * code reaches; the values and their order of evaluation are unchanged. A file that does not have the
 * expected form fails the build, so an SDK update cannot silently change what is bundled.
 */
const pureAwsSchemas = {
  name: 'pure-aws-schemas',
  setup(build) {
    build.onLoad({ filter: /[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/ }, async (args) => {
      const lines = (await readFile(args.path, 'utf8')).split('\n');
      let open = -1;
      for (let index = 0; index < lines.length; index++) {
        const start = /^((?:export )?var [\w$]+ = )\[/.exec(lines[index]);
        if (start) {
          if (open >= 0) throw new Error(`${args.path}:${open + 1}: a schema declaration without its closing "];"`);
          lines[index] = `${start[1]}/* @__PURE__ */ (() => [${lines[index].slice(start[0].length)}`;
          open = index;
        }
        if (open >= 0 && lines[index].endsWith('];')) {
          lines[index] = `${lines[index].slice(0, -2)}])();`;
          open = -1;
        }
      }
      if (open >= 0) throw new Error(`${args.path}:${open + 1}: a schema declaration without its closing "];"`);
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

// esbuild settings shared by the bundles that run on Node (the CLI build, the benchmarks).
export const NODE_BUNDLE = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The AWS and Azure SDKs are bundled, from their ES module builds, which esbuild can tree-shake: a
  // live scan then compiles the parts of each client that aispm calls, in a few files, instead of
  // hundreds of modules from node_modules (bench/live.mjs). Each provider's collector is its own chunk,
  // loaded only when that provider is scanned (test/bundle.test.ts). Google's client libraries stay in
  // node_modules: they read their API descriptions from files beside their modules.
  external: ['@google-cloud/*', 'google-auth-library', 'google-gax'],
  mainFields: ['module', 'main'],
  // Whitespace and syntax only: names stay, so a --debug stack trace can still be read.
  minifyWhitespace: true,
  minifySyntax: true,
  // Bundled CommonJS dependencies call require(); give ESM output a real one.
  banner: { js: "import { createRequire as __aispmRequire } from 'node:module'; const require = __aispmRequire(import.meta.url);" },
  plugins: [lazyChildProcessForCommander, pureAwsSchemas],
  logLevel: 'warning',
};
