/**
 * Peer checks that no built-in rule covers yet, with the reason: Google Cloud, the rows of the peer
 * catalog (Checkov's Google Cloud AI IDs, Google's AI organization-policy constraints and Security
 * Command Center findings, and the other gaps named for Google Cloud). docs/rules.md lists them.
 */
export interface UncoveredCheck {
  /** Who runs the check: a tool, or where the constraint or setting is defined. */
  source: string;
  check: string;
  reason: string;
}

const ORG_POLICY = 'not read yet: aispm reads the effective policies (Organization Policy API v2) of the constraints its rules judge, and this one has no rule';
const NOT_COLLECTED = 'the resource is not collected yet';
const DECIDED = 'decided, not a finding of its own';

export const UNCOVERED_CHECKS: readonly UncoveredCheck[] = [
  { source: 'Google org policy', check: 'constraints/ainotebooks.accessMode', reason: `${ORG_POLICY}; the Workbench proxy-mode metadata is in raw but not a property` },
  { source: 'Google org policy', check: 'constraints/ainotebooks.environmentOptions', reason: `${DECIDED}: its allowed values are the organization's own list of VM and container images, and leaving it unset is Google's default, not a gap the APIs can judge` },
  { source: 'Google org policy', check: 'constraints/ainotebooks.restrictVpcNetworks', reason: `${DECIDED}: which networks are approved is the organization's list, not in the APIs, and leaving it unset is Google's default` },
  { source: 'Google org policy', check: 'constraints/gcp.restrictCmekCryptoKeyProjects', reason: `${DECIDED}: the key each Vertex AI resource uses is read (kmsKeyName) and judged on the resource; the constraint only narrows which projects future keys may come from, and which projects are trusted is the organization's list` },
  { source: 'Google org policy', check: 'constraints/gcp.restrictServiceUsage', reason: ORG_POLICY },
  { source: 'Google org policy', check: 'constraints/gcp.restrictEndpointUsage', reason: ORG_POLICY },
  { source: 'Google org policy', check: 'constraints/gcp.resourceLocations', reason: `${DECIDED}: data residency is a compliance choice whose allowed locations are the organization's own; every asset's location is in the inventory` },
  { source: 'Google org policy', check: 'constraints/iam.managed.disableServiceAccountApiKeyCreation', reason: `${ORG_POLICY}; API keys bound to a service account are not in the published API Keys v2 model` },
  { source: 'Google org policy', check: 'constraints/compute.requireShieldedVm', reason: `${DECIDED}: a generic Compute Engine baseline; Workbench Shielded VM settings are judged on each instance (gcp-vertex-notebook-shielded-vm-incomplete)` },
  { source: 'Google org policy', check: 'constraints/compute.requireOsLogin', reason: `${DECIDED}: a generic Compute Engine baseline for SSH to VMs; users reach Workbench through JupyterLab, whose root access, terminal and proxy are judged on each instance` },
  { source: 'Google org policy', check: 'custom constraints on aiplatform.googleapis.com types', reason: `${ORG_POLICY}; the published examples (endpoint and index CMEK, public index endpoints) are covered on the resources` },
  { source: 'Security Command Center', check: 'Secure AI postures, AI Protection, SCC tier', reason: "not read: the tier is readable only at the organization, through the Security Command Center settings API v1beta1 (billingSettings.billingTier); the Security Center Management API v1, which also answers per project (ListSecurityCenterServices), lists no AI Protection service in Google's published model (googleapis f8291d2b: container-threat-detection, event-threat-detection, security-health-analytics, vm-threat-detection, web-security-scanner)" },
  { source: 'Security Command Center', check: 'VERTEX AI FEATURE STORE TABLE CMEK DISABLED', reason: 'legacy Feature Store entity types are not collected; online stores are (gcp-vertex-feature-online-store-without-cmek)' },
  { source: 'PEER-CHECKS 4.3 / 5.5', check: 'publisher-model request-response logging, cacheConfig.disableCache, partner data sharing', reason: 'PublisherModelConfig and CacheConfig are not read yet' },
  { source: 'PEER-CHECKS 4.3 / 5.5', check: 'Agent Engine secrets in env, over-privileged agents, sandbox egress', reason: 'secrets in env are found by cross-secret-in-model-configuration; agent privileges and sandbox templates are not read yet' },
  { source: 'PEER-CHECKS 4.3 / 5.5', check: 'pipeline jobs without VPC or PSC', reason: `PipelineJobs are ${NOT_COLLECTED} (training pipelines and custom jobs are)` },
  { source: 'PEER-CHECKS 4.3 / 5.5', check: 'deployed model as the Vertex-managed identity', reason: "decided, not a finding: the endpoint's modelsWithManagedIdentity lists such models, but without a serviceAccount the container runs as an identity that \"doesn't have access to the resource project\" (endpoint.proto), which is least privilege" },
  { source: 'PEER-CHECKS 4.3 / 5.5', check: 'hyperparameter-tuning jobs CMEK', reason: `HyperparameterTuningJobs are ${NOT_COLLECTED} (custom jobs, training pipelines, models, indexes and RAG corpora are, each with its *-without-cmek rule)` },
  { source: 'PEER-CHECKS 4.3 / 5.5', check: 'Workbench without Cloud Monitoring, default VPC, single-user proxy mode', reason: 'the metadata is in raw, not yet properties with rules' },
];
