import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { CollectorContext } from '../collector.js';
import { forEachConcurrently } from '../runtime.js';
import { collectAgentCore } from './agentcore.js';
import { collectAgentCoreLogDeliveries } from './agentcore-logs.js';
import { collectRuntimeNetworks } from './agentcore-network.js';
import { collectBedrock, markLegacyModelUsers } from './bedrock.js';
import { collectBedrockAgents } from './bedrock-agent.js';
import { collectBedrockEvaluations } from './bedrock-evaluation.js';
import { collectCloudTrail } from './cloudtrail.js';
import { collectCostControls } from './cost-controls.js';
import { collectGuardDuty } from './guardduty.js';
import { collectGuardrailVersions } from './guardrails.js';
import { collectInspector, countModelCallingFunctions } from './inspector.js';
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
import { collectTraceDestination } from './xray.js';
import { collectModelCards, linkModelCards } from './sagemaker-model-cards.js';
import type { AwsAccount } from './session.js';
import { collectAiApis, listApis, type ListedApi } from './api-gateway.js';

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

/** Bedrock agents or AgentCore runtimes run in the region; false only when both were listed and none found. */
function agentsUsedIn(account: AwsAccount, region: string): boolean | undefined {
  if (account.countAssets(region, 'aws.bedrock.agent') > 0 || account.countAssets(region, 'aws.bedrock-agentcore.runtime') > 0) return true;
  return account.scope(region, 'bedrock-agent').failed || account.scope(region, 'bedrock-agentcore').failed ? undefined : false;
}

export async function collectAccount(account: AwsAccount, context: CollectorContext): Promise<void> {
  context.progress(`${account.account}: finding regions`);
  const regions = await regionsToScan(account, context.scope.regions);
  const identities = startIdentities(account);
  const endpointsByRegion = new Map<string, BedrockEndpoints>();
  const modelLifecycle = new Map<string, Map<string, string> | undefined>();
  const bedrockUse = new Map<string, BedrockUse>();
  const apis: ListedApi[] = [];
  const inspectorByRegion = new Map<string, string>();

  let regionsRead = 0;
  const regionProgress = () => context.progress(`${account.account}: ${regionsRead}/${regions.length} regions, ${account.assetCount} assets`);
  regionProgress();
  await Promise.all([
    collectApiKeys(account),
    forEachConcurrently(regions, async (region) => {
      const [sageMaker, bedrock, agents, endpoints, invokedModels, agentCore, guardDutyId, alarmsId, , , , evaluated, , modelCards] = await Promise.all([
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
        listApis(account, region).then((listed) => apis.push(...listed)),
        collectBedrockEvaluations(account, region),
        collectInspector(account, region).then((id) => id && inspectorByRegion.set(region, id)),
        collectModelCards(account, region),
      ]);
      linkModelCards(account, sageMaker.models, modelCards);
      await Promise.all([
        collectAgentCoreLogDeliveries(account, region, agentCore.logSources),
        collectRuntimeNetworks(account, region, agentCore.runtimeSubnets),
        collectTraceDestination(account, region, agentCore.runtimes),
      ]);
      // Agents, aliases and flows name the guardrails they use: when some of them could not be read, whether a guardrail is in use is unknown.
      if (account.scope(region, 'bedrock-agent').failed) for (const id of bedrock.guardrails ?? []) account.markEdgesUnread(id, 'guarded-by', 'in');
      endpointsByRegion.set(region, endpoints);
      modelLifecycle.set(region, bedrock.modelLifecycle);
      const found = bedrock.resources + agents.resources;
      const everythingListed = !account.scope(region, 'bedrock').failed && !account.scope(region, 'bedrock-agent').failed;
      const use = bedrockUseOf(found > 0 || everythingListed ? found : undefined, invokedModels);
      bedrockUse.set(region, use);
      if (bedrock.loggingId) account.patchProps(bedrock.loggingId, { ...use });
      if (alarmsId) {
        account.patchProps(alarmsId.bedrock, { bedrockUsed: use.bedrockUsed });
        account.patchProps(alarmsId.agents, { agentsUsed: agentsUsedIn(account, region) });
      }
      if (evaluated.id) account.patchProps(evaluated.id, { bedrockUsed: use.bedrockUsed });
      // Without every evaluation job's knowledge bases, "never evaluated" cannot be concluded.
      for (const knowledgeBase of agents.knowledgeBases) {
        if (evaluated.knowledgeBasesKnown) account.patchProps(knowledgeBase, { evaluationJobsRead: true });
        else account.markEdgesUnread(knowledgeBase, 'evaluates', 'in');
      }
      if (guardDutyId) account.patchProps(guardDutyId, { bedrockUsed: use.bedrockUsed, agentCoreResources: account.scope(region, 'bedrock-agentcore').failed && agentCore.resources === 0 ? undefined : agentCore.resources });
      regionsRead++;
      regionProgress();
    }),
  ]);

  context.progress(`${account.account}: ${regions.length} regions, ${account.assetCount} assets; the functions, logs and buckets they use`);
  const [trails, organizationId, costControlsId] = await Promise.all([
    collectCloudTrail(account, regions, !context.scope.regions),
    collectOrganizationPolicies(account),
    collectCostControls(account),
    collectGuardrailVersions(account),
    collectFunctions(account),
    collectLogGroups(account),
    collectBuckets(account),
    collectRepositories(account),
    collectCollections(account),
  ]);
  // Some scanned region uses Bedrock; false only when every region was read and none does.
  const regionsUse = [...bedrockUse.values()].map((use) => use.bedrockUsed);
  const accountBedrockUsed = regionsUse.includes(true) ? true : regionsUse.every((seen) => seen === false) ? false : undefined;
  if (organizationId) account.patchProps(organizationId, { bedrockUsed: accountBedrockUsed });
  if (costControlsId) {
    const sageMakerFound = regions.some((region) => account.countAssets(region, 'aws.sagemaker.') > 0);
    account.patchProps(costControlsId, {
      bedrockUsed: accountBedrockUsed,
      sageMakerUsed: sageMakerFound ? true : regions.some((region) => account.scope(region, 'sagemaker').failed) ? undefined : false,
    });
  }
  for (const [region, { id }] of trails) {
    const sageMakerResources = account.countAssets(region, 'aws.sagemaker.');
    const sageMakerUsed = sageMakerResources > 0 ? true : account.scope(region, 'sagemaker').failed ? undefined : false;
    account.patchProps(id, { bedrockUsed: bedrockUse.get(region)?.bedrockUsed, bedrockResourcesInRegion: bedrockUse.get(region)?.bedrockResourcesInRegion, sageMakerUsed });
  }
  context.progress(`${account.account}: ${regions.length} regions, ${account.assetCount} assets; the identities and keys they use`);
  // The APIs in front of AI compute are known once IAM has said which functions call models.
  await Promise.all([identities.finish().then(() => collectAiApis(account, apis)), collectKeys(account), collectMacie(account)]);

  addModelCallers(account);
  for (const [region, id] of inspectorByRegion) account.patchProps(id, { modelCallingFunctions: countModelCallingFunctions(account, region) });
  markLegacyModelUsers(account, modelLifecycle);
  addVpcs(account, endpointsByRegion, bedrockUse);
  account.addStubs();
}
