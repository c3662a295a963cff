import type { EQUIVALENT_TOOLS } from '../engine/rule.js';

/**
 * The AI checks of other tools that aispm measures itself against, as the peer catalog lists them
 * (shared/reference/PEER-CHECKS.md: Checkov's Azure AI IDs, §2.2, and Defender for Cloud's AI
 * recommendations, §3.1). A check a built-in rule names in its `equivalents` is covered; every other
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
};

const NO_DATABRICKS = 'aispm does not collect Azure Databricks (Microsoft.Databricks workspaces and clusters)';

const checkov = (check: string, scope: string, uncovered?: string): PeerCheck => ({ tool: 'checkov', check, scope, ...(uncovered ? { uncovered } : {}) });
const defender = (check: string, scope: string, uncovered?: string): PeerCheck => ({ tool: 'defender-for-cloud', check, scope, ...(uncovered ? { uncovered } : {}) });

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
  defender('Resource logs in Azure Databricks Workspaces should be enabled', 'Azure Databricks', NO_DATABRICKS),
  defender('Azure Databricks Workspaces should disable public network access', 'Azure Databricks', NO_DATABRICKS),
  defender('Azure Databricks Clusters should disable public IP', 'Azure Databricks', NO_DATABRICKS),
  defender('Azure Databricks Workspaces should be in a virtual network', 'Azure Databricks', NO_DATABRICKS),
  defender('Azure Databricks Workspaces should use private link', 'Azure Databricks', NO_DATABRICKS),
  defender('AWS Bedrock should use AWS PrivateLink', 'AWS'),
  defender('AWS Bedrock agents should use guardrails when allowing access to generative AI applications', 'AWS'),
  defender('AWS Bedrock should have model invocation logging enabled', 'AWS'),
  defender('A Private Service endpoint should be used for Vertex AI Online endpoints', 'Google Cloud'),
  defender('Root access should be disabled on Workbench instances', 'Google Cloud', 'the Workbench instance\'s root access is collected (gcp.workbench.instance rootAccess), but no built-in rule reads it yet'),
  defender('Public IP addresses should be disabled on Workbench instances', 'Google Cloud'),
  defender('Customer-managed keys should be used to encrypt data at rest in Vertex AI DataSets', 'Google Cloud'),
  defender('Cloud Monitoring should be used on GCP Workbench instance', 'Google Cloud', 'aispm does not read whether a Workbench instance reports to Cloud Monitoring'),
  defender('Idle shutdown should be enabled on Workbench instances', 'Google Cloud'),
];
