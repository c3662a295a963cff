import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers.js';

const CYCLONEDX = join(ROOT, 'node_modules', '@cyclonedx', 'cyclonedx-library', 'res', 'schema');
const loadSchema = (name: string) => JSON.parse(readFileSync(join(CYCLONEDX, name), 'utf8'));

describe('aispm inventory', () => {
  it('lists the AI assets with their relations, AI assets first (table)', () => {
    const result = runCli(['inventory', '--demo']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^AI inventory: 63 AI assets, 33 related assets, from demo/);
    expect(result.stdout).toContain('aws.sagemaker.notebook-instance');
    expect(result.stdout).toContain('internet-exposed');
    expect(result.stdout).toContain('2 coverage gap(s)');
  });

  it('JSON holds every asset with props and relations, and no raw records', () => {
    const document = JSON.parse(runCli(['inventory', '--demo', '--format', 'json']).stdout);
    expect(document.summary.assets).toBe(96);
    expect(document.summary.aiAssets).toBe(63);
    const notebook = document.assets.find((asset: { name: string }) => asset.name === 'research-nb');
    expect(notebook.category).toBe('ai');
    expect(notebook.props.directInternetAccess).toBe(true);
    expect(notebook.relations).toEqual([
      { type: 'configured-by', direction: 'out', id: 'arn:aws:sagemaker:us-east-1:111122223333:notebook-instance-lifecycle-config/research-setup' },
      { type: 'uses-identity', direction: 'out', id: 'arn:aws:iam::111122223333:role/SageMakerResearchRole' },
    ]);
    expect(JSON.stringify(document)).not.toContain('"raw"');
  });

  it('CycloneDX output validates against the CycloneDX 1.6 schema', () => {
    const bom = JSON.parse(runCli(['inventory', '--demo', '--format', 'cyclonedx']).stdout);
    const ajv = new Ajv.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addFormat('iri-reference', true); // CycloneDX uses it; ajv-formats has no validator for it
    // The 1.6 schema refers to its siblings by their file names.
    for (const name of ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json']) ajv.addSchema({ ...loadSchema(name), $id: `http://cyclonedx.org/schema/${name}` });
    const validate = ajv.compile(loadSchema('bom-1.6.SNAPSHOT.schema.json'));
    const valid = validate(bom);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(bom.components.some((component: { type: string }) => component.type === 'machine-learning-model')).toBe(true);
    expect(bom.services.some((service: { name: string }) => service.name === 'acme-openai-public')).toBe(true);
  });

  it('surfaces shadow, unapproved and outdated AI through the governance rules and aispm.config.yaml', () => {
    const dir = tempDir({ 'aispm.config.yaml': 'parameters:\n  approvedModels: ["gpt-4o*"]\n  requiredTags: [owner]\n' });
    const document = JSON.parse(runCli(['inventory', '--demo', '--format', 'json'], { cwd: dir }).stdout);
    const governance = (name: string) => document.assets.find((asset: { name: string }) => asset.name === name).governance;
    expect(governance('gpt-35-legacy')).toEqual(['azure-ai-deployment-retired-model', 'cross-ai-asset-missing-required-tags', 'cross-model-not-approved']);
    expect(governance('customer-support-agent')).toEqual(['cross-model-not-approved']);
    expect(governance('gpt-4o-mini-support')).toBeUndefined();
    expect(runCli(['inventory', '--demo'], { cwd: dir }).stdout).toContain('shadow AI (required tags');
  });
});
