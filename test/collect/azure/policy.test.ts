import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../../src/graph/model.js';
import { FakeArm } from '../../fakes/azure/arm-server.js';
import { DENIALS, fakeTenant, ids, SUB_DEV, SUB_PROD, TOKEN } from '../../fakes/azure/estate.js';
import { policyIds } from '../../fakes/azure/policy.js';
import { foundryIds } from '../../fakes/azure/foundry.js';
import { assetById, scanFake } from './harness.js';

/** Azure Policy assignments and initiatives, read as plain ARM REST from the fake Resource Manager. */

describe('Azure Policy guardrails for AI against the fake Resource Manager', () => {
  let fake: FakeArm;
  let inventory: Inventory;
  const asset = (id: string) => assetById(inventory, id);
  const into = (id: string, edge: string) =>
    inventory.edges
      .filter((candidate) => candidate.to.toLowerCase() === id.toLowerCase() && candidate.type === edge)
      .map((candidate) => candidate.from)
      .sort();

  beforeAll(async () => {
    fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: DENIALS });
    inventory = await scanFake(fake);
  });
  afterAll(() => fake.close());

  it('prod: the inherited benchmark only audits, the Modify runs in DoNotEnforce, the resource-group Deny is not subscription-wide', () => {
    expect(asset(policyIds.guardrails(SUB_PROD))).toMatchObject({
      type: 'azure.policy.ai-guardrails',
      account: SUB_PROD,
      region: 'global',
      props: {
        assignments: 2,
        enforcedControls: [],
        partlyEnforcedControls: [],
        auditedControls: ['local-auth-disabled', 'public-network-access-disabled'],
        publicNetworkAccessEnforced: false,
        localAuthEnforced: false,
      },
    });
  });

  it('dev: Modify of public network access and Deny of key access through an initiative parameter are enforced; CMK with notScopes only in part', () => {
    expect(asset(policyIds.guardrails(SUB_DEV)).props).toMatchObject({
      assignments: 3,
      enforcedControls: ['local-auth-disabled', 'public-network-access-disabled'],
      partlyEnforcedControls: ['customer-managed-key'],
      auditedControls: [],
      publicNetworkAccessEnforced: true,
      localAuthEnforced: true,
    });
  });

  it('links each AI services account to its subscription\'s guardrails', () => {
    expect(into(policyIds.guardrails(SUB_PROD), 'governed-by')).toEqual([ids.oaiExposed, ids.oaiFirewalled, ids.oaiHardened, foundryIds.account].sort());
    expect(into(policyIds.guardrails(SUB_DEV), 'governed-by')).toEqual([ids.devSpeech, ids.futureAi].sort());
  });

  it('asks for assignments at api-version 2025-03-01 with $filter=atScope(), reads each initiative once, and answers within the published model', () => {
    const listed = fake.requests.filter((request) => request.action === 'Microsoft.Authorization/policyAssignments/read');
    expect(listed.map((request) => request.subscriptionId).sort()).toEqual(expect.arrayContaining([SUB_PROD, SUB_DEV]));
    const sets = fake.requests.filter((request) => request.action === 'Microsoft.Authorization/policySetDefinitions/read').map((request) => request.path.toLowerCase());
    expect(sets.sort()).toEqual([policyIds.customSet.toLowerCase(), policyIds.mcsb.toLowerCase()].sort());
    fake.assertTrueToModels();
  });
});

describe('Azure Policy reads that are denied', () => {
  const scanDenying = async (action: string) => {
    const fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: [...DENIALS, { action }] });
    try {
      const inventory = await scanFake(fake);
      return { inventory, coverage: inventory.coverage.filter((entry) => entry.service === 'Microsoft.Authorization/policy' && entry.account === SUB_PROD) };
    } finally {
      await fake.close();
    }
  };

  it('assignments: no guardrails asset, no governed-by edge, a denied coverage entry', async () => {
    const { inventory, coverage } = await scanDenying('Microsoft.Authorization/policyAssignments/read');
    expect(coverage).toEqual([expect.objectContaining({ status: 'denied', message: expect.stringMatching(/^policyAssignments\.list: AuthorizationFailed/) })]);
    expect(inventory.assets.filter((asset) => asset.type === 'azure.policy.ai-guardrails')).toEqual([]);
    expect(inventory.edges.filter((edge) => edge.type === 'governed-by')).toEqual([]);
  });

  it('initiatives: what they carry is unknown, so enforcement is unknown where nothing else enforces it', async () => {
    const { inventory, coverage } = await scanDenying('Microsoft.Authorization/policySetDefinitions/read');
    expect(coverage).toEqual([expect.objectContaining({ status: 'denied', message: expect.stringMatching(/^policySetDefinitions\.get: AuthorizationFailed/) })]);
    const prod = assetById(inventory, policyIds.guardrails(SUB_PROD)).props;
    expect(prod).not.toHaveProperty('publicNetworkAccessEnforced');
    expect(prod).not.toHaveProperty('localAuthEnforced');
    // The direct Modify assignment is still read: public network access stays enforced in dev.
    expect(assetById(inventory, policyIds.guardrails(SUB_DEV)).props).toMatchObject({ publicNetworkAccessEnforced: true, enforcedControls: ['public-network-access-disabled'] });
  });
});
