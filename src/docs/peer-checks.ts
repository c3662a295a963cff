import type { EQUIVALENT_TOOLS } from '../engine/rule.js';

/**
 * The AI checks of other tools that aispm measures itself against, as the peer catalog lists them
 * (shared/reference/PEER-CHECKS.md: Checkov's AWS and Azure AI IDs, §2.1 and §2.2, Defender for Cloud's AI
 * recommendations, §3.1, and every row of the AWS AI/ML security assessment, §1). A check a built-in rule
 * names in its `equivalents` is covered; every other one says why not, and docs/rules.md lists it under
 * "Not covered".
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
  checkov: 'Checkov\'s AI checks for Azure (Azure AI services, Machine Learning and AI Search) and AWS (SageMaker and Bedrock, with the two Bedrock flow IDs of a branch and the generic CKV2_AWS_5)',
  'defender-for-cloud': 'Defender for Cloud\'s AI recommendations (Azure, AWS and Google Cloud)',
  'aws-aiml-assessment': 'the 174 rows of the AWS AI/ML security assessment (SageMaker, Bedrock, AgentCore, agentic, financial-services and OWASP rows; 145 distinct checks, see AWS_ASSESSMENT_COPIES)',
};

const ADVISORY = 'not a posture check: an advisory row that reads no API (a process or a property of the application\'s text)';

/** The list's entries of one tool: a check, what it is about, and why no rule covers it (absent when one does). */
const entriesOf =
  (tool: PeerCheck['tool']) =>
  (check: string, scope: string, uncovered?: string): PeerCheck => ({ tool, check, scope, ...(uncovered ? { uncovered } : {}) });
const checkov = entriesOf('checkov');
const defender = entriesOf('defender-for-cloud');
const assessment = entriesOf('aws-aiml-assessment');

const LISTED: readonly PeerCheck[] = [
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
  assessment('AC-04', 'Bedrock AgentCore'),
  assessment('AC-05', 'Bedrock AgentCore'),
  assessment('AC-06', 'Bedrock AgentCore'),
  assessment('AC-07', 'Bedrock AgentCore'),
  assessment('AC-08', 'Bedrock AgentCore'),
  assessment('AC-09', 'Bedrock AgentCore', 'not a posture check: AWS creates the AgentCore network service-linked role with the first VPC runtime, and its trust policy cannot be edited'),
  assessment('AC-10', 'Bedrock AgentCore'),
  assessment('AC-11', 'Bedrock AgentCore'),
  assessment('AC-12', 'Bedrock AgentCore'),
  assessment('AC-13', 'Bedrock AgentCore', 'not a check: the row counts gateways, which aispm lists in the inventory'),
  assessment('AG-01', 'Agentic AI'),
  assessment('AG-02', 'Agentic AI'),
  assessment('AG-03', 'Agentic AI'),
  assessment('AG-04', 'Agentic AI'),
  assessment('AG-05', 'Agentic AI'),
  assessment('AG-06', 'Agentic AI'),
  assessment('AG-07', 'Agentic AI'),
  assessment('AG-08', 'Agentic AI'),
  assessment('AG-09', 'Agentic AI'),
  assessment('AG-10', 'Agentic AI'),
  assessment('AG-11', 'Agentic AI'),
  assessment('AG-12', 'Agentic AI', 'as BR-22 (Bedrock quotas left at their defaults): not a posture check'),
  assessment('AG-13', 'Agentic AI'),
  assessment('AG-14', 'Agentic AI'),
  assessment('AG-15', 'Agentic AI'),
  assessment('AG-16', 'Agentic AI'),
  assessment('AG-17', 'Agentic AI', 'as AC-03'),
  assessment('AG-18', 'Agentic AI'),
  assessment('AG-19', 'Agentic AI'),
  assessment('AG-20', 'Agentic AI'),
  assessment('AG-21', 'Agentic AI'),
  assessment('AG-22', 'Agentic AI'),
  assessment('AG-23', 'Agentic AI'),
  assessment('AG-24', 'Agentic AI'),
  assessment('AG-25', 'Agentic AI'),
  assessment('AG-26', 'Agentic AI'),
  assessment('AG-27', 'Agentic AI'),
  // The AWS AI/ML security assessment's SageMaker, Bedrock, financial-services and OWASP rows (§1.1, 1.2, 1.5, 1.6).
  assessment('SM-01', 'SageMaker'),
  assessment('SM-02', 'SageMaker'),
  assessment('SM-03', 'SageMaker'),
  assessment('SM-04', 'SageMaker'),
  assessment('SM-05', 'SageMaker', 'not a posture check: the row reports whether model package groups, pipelines and feature groups are used at all'),
  assessment('SM-06', 'SageMaker', 'not a posture check: the row reports whether Clarify processing jobs were ever run'),
  assessment('SM-07', 'SageMaker'),
  assessment('SM-08', 'SageMaker'),
  assessment('SM-09', 'SageMaker'),
  assessment('SM-10', 'SageMaker'),
  assessment('SM-11', 'SageMaker'),
  assessment('SM-12', 'SageMaker'),
  assessment('SM-13', 'SageMaker'),
  assessment('SM-14', 'SageMaker', 'not a posture check: the row fails RepositoryAccessMode Platform, which means "the model image is hosted in Amazon ECR" (SageMaker API reference, ImageConfig), the managed registry whose images can be scanned, and prefers Vpc, a self-run Docker registry; the mode is read (aws.sagemaker.model repositoryAccessModes), and the ECR repositories of AI images are judged for scanning, tag immutability and keys (FS-16, AC-05)'),
  assessment('SM-15', 'SageMaker'),
  assessment('SM-16', 'SageMaker'),
  assessment('SM-17', 'SageMaker'),
  assessment('SM-18', 'SageMaker'),
  assessment('SM-19', 'SageMaker'),
  assessment('SM-20', 'SageMaker'),
  assessment('SM-21', 'SageMaker'),
  assessment('SM-22', 'SageMaker', 'not a posture check: the row guesses "auto-approval" from how many registered versions are Approved or pending, which says nothing of who approves'),
  assessment('SM-23', 'SageMaker'),
  assessment('SM-24', 'SageMaker', 'not a security check: A/B and shadow variants are a deployment practice (advisory in the assessment)'),
  assessment('SM-25', 'SageMaker', 'not a posture check: the row reports whether experiments, trials and lineage associations exist'),
  assessment('BR-01', 'Bedrock'),
  assessment('BR-02', 'Bedrock'),
  assessment('BR-03', 'Bedrock'),
  assessment('BR-04', 'Bedrock'),
  assessment('BR-05', 'Bedrock'),
  assessment('BR-06', 'Bedrock'),
  assessment('BR-07', 'Bedrock', 'not a posture check: the row reports whether Prompt Management is used and prompts have several variants'),
  assessment('BR-08', 'Bedrock'),
  assessment('BR-09', 'Bedrock', 'not a check: the row lists each knowledge base\'s storage type for manual review (aws-bedrock-knowledge-base-without-cmk judges the CMK where the API shows it, BR-20)'),
  assessment('BR-10', 'Bedrock'),
  assessment('BR-11', 'Bedrock'),
  assessment('BR-12', 'Bedrock'),
  assessment('BR-13', 'Bedrock'),
  assessment('BR-14', 'Bedrock', 'as AC-03: stale access needs iam:GenerateServiceLastAccessedDetails, which starts a report job: not a read-only List/Get/Describe call'),
  assessment('BR-15', 'Bedrock'),
  assessment('BR-16', 'Bedrock'),
  assessment('BR-17', 'Bedrock'),
  assessment('BR-18', 'Bedrock'),
  assessment('BR-19', 'Bedrock'),
  assessment('BR-20', 'Bedrock'),
  assessment('BR-21', 'Bedrock'),
  assessment('BR-22', 'Bedrock', 'not a posture check: the row fails when every Bedrock quota equals its AWS default, but a default quota is a capacity ceiling AWS sets, not an exposure, and a raised one is no safer; runaway use is judged where it shows, by alarms on Bedrock invocations, throttles and tokens (BR-32, FS-05). Service Quotas is not read'),
  assessment('BR-23', 'Bedrock'),
  assessment('BR-24', 'Bedrock'),
  assessment('BR-25', 'Bedrock'),
  assessment('BR-26', 'Bedrock'),
  assessment('BR-27', 'Bedrock'),
  assessment('BR-28', 'Bedrock'),
  assessment('BR-29', 'Bedrock'),
  assessment('BR-30', 'Bedrock'),
  assessment('BR-31', 'Bedrock'),
  assessment('BR-32', 'Bedrock'),
  assessment('BR-33', 'Bedrock'),
  assessment('FS-01', 'Financial services GenAI'),
  assessment('FS-02', 'Financial services GenAI'),
  assessment('FS-03', 'Financial services GenAI', 'as BR-22: not a posture check (quotas at their defaults are a capacity setting); Service Quotas is not read'),
  assessment('FS-04', 'Financial services GenAI'),
  assessment('FS-05', 'Financial services GenAI'),
  assessment('FS-06', 'Financial services GenAI'),
  assessment('FS-07', 'Financial services GenAI'),
  assessment('FS-08', 'Financial services GenAI'),
  assessment('FS-09', 'Financial services GenAI'),
  assessment('FS-10', 'Financial services GenAI', 'Step Functions state machines are not read, and a callback state cannot show that a human approves the high-risk actions'),
  assessment('FS-11', 'Financial services GenAI'),
  assessment('FS-12', 'Financial services GenAI'),
  assessment('FS-13', 'Financial services GenAI'),
  assessment('FS-14', 'Financial services GenAI', 'AWS Config rules are not read, and which Config rule enforces "model onboarding" is a naming convention'),
  assessment('FS-15', 'Financial services GenAI'),
  assessment('FS-16', 'Financial services GenAI'),
  assessment('FS-20', 'Financial services GenAI', 'not a security check: an offline store is a rollback practice; the feature group\'s offline store is read for its key (SM-15)'),
  assessment('FS-21', 'Financial services GenAI'),
  assessment('FS-22', 'Financial services GenAI'),
  assessment('FS-24', 'Financial services GenAI', 'not a check: tenant filtering is a property of the documents\' metadata, which no API of the knowledge base shows'),
  assessment('FS-25', 'Financial services GenAI'),
  assessment('FS-26', 'Financial services GenAI'),
  assessment('FS-27', 'Financial services GenAI', 'no rule passes a guardrail with Automated Reasoning but no grounding filter: aws-bedrock-guardrail-contextual-grounding-disabled (BR-27) asks for grounding whatever else is set, which is stricter than the row'),
  assessment('FS-28', 'Financial services GenAI'),
  assessment('FS-29', 'Financial services GenAI', ADVISORY),
  assessment('FS-30', 'Financial services GenAI'),
  assessment('FS-31', 'Financial services GenAI'),
  assessment('FS-32', 'Financial services GenAI', ADVISORY),
  assessment('FS-33', 'Financial services GenAI'),
  assessment('FS-34', 'Financial services GenAI'),
  assessment('FS-35', 'Financial services GenAI'),
  assessment('FS-36', 'Financial services GenAI'),
  assessment('FS-37', 'Financial services GenAI', ADVISORY),
  assessment('FS-38', 'Financial services GenAI'),
  assessment('FS-39', 'Financial services GenAI'),
  assessment('FS-40', 'Financial services GenAI'),
  assessment('FS-41', 'Financial services GenAI'),
  assessment('FS-42', 'Financial services GenAI'),
  assessment('FS-43', 'Financial services GenAI'),
  assessment('FS-44', 'Financial services GenAI'),
  assessment('FS-45', 'Financial services GenAI'),
  assessment('FS-46', 'Financial services GenAI'),
  assessment('FS-47', 'Financial services GenAI'),
  assessment('FS-48', 'Financial services GenAI', 'not a posture check: the row asks whether a knowledge base exists at all'),
  assessment('FS-49', 'Financial services GenAI', ADVISORY),
  assessment('FS-50', 'Financial services GenAI'),
  assessment('FS-51', 'Financial services GenAI'),
  assessment('FS-52', 'Financial services GenAI'),
  assessment('FS-53', 'Financial services GenAI'),
  assessment('FS-54', 'Financial services GenAI', 'not a posture check: the row looks for penetration-test evidence in tags'),
  assessment('FS-55', 'Financial services GenAI', 'not a posture check: the row looks for a Lambda function whose name suggests output validation'),
  assessment('FS-56', 'Financial services GenAI'),
  assessment('FS-57', 'Financial services GenAI', ADVISORY),
  assessment('FS-58', 'Financial services GenAI', 'not a posture check: output schema validation in Step Functions has no API field the assessment reads'),
  assessment('FS-59', 'Financial services GenAI'),
  assessment('FS-60', 'Financial services GenAI', 'not a posture check: whether a system prompt scopes the role is the prompt\'s free text (advisory in the assessment)'),
  assessment('FS-61', 'Financial services GenAI', 'not read yet: a sync schedule is an EventBridge Scheduler schedule whose universal target is arn:aws:scheduler:::aws-sdk:bedrockagent:startIngestionJob (ListSchedules, then GetSchedule Target.Input for the data source), which aispm does not read; an EventBridge rule cannot call StartIngestionJob itself, and a Lambda function or state machine in between cannot be told from any other. Whether the syncs happen is judged by aws-bedrock-knowledge-base-data-source-not-synced (FS-31)'),
  assessment('FS-62', 'Financial services GenAI', ADVISORY),
  assessment('FS-63', 'Financial services GenAI', 'AWS Config rules are not read; the legacy-model half is FS-34 (aws-bedrock-legacy-model-in-use)'),
  assessment('FS-65', 'Financial services GenAI'),
  assessment('FS-66', 'Financial services GenAI'),
  assessment('FS-67', 'Financial services GenAI', 'not a posture check: transaction-value limits live in the Cedar policies\' or the Lambda functions\' code'),
  assessment('FS-68', 'Financial services GenAI'),
  assessment('FS-69', 'Financial services GenAI', 'not a posture check: the row looks for a Lambda function whose name suggests input validation'),
  assessment('OW-11', 'OWASP LLM Top 10'),
  assessment('OW-12', 'OWASP LLM Top 10'),

  checkov('CKV_AWS_22', 'Amazon SageMaker'),
  checkov('CKV_AWS_98', 'Amazon SageMaker'),
  checkov('CKV_AWS_122', 'Amazon SageMaker'),
  checkov('CKV_AWS_187', 'Amazon SageMaker'),
  checkov('CKV_AWS_306', 'Amazon SageMaker'),
  checkov('CKV_AWS_307', 'Amazon SageMaker'),
  checkov('CKV_AWS_367', 'Amazon SageMaker'),
  checkov('CKV_AWS_368', 'Amazon SageMaker'),
  checkov('CKV_AWS_369', 'Amazon SageMaker'),
  checkov('CKV_AWS_370', 'Amazon SageMaker'),
  checkov('CKV_AWS_371', 'Amazon SageMaker'),
  checkov('CKV_AWS_372', 'Amazon SageMaker'),
  checkov('CKV2_AWS_68', 'Amazon SageMaker'),
  checkov('CKV2_AWS_5', 'Amazon SageMaker', 'a generic check (a security group is attached to the resource) that lists notebook instances among many types; aws-sagemaker-notebook-direct-internet-access judges the notebook\'s network (CKV_AWS_122, CKV_AWS_306)'),
  checkov('CKV_AWS_373', 'Amazon Bedrock'),
  checkov('CKV_AWS_383', 'Amazon Bedrock'),
  checkov('CKV_AWS_393', 'Amazon Bedrock', 'not a security check: a flow\'s description is documentation'),
  checkov('CKV_AWS_394', 'Amazon Bedrock'),
];

/**
 * The assessment's OWASP rows OW-01…10 (PEER-CHECKS.md §1.6) read no API: each rolls the results of
 * the rows it names up into one OWASP LLM Top 10 category. A rule that covers one of those rows
 * gives the roll-up the same input, so it names the OW row too (test/rules/peer-coverage.test.ts
 * holds that both ways), and `aispm scan --compliance owasp-llm-2025` shows aispm's own roll-up.
 * An OW row none of whose rows is covered is not covered.
 */
export const AWS_ASSESSMENT_ROLLUPS: Readonly<Record<string, readonly string[]>> = {
  'OW-01': ['BR-04', 'BR-23', 'BR-27', 'FS-51', 'FS-52', 'FS-53', 'FS-54', 'FS-69'],
  'OW-02': ['BR-26', 'FS-43', 'FS-44', 'FS-45', 'FS-46', 'SM-03', 'SM-15'],
  'OW-03': ['BR-30', 'BR-33', 'FS-12', 'FS-13', 'FS-14', 'FS-15', 'FS-16', 'SM-01', 'SM-10', 'SM-11', 'SM-14', 'SM-21', 'SM-25'],
  'OW-04': ['BR-25', 'BR-27', 'FS-20', 'FS-21', 'FS-42', 'SM-07', 'SM-22', 'SM-23', 'SM-25'],
  'OW-05': ['FS-55', 'FS-56', 'FS-57', 'FS-58'],
  'OW-06': ['BR-21', 'BR-28', 'BR-29', 'AC-02', 'AC-10', 'FS-07', 'FS-08', 'FS-09', 'FS-10', 'FS-67'],
  'OW-07': ['BR-04', 'BR-07', 'BR-16'],
  'OW-08': ['BR-20', 'FS-22', 'FS-24', 'FS-25', 'FS-26'],
  'OW-09': ['BR-18', 'BR-25', 'BR-27', 'FS-31', 'FS-32', 'FS-33', 'FS-42', 'FS-47', 'FS-48', 'SM-06', 'SM-07', 'SM-22', 'SM-23'],
  'OW-10': ['BR-22', 'BR-32', 'FS-01', 'FS-02', 'FS-03', 'FS-04', 'FS-05', 'FS-06', 'FS-68', 'SM-11'],
};

const uncoveredRows = new Set(LISTED.filter((peer) => peer.tool === 'aws-aiml-assessment' && peer.uncovered).map((peer) => peer.check));

export const PEER_CHECKS: readonly PeerCheck[] = [
  ...LISTED,
  ...Object.entries(AWS_ASSESSMENT_ROLLUPS).map(([row, rolled]) =>
    assessment(row, 'OWASP LLM Top 10', rolled.some((source) => !uncoveredRows.has(source)) ? undefined : `a roll-up of ${rolled.join(', ')}, none of which a rule covers`),
  ),
];

/**
 * How the 145 rows of the AWS assessment are counted from its 174 (PEER-CHECKS.md §0):
 * 174 rows = SM 25 + BR 33 + AC 13 + AG 27 + FS 64 (FS-01…69 less FS-17, 18, 19, 23 and 64, which the
 * assessment merged into SM-07, SM-23, SM-22, BR-06 and BR-04, so they are no rows of their own) + OW 12.
 * Less the 23 AG rows that are relabelled copies of a BR or AC row (the same code and fields under an
 * agentic name: they count once, under the row they copy, and are covered exactly when it is) leaves 151
 * distinct checks; less the 6 advisory FS rows that read no API at all (disclaimers, citations, feedback,
 * output encoding: FS-29, 32, 37, 49, 57, 62) leaves 145.
 */
export const AWS_ASSESSMENT_COPIES: Readonly<Record<string, string>> = {
  'AG-01': 'BR-28', 'AG-02': 'BR-23', 'AG-03': 'BR-26', 'AG-04': 'BR-24', 'AG-05': 'BR-27', 'AG-06': 'BR-21',
  'AG-07': 'BR-04', 'AG-08': 'BR-06', 'AG-09': 'BR-15', 'AG-10': 'BR-18', 'AG-11': 'BR-19', 'AG-12': 'BR-22',
  'AG-13': 'BR-29', 'AG-14': 'BR-32', 'AG-15': 'AC-01', 'AG-16': 'AC-02', 'AG-17': 'AC-03', 'AG-18': 'AC-04',
  'AG-19': 'AC-07', 'AG-20': 'AC-08', 'AG-21': 'AC-10', 'AG-22': 'AC-11', 'AG-23': 'AC-12',
};
export const AWS_ASSESSMENT_ADVISORY: readonly string[] = ['FS-29', 'FS-32', 'FS-37', 'FS-49', 'FS-57', 'FS-62'];

/** The assessment's distinct checks (the 145) and how many of them a built-in rule covers. */
export function awsAssessmentCoverage(): { rows: number; covered: number } {
  const rows = PEER_CHECKS.filter((peer) => peer.tool === 'aws-aiml-assessment' && !AWS_ASSESSMENT_COPIES[peer.check] && !AWS_ASSESSMENT_ADVISORY.includes(peer.check));
  return { rows: rows.length, covered: rows.filter((peer) => !peer.uncovered).length };
}
