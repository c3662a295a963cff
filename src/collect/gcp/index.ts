import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ProviderCollector } from '../collector.js';
import type { RetryPolicy } from './session.js';
import { readGcpSettings } from './settings.js';

/**
 * The Google Cloud (Vertex AI) collector. This module stays light: the registry loads it to ask
 * whether credentials exist, and the Google SDKs (about a second to import) load only in `collect`.
 * Tests shorten the retry delays with `retry`.
 */
export function createGcpCollector(options: { retry?: Partial<RetryPolicy> } = {}): ProviderCollector {
  return {
    provider: 'gcp',
    hasCredentials: async () => hasGoogleCredentials(process.env),
    collect: async (context) => {
      const settings = readGcpSettings(process.env);
      const { collectGcp } = await import('./collect.js');
      return collectGcp(context, settings, options.retry);
    },
  };
}

export const collector: ProviderCollector = createGcpCollector();

/**
 * Whether application default credentials (or a token) can be found, from files and variables
 * only: probing the metadata server would be a network call, so on Compute Engine, Cloud Run or
 * GKE without a key file, ask for `--provider gcp` explicitly.
 */
export function hasGoogleCredentials(env: NodeJS.ProcessEnv): boolean {
  if (env.AISPM_GCP_TOKEN) return true;
  if (env.GOOGLE_APPLICATION_CREDENTIALS) return existsSync(env.GOOGLE_APPLICATION_CREDENTIALS);
  return existsSync(join(gcloudConfigDir(env), 'application_default_credentials.json'));
}

/** Where `gcloud auth application-default login` writes its credentials. */
function gcloudConfigDir(env: NodeJS.ProcessEnv): string {
  if (env.CLOUDSDK_CONFIG) return env.CLOUDSDK_CONFIG;
  if (process.platform === 'win32') return join(env.APPDATA ?? homedir(), 'gcloud');
  return join(homedir(), '.config', 'gcloud');
}
