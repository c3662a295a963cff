import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AccessToken, TokenCredential } from '@azure/identity';
import type { Logger } from '../../log.js';
import { NoCredentialsError, type CollectScope } from '../collector.js';
import { rememberSecret } from '../../secrets/known.js';

/**
 * Where Azure is: the sovereign cloud's Resource Manager and sign-in authority, the overrides from
 * the environment, and the credential. Nothing here calls the network except `resolveCredential`,
 * which asks for the first token.
 */

export type AzureCloudName = NonNullable<CollectScope['azureCloud']>;

interface AzureCloud {
  resourceManager: string;
  authorityHost: string;
}

export const AZURE_CLOUDS: Record<AzureCloudName, AzureCloud> = {
  public: { resourceManager: 'https://management.azure.com', authorityHost: 'https://login.microsoftonline.com' },
  china: { resourceManager: 'https://management.chinacloudapi.cn', authorityHost: 'https://login.chinacloudapi.cn' },
  usgov: { resourceManager: 'https://management.usgovcloudapi.net', authorityHost: 'https://login.microsoftonline.us' },
};

/** The Resource Manager to talk to and the token audience for it. */
export interface ArmTarget {
  /** Base URL of every request: the cloud's Resource Manager, or `AISPM_AZURE_ENDPOINT`. */
  endpoint: string;
  /** Tokens are always for the cloud's Resource Manager, also when requests go through an override (a proxy, a private link). */
  tokenScope: string;
  authorityHost: string;
}

export function armTarget(cloudName: AzureCloudName | undefined, env: NodeJS.ProcessEnv): ArmTarget {
  const cloud = AZURE_CLOUDS[cloudName ?? 'public'];
  const override = env.AISPM_AZURE_ENDPOINT?.trim();
  return {
    endpoint: (override || cloud.resourceManager).replace(/\/+$/, ''),
    tokenScope: `${cloud.resourceManager}/.default`,
    authorityHost: cloud.authorityHost,
  };
}

/**
 * Whether Azure credentials are configured, from the environment and the CLI's files only (no
 * network): a token override, a service principal or workload identity in the environment, an
 * App Service / Functions / Arc managed identity, or a signed-in Azure CLI. A VM's managed identity
 * cannot be seen without calling the metadata service: there, name the provider (`--provider azure`).
 */
export function hasAzureCredentials(env: NodeJS.ProcessEnv): boolean {
  if (env.AISPM_AZURE_TOKEN?.trim()) return true;
  if (env.AZURE_CLIENT_ID && (env.AZURE_CLIENT_SECRET || env.AZURE_CLIENT_CERTIFICATE_PATH || env.AZURE_FEDERATED_TOKEN_FILE || env.AZURE_USERNAME)) return true;
  if (env.IDENTITY_ENDPOINT || env.MSI_ENDPOINT) return true;
  return azureCliSignedIn(env);
}

function azureCliSignedIn(env: NodeJS.ProcessEnv): boolean {
  const profile = join(env.AZURE_CONFIG_DIR ?? join(env.HOME ?? homedir(), '.azure'), 'azureProfile.json');
  if (!existsSync(profile)) return false;
  try {
    // The CLI writes this file with a byte-order mark; after `az logout` its list is empty.
    const parsed = JSON.parse(readFileSync(profile, 'utf8').replace(/^\uFEFF/, '')) as { subscriptions?: unknown[] };
    return (parsed.subscriptions?.length ?? 0) > 0;
  } catch {
    return false;
  }
}

/** Lifetime given to an `AISPM_AZURE_TOKEN`, which carries no expiry of its own that we read. */
const STATIC_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

/**
 * The credential for every client: `AISPM_AZURE_TOKEN` when set, else `DefaultAzureCredential`
 * (environment, workload identity, managed identity, Azure CLI, Azure Developer CLI, PowerShell).
 * The first token is fetched here, so that missing or unusable credentials stop the Azure scan with
 * one clear message instead of a coverage gap on every call.
 */
export async function resolveCredential(target: ArmTarget, env: NodeJS.ProcessEnv, signal: AbortSignal, log: Logger): Promise<TokenCredential> {
  const token = env.AISPM_AZURE_TOKEN?.trim();
  if (token) {
    rememberSecret(token, 'azure-access-token');
    return { getToken: async (): Promise<AccessToken> => ({ token, expiresOnTimestamp: Date.now() + STATIC_TOKEN_LIFETIME_MS }) };
  }
  const { DefaultAzureCredential } = await import('@azure/identity');
  const credential = rememberingTokens(new DefaultAzureCredential({ authorityHost: target.authorityHost }));
  try {
    await credential.getToken(target.tokenScope, { abortSignal: signal });
  } catch (error) {
    signal.throwIfAborted();
    // The SDK's message lists what each credential in the chain said: long, so only with --debug.
    log.debug(`azure: DefaultAzureCredential: ${error instanceof Error ? error.message : String(error)}`);
    throw new NoCredentialsError(
      'azure',
      'no usable Azure credentials: none of az login, a service principal or workload identity (AZURE_CLIENT_ID, AZURE_TENANT_ID, ...), a managed identity or AISPM_AZURE_TOKEN gave a token (--debug shows why)',
    );
  }
  return credential;
}

/** Remembers every token Entra ID hands out as a secret the scanner holds (secrets/known.ts). */
function rememberingTokens(credential: TokenCredential): TokenCredential {
  return {
    getToken: async (scopes, options) => {
      const token = await credential.getToken(scopes, options);
      rememberSecret(token?.token, 'azure-access-token');
      return token;
    },
  };
}
