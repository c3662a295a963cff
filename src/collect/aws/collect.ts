import { EC2Client, DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { rememberSecret } from '../../secrets/known.js';
import type { Inventory } from '../../graph/model.js';
import { toolVersion } from '../../package-info.js';
import { NoCredentialsError, type CollectorContext } from '../collector.js';
import { InventoryBuilder, forEachConcurrently, identityTimeoutMs } from '../runtime.js';
import { collectAgentCore } from './agentcore.js';
import { parseArn } from './arn.js';
import { collectBedrock, markLegacyModelUsers } from './bedrock.js';
import { collectBedrockAgents } from './bedrock-agent.js';
import { collectGuardDuty } from './guardduty.js';
import { collectGuardrailVersions } from './guardrails.js';
import { collectApiKeys, collectIdentities } from './iam.js';
import { collectKeys } from './kms.js';
import { collectFunctions } from './lambda.js';
import { collectLogGroups } from './logs.js';
import { bedrockInvokedModels } from './metrics.js';
import { addVpcs, collectBedrockEndpoints, type BedrockEndpoints } from './network.js';
import { collectBuckets } from './s3.js';
import { collectSageMaker } from './sagemaker.js';
import { AwsAccount, classifyAwsError, createClient, type AwsClientSettings } from './session.js';

/**
 * Reads every AWS account in scope (the default credential chain, or one per `--aws-profile`):
 * first the AI services in every region, in parallel; then the functions, log groups and buckets
 * they point at; then the roles, users and keys those point at; finally the relations and
 * properties that need all of it.
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

/** Enabled regions (EC2 DescribeRegions), narrowed to `--regions`; a requested region that is not enabled is skipped. */
async function regionsToScan(account: AwsAccount, requested: string[] | undefined): Promise<string[]> {
  const scope = account.scope(account.homeRegion, 'ec2');
  const client = account.client(EC2Client, account.homeRegion);
  const enabled = (await scope.call('DescribeRegions', () => client.send(new DescribeRegionsCommand({}))))?.Regions?.flatMap((region) => region.RegionName ?? []);
  if (!requested) return enabled ?? [account.homeRegion];
  if (!enabled) return requested;
  for (const region of requested.filter((name) => !enabled.includes(name))) {
    account.scope(region, 'all').record('skipped', 'the region is not enabled for this account, or does not exist');
  }
  return requested.filter((name) => enabled.includes(name));
}

/** Whether a region uses Bedrock, and the evidence: its resources, and the models invoked lately. */
export interface BedrockUse {
  bedrockResourcesInRegion: number | undefined;
  invokedModels: string[] | undefined;
  /** True when either shows use; false only when both were read and show none; unknown otherwise. */
  bedrockUsed: boolean | undefined;
}

function bedrockUseOf(resources: number | undefined, invokedModels: string[] | undefined): BedrockUse {
  const evidence = [resources === undefined ? undefined : resources > 0, invokedModels === undefined ? undefined : invokedModels.length > 0];
  const bedrockUsed = evidence.includes(true) ? true : evidence.every((seen) => seen === false) ? false : undefined;
  return { bedrockResourcesInRegion: resources, invokedModels, bedrockUsed };
}

async function collectAccount(account: AwsAccount, context: CollectorContext): Promise<void> {
  context.progress(`${account.account}: finding regions`);
  const regions = await regionsToScan(account, context.scope.regions);
  const endpointsByRegion = new Map<string, BedrockEndpoints>();
  const modelLifecycle = new Map<string, Map<string, string> | undefined>();
  const bedrockUse = new Map<string, BedrockUse>();

  let regionsRead = 0;
  const regionProgress = () => context.progress(`${account.account}: ${regionsRead}/${regions.length} regions, ${account.assetCount} assets`);
  regionProgress();
  await Promise.all([
    collectApiKeys(account),
    forEachConcurrently(regions, async (region) => {
      const [, bedrock, agents, endpoints, invokedModels, agentCore, guardDutyId] = await Promise.all([
        collectSageMaker(account, region),
        collectBedrock(account, region),
        collectBedrockAgents(account, region),
        collectBedrockEndpoints(account, region),
        bedrockInvokedModels(account, region),
        collectAgentCore(account, region),
        collectGuardDuty(account, region),
      ]);
      endpointsByRegion.set(region, endpoints);
      modelLifecycle.set(region, bedrock.modelLifecycle);
      const found = bedrock.resources + agents.resources;
      const everythingListed = !account.scope(region, 'bedrock').failed && !account.scope(region, 'bedrock-agent').failed;
      const use = bedrockUseOf(found > 0 || everythingListed ? found : undefined, invokedModels);
      bedrockUse.set(region, use);
      if (bedrock.loggingId) account.patchProps(bedrock.loggingId, { ...use });
      if (guardDutyId) account.patchProps(guardDutyId, { bedrockUsed: use.bedrockUsed, agentCoreResources: account.scope(region, 'bedrock-agentcore').failed && agentCore.resources === 0 ? undefined : agentCore.resources });
      regionsRead++;
      regionProgress();
    }),
  ]);

  context.progress(`${account.account}: ${regions.length} regions, ${account.assetCount} assets; the functions, logs and buckets they use`);
  await Promise.all([collectGuardrailVersions(account), collectFunctions(account), collectLogGroups(account), collectBuckets(account)]);
  context.progress(`${account.account}: ${regions.length} regions, ${account.assetCount} assets; the identities and keys they use`);
  await Promise.all([collectIdentities(account), collectKeys(account)]);

  markLegacyModelUsers(account, modelLifecycle);
  addVpcs(account, endpointsByRegion, bedrockUse);
  account.addStubs();
}
