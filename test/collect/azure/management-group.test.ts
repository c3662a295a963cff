import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../../src/collect/shard.js';
import { FakeArm } from '../../fakes/azure/arm-server.js';
import { DENIALS, fakeTenant, GROUP_DENIALS, GROUPS, SUB_DEV, SUB_DISABLED, SUB_LOCKED, SUB_PROD, SUB_UNSEEN, TOKEN } from '../../fakes/azure/estate.js';
import { ROOT, runCliAsync, type CliResult } from '../../helpers.js';
import { cliEnv } from './harness.js';

/**
 * `--azure-management-group`, `--azure-exclude-subscription` and `--shard` against the fake
 * management groups (test/fakes/azure/estate.ts GROUPS): the subscriptions beneath a group at any
 * depth, one of them refusing everything (locked), one the credential cannot see, one disabled; a
 * group whose descendants cannot be read.
 */

let fake: FakeArm;
const runs: Record<string, CliResult> = {};
const group = (...ids: string[]) => ['scan', '--provider', 'azure', '--format', 'json', ...ids.flatMap((id) => ['--azure-management-group', id])];

interface Document {
  findings: Array<{ ruleId: string; resource: { id: string; account: string } }>;
  scan: { coverage: Array<{ account: string; service: string; status: string; message?: string }> };
}

const parse = (result: CliResult) => JSON.parse(result.stdout) as Document;
const GROUP_SERVICE = 'Microsoft.Management/managementGroups';
/** The subscriptions whose resources were read: an ok entry of a resource provider in them. */
const subscriptionsRead = (document: Document) => [...new Set(document.scan.coverage.filter((entry) => entry.status === 'ok' && /^[0-9a-f-]{36}$/.test(entry.account)).map((entry) => entry.account))].sort();
/** Every subscription the coverage names. */
const subscriptionsNamed = (document: Document) => [...new Set(document.scan.coverage.map((entry) => entry.account).filter((account) => /^[0-9a-f-]{36}$/.test(account)))].sort();
const findingKeys = (document: Document) => document.findings.map((finding) => `${finding.ruleId} ${finding.resource.id}`).sort();

beforeAll(async () => {
  fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: [...DENIALS, ...GROUP_DENIALS] });
  const commands: Record<string, string[]> = {
    visible: ['scan', '--provider', 'azure', '--format', 'json'],
    root: group(GROUPS.root),
    nested: group(GROUPS.sandbox, GROUPS.prod),
    // With --debug, progress notes are log lines: they show the subscriptions done of the total.
    excluded: [...group(GROUPS.root), '--azure-exclude-subscription', SUB_DEV, '--debug'],
    shard1: [...group(GROUPS.root), '--shard', '1/2'],
    shard2: [...group(GROUPS.root), '--shard', '2/2'],
    restricted: group(GROUPS.restricted),
    restrictedAndProd: group(GROUPS.restricted, GROUPS.prod),
  };
  const results = await Promise.all(Object.values(commands).map((args) => runCliAsync(args, { env: cliEnv(fake) })));
  Object.keys(commands).forEach((name, index) => (runs[name] = results[index]!));
}, 120_000);

afterAll(() => fake.close());

describe('aispm scan --azure-management-group', () => {
  it('reads every subscription beneath the group, at any depth: the same findings as the visible subscriptions give', () => {
    const { root, visible } = runs;
    expect(root!.code, root!.stderr).toBe(1);
    const document = parse(root!);
    expect(document.scan.coverage).toContainEqual(expect.objectContaining({ account: `managementGroups/${GROUPS.root}`, service: GROUP_SERVICE, status: 'ok' }));
    expect(subscriptionsRead(document)).toEqual([SUB_PROD, SUB_DEV].sort());
    expect(findingKeys(document)).toEqual(findingKeys(parse(visible!)));
    // Two levels down: the locked subscription refuses everything, the unseen one is a gap naming it, the disabled one is skipped.
    expect(document.scan.coverage.filter((entry) => entry.account === SUB_LOCKED).every((entry) => entry.status === 'denied')).toBe(true);
    expect(document.scan.coverage.filter((entry) => entry.account === SUB_UNSEEN)).toEqual([
      expect.objectContaining({ service: 'Microsoft.Resources/subscriptions', status: 'denied', message: expect.stringContaining('cannot see this subscription') }),
    ]);
    expect(document.scan.coverage.filter((entry) => entry.account === SUB_DISABLED)).toEqual([expect.objectContaining({ status: 'skipped', message: 'subscription is Disabled' })]);
    expect(fake.requests.some((request) => request.path === `/providers/Microsoft.Management/managementGroups/${GROUPS.root}/descendants` && request.status === 200)).toBe(true);
  });

  it('reads only what is beneath the groups named', () => {
    const document = parse(runs.nested!);
    expect(subscriptionsNamed(document)).toEqual([SUB_PROD, SUB_LOCKED, SUB_UNSEEN].sort());
    expect(subscriptionsRead(document)).toEqual([SUB_PROD]);
    expect(document.findings.every((finding) => finding.resource.account === SUB_PROD)).toBe(true);
  });

  it('leaves out an excluded subscription', () => {
    const document = parse(runs.excluded!);
    expect(subscriptionsRead(document)).toEqual([SUB_PROD]);
    expect(subscriptionsNamed(document)).not.toContain(SUB_DEV);
  });

  it('shows the subscriptions done of the total as progress', () => {
    // prod and locked are read (dev excluded, the disabled one skipped, the unseen one not visible).
    const notes = runs.excluded!.stderr.split('\n').filter((line) => line.includes('subscriptions, '));
    expect(notes.map((line) => /azure: (\d+\/\d+) subscriptions/.exec(line)?.[1])).toEqual(expect.arrayContaining(['0/2', '1/2', '2/2']));
  });

  it('--shard splits the subscriptions beneath the group by the hash of their ids, none left out or named twice', () => {
    const all = subscriptionsNamed(parse(runs.root!));
    expect(all).toEqual([SUB_PROD, SUB_DEV, SUB_LOCKED, SUB_DISABLED, SUB_UNSEEN].sort());
    const shards = [runs.shard1!, runs.shard2!].map((result) => subscriptionsNamed(parse(result)));
    expect(shards[0]).toEqual(all.filter((id) => shardOf(id, 2) === 1));
    expect(shards[1]).toEqual(all.filter((id) => shardOf(id, 2) === 2));
    expect([...shards[0]!, ...shards[1]!].sort()).toEqual(all);
  });

  it('a group that cannot be read is a coverage gap naming it; with nothing else to read the scan is blind: exit 3', () => {
    const { restricted, restrictedAndProd } = runs;
    expect(restricted!.code, restricted!.stderr).toBe(3);
    expect(restricted!.stderr).toContain('azure could not be read at all');
    const gap = expect.objectContaining({ account: `managementGroups/${GROUPS.restricted}`, service: GROUP_SERVICE, status: 'denied', message: expect.stringContaining('Microsoft.Management/managementGroups/descendants/read') });
    expect(parse(restricted!).scan.coverage).toContainEqual(gap);
    expect(restrictedAndProd!.code, restrictedAndProd!.stderr).toBe(1);
    expect(parse(restrictedAndProd!).scan.coverage).toContainEqual(gap);
    expect(subscriptionsRead(parse(restrictedAndProd!))).toEqual([SUB_PROD]);
  });

  it.each([
    [['--azure-management-group', 'bad/group'], /--azure-management-group.*"bad\/group" is not an Azure management group id/],
  ])('%j exits 2 with a clear message', async (args, message) => {
    const result = await runCliAsync(['scan', '--provider', 'azure', ...args], { env: cliEnv(fake) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('docs/permissions/azure-management-group-role.json', () => {
  it('grants exactly the actions a management group scan needs beyond aispm Reader (azure-role.json)', () => {
    const read = (file: string) => JSON.parse(readFileSync(join(ROOT, 'docs', 'permissions', file), 'utf8')) as { Actions: string[]; DataActions: string[]; AssignableScopes: string[] };
    const reader = new Set(read('azure-role.json').Actions.map((action) => action.toLowerCase()));
    const role = read('azure-management-group-role.json');
    const beyond = [...new Set(fake.requests.filter((request) => request.status === 200).map((request) => request.action.toLowerCase()))].filter((action) => !reader.has(action)).sort();
    expect(role.Actions.map((action) => action.toLowerCase()).sort()).toEqual(beyond);
    expect(role.DataActions).toEqual([]);
    expect(role.AssignableScopes.every((scope) => scope.startsWith('/providers/Microsoft.Management/managementGroups/'))).toBe(true);
  });
});
