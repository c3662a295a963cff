import type { EQUIVALENT_TOOLS } from '../engine/rule.js';

/**
 * The AI checks of other tools that aispm measures itself against, as the peer catalog lists them
 * (shared/reference/PEER-CHECKS.md: Checkov's Azure AI IDs, §2.2, Defender for Cloud's AI
 * recommendations, §3.1, and the AgentCore and agentic rows of the AWS AI/ML security assessment,
 * §1.3 and §1.4; its SageMaker, Bedrock and financial-services rows are not listed yet). A check a built-in rule names in its `equivalents` is covered; every other
 * one says why not, and docs/rules.md lists it under "Not covered".
 */
export interface PeerCheck {
  tool: (typeof EQUIVALENT_TOOLS)[number];
  /** The check as the tool names it (the ID, or the recommendation's title). */
  check: string;
  /** What it is about, as the catalog groups it. */
  scope: string;
  /** Why no built-in rule covers it; absent when one does. */
  uncovered?: string;
}

/** What the list holds for each tool, for the sentence above its table. */
export const PEER_LISTS: Partial<Record<PeerCheck['tool'], string>> = {
  checkov: 'Checkov\'s AI checks for Azure (Azure AI services, Machine Learning and AI Search)',
  'defender-for-cloud': 'Defender for Cloud\'s AI recommendations (Azure, AWS and Google Cloud)',
  'aws-aiml-assessment': 'the AgentCore (AC) and agentic (AG) rows of the AWS AI/ML security assessment',
};

/** The list's entries of one tool: a check, what it is about, and why no rule covers it (absent when one does). */
const entriesOf =
  (tool: PeerCheck['tool']) =>
  (check: string, scope: string, uncovered?: string): PeerCheck => ({ tool, check, scope, ...(uncovered ? { uncovered } : {}) });
const checkov = entriesOf('checkov');
const defender = entriesOf('defender-for-cloud');
const assessment = entriesOf('aws-aiml-assessment');

export const PEER_CHECKS: readonly PeerCheck[] = [
  checkov('CKV_AZURE_134', 'Azure AI services'),
  checkov('CKV_AZURE_236', 'Azure AI services'),
  checkov('CKV_AZURE_238', 'Azure AI services'),
  checkov('CKV_AZURE_247', 'Azure AI services'),
  checkov('CKV2_AZURE_22', 'Azure AI services'),
  checkov('CKV_AZURE_142', 'Azure Machine Learning'),
  checkov('CKV_AZURE_150', 'Azure Machine Learning'),
  checkov('CKV_AZURE_144', 'Azure Machine Learning'),
  checkov('CKV2_AZURE_49', 'Azure Machine Learning'),
  checkov('CKV2_AZURE_50', 'Azure Machine Learning'),
  checkov(
    'CKV_AZURE_243',
    'Azure Machine Learning',
    'it asks for an outbound rule of type PrivateEndpoint in the workspace\'s managed network; aispm does not read managedNetwork.outboundRules (azure-ml-workspace-managed-network-disabled and azure-ml-workspace-public-network-access judge the workspace\'s network)',
  ),
  checkov('CKV_AZURE_124', 'Azure AI Search'),
  checkov('CKV_AZURE_207', 'Azure AI Search'),
  checkov('CKV_AZURE_208', 'Azure AI Search'),
  checkov('CKV_AZURE_209', 'Azure AI Search'),
  checkov('CKV_AZURE_210', 'Azure AI Search'),

  defender('Microsoft Entra ID should be used when connecting Azure AI Foundry to default storage account', 'Azure AI Foundry'),
  defender('Microsoft Entra ID should be used when connecting to data stores on Azure AI Foundry project', 'Azure AI Foundry'),
  defender('Application Insights should be used on Azure AI Foundry', 'Azure AI Foundry'),
  defender('Network connections should be limited on Azure AI Foundry', 'Azure AI Foundry'),
  defender('Customer-managed keys should be used to encrypt data on Azure AI Foundry', 'Azure AI Foundry'),
  defender('Azure AI Services resources should have key access disabled (disable local authentication)', 'Azure AI services'),
  defender('Azure AI Services resources should restrict network access', 'Azure AI services'),
  defender('Azure AI Services resources should use Azure Private Link', 'Azure AI services'),
  defender('Azure AI Services resources should encrypt data at rest with a customer-managed key (CMK)', 'Azure AI services'),
  defender('Diagnostic logs in Azure AI services resources should be enabled', 'Azure AI services'),
  defender('Resource logs in Azure Machine Learning Workspaces should be enabled', 'Azure Machine Learning'),
  defender('Azure Machine Learning Workspaces should disable public network access', 'Azure Machine Learning'),
  defender('Azure Machine Learning Computes should be in a virtual network', 'Azure Machine Learning'),
  defender('Azure Machine Learning Computes should have local authentication methods disabled', 'Azure Machine Learning'),
  defender('Azure Machine Learning compute instances should be recreated to get the latest software updates', 'Azure Machine Learning'),
  defender('Resource logs in Azure Databricks Workspaces should be enabled', 'Azure Databricks'),
  defender('Azure Databricks Workspaces should disable public network access', 'Azure Databricks'),
  defender('Azure Databricks Clusters should disable public IP', 'Azure Databricks'),
  defender('Azure Databricks Workspaces should be in a virtual network', 'Azure Databricks'),
  defender('Azure Databricks Workspaces should use private link', 'Azure Databricks'),
  defender('AWS Bedrock should use AWS PrivateLink', 'AWS'),
  defender('AWS Bedrock agents should use guardrails when allowing access to generative AI applications', 'AWS'),
  defender('AWS Bedrock should have model invocation logging enabled', 'AWS'),
  defender('A Private Service endpoint should be used for Vertex AI Online endpoints', 'Google Cloud'),
  defender('Root access should be disabled on Workbench instances', 'Google Cloud'),
  defender('Public IP addresses should be disabled on Workbench instances', 'Google Cloud'),
  defender('Customer-managed keys should be used to encrypt data at rest in Vertex AI DataSets', 'Google Cloud'),
  defender('Cloud Monitoring should be used on GCP Workbench instance', 'Google Cloud', 'aispm does not read whether a Workbench instance reports to Cloud Monitoring'),
  defender('Idle shutdown should be enabled on Workbench instances', 'Google Cloud'),
  assessment('AC-01', 'Bedrock AgentCore'),
  assessment('AC-02', 'Bedrock AgentCore'),
  assessment('AC-03', 'Bedrock AgentCore', 'stale AgentCore access needs iam:GenerateServiceLastAccessedDetails, which starts a report job: not a read-only List/Get/Describe call'),
  assessment('AC-04', 'Bedrock AgentCore', 'runtime logs and traces are CloudWatch vended log deliveries (logs:DescribeDeliveries), not settings of the runtime: not read yet'),
  assessment('AC-05', 'Bedrock AgentCore'),
  assessment('AC-06', 'Bedrock AgentCore'),
  assessment('AC-07', 'Bedrock AgentCore'),
  assessment('AC-08', 'Bedrock AgentCore', 'AgentCore VPC endpoints: endpoints are read for Bedrock only, and the VPCs of AgentCore runtimes need their subnets (DescribeSubnets): not read yet'),
  assessment('AC-09', 'Bedrock AgentCore', 'not a posture check: AWS creates the AgentCore network service-linked role with the first VPC runtime, and its trust policy cannot be edited'),
  assessment('AC-10', 'Bedrock AgentCore'),
  assessment('AC-11', 'Bedrock AgentCore'),
  assessment('AC-12', 'Bedrock AgentCore'),
  assessment('AC-13', 'Bedrock AgentCore', 'not a check: the row counts gateways, which aispm lists in the inventory'),
  assessment('AG-01', 'Agentic AI'),
  assessment('AG-02', 'Agentic AI'),
  assessment('AG-03', 'Agentic AI'),
  assessment('AG-04', 'Agentic AI', 'as BR-24 (Automated Reasoning policy on guardrails): the guardrail property is read, no rule yet'),
  assessment('AG-05', 'Agentic AI'),
  assessment('AG-06', 'Agentic AI'),
  assessment('AG-07', 'Agentic AI'),
  assessment('AG-08', 'Agentic AI', 'as BR-06 (CloudTrail logging Bedrock): CloudTrail is not read yet'),
  assessment('AG-09', 'Agentic AI', 'as BR-15 (Organizations Bedrock policies): Organizations is not read yet'),
  assessment('AG-10', 'Agentic AI', 'as BR-18 (recent model evaluation jobs): not a configuration setting; evaluation jobs are not read'),
  assessment('AG-11', 'Agentic AI', 'as BR-19 (flow prepared, no validation errors): flow validations are not read yet'),
  assessment('AG-12', 'Agentic AI', 'as BR-22 (Bedrock quotas left at their defaults): Service Quotas is not read'),
  assessment('AG-13', 'Agentic AI'),
  assessment('AG-14', 'Agentic AI', 'as BR-32 (CloudWatch alarms on AWS/Bedrock): alarms are not read'),
  assessment('AG-15', 'Agentic AI'),
  assessment('AG-16', 'Agentic AI'),
  assessment('AG-17', 'Agentic AI', 'as AC-03'),
  assessment('AG-18', 'Agentic AI', 'as AC-04'),
  assessment('AG-19', 'Agentic AI'),
  assessment('AG-20', 'Agentic AI', 'as AC-08'),
  assessment('AG-21', 'Agentic AI'),
  assessment('AG-22', 'Agentic AI'),
  assessment('AG-23', 'Agentic AI'),
  assessment('AG-24', 'Agentic AI'),
  assessment('AG-25', 'Agentic AI'),
  assessment('AG-26', 'Agentic AI'),
  assessment('AG-27', 'Agentic AI'),
];
