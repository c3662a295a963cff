import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { CollectorContext } from '../collector.js';
import { forEachConcurrently } from '../runtime.js';
import { collectAgentCore } from './agentcore.js';
import { collectAgentCoreLogDeliveries } from './agentcore-logs.js';
import { collectBedrock, markLegacyModelUsers } from './bedrock.js';
import { collectBedrockAgents } from './bedrock-agent.js';
import { collectCloudTrail } from './cloudtrail.js';
import { collectGuardDuty } from './guardduty.js';
import { collectGuardrailVersions } from './guardrails.js';
import { collectApiKeys, startIdentities } from './iam.js';
import { collectKeys } from './kms.js';
import { collectMacie } from './macie.js';
import { collectRepositories } from './ecr.js';
import { listModelCallerTaskDefinitions } from './ecs.js';
import { collectFunctions, listModelCallerFunctions } from './lambda.js';
import { collectLogGroups } from './logs.js';
import { addModelCallers } from './model-callers.js';
import { bedrockInvokedModels, collectBedrockAlarms } from './metrics.js';
import { addVpcs, collectBedrockEndpoints, type BedrockEndpoints } from './network.js';
import { collectBuckets } from './s3.js';
import { collectCollections } from './opensearch-serverless.js';
import { collectOrganizationPolicies } from './organization-policies.js';
import { collectSageMaker } from './sagemaker.js';
import { collectModelCards, linkModelCards } from './sagemaker-model-cards.js';
import type { AwsAccount } from './session.js';

/**
 * Reads one AWS account whose identity is known: first the AI services in every region, in
 * parallel; then the functions, log groups and buckets they point at; then the roles, users and keys
 * those point at; finally the relations and properties that need all of it. Loaded by collect.ts
 * once the identity call is answered: this module brings every service's SDK client with it.
 */

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

export async function collectAccount(account: AwsAccount, context: CollectorContext): Promise<void> {
  context.progress(`${account.account}: finding regions`);
  const regions = await regionsToScan(account, context.scope.regions);
  const identities = startIdentities(account);
  const endpointsByRegion = new Map<string, BedrockEndpoints>();
  const modelLifecycle = new Map<string, Map<string, string> | undefined>();
  const bedrockUse = new Map<string, BedrockUse>();

  let regionsRead = 0;
  const regionProgress = () => context.progress(`${account.account}: ${regionsRead}/${regions.length} regions, ${account.assetCount} assets`);
  regionProgress();
  await Promise.all([
    collectApiKeys(account),
    forEachConcurrently(regions, async (region) => {
      const [sageMaker, bedrock, agents, endpoints, invokedModels, agentCore, guardDutyId, alarmsId, , , modelCards] = await Promise.all([
        collectSageMaker(account, region),
        collectBedrock(account, region),
        collectBedrockAgents(account, region),
        collectBedrockEndpoints(account, region),
        bedrockInvokedModels(account, region),
        collectAgentCore(account, region),
        collectGuardDuty(account, region),
        collectBedrockAlarms(account, region),
        listModelCallerFunctions(account, region),
        listModelCallerTaskDefinitions(account, region),
        collectModelCards(account, region),
      ]);
      linkModelCards(account, sageMaker.models, modelCards);
      await collectAgentCoreLogDeliveries(account, region, agentCore.logSources);
      // Agents, aliases and flows name the guardrails they use: when some of them could not be read, whether a guardrail is in use is unknown.
      if (account.scope(region, 'bedrock-agent').failed) for (const id of bedrock.guardrails ?? []) account.markEdgesUnread(id, 'guarded-by', 'in');
      endpointsByRegion.set(region, endpoints);
      modelLifecycle.set(region, bedrock.modelLifecycle);
      const found = bedrock.resources + agents.resources;
      const everythingListed = !account.scope(region, 'bedrock').failed && !account.scope(region, 'bedrock-agent').failed;
      const use = bedrockUseOf(found > 0 || everythingListed ? found : undefined, invokedModels);
      bedrockUse.set(region, use);
      if (bedrock.loggingId) account.patchProps(bedrock.loggingId, { ...use });
      if (alarmsId) account.patchProps(alarmsId, { bedrockUsed: use.bedrockUsed });
      if (guardDutyId) account.patchProps(guardDutyId, { bedrockUsed: use.bedrockUsed, agentCoreResources: account.scope(region, 'bedrock-agentcore').failed && agentCore.resources === 0 ? undefined : agentCore.resources });
      regionsRead++;
      regionProgress();
    }),
  ]);

  context.progress(`${account.account}: ${regions.length} regions, ${account.assetCount} assets; the functions, logs and buckets they use`);
  const [trails, organizationId] = await Promise.all([
    collectCloudTrail(account, regions, !context.scope.regions),
    collectOrganizationPolicies(account),
    collectGuardrailVersions(account),
    collectFunctions(account),
    collectLogGroups(account),
    collectBuckets(account),
    collectRepositories(account),
    collectCollections(account),
  ]);
  if (organizationId) {
    const used = [...bedrockUse.values()].map((use) => use.bedrockUsed);
    account.patchProps(organizationId, { bedrockUsed: used.includes(true) ? true : used.every((seen) => seen === false) ? false : undefined });
  }
  for (const [region, { id }] of trails) {
    const sageMakerResources = account.countAssets(region, 'aws.sagemaker.');
    const sageMakerUsed = sageMakerResources > 0 ? true : account.scope(region, 'sagemaker').failed ? undefined : false;
    account.patchProps(id, { bedrockUsed: bedrockUse.get(region)?.bedrockUsed, bedrockResourcesInRegion: bedrockUse.get(region)?.bedrockResourcesInRegion, sageMakerUsed });
  }
  context.progress(`${account.account}: ${regions.length} regions, ${account.assetCount} assets; the identities and keys they use`);
  await Promise.all([identities.finish(), collectKeys(account), collectMacie(account)]);

  addModelCallers(account);
  markLegacyModelUsers(account, modelLifecycle);
  addVpcs(account, endpointsByRegion, bedrockUse);
  account.addStubs();
}
