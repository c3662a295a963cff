import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGcpCollector } from '../../../src/collect/gcp/index.js';
import type { Inventory } from '../../../src/graph/model.js';
import { fakeEstate, ML_FOLDER, ORGANIZATION } from '../../fakes/gcp/estate.js';
import { describeViolations, startFakeGoogle, type FakeGoogle } from '../../fakes/gcp/server.js';
import { assetById, collectorContext, edgesOf, fakeGoogleEnv } from './helpers.js';

/**
 * API keys, the generative AI APIs enabled, and Model Armor, read through the official clients
 * (@google-cloud/apikeys, @google-cloud/service-usage, @google-cloud/modelarmor) from the fake.
 */

const SCOPE = { gcpProjects: ['acme-ml', 'acme-sandbox', 'acme-legacy'] };
const KEYS = 'projects/111111111111/locations/global/keys/0b1c2d3e-0000-4000-8000-00000000000';
const collector = createGcpCollector({ retry: { initialDelayMs: 1, maxDelayMs: 5, maxAttempts: 2 } });

let fake: FakeGoogle;
let inventory: Inventory;

const scan = () => collector.collect(collectorContext(SCOPE));

beforeAll(async () => {
  fake = await startFakeGoogle(fakeEstate());
  for (const [name, value] of Object.entries(fakeGoogleEnv(fake))) vi.stubEnv(name, value);
  inventory = await scan();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});

describe('API keys', () => {
  it('reads each key with its API and client restrictions, and what generative AI it can call', () => {
    expect(assetById(inventory, `${KEYS}1`)).toMatchObject({ type: 'gcp.apikeys.key', account: 'acme-ml', region: 'global', name: 'gemini-prototype' });
    expect(assetById(inventory, `${KEYS}1`).props).toEqual({
      apiRestricted: false,
      apiTargets: null,
      applicationRestriction: null,
      allowedReferrers: null,
      allowedIps: null,
      // No API targets: every API enabled in the project, and both generative AI APIs are.
      generativeAiApis: ['generativelanguage.googleapis.com', 'aiplatform.googleapis.com'],
      allowsGenerativeAi: true,
    });
    expect(assetById(inventory, `${KEYS}2`).props).toMatchObject({ apiRestricted: true, apiTargets: ['generativelanguage.googleapis.com'], applicationRestriction: null, allowsGenerativeAi: true });
    expect(assetById(inventory, `${KEYS}3`).props).toMatchObject({ applicationRestriction: 'browser', allowedReferrers: ['https://app.acme.example/*'], generativeAiApis: ['generativelanguage.googleapis.com'] });
    expect(assetById(inventory, `${KEYS}4`).props).toMatchObject({ apiTargets: ['maps-backend.googleapis.com'], generativeAiApis: [], allowsGenerativeAi: false });
  });

  it('never asks for a key string', () => {
    expect(fake.requests.filter((request) => request.path.endsWith('/keyString'))).toEqual([]);
    for (const asset of inventory.assets.filter((candidate) => candidate.type === 'gcp.apikeys.key')) expect(JSON.stringify(asset)).not.toContain('keyString');
  });
});

describe('projects and Model Armor', () => {
  it('says whether Gemini is in use and whether Model Armor blocks, per project', () => {
    // The floor setting only inspects; template strict blocks.
    expect(assetById(inventory, 'projects/acme-ml').props).toMatchObject({
      projectNumber: '111111111111',
      vertexAiApiEnabled: true,
      geminiApiEnabled: true,
      notebooksApiEnabled: true,
      generativeAiInUse: true,
      modelArmorFloorBlocks: false,
      modelArmorBlockingTemplate: true,
      modelArmorEnforced: true,
    });
    // A floor setting never configured, and no template.
    expect(assetById(inventory, 'projects/acme-sandbox').props).toMatchObject({ vertexAiApiEnabled: true, geminiApiEnabled: false, generativeAiInUse: true, modelArmorEnforced: false });
    // The Model Armor API is off: nothing is screened.
    expect(assetById(inventory, 'projects/acme-legacy').props).toMatchObject({ generativeAiInUse: false, modelArmorFloorBlocks: false, modelArmorEnforced: false });
    expect(edgesOf(inventory, 'projects/acme-ml')).toEqual([]);
  });

  it('reads the floor settings of the project and of the folder above it; the organization\'s is denied', () => {
    expect(assetById(inventory, 'projects/acme-ml/locations/global/floorSetting').props).toEqual({
      level: 'project',
      enforcement: true,
      integratedServices: ['AI_PLATFORM'],
      vertexAiIntegrated: true,
      vertexAiMode: 'inspect-only',
      blocksVertexAi: false,
      cloudLogging: true,
      promptInjectionFilter: true,
      promptInjectionConfidence: 'MEDIUM_AND_ABOVE',
      sensitiveDataFilter: false,
      maliciousUriFilter: true,
      raiFilters: [],
      highConfidenceOnlyFilters: [],
    });
    expect(assetById(inventory, 'projects/acme-sandbox/locations/global/floorSetting').props).toMatchObject({ enforcement: false, vertexAiIntegrated: false, vertexAiMode: null, blocksVertexAi: false, promptInjectionFilter: false, promptInjectionConfidence: null });
    expect(assetById(inventory, `${ML_FOLDER}/locations/global/floorSetting`)).toMatchObject({ account: ML_FOLDER, props: { level: 'folder', enforcement: true, promptInjectionFilter: true } });
    expect(inventory.assets.find((asset) => asset.id === `${ORGANIZATION}/locations/global/floorSetting`)).toBeUndefined();
    expect(inventory.coverage).toContainEqual(expect.objectContaining({ account: ORGANIZATION, service: 'modelarmor', status: 'denied' }));
  });

  it('reads the templates of each Vertex AI location, with their enforcement and confidence levels', () => {
    expect(assetById(inventory, 'projects/acme-ml/locations/us-central1/templates/strict').props).toEqual({
      enforcementType: 'INSPECT_AND_BLOCK',
      blocking: true,
      logSanitizeOperations: true,
      promptInjectionFilter: true,
      promptInjectionConfidence: 'MEDIUM_AND_ABOVE',
      sensitiveDataFilter: true,
      maliciousUriFilter: true,
      raiFilters: ['DANGEROUS', 'HARASSMENT', 'HATE_SPEECH', 'SEXUALLY_EXPLICIT'],
      highConfidenceOnlyFilters: [],
    });
    expect(assetById(inventory, 'projects/acme-ml/locations/us-central1/templates/audit-only').props).toMatchObject({
      enforcementType: 'INSPECT_ONLY',
      blocking: false,
      highConfidenceOnlyFilters: ['DANGEROUS', 'HARASSMENT', 'HATE_SPEECH', 'PROMPT_INJECTION_AND_JAILBREAK', 'SEXUALLY_EXPLICIT'],
    });
    expect(fake.requests.filter((request) => request.path.endsWith('/templates')).map((request) => request.path)).toEqual(
      expect.arrayContaining(['/v1/projects/acme-ml/locations/us-central1/templates', '/v1/projects/acme-ml/locations/asia-northeast1/templates', '/v1/projects/acme-ml/locations/us/templates', '/v1/projects/acme-ml/locations/eu/templates']),
    );
  });
});

describe('what could not be read stays unknown', () => {
  it('without Service Usage, a key without API targets and the project\'s Gemini use are unknown', async () => {
    fake.reset({ deny: (permission) => permission === 'serviceusage.services.get' });
    const denied = await scan();
    fake.reset();
    expect(assetById(denied, `${KEYS}1`).props).not.toHaveProperty('allowsGenerativeAi');
    expect(assetById(denied, `${KEYS}1`).props).not.toHaveProperty('generativeAiApis');
    // A key restricted to the Gemini API needs no Service Usage answer.
    expect(assetById(denied, `${KEYS}2`).props).toMatchObject({ allowsGenerativeAi: true });
    expect(assetById(denied, 'projects/acme-ml').props).not.toHaveProperty('generativeAiInUse');
  });

  it('without the templates, Model Armor enforcement is unknown unless the floor setting blocks', async () => {
    fake.reset({ deny: (permission) => permission === 'modelarmor.templates.list' });
    const denied = await scan();
    fake.reset();
    expect(assetById(denied, 'projects/acme-ml').props).not.toHaveProperty('modelArmorBlockingTemplate');
    expect(assetById(denied, 'projects/acme-ml').props).not.toHaveProperty('modelArmorEnforced');
    expect(describeViolations(fake.violations)).toBe('');
  });

  it('without the Vertex AI locations, templates elsewhere are unknown', async () => {
    fake.reset({ deny: (permission) => permission === 'aiplatform.locations.list' });
    const denied = await scan();
    fake.reset();
    // acme-sandbox's floor setting does not block, and no template was found in the multi-regions: unknown, not false.
    expect(assetById(denied, 'projects/acme-sandbox').props).not.toHaveProperty('modelArmorEnforced');
    expect(assetById(denied, 'projects/acme-sandbox').props).toMatchObject({ modelArmorFloorBlocks: false });
  });
});
