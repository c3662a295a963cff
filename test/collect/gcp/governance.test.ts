import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { vertexAiAuditProps } from '../../../src/collect/gcp/audit-logs.js';
import { createGcpCollector } from '../../../src/collect/gcp/index.js';
import { effectOf } from '../../../src/collect/gcp/org-policy.js';
import type { Inventory } from '../../../src/graph/model.js';
import { fakeEstate } from '../../fakes/gcp/estate.js';
import { describeViolations, startFakeGoogle, type FakeGoogle, type FakeRequest } from '../../fakes/gcp/server.js';
import { assetById, collectorContext, fakeGoogleEnv } from './helpers.js';

/**
 * The project's governance: the organization policies in effect (Organization Policy API v2
 * getEffectivePolicy, plain REST, with ListConstraints for the defaults) and the Data Access audit
 * logs for Vertex AI (the auditConfigs of the project's and its ancestors' IAM policies).
 */

const SCOPE = { gcpProjects: ['acme-ml', 'acme-sandbox', 'acme-legacy'] };
const collector = createGcpCollector({ retry: { initialDelayMs: 1, maxDelayMs: 5, maxAttempts: 2 } });

const estate = fakeEstate();
let fake: FakeGoogle;
let inventory: Inventory;
let requests: FakeRequest[];

const scan = () => collector.collect(collectorContext(SCOPE));
const ORG_POLICY_PROPS = [
  'orgPolicyModelsRestricted',
  'orgPolicyNotebookRootAccessDisabled',
  'orgPolicyNotebookTerminalDisabled',
  'orgPolicyNotebookFileDownloadsDisabled',
  'orgPolicyNotebookPublicIpRestricted',
  'orgPolicyVertexAiCmekRequired',
  'orgPolicyServiceAccountKeyCreationDisabled',
  'orgPolicyMemberDomainsRestricted',
  'orgPolicyGenAIModelsRestricted',
  'orgPolicyPartnerModelFeaturesRestricted',
  'orgPolicyGoogleSearchGroundingDisabled',
  'orgPolicyGroundingSourcesRestricted',
  'orgPolicyNotebookAutoUpgradeRequired',
  'orgPolicyVmExternalIpRestricted',
  'orgPolicyDefaultServiceAccountGrantsDisabled',
];

beforeAll(async () => {
  fake = await startFakeGoogle(estate);
  for (const [name, value] of Object.entries(fakeGoogleEnv(fake))) vi.stubEnv(name, value);
  inventory = await scan();
  requests = [...fake.requests];
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});

describe('organization policies in effect', () => {
  it('reads each constraint\'s effective policy, and the default where no policy is set anywhere', () => {
    const props = assetById(inventory, 'projects/acme-ml').props;
    expect(props).toMatchObject({
      // allowAll: no model allowlist.
      orgPolicyModelsRestricted: false,
      orgPolicyNotebookRootAccessDisabled: true,
      // enforce: false, set explicitly.
      orgPolicyNotebookTerminalDisabled: false,
      // No policy anywhere: the effective policy has no rule, and the constraint's default (ALLOW) is "not enforced".
      orgPolicyNotebookFileDownloadsDisabled: false,
      orgPolicyNotebookPublicIpRestricted: false,
      // CMEK is required for notebooks.googleapis.com only.
      orgPolicyVertexAiCmekRequired: false,
      // The legacy constraint has no policy; the managed one is enforced.
      orgPolicyServiceAccountKeyCreationDisabled: true,
      orgPolicyMemberDomainsRestricted: true,
      // No generative model allowlist (the default); every partner-model feature allowed over a default that denies them.
      orgPolicyGenAIModelsRestricted: false,
      orgPolicyPartnerModelFeaturesRestricted: false,
      // Google Search grounding not disabled, but the grounding sources limited to an allow list.
      orgPolicyGoogleSearchGroundingDisabled: false,
      orgPolicyGroundingSourcesRestricted: true,
      orgPolicyNotebookAutoUpgradeRequired: true,
      // One VM denied an external IP: every other VM may still have one.
      orgPolicyVmExternalIpRestricted: false,
      orgPolicyDefaultServiceAccountGrantsDisabled: false,
    });
    expect(assetById(inventory, 'projects/acme-ml').raw).toMatchObject({
      effectiveOrgPolicies: {
        'vertexai.allowedModels': { name: 'projects/111111111111/policies/vertexai.allowedModels', spec: { rules: [{ allowAll: true }] } },
        'ainotebooks.restrictPublicIp': { name: 'projects/111111111111/policies/ainotebooks.restrictPublicIp' },
      },
    });
    // Every constraint at its default: not enforced, every value allowed, except partner-model
    // features, which ListConstraints gives a DENY default.
    const legacy = assetById(inventory, 'projects/acme-legacy').props;
    for (const name of ORG_POLICY_PROPS) expect(legacy[name], name).toBe(name === 'orgPolicyPartnerModelFeaturesRestricted');
    expect(describeViolations(fake.violations)).toBe('');
  });

  it('leaves the props out, and records a gap, where the policies cannot be read', () => {
    const props = assetById(inventory, 'projects/acme-sandbox').props;
    for (const name of ORG_POLICY_PROPS) expect(props, name).not.toHaveProperty(name);
    expect(inventory.coverage.find((entry) => entry.account === 'acme-sandbox' && entry.service === 'orgpolicy')).toMatchObject({ status: 'denied', message: expect.stringContaining('PERMISSION_DENIED') });
    expect(inventory.coverage.find((entry) => entry.account === 'acme-ml' && entry.service === 'orgpolicy')?.status).toBe('ok');
  });

  it('reads the hardened side of the generative AI, Workbench and default-account constraints', async () => {
    const ml = estate.projects['acme-ml']!;
    const planted = ml.orgPolicies;
    ml.orgPolicies = {
      'vertexai.allowedGenAIModels': { rules: [{ values: { allowedValues: ['publishers/google/models/gemini-2.5-flash'] } }] },
      'vertexai.disableGenAIGoogleSearchGrounding': { rules: [{ enforce: true }] },
      'compute.vmExternalIpAccess': { rules: [{ denyAll: true }] },
      'iam.automaticIamGrantsForDefaultServiceAccounts': { rules: [{ enforce: true }] },
    };
    try {
      const hardened = await scan();
      expect(assetById(hardened, 'projects/acme-ml').props).toMatchObject({
        orgPolicyGenAIModelsRestricted: true,
        // No policy: the DENY default of partner-model features.
        orgPolicyPartnerModelFeaturesRestricted: true,
        orgPolicyGoogleSearchGroundingDisabled: true,
        orgPolicyGroundingSourcesRestricted: false,
        orgPolicyVmExternalIpRestricted: true,
        orgPolicyDefaultServiceAccountGrantsDisabled: true,
      });
    } finally {
      ml.orgPolicies = planted;
    }
  });

  it('without the constraints list, only policies with rules are known', async () => {
    fake.reset({ deny: (permission) => permission === 'orgpolicy.constraints.list' });
    const denied = await scan();
    fake.reset();
    const props = assetById(denied, 'projects/acme-ml').props;
    expect(props).toMatchObject({ orgPolicyModelsRestricted: false, orgPolicyNotebookRootAccessDisabled: true, orgPolicyServiceAccountKeyCreationDisabled: true });
    expect(props).not.toHaveProperty('orgPolicyNotebookPublicIpRestricted');
    expect(props).not.toHaveProperty('orgPolicyNotebookFileDownloadsDisabled');
  });

  it('reads the rules of an effective policy', () => {
    const booleanDefault = { value: 'ALLOW', kind: 'boolean' } as const;
    expect(effectOf({ spec: { rules: [{ enforce: true }] } }, undefined)).toEqual({ kind: 'boolean', enforced: true });
    // reset restores the default; a DENY default enforces.
    expect(effectOf({ spec: { reset: true } }, { value: 'DENY', kind: 'boolean' })).toEqual({ kind: 'boolean', enforced: true });
    expect(effectOf({ spec: {} }, booleanDefault)).toEqual({ kind: 'boolean', enforced: false });
    expect(effectOf({}, undefined)).toBeUndefined();
    // A rule still carrying a condition is not counted.
    expect(effectOf({ spec: { rules: [{ enforce: true, condition: { expression: "resource.matchTag('1/env', 'prod')" } }] } }, undefined)).toBeUndefined();
    expect(effectOf({ spec: { rules: [{ values: { allowedValues: ['is:publishers/google/models/gemini-2.5-pro:predict'] } }] } }, undefined)).toEqual({
      kind: 'list',
      allowAll: false,
      denyAll: false,
      allowed: ['publishers/google/models/gemini-2.5-pro:predict'],
      denied: [],
    });
  });
});

describe('Data Access audit logs for Vertex AI', () => {
  it('merges the project\'s service and allServices configs', () => {
    expect(assetById(inventory, 'projects/acme-ml').props).toMatchObject({ vertexAiDataAccessLogTypes: ['ADMIN_READ', 'DATA_WRITE'], vertexAiDataAccessLogs: false });
    // No audit config anywhere: off.
    expect(assetById(inventory, 'projects/acme-legacy').props).toMatchObject({ vertexAiDataAccessLogTypes: [], vertexAiDataAccessLogs: false });
    // The project's IAM policy cannot be read: unknown.
    expect(assetById(inventory, 'projects/acme-sandbox').props).not.toHaveProperty('vertexAiDataAccessLogs');
  });

  it('counts what folders and organizations enable, and is unknown while an ancestor is unread', () => {
    const organization = { auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'DATA_READ' }, { logType: 3 }, { logType: 2 }] }] };
    const project = { auditConfigs: [{ service: 'storage.googleapis.com', auditLogConfigs: [{ logType: 'DATA_READ' }] }] };
    const complete = { policies: [organization], complete: true, names: ['organizations/1'], namesComplete: true };
    expect(vertexAiAuditProps(project, complete)).toEqual({ vertexAiDataAccessLogTypes: ['DATA_READ', 'DATA_WRITE'], vertexAiDataAccessLogs: true });
    // Found enabled although a policy is unread: enabled; not found: unknown.
    expect(vertexAiAuditProps(undefined, complete)).toEqual({ vertexAiDataAccessLogs: true });
    expect(vertexAiAuditProps(project, { ...complete, policies: [], complete: false })).toEqual({});
  });
});

describe('VPC Service Controls', () => {
  it('finds the enforced regular perimeters that hold the project and restrict Vertex AI', () => {
    // A bridge, and a perimeter that restricts Vertex AI only in its dry-run spec, do not count.
    expect(assetById(inventory, 'projects/acme-ml').props).toMatchObject({ vpcServicePerimeters: [], vertexAiInPerimeter: false });
    expect(assetById(inventory, 'projects/acme-sandbox').props).toMatchObject({ vpcServicePerimeters: ['accessPolicies/558877665544/servicePerimeters/ml_sandbox'], vertexAiInPerimeter: true });
    // No organization: no perimeter can hold it.
    expect(assetById(inventory, 'projects/acme-legacy').props).toMatchObject({ vpcServicePerimeters: [], vertexAiInPerimeter: false });
    // The organization's perimeters are read once for both projects under it.
    expect(requests.filter((request) => request.path === '/v1/accessPolicies').length).toBe(1);
  });

  it('is unknown when the organization\'s perimeters cannot be read', async () => {
    fake.reset({ deny: (permission) => permission === 'accesscontextmanager.servicePerimeters.list' });
    const denied = await scan();
    fake.reset();
    expect(assetById(denied, 'projects/acme-ml').props).not.toHaveProperty('vertexAiInPerimeter');
    expect(assetById(denied, 'projects/acme-legacy').props).toMatchObject({ vertexAiInPerimeter: false });
    expect(denied.coverage.find((entry) => entry.account === 'organizations/123456789012' && entry.service === 'accesscontextmanager')).toMatchObject({ status: 'denied' });
  });
});
