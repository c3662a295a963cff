import { InputError } from '../../errors.js';

/** What the environment says about reaching Google Cloud: read once, before any SDK loads. */
export interface GcpSettings {
  /** `AISPM_GCP_ENDPOINT`: one base URL for every Google API aispm calls (private endpoints, proxies, tests). */
  endpoint?: URL;
  /** `AISPM_GCP_TOKEN`: a bearer token used instead of application default credentials. */
  token?: string;
}

export function readGcpSettings(env: NodeJS.ProcessEnv): GcpSettings {
  const settings: GcpSettings = {};
  if (env.AISPM_GCP_TOKEN) settings.token = env.AISPM_GCP_TOKEN;
  const endpoint = env.AISPM_GCP_ENDPOINT;
  if (endpoint) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {}
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || (url.pathname !== '/' && url.pathname !== '')) {
      throw new InputError({
        field: 'AISPM_GCP_ENDPOINT',
        message: `"${endpoint}" is not a base URL`,
        hint: 'give scheme, host and optional port, e.g. https://private.googleapis.com or http://127.0.0.1:8080',
      });
    }
    settings.endpoint = url;
  }
  return settings;
}
