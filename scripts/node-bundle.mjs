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
  logLevel: 'warning',
};
