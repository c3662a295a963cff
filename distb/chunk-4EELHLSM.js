import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);

// src/collect/collector.ts
var NoCredentialsError = class extends Error {
  constructor(provider, message) {
    super(message);
    this.provider = provider;
    this.name = "NoCredentialsError";
  }
  provider;
};
function mergeInventories(inventories) {
  return {
    sources: inventories.flatMap((inventory) => inventory.sources),
    assets: inventories.flatMap((inventory) => inventory.assets),
    edges: inventories.flatMap((inventory) => inventory.edges),
    coverage: inventories.flatMap((inventory) => inventory.coverage)
  };
}

export {
  NoCredentialsError,
  mergeInventories
};
