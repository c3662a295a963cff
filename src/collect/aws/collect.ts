import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { rememberSecret } from '../../secrets/known.js';
import type { Inventory } from '../../graph/model.js';
import { toolVersion } from '../../package-info.js';
import { NoCredentialsError, type CollectorContext } from '../collector.js';
import { InventoryBuilder, forEachConcurrently, identityTimeoutMs } from '../runtime.js';
import { parseArn } from './arn.js';
import { AwsAccount, classifyAwsError, createClient, type AwsClientSettings } from './session.js';

/**
 * Reads every AWS account in scope (the default credential chain, or one per `--aws-profile`). This
 * module loads only what the first call needs (STS and the credential providers), so that the call
 * leaves as soon as the process starts; the services' clients (account.ts) load once it is answered.
 * (Not while it is in flight: compiling them holds the event loop, and a request whose answer waits
 * behind that can outlast its timeout.)
 */

export interface AwsCollectOptions {
  /** Replaces the SDK's retry strategy (tests use a short back-off). */
  retryStrategy?: AwsClientSettings['retryStrategy'];
}

/** Credential errors mean the user has no usable credentials for AWS, not a gap in one service. */
const CREDENTIAL_ERRORS = new Set(['CredentialsProviderError', 'TokenProviderError', 'InvalidClientTokenId', 'ExpiredToken', 'ExpiredTokenException', 'SignatureDoesNotMatch', 'UnrecognizedClientException']);

const DEFAULT_REGION = 'us-east-1';

export async function collectAws(context: CollectorContext, options: AwsCollectOptions = {}): Promise<Inventory> {
  // The SDK warns on stderr that future versions will need Node 22; aispm pins its SDK version, so that is noise for its users.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const builder = new InventoryBuilder('aws', context, classifyAwsError);
  const userAgent = `aispm/${toolVersion()}`;
  const seen = new Set<string>();
  await forEachConcurrently(context.scope.awsProfiles ?? [undefined], async (profile) => {
    const settings: AwsClientSettings = {
      profile,
      // One provider per account, shared by all its clients, so a role or SSO profile is resolved once.
      credentials: rememberingCredentials(profile ? sharedCredentials(fromIni({ profile })) : fromNodeProviderChain()),
      timeoutMs: context.timeoutMs,
      retryStrategy: options.retryStrategy,
    };
    const homeRegion = await defaultRegion(profile);
    const identity = await callerIdentity(builder, settings, homeRegion, profile, userAgent);
    if (!identity) return;
    if (seen.has(identity.account)) {
      context.log.warn(`aws: profile ${profile} reaches account ${identity.account} again; it is read once`);
      return;
    }
    seen.add(identity.account);
    const account = new AwsAccount(builder, identity.account, identity.partition, homeRegion, settings, userAgent);
    try {
      const { collectAccount } = await import('./account.js');
      await collectAccount(account, context);
    } finally {
      account.destroy();
    }
  });
  return builder.result();
}

/** The region a profile (or the environment) names, for the first calls; us-east-1 when none does. */
async function defaultRegion(profile: string | undefined): Promise<string> {
  const client = new STSClient({ profile });
  try {
    return await client.config.region();
  } catch {
    return DEFAULT_REGION;
  } finally {
    client.destroy();
  }
}

/**
 * The account behind the credentials (STS GetCallerIdentity). Missing or invalid credentials stop the
 * scan (exit 2); any other failure is a coverage entry for the profile. This one call bypasses
 * `builder.call`: its coverage belongs to an account that is only known from its answer.
 */
async function callerIdentity(
  builder: InventoryBuilder,
  settings: AwsClientSettings,
  region: string,
  profile: string | undefined,
  userAgent: string,
): Promise<{ account: string; partition: string } | undefined> {
  // Fail fast (runtime.ts, identityTimeoutMs): nothing else is read without it, and a silent or
  // unreachable endpoint must not hold the scan for minutes.
  const timeoutMs = identityTimeoutMs(settings.timeoutMs);
  const client = createClient(STSClient, region, { ...settings, timeoutMs }, userAgent);
  try {
    const identity = await builder.attempt({ account: profile ?? 'default', region, service: 'sts' }, () => client.send(new GetCallerIdentityCommand({})), { deadlineMs: 2 * timeoutMs });
    if (!identity.Account) throw new Error('GetCallerIdentity gave no account id');
    builder.record({ account: identity.Account, region, service: 'sts' }, 'ok');
    return { account: identity.Account, partition: parseArn(identity.Arn)?.partition ?? 'aws' };
  } catch (error) {
    const { name, message } = error as Error;
    if (CREDENTIAL_ERRORS.has(name)) {
      throw new NoCredentialsError('aws', `no usable AWS credentials${profile ? ` for profile "${profile}"` : ''}: ${message}`);
    }
    // STS exists in every region: a name that does not resolve means no DNS, never "not offered here".
    const unresolved = (error as { code?: string }).code === 'ENOTFOUND';
    const classified = unresolved ? { status: 'error' as const, message: `cannot resolve the STS endpoint (no DNS, or a wrong AWS_ENDPOINT_URL): ${message}` } : classifyAwsError(error);
    builder.record({ account: profile ?? 'default', region, service: 'sts' }, classified.status, `GetCallerIdentity: ${classified.message}`);
    return undefined;
  } finally {
    client.destroy();
  }
}

/**
 * Remembers the keys a provider resolves to (from a profile's file, SSO, an assumed role, the instance
 * role) as secrets the scanner holds, so that no message can quote them (secrets/known.ts).
 */
function rememberingCredentials(provider: ReturnType<typeof fromIni>): ReturnType<typeof fromIni> {
  return async (options) => {
    const credentials = await provider(options);
    rememberSecret(credentials.secretAccessKey, 'aws-secret-access-key');
    rememberSecret(credentials.sessionToken, 'aws-session-token');
    return credentials;
  };
}

/** Caches resolved credentials until shortly before they expire. */
function sharedCredentials(provider: ReturnType<typeof fromIni>): ReturnType<typeof fromIni> {
  let pending: ReturnType<ReturnType<typeof fromIni>> | undefined;
  const refresh = () => {
    pending = provider().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
  return async () => {
    const credentials = await (pending ?? refresh());
    const expiresSoon = credentials.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 5 * 60_000;
    return expiresSoon ? refresh() : credentials;
  };
}
