import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadRuleDir } from '../../src/engine/load-rules.js';
import { ROOT } from '../helpers.js';

/**
 * Parity with Prowler (issue 6): every Prowler AI check listed here has an equivalent built-in rule,
 * named in that rule's `equivalents.prowler`. The list is Prowler's, as it spells its checks.
 */
const PROWLER_CHECKS = {
  bedrock: [
    'agent_guardrail_enabled', 'agent_idle_session_ttl_not_excessive', 'agent_role_least_privilege', 'agent_role_not_shared_across_agents',
    'api_key_no_administrative_privileges', 'api_key_no_long_term_credentials', 'custom_model_encrypted_with_cmk', 'flow_guardrail_enabled',
    'full_access_policy_attached', 'guardrail_contextual_grounding_filter_enabled', 'guardrail_prompt_attack_filter_enabled',
    'guardrail_sensitive_information_filter_enabled', 'guardrails_configured_and_used', 'imported_model_encrypted_with_cmk',
    'knowledge_base_encrypted_with_cmk', 'model_invocation_job_output_encrypted_with_cmk', 'model_invocation_logging_enabled',
    'model_invocation_logging_text_data_enabled', 'model_invocation_logs_encrypted', 'prompt_encrypted_with_cmk', 'vpc_endpoints_configured',
    'access_private_connectivity_enforced',
  ],
  sagemaker: [
    'domain_encrypted_with_cmk', 'domain_sso_configured', 'domain_vpc_only_enabled', 'endpoint_config_kms_encryption_enabled',
    'endpoint_config_prod_variant_instances', 'feature_group_offline_store_encrypted_with_cmk', 'full_access_policy_attached', 'models_monitor_enabled',
    'models_network_isolation_enabled', 'models_registry_in_use', 'models_vpc_settings_configured', 'notebook_instance_encryption_enabled',
    'notebook_instance_no_secrets', 'notebook_instance_root_access_disabled', 'notebook_instance_vpc_settings_configured',
    'notebook_instance_without_direct_internet_access_configured', 'processing_job_volume_encrypted_with_cmk', 'training_jobs_intercontainer_encryption_enabled',
    'training_jobs_network_isolation_enabled', 'training_jobs_volume_and_output_encryption_enabled', 'training_jobs_vpc_settings_configured',
    'transform_job_volume_encrypted_with_cmk',
  ],
  aiservices: [
    'account_diagnostic_logging_enabled', 'account_encrypted_with_cmk', 'account_local_auth_disabled', 'account_managed_identity_enabled',
    'account_network_acls_default_action_deny', 'account_outbound_network_restricted', 'account_public_network_access_disabled',
    'account_uses_private_endpoint', 'deployment_content_filter_prompt_shield_enabled',
  ],
};

it('every Prowler AI check has an equivalent rule', () => {
  const covered = new Set(loadRuleDir(join(ROOT, 'rules'), ROOT).flatMap((compiled) => compiled.rule.equivalents.prowler ?? []));
  const missing = Object.entries(PROWLER_CHECKS).flatMap(([service, checks]) => checks.map((check) => `${service}_${check}`)).filter((check) => !covered.has(check));
  expect(missing).toEqual([]);
});

it('the pack has at least 90 rules, each with a failing and a passing case (see pack.test.ts)', () => {
  expect(loadRuleDir(join(ROOT, 'rules'), ROOT).length).toBeGreaterThanOrEqual(90);
});
