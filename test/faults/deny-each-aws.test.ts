import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { collectAws } from '../../src/collect/aws/collect.js';
import { collectorContext, fastRetry, replaceAwsEnvironment } from '../collect/aws/helpers.js';
import { FakeAws, awsRequestAction, fakeAwsEnvironment } from '../fakes/aws/server.js';
import { awsDialect } from '../fakes/fault-dialects.js';
import { FaultProxy } from '../fakes/fault-proxy.js';
import { denyEachPermissionTests } from './deny-each.js';

/** Every IAM action the AWS collector uses on the fake account, denied one at a time. */
const PERMISSIONS: string[] = [
  'aoss:BatchGetCollection',
  'aoss:GetAccessPolicy',
  'aoss:GetSecurityPolicy',
  'aoss:ListAccessPolicies',
  'aoss:ListSecurityPolicies',
  'bedrock:GetAgent',
  'bedrock:GetAgentVersion',
  'bedrock:GetAgentActionGroup',
  'bedrock:GetCustomModel',
  'bedrock:GetDataSource',
  'bedrock:GetFlow',
  'bedrock:GetGuardrail',
  'bedrock:GetImportedModel',
  'bedrock:GetKnowledgeBase',
  'bedrock:GetModelCustomizationJob',
  'bedrock:GetModelInvocationLoggingConfiguration',
  'bedrock:GetPrompt',
  'bedrock:ListAgentActionGroups',
  'bedrock:ListAgentAliases',
  'bedrock:ListAgentKnowledgeBases',
  'bedrock:ListAgents',
  'bedrock:ListCustomModels',
  'bedrock:ListDataSources',
  'bedrock:ListFlows',
  'bedrock:ListFoundationModels',
  'bedrock:ListGuardrails',
  'bedrock:ListImportedModels',
  'bedrock:ListInferenceProfiles',
  'bedrock:ListKnowledgeBases',
  'bedrock:ListModelCustomizationJobs',
  'bedrock:ListModelInvocationJobs',
  'bedrock:ListPrompts',
  'bedrock:ListProvisionedModelThroughputs',
  'bedrock:ListTagsForResource',
  'bedrock-agentcore:GetAgentRuntime',
  'bedrock-agentcore:GetBrowser',
  'bedrock-agentcore:GetCodeInterpreter',
  'bedrock-agentcore:GetGateway',
  'bedrock-agentcore:GetGatewayTarget',
  'bedrock-agentcore:GetMemory',
  'bedrock-agentcore:GetResourcePolicy',
  'bedrock-agentcore:ListAgentRuntimeEndpoints',
  'bedrock-agentcore:ListAgentRuntimes',
  'bedrock-agentcore:ListBrowsers',
  'bedrock-agentcore:ListCodeInterpreters',
  'bedrock-agentcore:ListGatewayTargets',
  'bedrock-agentcore:ListGateways',
  'bedrock-agentcore:ListMemories',
  'bedrock-agentcore:ListPolicyEngines',
  'bedrock-agentcore:ListTagsForResource',
  'cloudwatch:DescribeAlarms',
  'cloudwatch:ListMetrics',
  'cloudtrail:DescribeTrails',
  'cloudtrail:GetEventDataStore',
  'cloudtrail:GetEventSelectors',
  'cloudtrail:GetTrailStatus',
  'cloudtrail:ListEventDataStores',
  'ec2:DescribeRegions',
  'ec2:DescribeVpcEndpoints',
  'ecr:BatchGetRepositoryScanningConfiguration',
  'ecr:DescribeRepositories',
  'ecr:GetRegistryScanningConfiguration',
  'ecs:DescribeTaskDefinition',
  'ecs:ListTaskDefinitionFamilies',
  'guardduty:GetDetector',
  'guardduty:ListDetectors',
  'iam:GetGroupPolicy',
  'iam:GetPolicy',
  'iam:GetPolicyVersion',
  'iam:GetRole',
  'iam:GetRolePolicy',
  'iam:GetUser',
  'iam:GetUserPolicy',
  'iam:ListAttachedGroupPolicies',
  'iam:ListAttachedRolePolicies',
  'iam:ListAttachedUserPolicies',
  'iam:ListGroupPolicies',
  'iam:ListGroupsForUser',
  'iam:ListRolePolicies',
  'iam:ListRoles',
  'iam:ListServiceSpecificCredentials',
  'iam:ListUserPolicies',
  'kms:DescribeKey',
  'kms:GetKeyRotationStatus',
  'kms:ListAliases',
  'lambda:GetFunctionConfiguration',
  'lambda:GetFunctionConcurrency',
  'lambda:ListFunctions',
  'logs:DescribeAccountPolicies',
  'logs:DescribeLogGroups',
  'logs:GetDataProtectionPolicy',
  'macie2:DescribeBuckets',
  'macie2:GetAutomatedDiscoveryConfiguration',
  'macie2:GetMacieSession',
  's3:GetAccountPublicAccessBlock',
  's3:GetBucketAcl',
  's3:GetBucketLocation',
  's3:GetBucketPolicy',
  's3:GetBucketPolicyStatus',
  's3:GetBucketPublicAccessBlock',
  's3:GetBucketTagging',
  's3:GetBucketVersioning',
  's3:GetBucketNotification',
  's3:GetEncryptionConfiguration',
  'sagemaker:DescribeDataQualityJobDefinition',
  'sagemaker:DescribeDomain',
  'sagemaker:DescribeEndpoint',
  'sagemaker:DescribeEndpointConfig',
  'sagemaker:DescribeFeatureGroup',
  'sagemaker:DescribeFlowDefinition',
  'sagemaker:DescribeModel',
  'sagemaker:DescribeModelBiasJobDefinition',
  'sagemaker:DescribeModelExplainabilityJobDefinition',
  'sagemaker:DescribeModelQualityJobDefinition',
  'sagemaker:DescribeMonitoringSchedule',
  'sagemaker:DescribeNotebookInstance',
  'sagemaker:DescribeNotebookInstanceLifecycleConfig',
  'sagemaker:DescribeProcessingJob',
  'sagemaker:DescribeTrainingJob',
  'sagemaker:DescribeTransformJob',
  'sagemaker:DescribeUserProfile',
  'sagemaker:ListDomains',
  'sagemaker:ListEndpointConfigs',
  'sagemaker:ListEndpoints',
  'sagemaker:ListDataQualityJobDefinitions',
  'sagemaker:ListFeatureGroups',
  'sagemaker:ListFlowDefinitions',
  'sagemaker:ListModelPackageGroups',
  'sagemaker:ListModelPackages',
  'sagemaker:ListModels',
  'sagemaker:ListMonitoringSchedules',
  'sagemaker:ListNotebookInstances',
  'sagemaker:ListProcessingJobs',
  'sagemaker:ListTags',
  'sagemaker:ListTrainingJobs',
  'sagemaker:ListTransformJobs',
  'sagemaker:ListUserProfiles',
  'organizations:DescribeOrganization',
  'organizations:DescribeEffectivePolicy',
  'logs:DescribeDeliverySources',
  'logs:DescribeDeliveries',
  'sagemaker:ListHyperParameterTuningJobs',
  'sagemaker:DescribeHyperParameterTuningJob',
  'sagemaker:ListAutoMLJobs',
  'sagemaker:DescribeAutoMLJobV2',
  'sagemaker:ListCompilationJobs',
  'sagemaker:DescribeCompilationJob',
  'sagemaker:ListModelCards',
  'sagemaker:DescribeModelCard',
  'sts:GetCallerIdentity',
];

const fake = new FakeAws();
let proxy: FaultProxy;
let restoreEnvironment: () => void;

beforeAll(async () => {
  await fake.start();
  proxy = await FaultProxy.start({ target: fake.url, dialect: awsDialect });
  restoreEnvironment = replaceAwsEnvironment({ ...fakeAwsEnvironment(fake, mkdtempSync(join(tmpdir(), 'aispm-deny-aws-'))), AWS_ENDPOINT_URL: proxy.url });
});

afterAll(async () => {
  restoreEnvironment();
  await proxy.close();
  await fake.stop();
});

describe('the AWS collector with one IAM action denied at a time', () => {
  denyEachPermissionTests(
    () => ({
      proxy,
      // Two regions use every permission; the third (models invoked, nothing configured) adds calls, not permissions.
      scan: () => collectAws(collectorContext({ scope: { regions: ['us-east-1', 'eu-west-1'] } }), { retryStrategy: fastRetry(2) }),
      permissionOf: (request) => awsRequestAction(request)?.action,
      // Coverage names the service as the collector calls it (bedrock-agent for bedrock:*Agent*, say); the denial shows under one of them.
      showsDenial: (coverage, permission) => coverage.some((entry) => entry.status === 'denied' && entry.message?.includes(permission.split(':')[1]!) === true),
    }),
    PERMISSIONS,
  );
});
