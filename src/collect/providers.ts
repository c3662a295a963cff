import type { Provider } from '../graph/model.js';
import type { ProviderCollector } from './collector.js';

/**
 * Live collectors, one module per provider, loaded only when that provider is scanned (their SDKs
 * are large). A provider missing here cannot be scanned live in this build.
 */
export const PROVIDER_COLLECTORS: Partial<Record<Provider, () => Promise<ProviderCollector>>> = {};
