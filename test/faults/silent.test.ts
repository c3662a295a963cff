import { mkdtempSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_ARM_CERT_FILE } from '../fakes/azure/arm-server.js';
import { runCliAsync } from '../helpers.js';

/**
 * Never green when blind, never hung: each provider's endpoint accepts connections and never answers
 * (a black-holing proxy or firewall). The scan gives up on the provider's first call after its few
 * attempts (the identity call fails fast: 2 attempts of at most 20 s, so under a minute by default;
 * here --timeout 2), says on stderr that the provider could not be read at all, and exits 3 without
 * --fail-on-gaps.
 */

let server: Server;
const sockets = new Set<Socket>();
let endpoint: string;

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const home = () => mkdtempSync(join(tmpdir(), 'aispm-silent-'));

const PROVIDERS: Array<{ provider: string; args: string[]; env: () => Record<string, string> }> = [
  {
    provider: 'aws',
    args: [],
    env: () => ({ AWS_ENDPOINT_URL: `http://${endpoint}`, AWS_ACCESS_KEY_ID: 'AKIDFAKEFORTESTS0000', AWS_SECRET_ACCESS_KEY: 'fake', AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: join(home(), 'none'), AWS_SHARED_CREDENTIALS_FILE: join(home(), 'none'), AWS_EC2_METADATA_DISABLED: 'true' }),
  },
  { provider: 'azure', args: [], env: () => ({ AISPM_AZURE_ENDPOINT: `https://${endpoint}`, AISPM_AZURE_TOKEN: 'fake-token', NODE_EXTRA_CA_CERTS: FAKE_ARM_CERT_FILE }) },
  { provider: 'gcp', args: ['--gcp-project', 'acme-ml'], env: () => ({ AISPM_GCP_ENDPOINT: `http://${endpoint}`, AISPM_GCP_TOKEN: 'fake-token', CLOUDSDK_CONFIG: home(), METADATA_SERVER_DETECTION: 'none' }) },
];

describe('an endpoint that accepts connections and never answers', () => {
  it.each(PROVIDERS)('$provider: the scan ends, says the provider could not be read at all, and exits 3', async ({ provider, args, env }) => {
    const result = await runCliAsync(['scan', '--provider', provider, ...args, '--timeout', '2', '--format', 'json'], { env: { HOME: home(), ...env() } });
    expect(result.stderr).toMatch(new RegExp(`^aispm: error: ${provider} could not be read at all \\(`, 'm'));
    expect(result.stderr).toMatch(new RegExp(`exit 3: ${provider} could not be read at all\\n$`));
    expect(result.code).toBe(3);
    const coverage = (JSON.parse(result.stdout) as { scan: { coverage: Array<{ status: string }> } }).scan.coverage;
    expect(coverage.length).toBeGreaterThan(0);
    expect(coverage.every((entry) => entry.status === 'error')).toBe(true);
  }, 60_000);
});
