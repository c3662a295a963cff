import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../../src/collect/shard.js';
import { ACCOUNT } from '../../fakes/aws/estate.js';
import { LOCKED_ACCOUNT, MEMBER_ACCOUNT, ORGANIZATION_ROLE, SUSPENDED_ACCOUNT } from '../../fakes/aws/organizations.js';
import { FakeAws, fakeAwsEnvironment } from '../../fakes/aws/server.js';
import { ROOT, runCliAsync, tempDir, type CliResult } from '../../helpers.js';

/**
 * `--aws-organization`, `--aws-account` and `--shard` against the fake AWS Organization
 * (test/fakes/aws/organizations.ts): the management account (the caller) read with its own
 * credentials, a member read through the role assumed in it, a member whose role cannot be assumed
 * (a coverage entry naming it), and a suspended member that is not scanned.
 */

const fake = new FakeAws();
const home = mkdtempSync(join(tmpdir(), 'aispm-aws-org-'));
let env: Record<string, string>;
const runs: Record<string, CliResult> = {};
const ACTIVE = [ACCOUNT, MEMBER_ACCOUNT, LOCKED_ACCOUNT].sort();
const organization = ['scan', '--provider', 'aws', '--format', 'json', '--aws-organization', '--aws-role-name', ORGANIZATION_ROLE];

interface Document {
  findings: Array<{ ruleId: string; resource: { id: string } }>;
  scan: { coverage: Array<{ account: string; service: string; status: string; message?: string }> };
}

const parse = (result: CliResult) => JSON.parse(result.stdout) as Document;
/** The accounts whose estate was read: coverage of something other than the role assumption. */
const accountsRead = (document: Document) => [...new Set(document.scan.coverage.filter((entry) => entry.status === 'ok' && entry.service !== 'organizations').map((entry) => entry.account))].sort();
const findingAccounts = (document: Document) => [...new Set(document.findings.map((finding) => finding.resource.id.split(':')[4]).filter(Boolean))].sort();

beforeAll(async () => {
  await fake.start();
  env = { HOME: home, ...fakeAwsEnvironment(fake, home) };
  const commands: Record<string, string[]> = {
    organization,
    excluded: [...organization, '--aws-exclude-account', MEMBER_ACCOUNT],
    shard1: [...organization, '--shard', '1/2', '--save-snapshot', join(home, 'shard-1.json')],
    shard2: [...organization, '--shard', '2/2', '--save-snapshot', join(home, 'shard-2.json')],
    lockedInOrganization: [...organization, '--aws-exclude-account', `${ACCOUNT},${MEMBER_ACCOUNT}`],
    locked: ['scan', '--provider', 'aws', '--format', 'json', '--aws-account', LOCKED_ACCOUNT, '--aws-role-name', ORGANIZATION_ROLE],
    // `excluded` asked for in the config file, the account id unquoted (YAML reads it as a number).
    configured: ['scan', '--provider', 'aws', '--format', 'json', '--config', join(tempDir({ 'aispm.config.yaml': `scan:\n  aws-organization: true\n  aws-role-name: ${ORGANIZATION_ROLE}\n  aws-exclude-account: [${MEMBER_ACCOUNT}]\n` }), 'aispm.config.yaml')],
  };
  const results = await Promise.all(Object.values(commands).map((args) => runCliAsync(args, { env })));
  Object.keys(commands).forEach((name, index) => (runs[name] = results[index]!));
}, 120_000);

afterAll(() => fake.stop());

describe('aispm scan --aws-organization', () => {
  it('reads the caller and every member whose role it can assume; a member it cannot is a denied entry naming it', () => {
    const { organization: result } = runs;
    expect(result!.code, result!.stderr).toBe(1);
    const document = parse(result!);
    expect(accountsRead(document)).toEqual([ACCOUNT, MEMBER_ACCOUNT]);
    // The member has the same estate under its own id: its findings are its own.
    expect(findingAccounts(document)).toEqual([ACCOUNT, MEMBER_ACCOUNT]);
    const locked = document.scan.coverage.filter((entry) => entry.account === LOCKED_ACCOUNT);
    expect(locked).toEqual([expect.objectContaining({ service: 'sts', status: 'denied', message: expect.stringContaining(`AssumeRole arn:aws:iam::${LOCKED_ACCOUNT}:role/${ORGANIZATION_ROLE}: AccessDenied`) })]);
    // A suspended account is not scanned at all.
    expect(document.scan.coverage.some((entry) => entry.account === SUSPENDED_ACCOUNT)).toBe(false);
    expect(document.scan.coverage).toContainEqual(expect.objectContaining({ account: ACCOUNT, service: 'organizations', status: 'ok' }));
    // The member's role cannot read S3 in the fake: a gap of the member's, not of the caller's.
    expect(document.scan.coverage).toContainEqual(expect.objectContaining({ account: MEMBER_ACCOUNT, service: 's3', status: 'denied' }));
    expect(fake.calls).toContain('organizations:ListAccounts');
    expect(fake.calls).toContain('sts:AssumeRole');
  });

  it('leaves out an excluded account, also when the config file\'s scan: section asks for it', () => {
    expect(accountsRead(parse(runs.configured!))).toEqual([ACCOUNT]);
    const document = parse(runs.excluded!);
    expect(accountsRead(document)).toEqual([ACCOUNT]);
    expect(document.scan.coverage.some((entry) => entry.account === MEMBER_ACCOUNT)).toBe(false);
  });

  it('--shard splits the active accounts between the shards by the hash of their ids, with none left out or read twice', () => {
    const shards = [runs.shard1!, runs.shard2!].map((result) => {
      const document = parse(result);
      return [...new Set(document.scan.coverage.filter((entry) => entry.service !== 'organizations').map((entry) => entry.account))].sort();
    });
    expect(shards[0]).toEqual(ACTIVE.filter((id) => shardOf(id, 2) === 1));
    expect(shards[1]).toEqual(ACTIVE.filter((id) => shardOf(id, 2) === 2));
    expect([...shards[0]!, ...shards[1]!].sort()).toEqual(ACTIVE);
  });

  it('aispm merge of the shards\' snapshots finds what the whole organization\'s scan finds', async () => {
    const merged = await runCliAsync(['merge', join(home, 'shard-1.json'), join(home, 'shard-2.json'), '--format', 'json'], { env });
    expect(merged.code, merged.stderr).toBe(1);
    const key = (document: Document) => document.findings.map((finding) => `${finding.ruleId} ${finding.resource.id}`).sort();
    expect(key(parse(merged))).toEqual(key(parse(runs.organization!)));
    expect(parse(merged).scan.coverage).toEqual(parse(runs.organization!).scan.coverage);
  });

  it('is blind when no account could be read: exit 3, never green', () => {
    const { locked } = runs;
    expect(locked!.code, locked!.stderr).toBe(3);
    expect(locked!.stderr).toContain('aws could not be read at all');
    expect(parse(locked!).scan.coverage).toEqual([expect.objectContaining({ account: LOCKED_ACCOUNT, service: 'sts', status: 'denied' })]);
    // The organization's listing was read, but no account in it: still blind.
    const { lockedInOrganization } = runs;
    expect(lockedInOrganization!.code, lockedInOrganization!.stderr).toBe(3);
    expect(lockedInOrganization!.stderr).toContain('aws could not be read at all');
  });
});

describe('organization flags', () => {
  it.each([
    [['--shard', '3/2'], /--shard.*shard 3 of 2 does not exist/],
    [['--shard', 'x'], /--shard.*"x" is not i\/n/],
    [['--shard', '0/4'], /--shard.*shard 0 of 4 does not exist/],
    [['--aws-organization'], /--aws-organization.*needs --aws-role-name/],
    [['--aws-account', '1234'], /--aws-account.*"1234" is not an AWS account id/],
    [['--aws-role-name', ORGANIZATION_ROLE], /--aws-role-name.*applies only with --aws-organization or --aws-account/],
    [['--aws-organization', '--aws-role-name', 'arn:aws:iam::1:role/x'], /--aws-role-name.*is not an IAM role name/],
  ])('%j exits 2 with a clear message', async (args, message) => {
    const result = await runCliAsync(['scan', '--provider', 'aws', ...args], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('docs/permissions/aws-organization-policy.json, the scanning account\'s policy', () => {
  it('grants exactly the calls an organization scan makes beyond the member read policy', () => {
    const read = (file: string) => JSON.parse(readFileSync(join(ROOT, 'docs', 'permissions', file), 'utf8')) as { Statement: Array<{ Action: string[]; Resource: string }> };
    const member = new Set(read('aws-policy.json').Statement.flatMap((statement) => statement.Action));
    const organizationPolicy = read('aws-organization-policy.json');
    const beyond = [...new Set(fake.calls.filter((action) => !member.has(action)))].sort();
    expect(organizationPolicy.Statement.flatMap((statement) => statement.Action).sort()).toEqual(beyond);
    expect(organizationPolicy.Statement).toContainEqual(expect.objectContaining({ Action: ['sts:AssumeRole'], Resource: `arn:aws:iam::*:role/${ORGANIZATION_ROLE}` }));
  });
});
