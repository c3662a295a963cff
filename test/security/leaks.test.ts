import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANTED_SECRETS as AWS_SECRETS } from '../fakes/aws/estate.js';
import { PLANTED_SECRET as AZURE_SECRET } from '../fakes/azure/estate.js';
import { PLANTED_FUNCTION_KEY } from '../fakes/azure/foundry.js';
import { awsDialect, azureDialect, gcpDialect } from '../fakes/fault-dialects.js';
import type { Dialect, FaultPlan, ProxiedRequest } from '../fakes/fault-proxy.js';
import { PLANTED_SECRETS as GCP_SECRETS } from '../fakes/gcp/estate.js';
import { startThreeClouds, type CloudName, type ThreeClouds } from '../faults/three-clouds.js';
import { runCliAsync, tempDir, type CliResult } from '../helpers.js';

/**
 * Nothing secret leaks from one `--debug` scan of all three fake clouds: neither the credentials the
 * CLI was given (the AWS secret key, AISPM_AZURE_TOKEN, AISPM_GCP_TOKEN) nor the secrets planted in
 * the estates (model environments, lifecycle scripts, agent instructions, job and engine
 * environments, a key in an AI Foundry connection's target URL), in any output format, the saved
 * snapshot or the log. To push them where a scanner might forget to look, the fault proxy makes each
 * cloud answer some calls with an error that quotes the request's Authorization header (as a
 * misconfigured gateway may), one call with an error that quotes a planted secret (as an API quoting
 * a bad value may), and breaks some bodies. AWS also runs with a session token of no known format,
 * which some errors quote with every request header, or encoded (base64, URL-encoded) without a name:
 * only the scanner's memory of its own credentials can catch it.
 */

/** Fake, and shaped like no known token format on purpose. */
const SESSION_TOKEN = 'FakeSessionTokenForTests/0123456789+abcdefghijklmnopqrstuvwxyz==';
const SESSION_TOKEN_FORMS = [SESSION_TOKEN, encodeURIComponent(SESSION_TOKEN), Buffer.from(SESSION_TOKEN).toString('base64')];

interface Hostility {
  quoteAuthorization: RegExp;
  quoteSecret: RegExp;
  secret: string;
  truncate: RegExp;
  /** Calls answered with an error that quotes every request header. */
  quoteHeaders?: RegExp;
  /** Calls answered with an error that quotes the session token encoded, without its name. */
  quoteEncodedToken?: RegExp;
}

function hostile(dialect: Dialect, { quoteAuthorization, quoteSecret, secret, truncate, quoteHeaders = /^$/, quoteEncodedToken = /^$/ }: Hostility): FaultPlan {
  const quotesSecret = (operation: string) => quoteSecret.test(operation);
  const message = (request: ProxiedRequest) => {
    const { operation } = dialect.label(request);
    if (quotesSecret(operation)) return `the value "${secret}" is not valid here`;
    if (quoteHeaders.test(operation)) return `request refused; it had the headers ${JSON.stringify(request.headers)}`;
    if (quoteEncodedToken.test(operation)) return `request refused: ${Buffer.from(String(request.headers['x-amz-security-token'])).toString('base64')} / ${encodeURIComponent(String(request.headers['x-amz-security-token']))}`;
    return `request refused; its Authorization header was "${request.headers.authorization}"`;
  };
  return {
    answer: {
      match: ({ operation }) => quoteAuthorization.test(operation) || quotesSecret(operation) || quoteHeaders.test(operation) || quoteEncodedToken.test(operation),
      reply: (request) => dialect.invalid(request, message(request)),
    },
    truncated: { match: truncate },
  };
}

const PLANS: Record<CloudName, FaultPlan> = {
  aws: hostile(awsDialect, {
    quoteAuthorization: /^(iam:GetRole|bedrock:GET \/guardrails)$/,
    quoteSecret: /^sagemaker:ListDomains$/,
    secret: AWS_SECRETS.openAiKey,
    truncate: /^kms:DescribeKey$/,
    quoteHeaders: /^(sagemaker:ListTrainingJobs|bedrock:GET \/custom-models)$/,
    quoteEncodedToken: /^sagemaker:ListEndpoints$/,
  }),
  azure: hostile(azureDialect, { quoteAuthorization: /\/roleAssignments$/, quoteSecret: /\/oai-hardened\/raiPolicies$/, secret: AZURE_SECRET, truncate: /\/storageAccounts$/ }),
  gcp: hostile(gcpDialect, { quoteAuthorization: /\/indexEndpoints$|:getIamPolicy$/, quoteSecret: /\/us-central1\/datasets$/, secret: GCP_SECRETS[0]!, truncate: /\/endpoints$/ }),
};

const SECRETS = [...Object.values(AWS_SECRETS), AZURE_SECRET, PLANTED_FUNCTION_KEY, ...GCP_SECRETS];

let clouds: ThreeClouds;
let scan: CliResult;
const snapshot = join(tempDir(), 'three-clouds.json');
const outputs: Record<string, string> = {};

beforeAll(async () => {
  clouds = await startThreeClouds(PLANS);
  const providers = ['--provider', 'aws,azure,gcp', '--gcp-project', 'acme-ml', '--gcp-project', 'acme-sandbox'];
  scan = await runCliAsync(['scan', ...providers, '--format', 'json', '--save-snapshot', snapshot, '--debug'], { env: { ...clouds.env, AWS_SESSION_TOKEN: SESSION_TOKEN } });
  outputs['scan --format json'] = scan.stdout;
  outputs['the --debug log'] = scan.stderr;
  outputs['the saved snapshot'] = readFileSync(snapshot, 'utf8');
  // The other formats render what was saved; every format reads the same redacted graph.
  const formats = [
    ['scan', '--format', 'table'],
    ['scan', '--format', 'sarif'],
    ['scan', '--format', 'markdown'],
    ['scan', '--format', 'html'],
    ['inventory', '--format', 'json'],
    ['inventory', '--format', 'cyclonedx'],
  ];
  const rendered = await Promise.all(formats.map((args) => runCliAsync([...args, '--snapshot', snapshot])));
  formats.forEach((args, index) => (outputs[args.join(' ')] = rendered[index]!.stdout + rendered[index]!.stderr));
});

afterAll(() => clouds.close());

describe('credentials given to the CLI', () => {
  it.each<CloudName>(['aws', 'azure', 'gcp'])('%s: the failures were logged, the quoted Authorization header among them, and the credential appears nowhere', (provider) => {
    expect(clouds.proxies[provider].outcomes('answered').length).toBeGreaterThan(0);
    expect(clouds.proxies[provider].outcomes('truncated').length).toBeGreaterThan(0);
    // AWS signs with its secret key and never sends it; Azure and Google send their token as a bearer token.
    // Azure's and Google's tokens are known to the scanner: the placeholder names them.
    expect(scan.stderr).toMatch(new RegExp(`^aispm: debug: ${provider} .*request refused; its Authorization header was "(AWS4-HMAC-SHA256 Credential=|Bearer \\[REDACTED:(azure|google)-access-token\\])`, 'm'));
    const credential = clouds.credentials[provider];
    for (const [output, text] of Object.entries(outputs)) expect(text.includes(credential), output).toBe(false);
  });
});

describe("the scanner's AWS session token", () => {
  it('was quoted by the errors, with every request header and encoded without a name, and is scrubbed from each', () => {
    const aws = clouds.proxies.aws.outcomes('answered').map((outcome) => outcome.operation);
    expect(aws).toEqual(expect.arrayContaining(['sagemaker:ListTrainingJobs', 'bedrock:GET /custom-models', 'sagemaker:ListEndpoints']));
    const coverage = (JSON.parse(scan.stdout) as { scan: { coverage: Array<{ provider: string; message?: string }> } }).scan.coverage;
    const quoting = coverage.filter((entry) => entry.provider === 'aws' && entry.message?.includes('request refused; it had the headers'));
    expect(quoting.length).toBeGreaterThan(0);
    for (const entry of quoting) expect(entry.message).toContain('"x-amz-security-token":"[REDACTED:aws-session-token]"');
    // Coverage keeps one message per service (ListDomains' here); the --debug log has every failure.
    // The base64 form's last group mixes the token's end with padding: not the token, and kept.
    expect(scan.stderr).toMatch(/ ListEndpoints: error: ValidationException: request refused: \[REDACTED:aws-session-token\]\S* \/ \[REDACTED:aws-session-token\]$/m);
  });

  it.each(SESSION_TOKEN_FORMS)('%s appears in no output format, snapshot or log', (form) => {
    for (const [output, text] of Object.entries(outputs)) expect(text.includes(form), output).toBe(false);
  });
});

describe('secrets planted in the three clouds', () => {
  it('were read: the resources that hold them and the errors that quote them are in the scan, redacted', () => {
    const document = JSON.parse(scan.stdout) as { scan: { sources: string[]; coverage: Array<{ provider: string; message?: string }> } };
    expect(document.scan.sources.sort()).toEqual(['aws', 'azure', 'gcp']);
    for (const provider of ['aws', 'azure', 'gcp']) {
      const quoted = document.scan.coverage.filter((entry) => entry.provider === provider && entry.message?.includes('is not valid here'));
      expect(quoted.length, provider).toBeGreaterThan(0);
      for (const entry of quoted) expect(entry.message, provider).toContain('the value "[REDACTED:openai-api-key]" is not valid here');
    }
    for (const kind of ['huggingface-token', 'openai-api-key', 'slack-token', 'aws-access-key-id', 'generic-credential']) expect(outputs['the saved snapshot']).toContain(`[REDACTED:${kind}]`);
  });

  it.each(SECRETS)('%s appears in no output format, snapshot or log', (secret) => {
    for (const [output, text] of Object.entries(outputs)) expect(text.includes(secret), output).toBe(false);
  });
});
