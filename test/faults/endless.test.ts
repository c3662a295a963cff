import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUB_PROD } from '../fakes/azure/estate.js';
import { runCliAsync } from '../helpers.js';
import { providerArgs, startThreeClouds, type CloudName, type ThreeClouds } from './three-clouds.js';

/**
 * A listing that goes round in circles (the API repeats its page token) or never ends is stopped and
 * becomes a coverage error naming it; the rest of the estate is read. Before, a repeated NextToken
 * looped forever. The proxies rewrite one listing's answer on each cloud so that its next page is
 * the page just read.
 */

let clouds: ThreeClouds;

beforeAll(async () => {
  clouds = await startThreeClouds();
});

afterAll(() => clouds.close());

interface Coverage {
  provider: string;
  service: string;
  status: string;
  message?: string;
}

const CASES: Array<{ provider: CloudName; match: RegExp; loop: (proxyUrl: string) => (body: string) => string; service: string }> = [
  {
    provider: 'aws',
    match: /^sagemaker:ListNotebookInstances$/,
    loop: () => (body) => JSON.stringify({ ...JSON.parse(body), NextToken: 'loop' }),
    service: 'sagemaker',
  },
  {
    provider: 'azure',
    match: new RegExp(`^GET /subscriptions/${SUB_PROD}/providers/Microsoft.CognitiveServices/accounts$`, 'i'),
    // The next page is this same listing, asked again.
    loop: (proxyUrl) => (body) => JSON.stringify({ ...JSON.parse(body), nextLink: `${proxyUrl}/subscriptions/${SUB_PROD}/providers/Microsoft.CognitiveServices/accounts?api-version=2025-09-01&$skiptoken=loop` }),
    service: 'Microsoft.CognitiveServices',
  },
  {
    provider: 'gcp',
    match: /^GET \/v1\/projects\/acme-ml\/locations\/us-central1\/endpoints$/,
    loop: () => (body) => JSON.stringify({ ...JSON.parse(body), nextPageToken: 'loop' }),
    service: 'aiplatform',
  },
];

describe('a listing that repeats its page token', () => {
  it.each(CASES)('$provider: is stopped and recorded as a coverage error; the rest is read', async ({ provider, match, loop, service }) => {
    const proxy = clouds.proxies[provider];
    proxy.reset({ rewrite: { match, body: loop(proxy.url) } });
    const result = await runCliAsync(['scan', ...providerArgs(provider), '--format', 'json', '--fail-on', 'none'], { env: clouds.env });
    const document = JSON.parse(result.stdout) as { summary: { assets: number }; scan: { coverage: Coverage[] } };
    const stopped = document.scan.coverage.filter((entry) => entry.status === 'error' && entry.message?.includes('(a repeated page token)'));
    expect(stopped.length).toBeGreaterThan(0);
    expect(new Set(stopped.map((entry) => entry.service))).toEqual(new Set([service]));
    expect(document.summary.assets).toBeGreaterThan(10);
    expect(result.code).toBe(0);
  }, 60_000);
});
