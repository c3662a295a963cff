import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { rememberSecret } from '../../secrets/known.js';
import type { Inventory } from '../../graph/model.js';
import { toolVersion } from '../../package-info.js';
import { NoCredentialsError, type CollectorContext } from '../collector.js';
import { InventoryBuilder, forEachConcurrently, forEachLimited, identityTimeoutMs } from '../runtime.js';
import { AccountsProgress } from '../progress.js';
import { inShard } from '../shard.js';
import { parseArn } from './arn.js';
import { AwsAccount, classifyAwsError, createClient, type AwsClientSettings } from './session.js';

/**
 * Reads every AWS account in scope (the default credential chain, one per `--aws-profile`, or the
 * accounts of an organization or a list, through a role assumed in each). This
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
  const { scope } = context;
  if (scope.awsOrganization || scope.awsAccounts?.length) {
    await collectAccountsByRole(builder, context, options, userAgent);
    return builder.result();
  }
  const seen = new Set<string>();
  const profiles = scope.awsProfiles ?? [undefined];
  const progress = new AccountsProgress(context, 'accounts', profiles.length, () => builder.assetCount);
  await forEachConcurrently(profiles, async (profile) => {
    try {
      await readProfile(profile);
    } finally {
      progress.finished();
    }
  });
  return builder.result();

  async function readProfile(profile: string | undefined): Promise<void> {
    const settings = profileSettings(profile, context, options);
    const homeRegion = await defaultRegion(profile);
    const identity = await callerIdentity(builder, settings, homeRegion, profile, userAgent);
    if (!identity) return;
    if (seen.has(identity.account)) {
      context.log.warn(`aws: profile ${profile} reaches account ${identity.account} again; it is read once`);
      return;
    }
    seen.add(identity.account);
    if (!inShard([identity.account], scope.shard, String).length) {
      context.log.info(`aws: account ${identity.account} is not in shard ${scope.shard!.index}/${scope.shard!.count}; left to its shard`);
      return;
    }
    builder.record({ account: identity.account, region: homeRegion, service: 'sts' }, 'ok');
    await readAccount(new AwsAccount(builder, identity.account, identity.partition, homeRegion, settings, userAgent), progress.accountContext);
  }
}

/** The settings of a profile's (or the default chain's) clients. */
function profileSettings(profile: string | undefined, context: CollectorContext, options: AwsCollectOptions): AwsClientSettings {
  return {
    profile,
    // One provider per account, shared by all its clients, so a role or SSO profile is resolved once.
    credentials: rememberingCredentials(profile ? sharedCredentials(fromIni({ profile })) : fromNodeProviderChain()),
    timeoutMs: context.timeoutMs,
    retryStrategy: options.retryStrategy,
  };
}

/** Reads one account whose identity is known, through its services' clients (account.ts, loaded now). */
async function readAccount(account: AwsAccount, context: CollectorContext): Promise<void> {
  try {
    const { collectAccount } = await import('./account.js');
    await collectAccount(account, context);
  } finally {
    account.destroy();
  }
}

/**
 * `--aws-organization` and `--aws-account`: the organization's active accounts (organizations.ts,
 * loaded only then) and the accounts named, less `--aws-exclude-account`, in the shard. The caller's
 * own account is read with the caller's credentials; every other through the role `--aws-role-name`
 * assumed in it (STS AssumeRole). An account whose role cannot be assumed is a coverage entry of its
 * own (`sts` in that account, denied or error), and the others are read. When the listing fails, the
 * caller's own account (always a member of its organization) is still read, besides those named.
 */
async function collectAccountsByRole(builder: InventoryBuilder, context: CollectorContext, options: AwsCollectOptions, userAgent: string): Promise<void> {
  const { scope } = context;
  const profile = scope.awsProfiles?.[0];
  const settings = profileSettings(profile, context, options);
  const homeRegion = await defaultRegion(profile);
  const caller = await callerIdentity(builder, settings, homeRegion, profile, userAgent);
  if (!caller) return;
  const found = new Set(scope.awsAccounts ?? []);
  if (scope.awsOrganization) {
    const { listOrganizationAccounts } = await import('./organizations.js');
    const listed = await listOrganizationAccounts(builder, caller.account, homeRegion, settings, userAgent);
    for (const id of listed ?? [caller.account]) found.add(id);
  }
  const excluded = new Set(scope.awsExcludeAccounts ?? []);
  const accounts = inShard([...found].filter((id) => !excluded.has(id)).sort(), scope.shard, String);
  if (scope.shard) context.log.info(`aws: shard ${scope.shard.index}/${scope.shard.count}: ${accounts.length} of ${found.size - [...found].filter((id) => excluded.has(id)).length} accounts`);
  // The identity call proved the caller's credentials; it is coverage of the estate only when the caller's account is read.
  if (accounts.includes(caller.account)) builder.record({ account: caller.account, region: homeRegion, service: 'sts' }, 'ok');
  const progress = new AccountsProgress(context, 'accounts', accounts.length, () => builder.assetCount);
  progress.show();
  await forEachLimited(accounts, accountsInFlight(context.concurrency), async (id) => {
    try {
      const memberSettings = id === caller.account ? settings : await assumedRole(builder, id, caller.partition, homeRegion, settings, userAgent, scope);
      if (memberSettings) await readAccount(new AwsAccount(builder, id, caller.partition, homeRegion, memberSettings, userAgent), progress.accountContext);
    } finally {
      progress.finished();
    }
  });
}

/**
 * Accounts read at once: enough to keep every one of the `--concurrency` call slots busy (an account
 * has several calls in flight most of the time), few enough that the clients of hundreds of accounts
 * are not all alive together (bench/scale.mjs measures both).
 */
export function accountsInFlight(concurrency: number): number {
  return Math.max(2, Math.ceil(concurrency / 2));
}

/** The role's session name: says who is calling, in CloudTrail and in the role's `aws:userid`. */
export const ROLE_SESSION_NAME = 'aispm-scan';

/**
 * Client settings for a member account: credentials of the role `--aws-role-name` assumed in it
 * (STS AssumeRole, the one credential call aispm makes), refreshed shortly before they expire. The
 * first AssumeRole is made now, through `builder.call`, so that a role that cannot be assumed is a
 * coverage entry of the account and the account is not read; undefined then.
 */
async function assumedRole(
  builder: InventoryBuilder,
  account: string,
  partition: string,
  region: string,
  caller: AwsClientSettings,
  userAgent: string,
  scope: CollectorContext['scope'],
): Promise<AwsClientSettings | undefined> {
  const roleArn = `arn:${partition}:iam::${account}:role/${scope.awsRoleName}`;
  const assume = async () => {
    const client = createClient(STSClient, region, caller, userAgent);
    try {
      const { Credentials: credentials } = await client.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: ROLE_SESSION_NAME, ExternalId: scope.awsExternalId }));
      if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) throw new Error(`AssumeRole of ${roleArn} gave no credentials`);
      return { accessKeyId: credentials.AccessKeyId, secretAccessKey: credentials.SecretAccessKey, sessionToken: credentials.SessionToken, expiration: credentials.Expiration };
    } finally {
      client.destroy();
    }
  };
  const credentials = rememberingCredentials(sharedCredentials(assume));
  const first = await builder.call({ account, region, service: 'sts' }, `AssumeRole ${roleArn}`, () => credentials());
  return first && { credentials, timeoutMs: caller.timeoutMs, retryStrategy: caller.retryStrategy };
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
 * The account behind the credentials (STS GetCallerIdentity); the caller records its success once it
 * knows the account is read. Missing or invalid credentials stop the
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
