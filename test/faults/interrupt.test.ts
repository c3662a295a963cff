import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, tempDir } from '../helpers.js';
import { startThreeClouds, type ThreeClouds } from './three-clouds.js';

/**
 * Ctrl-C during a live scan of the three clouds: the CLI as a subprocess, against fakes that stop
 * answering after a few calls, with a per-request timeout of an hour, so that only the interrupt can
 * end the scan (no timing is measured: a CLI that ignored it would hit the test's timeout).
 */

let clouds: ThreeClouds;

beforeAll(async () => {
  clouds = await startThreeClouds();
});

afterAll(() => clouds.close());

describe('Ctrl-C during a scan', () => {
  it('exits with 130 at once, without a stack trace, and leaves the --output file as it was', async () => {
    const proxies = Object.values(clouds.proxies);
    for (const proxy of proxies) {
      let requests = 0;
      proxy.reset({ hang: { match: () => ++requests > 3 } });
    }
    const dir = tempDir({ 'report.json': 'the previous report\n' });
    const args = ['scan', '--provider', 'aws,azure,gcp', '--gcp-project', 'acme-ml', '--format', 'json', '--output', join(dir, 'report.json'), '--timeout', '3600'];
    const { child, result } = startCli(args, { env: clouds.env });
    // Every provider is in the middle of its collection, waiting for an answer.
    while (proxies.some((proxy) => proxy.outcomes('hang').length === 0)) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGINT');
    const { code, stdout, stderr } = await result;
    expect(code).toBe(130);
    expect(stderr).toBe('\naispm: interrupted\n');
    expect(stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['report.json']);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('the previous report\n');
  });
});
