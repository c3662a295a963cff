import type { ProviderCollector } from '../collector.js';
import type { PipelineTuning } from './connection.js';
import { hasAzureCredentials } from './credentials.js';

/**
 * The Azure collector: Azure OpenAI and AI services, Azure Machine Learning and AI Foundry, and the
 * identities, role assignments, storage and keys they touch. The SDKs load only when a scan starts
 * (`collect.js`), so finding out whether Azure credentials exist costs nothing.
 */
export interface AzureCollectorOptions {
  /** Where `AISPM_AZURE_ENDPOINT`, `AISPM_AZURE_TOKEN` and the credential hints are read (`@azure/identity` reads process.env itself). */
  env?: NodeJS.ProcessEnv;
  tuning?: PipelineTuning;
}

export function createAzureCollector(options: AzureCollectorOptions = {}): ProviderCollector {
  const env = options.env ?? process.env;
  return {
    provider: 'azure',
    hasCredentials: async () => hasAzureCredentials(env),
    collect: async (context) => (await import('./collect.js')).collectAzure(context, { env, tuning: options.tuning ?? {} }),
  };
}

export const collector = createAzureCollector();
