import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../../src/collect/shard.js';
import { EXPERIMENTS_FOLDER, fakeEstate, ML_FOLDER, ORGANIZATION, RESTRICTED_FOLDER } from '../../fakes/gcp/estate.js';
import { startFakeGoogle, type FakeGoogle } from '../../fakes/gcp/server.js';
import { ROOT, runCliAsync, tempDir, type CliResult } from '../../helpers.js';
import { fakeGoogleEnv } from './helpers.js';

/**
 * `--gcp-organization`, `--gcp-folder`, `--gcp-exclude-project` and `--shard` against the fake
 * hierarchy (test/fakes/gcp/estate.ts): acme-sandbox in the organization, acme-ml in the ML folder,
 * acme-experiments (no AI API enabled) in a folder inside it, acme-retired being deleted, and a
 * folder that cannot be listed.
 */

let fake: FakeGoogle;
let env: Record<string, string>;
const runs: Record<string, CliResult> = {};
const id = (name: string) => name.slice(name.indexOf('/') + 1);
const scan = (...args: string[]) => ['scan', '--provider', 'gcp', '--format', 'json', ...args];
const organization = scan('--gcp-organization', id(ORGANIZATION));
const NAMED = ['acme-legacy', 'acme-ml', 'acme-sandbox'];

interface Document {
  findings: Array<{ ruleId: string; resource: { id: string; account: string } }>;
  scan: { coverage: Array<{ account: string; service: string; status: string; message?: string }> };
}

const parse = (result: CliResult) => JSON.parse(result.stdout) as Document;
const findingKeys = (document: Document) => document.findings.map((finding) => `${finding.ruleId} ${finding.resource.id}`).sort();
/** The projects scanned: their own record (GetProject, coverage service iam) was asked for. */
const projectsNamed = (document: Document) => [...new Set(document.scan.coverage.filter((entry) => entry.service === 'iam').map((entry) => entry.account))].sort();
/** Projects whose own record was read (GetProject answered). */
const projectsRead = (document: Document) => [...new Set(document.scan.coverage.filter((entry) => entry.service === 'iam' && entry.status === 'ok').map((entry) => entry.account))].sort();

beforeAll(async () => {
  fake = await startFakeGoogle(fakeEstate());
  env = fakeGoogleEnv(fake);
  const commands: Record<string, string[]> = {
    named: scan('--gcp-project', 'acme-ml', '--gcp-project', 'acme-sandbox'),
    organization,
    folder: scan('--gcp-folder', id(ML_FOLDER)),
    // With --debug, progress notes are log lines: they show the projects done of the total.
    excluded: [...organization, '--gcp-exclude-project', 'acme-sandbox', '--debug'],
    shard1: [...organization, '--shard', '1/2'],
    shard2: [...organization, '--shard', '2/2'],
    namedShard1: [...scan(...NAMED.flatMap((project) => ['--gcp-project', project])), '--shard', '1/2'],
    namedShard2: [...scan(...NAMED.flatMap((project) => ['--gcp-project', project])), '--shard', '2/2'],
    restricted: scan('--gcp-folder', id(RESTRICTED_FOLDER)),
    // The same scan as `excluded`, asked for in the config file, ids written as resource names.
    configured: [...scan('--config', join(tempDir({ 'aispm.config.yaml': `scan:\n  gcp-organization: [${ORGANIZATION}]\n  gcp-exclude-project: [acme-sandbox]\n` }), 'aispm.config.yaml'))],
  };
  const results = await Promise.all(Object.values(commands).map((args) => runCliAsync(args, { env })));
  Object.keys(commands).forEach((name, index) => (runs[name] = results[index]!));
}, 180_000);

afterAll(() => fake.close());

describe('aispm scan --gcp-organization / --gcp-folder', () => {
  it('reads every active project beneath the organization, in every folder: the findings of the same projects named', () => {
    const { organization: result, named } = runs;
    expect(result!.code, result!.stderr).toBe(1);
    const document = parse(result!);
    expect(findingKeys(document)).toEqual(findingKeys(parse(named!)));
    for (const node of [ORGANIZATION, ML_FOLDER, EXPERIMENTS_FOLDER]) expect(document.scan.coverage).toContainEqual(expect.objectContaining({ account: node, service: 'hierarchy', status: 'ok' }));
    // Being deleted: not listed, not scanned.
    expect(projectsNamed(document)).toEqual(['acme-experiments', 'acme-ml', 'acme-sandbox']);
  });

  it('skips a project beneath it with no AI API enabled after one Service Usage call, with no call per location', () => {
    const document = parse(runs.organization!);
    expect(document.scan.coverage.filter((entry) => entry.account === 'acme-experiments' && entry.service === 'aiplatform')).toEqual([
      expect.objectContaining({ region: 'global', status: 'skipped', message: expect.stringContaining('no AI API is enabled in the project') }),
    ]);
    const paths = fake.requests.filter((request) => /acme-experiments|444444444444/.test(request.path)).map((request) => `${request.method} ${request.path}`);
    expect([...new Set(paths)].sort()).toEqual(['GET /v1/projects/444444444444/services:batchGet', 'GET /v3/projects/acme-experiments']);
  });

  it('a folder that cannot be listed is a coverage gap naming it; with nothing else to read the scan is blind: exit 3', () => {
    const gap = expect.objectContaining({ account: RESTRICTED_FOLDER, service: 'hierarchy', status: 'denied', message: expect.stringContaining('ListFolders') });
    expect(parse(runs.organization!).scan.coverage).toContainEqual(gap);
    const { restricted } = runs;
    expect(restricted!.code, restricted!.stderr).toBe(3);
    expect(restricted!.stderr).toContain('gcp could not be read at all');
    expect(parse(restricted!).scan.coverage).toEqual([gap]);
  });

  it('--gcp-folder reads only what is beneath the folder', () => {
    const document = parse(runs.folder!);
    expect(projectsNamed(document)).toEqual(['acme-experiments', 'acme-ml']);
    expect(projectsRead(document)).toEqual(['acme-experiments', 'acme-ml']);
    expect(document.findings.every((finding) => finding.resource.account === 'acme-ml')).toBe(true);
  });

  it('leaves out an excluded project', () => {
    expect(projectsNamed(parse(runs.excluded!))).toEqual(['acme-experiments', 'acme-ml']);
  });

  it('takes the organization and the exclusions from the config file\'s scan: section too', () => {
    expect(runs.configured!.code, runs.configured!.stderr).toBe(1);
    expect(projectsNamed(parse(runs.configured!))).toEqual(['acme-experiments', 'acme-ml']);
    expect(findingKeys(parse(runs.configured!))).toEqual(findingKeys(parse(runs.excluded!)));
  });

  it('shows the projects done of the total as progress', () => {
    const notes = runs.excluded!.stderr.split('\n').filter((line) => line.includes('projects, '));
    expect(notes.map((line) => /gcp: (\d+\/\d+) projects/.exec(line)?.[1])).toEqual(expect.arrayContaining(['0/2', '1/2', '2/2']));
  });

  it.each([
    ['found beneath the organization', 'shard1', 'shard2', ['acme-experiments', 'acme-ml', 'acme-sandbox']],
    ['named with --gcp-project', 'namedShard1', 'namedShard2', NAMED],
  ])('--shard splits the projects %s by the hash of their ids, none left out or read twice', (_, first, second, all) => {
    const shards = [runs[first]!, runs[second]!].map((result) => projectsNamed(parse(result)));
    expect(shards[0]).toEqual(all.filter((project) => shardOf(project, 2) === 1));
    expect(shards[1]).toEqual(all.filter((project) => shardOf(project, 2) === 2));
    expect([...shards[0]!, ...shards[1]!].sort()).toEqual(all);
  });

  it.each([
    [['--gcp-organization', 'acme'], /--gcp-organization.*"acme" is not a Google Cloud organization id/],
    [['--gcp-folder', 'organizations/1'], /--gcp-folder.*"organizations\/1" is not a Google Cloud folder id/],
  ])('%j exits 2 with a clear message', async (args, message) => {
    const result = await runCliAsync(['scan', '--provider', 'gcp', ...args], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it.each([
    ['gcp-folder: [organizations/1]', /aispm\.config\.yaml:3: scan\.gcp-folder: "organizations\/1" is not a Google Cloud folder id/],
    ['shard: 3/2', /aispm\.config\.yaml:3: scan\.shard: .*3/],
  ])('a bad "%s" in the config file exits 2 naming file, line and field', async (setting, message) => {
    const dir = tempDir({ 'aispm.config.yaml': `scan:\n  provider: [gcp]\n  ${setting}\n` });
    const result = await runCliAsync(['scan'], { env, cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('docs/permissions/gcp-organization-role.yaml', () => {
  it('holds exactly the permissions an organization scan needs beyond the reader role (gcp-role.yaml)', () => {
    const read = (file: string) => parseYaml(readFileSync(join(ROOT, 'docs', 'permissions', file), 'utf8')) as { includedPermissions: string[]; stage: string };
    const reader = new Set(read('gcp-role.yaml').includedPermissions);
    const role = read('gcp-organization-role.yaml');
    const beyond = [...new Set(fake.requests.flatMap((request) => request.permission ?? []))].filter((permission) => !reader.has(permission)).sort();
    expect([...role.includedPermissions].sort()).toEqual(beyond);
    expect(role.stage).toBe('GA');
  });
});
