import type { ArmJson, FakeTenant } from './arm-server.js';

/**
 * Azure Policy assignments in the fake tenant, as Microsoft.Authorization 2025-03-01 answers
 * PolicyAssignments_List (`$filter=atScope()`) and PolicySetDefinitions_Get. Definition ids,
 * reference ids and parameters are those of the built-ins in Azure/azure-policy@f4a50ba
 * (built-in-policies/policySetDefinitions/Security Center/AzureSecurityCenter.json, trimmed to its AI
 * entries; built-in-policies/policyDefinitions/{Azure Ai Services,Cognitive Services}/*.json).
 *
 * - `prod` (planted): the Microsoft cloud security benchmark, assigned at management group
 *   `mg-corp` (inherited), audits AI network access and key access and leaves CMK Disabled; a direct
 *   assignment of "Configure Cognitive Services accounts to disable local authentication methods"
 *   runs in DoNotEnforce (audit only); a Deny of public network access is assigned to resource group
 *   `rg-genai` only, which atScope() leaves out: nothing is enforced subscription-wide.
 * - `dev` (its hardened twin): "Configure Cognitive Services accounts to disable public network
 *   access" (Modify by default) at the subscription, a custom initiative that passes Deny to
 *   "Azure AI Services resources should have key access disabled" through its own parameter, and
 *   CMK denied except in one resource group (notScopes: enforced only in part).
 */

const SUB_PROD = '11111111-1111-4111-8111-111111111111';
const SUB_DEV = '22222222-2222-4222-8222-222222222222';
const MG = '/providers/Microsoft.Management/managementGroups/mg-corp';
const builtIn = (name: string) => `/providers/Microsoft.Authorization/policyDefinitions/${name}`;
const MCSB = '/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8';
const CUSTOM_SET = `/subscriptions/${SUB_DEV}/providers/Microsoft.Authorization/policySetDefinitions/ai-baseline`;
const listPath = (subscriptionId: string) => `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/policyAssignments`;

export const policyIds = { guardrails: listPath, mcsb: MCSB, customSet: CUSTOM_SET };

function assignment(scope: string, name: string, properties: ArmJson): ArmJson {
  return {
    id: `${scope}/providers/Microsoft.Authorization/policyAssignments/${name}`,
    name,
    type: 'Microsoft.Authorization/policyAssignments',
    properties: { scope, notScopes: [], parameters: {}, enforcementMode: 'Default', assignmentType: 'Custom', instanceId: `a0000000-0000-4000-8000-${name.length.toString().padStart(12, '0')}`, ...properties },
    systemData: { createdBy: 'platform@contoso.example', createdByType: 'User', createdAt: '2026-01-10T08:00:00Z' },
  };
}

const effectParameter = (displayName: string, defaultValue: string, allowedValues: string[]) => ({ type: 'String', defaultValue, allowedValues, metadata: { displayName } });

export function addPolicy(tenant: FakeTenant): void {
  tenant.addUnlisted(
    {
      id: MCSB,
      name: '1f3afdf9-d0c9-4c3d-847f-89da613e70a8',
      type: 'Microsoft.Authorization/policySetDefinitions',
      properties: {
        policyType: 'BuiltIn',
        displayName: 'Microsoft cloud security benchmark',
        metadata: { version: '57.56.0', category: 'Security Center' },
        version: '57.56.0',
        parameters: {
          cognitiveServicesAccountsShouldEnableDataEncryptionWithACustomerManagedKeyMonitoringEffect: effectParameter('Cognitive Services accounts should enable data encryption with a customer-managed key', 'Disabled', ['Audit', 'Deny', 'Disabled']),
          cognitiveServicesAccountsShouldRestrictNetworkAccessMonitoringEffect: effectParameter('Cognitive Services accounts should restrict network access', 'Audit', ['Audit', 'Deny', 'Disabled']),
        },
        policyDefinitions: [
          {
            policyDefinitionId: builtIn('67121cc7-ff39-4ab8-b7e3-95b84dab487d'),
            definitionVersion: '2.*.*',
            policyDefinitionReferenceId: 'cognitiveServicesAccountsShouldEnableDataEncryptionWithACustomerManagedKeyMonitoringEffect',
            parameters: { effect: { value: "[parameters('cognitiveServicesAccountsShouldEnableDataEncryptionWithACustomerManagedKeyMonitoringEffect')]" } },
            groupNames: ['Azure_Security_Benchmark_v3.0_DP-5'],
          },
          {
            policyDefinitionId: builtIn('037eea7a-bd0a-46c5-9a66-03aea78705d3'),
            definitionVersion: '3.*.*',
            policyDefinitionReferenceId: 'cognitiveServicesAccountsShouldRestrictNetworkAccessMonitoringEffect',
            parameters: { effect: { value: "[parameters('cognitiveServicesAccountsShouldRestrictNetworkAccessMonitoringEffect')]" } },
            groupNames: ['Azure_Security_Benchmark_v3.0_NS-2'],
          },
          {
            policyDefinitionId: builtIn('71ef260a-8f18-47b7-abcb-62d0673d94dc'),
            definitionVersion: '1.*.*',
            policyDefinitionReferenceId: 'cognitiveServicesAccountsShouldHaveLocalAuthenticationMethodsDisabled',
            groupNames: ['Azure_Security_Benchmark_v3.0_IM-1'],
          },
        ],
      },
    },
    {
      id: CUSTOM_SET,
      name: 'ai-baseline',
      type: 'Microsoft.Authorization/policySetDefinitions',
      properties: {
        policyType: 'Custom',
        displayName: 'AI services baseline',
        parameters: { keyAccessEffect: effectParameter('Key access', 'Audit', ['Audit', 'Deny', 'Disabled']) },
        policyDefinitions: [
          { policyDefinitionId: builtIn('71ef260a-8f18-47b7-abcb-62d0673d94dc'), policyDefinitionReferenceId: 'keyAccess', parameters: { effect: { value: "[parameters('keyAccessEffect')]" } } },
        ],
      },
    },
  );

  // Inherited from the management group: ARM lists it under every subscription below.
  tenant.addToList(listPath(SUB_PROD), assignment(MG, 'mcsb', { displayName: 'ASC Default (management group mg-corp)', policyDefinitionId: MCSB, parameters: {} }));
  tenant.add(
    assignment(`/subscriptions/${SUB_PROD}`, 'ai-local-auth-modify', {
      displayName: 'Configure AI accounts to disable local auth (trial)',
      policyDefinitionId: builtIn('14de9e63-1b31-492e-a5a3-c3f7fd57f555'),
      enforcementMode: 'DoNotEnforce',
    }),
    // At a resource group: not a subscription guardrail, and atScope() leaves it out.
    assignment(`/subscriptions/${SUB_PROD}/resourceGroups/rg-genai`, 'deny-public-ai', {
      displayName: 'Deny public AI accounts in rg-genai',
      policyDefinitionId: builtIn('037eea7a-bd0a-46c5-9a66-03aea78705d3'),
      parameters: { effect: { value: 'Deny' } },
    }),
    assignment(`/subscriptions/${SUB_DEV}`, 'ai-public-access-modify', {
      displayName: 'Configure AI accounts to disable public network access',
      policyDefinitionId: builtIn('47ba1dd7-28d9-4b07-a8d5-9813bed64e0c'),
    }),
    assignment(`/subscriptions/${SUB_DEV}`, 'ai-baseline', {
      displayName: 'AI services baseline',
      policyDefinitionId: CUSTOM_SET,
      parameters: { keyAccessEffect: { value: 'Deny' } },
      nonComplianceMessages: [{ message: 'AI services must not accept keys.', policyDefinitionReferenceId: 'keyAccess' }],
    }),
    assignment(`/subscriptions/${SUB_DEV}`, 'ai-cmk-deny', {
      displayName: 'AI accounts must use a customer-managed key',
      policyDefinitionId: builtIn('67121cc7-ff39-4ab8-b7e3-95b84dab487d'),
      parameters: { effect: { value: 'Deny' } },
      notScopes: [`/subscriptions/${SUB_DEV}/resourceGroups/rg-sandbox`],
    }),
  );
}
