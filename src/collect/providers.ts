import type { Provider } from '../graph/model.js';
import type { ProviderCollector } from './collector.js';

/**
 * Live collectors, one module per provider, loaded only when that provider is scanned: their SDKs
 * are large, and `aispm --version` or an AWS-only scan should not pay for the others.
 */
export const PROVIDER_COLLECTORS: Record<Provider, () => Promise<ProviderCollector>> = {
  aws: async () => (await import('./aws/index.js')).collector,
  azure: async () => (await import('./azure/index.js')).collector,
  gcp: async () => (await import('./gcp/index.js')).collector,
};
