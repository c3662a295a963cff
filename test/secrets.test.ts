import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Asset, Inventory, SecretFinding } from '../src/graph/model.js';
import { looksLikeSecretKey, redactSecretsInString } from '../src/secrets/detect.js';
import { forgetKnownSecrets, rememberSecret } from '../src/secrets/known.js';
import { redactAsset, redactInventory, redactText, rememberScannerCredentials } from '../src/secrets/redact.js';
import { tempDir } from './helpers.js';

describe('secret detection', () => {
  it.each([
    ['AKIAIOSFODNN7EXAMPLE', 'aws-access-key-id'],
    ['sk-proj-EXAMPLEdemoKEYdoNotUse1234567890abcdef', 'openai-api-key'],
    ['hf_abcdefghijklmnopqrstuvwxyz0123456789', 'huggingface-token'],
    ['ghp_abcdefghijklmnopqrstuvwxyz0123456789AB', 'github-token'],
    ['AIzaSyA1234567890abcdefghijklmnopqrstuv', 'google-api-key'],
    ['DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH==;', 'azure-storage-account-key'],
    ['postgres://admin:s3cretpass@db.internal:5432/app', 'credential-in-url'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----', 'private-key'],
    ['Authorization: Bearer ya29.a0AfB_byExampleOnly-token', 'bearer-token'],
  ])('finds %s as %s, and redacts it', (value, kind) => {
    const result = redactSecretsInString(`prefix ${value} suffix`);
    expect(result?.kinds).toContain(kind);
    expect(result?.text).not.toContain(value);
    expect(result?.text).toContain(`[REDACTED:${kind}]`);
  });

  it('uses the key name for values without a known format', () => {
    expect(redactSecretsInString('c0rrect-h0rse-battery', 'DB_PASSWORD')?.kinds).toEqual(['generic-credential']);
    expect(redactSecretsInString('q8Zr2LkP0vX7mN4sT1wY', 'clientSecret')?.kinds).toEqual(['generic-credential']);
    expect(redactSecretsInString('4096', 'MAX_TOKENS')).toBeUndefined();
    expect(redactSecretsInString('arn:aws:secretsmanager:us-east-1:1:secret:x', 'API_KEY_SECRET_ARN')).toBeUndefined();
    // ECS task definitions name their secrets by ARN under `valueFrom`: the `secret:<name>` part is no assignment.
    expect(redactSecretsInString('arn:aws:secretsmanager:us-east-1:111122223333:secret:rag-api/db-AbCdEf', 'valueFrom')).toBeUndefined();
    expect(redactSecretsInString('@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/x)', 'OPENAI_API_KEY')).toBeUndefined();
    expect(redactSecretsInString('bert-base-uncased-tokenizer', 'TOKENIZER')).toBeUndefined();
    expect(redactSecretsInString('aaaaaaaaaaaaaaaaaaaa', 'API_KEY')).toBeUndefined();
  });

  it('knows secret-looking key names', () => {
    for (const key of ['PASSWORD', 'db_password', 'OPENAI_API_KEY', 'clientSecret', 'HF_TOKEN', 'AZURE_STORAGE_CONNECTION_STRING']) expect(looksLikeSecretKey(key), key).toBe(true);
    for (const key of ['TOKENIZER', 'MAX_TOKENS', 'SECRET_ARN', 'KMS_KEY_ID', 'PASSWORD_LENGTH']) expect(looksLikeSecretKey(key), key).toBe(false);
  });

  it('redacts a whole asset and records where (never what) in props.secrets', () => {
    const redacted = redactAsset({
      id: 'm',
      type: 'gcp.vertexai.model',
      provider: 'gcp',
      account: 'p',
      region: 'r',
      name: 'm',
      tags: { note: 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789AB' },
      props: {},
      raw: { containerSpec: { env: [{ name: 'OPENAI_API_KEY', value: 'sk-proj-abcdefghijklmnopqrstuvwx' }, { name: 'DB_PASSWORD', value: 'hunter2hunter2' }] } },
    });
    expect(JSON.stringify(redacted)).not.toMatch(/sk-proj-abc|hunter2|ghp_abc/);
    expect(redacted.props.secrets).toEqual([
      { location: 'raw.containerSpec.env[0].value', kind: 'openai-api-key' },
      { location: 'raw.containerSpec.env[1].value', kind: 'generic-credential' },
      { location: 'tags.note', kind: 'github-token' },
    ]);
    // Redacting again changes nothing: snapshots can be loaded and saved any number of times.
    expect(redactAsset(redacted)).toEqual(redacted);
  });

  it('redacts coverage messages, which quote what an API answered', () => {
    const coverage = [{ provider: 'gcp' as const, account: 'p', region: 'r', service: 'aiplatform', status: 'error' as const, message: 'ListModels: INVALID_ARGUMENT: "sk-proj-abcdefghijklmnopqrstuvwx" is not valid' }];
    const redacted = redactInventory({ sources: ['gcp'], assets: [], edges: [], coverage });
    expect(redacted.coverage[0]?.message).toBe('ListModels: INVALID_ARGUMENT: "[REDACTED:openai-api-key]" is not valid');
  });
});

// Every sample below is fake: made up for these tests, shaped like the real format, valid nowhere.
const PEM_BODY = 'MIIEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE0123456789abcdefgh';
const AWS_SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEFAKEFAKEFAKE//////////wEaCXVzLWVhc3QtMSJHMEUCIQDfakefakefakefake0123456789abcdefABCDEF==';

describe('secret detection: recall', () => {
  it.each<[string, string, string | undefined, string]>([
    // Passwords under password-like keys: short, with spaces, digits only.
    ['a short password', 'hunter2', 'DB_PASSWORD', 'generic-credential'],
    ['a password with spaces', 'correct horse battery staple', 'DB_PASSWORD', 'generic-credential'],
    ['a *_PASS value', 'pa55w', 'SMTP_PASS', 'generic-credential'],
    ['a *_PWD value', 'Zx9!', 'ADMIN_PWD', 'generic-credential'],
    ['a passwd value', 'letmein', 'passwd', 'generic-credential'],
    ['a numeric PIN under a password key', '123456', 'ROOT_PASSWORD', 'generic-credential'],
    // Generic keys with generated-looking values.
    ['a *_KEY value', 'Zq8vR2mN7xL4pT9kW3sY6bH1', 'PAYMENTS_KEY', 'generic-credential'],
    ['a *_SECRET value', 'q8Zr2LkP0vX7mN4s', 'WEBHOOK_SECRET', 'generic-credential'],
    ['a *_TOKEN value', '9f8e7d6c5b4a39281706f5e4d3c2b1a0', 'INTERNAL_TOKEN', 'generic-credential'],
    ['an AWS session token under its variable name', 'FAKEsessionTOKEN0123456789abcdefFAKE', 'AWS_SESSION_TOKEN', 'generic-credential'],
  ])('%s is redacted under its key', (_name, value, key, kind) => {
    const result = redactSecretsInString(value, key);
    expect(result?.kinds).toEqual([kind]);
    expect(result?.text).toBe(`[REDACTED:${kind}]`);
  });

  it.each<[string, string, string]>([
    ['an inline password with spaces', 'export DB_PASSWORD=my secret pw', 'my secret pw'],
    ['an inline short password', 'psql "host=db user=app password=hunter2 sslmode=require"', 'hunter2'],
    ['a quoted password in JSON', '{"db_password": "pass word", "port": 5432}', 'pass word'],
    ['a *_PASS in a script', 'SMTP_PASS=abc12 ./send.sh', 'abc12'],
    ['a *_PWD in a script', 'MYSQL_PWD="x y z"', 'x y z'],
    ['a generic *_KEY assignment', 'PAYMENTS_KEY=Zq8vR2mN7xL4pT9kW3sY6bH1 python serve.py', 'Zq8vR2mN7xL4pT9kW3sY6bH1'],
    ['a generic *_SECRET assignment', "APP_SECRET='q8Zr2LkP0vX7mN4sT1wY'", 'q8Zr2LkP0vX7mN4sT1wY'],
    ['a generic *_TOKEN assignment', 'WEBHOOK_TOKEN: 9f8e7d6c5b4a39281706f5e4d3c2b1a0', '9f8e7d6c5b4a39281706f5e4d3c2b1a0'],
    ['a password flag', 'train.py --db-password hunter2 --epochs 3', 'hunter2'],
    ['a password in a query string', 'https://api.example.com/login?user=bob&password=hunter2&x=1', 'hunter2'],
    ['an S3 presigned URL signature', 'https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260101T000000Z&X-Amz-Signature=fa4efa4efa4efa4efa4efa4efa4efa4efa4efa4efa4efa4efa4efa4efa4efa4e', 'fa4efa4efa4efa4efa4efa4efa4efa4efa4efa4efa4efa4efa4efa4efa4efa4e'],
    ['an S3 presigned URL session token', 'https://b.s3.amazonaws.com/k?X-Amz-Security-Token=FAKEtoken%2Fwith%2Bencoding0123456789&X-Amz-Expires=300', 'FAKEtoken%2Fwith%2Bencoding0123456789'],
    ['a Cloud Storage signed URL', 'https://storage.googleapis.com/b/o?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Signature=0fake0fake0fake0fake0fake0fake0fake0fake', '0fake0fake0fake0fake0fake0fake0fake0fake'],
    ['an Azure SAS signature', 'https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sr=b&sig=FAKEsasSIGNATURE0123456789abcdefgh%3D', 'FAKEsasSIGNATURE0123456789abcdefgh%3D'],
    ['a PGP private key block', `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${PEM_BODY}\n=FAKE\n-----END PGP PRIVATE KEY BLOCK-----`, PEM_BODY],
    ['a Google OAuth access token', 'token ya29.FAKEaccessTOKEN0123456789-abcdef_ghij in the log', 'ya29.FAKEaccessTOKEN0123456789-abcdef_ghij'],
    ['an AWS session token', `aws_session_token=${AWS_SESSION_TOKEN}`, AWS_SESSION_TOKEN],
    ['an AWS session token without a name', `token ${AWS_SESSION_TOKEN} expired`, AWS_SESSION_TOKEN],
    ['an Entra ID client secret', 'AppSecret abc8Q~FAKEfakeFAKEfakeFAKEfakeFAKEfakeFA in the config', 'abc8Q~FAKEfakeFAKEfakeFAKEfakeFAKEfakeFA'],
    ['an older Entra ID client secret', 'secret=xyz7Q~FAKEfakeFAKEfakeFAKEfakeFAKE.f~-', 'xyz7Q~FAKEfakeFAKEfakeFAKEfakeFAKE.f~-'],
    ['a Basic authorization header', 'request had Authorization: Basic dXNlcjpGQUtFcGFzc3dvcmQ=', 'dXNlcjpGQUtFcGFzc3dvcmQ='],
    ['a Bearer authorization header', 'Authorization: Bearer FAKEopaqueTOKEN0123456789', 'FAKEopaqueTOKEN0123456789'],
  ])('finds %s in a string', (_name, text, secret) => {
    const result = redactSecretsInString(text);
    expect(result, text).toBeDefined();
    expect(result!.text).not.toContain(secret);
    expect(result!.text).toContain('[REDACTED:');
  });
});

describe('secret detection: precision', () => {
  it.each<[string, string]>([
    ['CustomerMasterKeySpec', 'SYMMETRIC_DEFAULT'],
    ['KeySpec', 'SYMMETRIC_DEFAULT'],
    ['KeyUsage', 'ENCRYPT_DECRYPT'],
    ['EncryptionAlgorithms', 'SYMMETRIC_DEFAULT'],
    ['SigningKeyAlgorithm', 'RSASSA_PSS_SHA_256'],
    ['ServiceCredentialAlias', 'bedrock-dev-key'],
    ['KmsKeyId', '1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['S3Key', 'models/churn/v3/model.tar.gz'],
    ['PartitionKey', 'customer_id'],
    ['ObjectKey', 'training/2026/data-0001.csv'],
    ['IdempotencyKey', '1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['kmsKey', 'projects/acme/locations/us/keyRings/ml/cryptoKeys/models'],
    ['keyVaultKey', '/subscriptions/1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/v/keys/k'],
    ['AuthMode', 'IAM'],
    ['TokenValidityUnits', 'HOURS'],
    ['PasswordLastUsed', '2026-01-02T03:04:05Z'],
    ['MaxPasswordAge', '90'],
    ['PasswordReusePrevention', '24'],
    ['ExpirePasswords', 'false'],
    ['DB_PASSWORD', '${DB_PASSWORD}'],
    ['DB_PASSWORD', '****'],
    ['DB_PASSWORD', ''],
    ['DB_PASSWORD_SECRET_ARN', 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf'],
    ['SECRET_NAME', 'prod/db/password'],
    ['HF_TOKEN_FILE', '/run/secrets/hf'],
    ['API_KEY', '@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/x)'],
    ['TOKENIZER', 'bert-base-uncased-tokenizer'],
    ['MAX_TOKENS', '4096'],
    ['SECRET_KEY_REF', 'SymmetricDefaultKeyReference'],
    ['ACCESS_TOKEN', 'AccessTokenFromWorkloadIdentity'],
  ])('%s: %s is not a secret', (key, value) => {
    expect(redactSecretsInString(value, key)).toBeUndefined();
  });

  it.each([
    'Basic authentication is disabled for this endpoint',
    'use the Bearer authentication scheme',
    'Password: required',
    'The password must be at least 8 characters long',
    'AccessDeniedException: User: arn:aws:sts::111122223333:assumed-role/scanner/aispm is not authorized to perform: kms:DescribeKey',
    'Authorization header was "AWS4-HMAC-SHA256 Credential=AKIDFAKEFORTESTS0000/20260101/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date"',
    'sort_key=created_at&partition_key=tenant_id',
    'the KMS key spec SYMMETRIC_DEFAULT (CustomerMasterKeySpec: SYMMETRIC_DEFAULT) is used',
    'https://console.aws.amazon.com/kms/home?region=us-east-1#/kms/keys/1234abcd-12ab-34cd-56ef-1234567890ab',
    'Azure Resource Manager refused the credentials: InvalidAuthenticationToken: The access token is invalid.',
  ])('%s is left alone', (text) => {
    expect(redactSecretsInString(text)).toBeUndefined();
  });
});

describe('secrets in identifiers', () => {
  const token = 'ghp_FAKEnameTOKEN0123456789abcdefABCDEFGH';
  const other = 'ghp_FAKEotherTOKEN0123456789abcdefABCDEFG';
  const asset = (secret: string): Asset => ({
    id: `arn:aws:sagemaker:us-east-1:111122223333:model/m-${secret}`,
    type: 'aws.sagemaker.model',
    provider: 'aws',
    account: '111122223333',
    region: 'us-east-1',
    name: `m-${secret}`,
    tags: { [`note-${secret}`]: 'x' },
    props: {},
    raw: { [`Env-${secret}`]: 'y', ModelName: `m-${secret}` },
  });

  it('redacts ids, names, tag keys and record keys with a placeholder that keeps them unique and stable', () => {
    const inventory: Inventory = {
      sources: ['aws'],
      assets: [asset(token), asset(other)],
      edges: [{ from: asset(token).id, type: 'uses-identity', to: asset(other).id }],
      coverage: [{ provider: 'aws', account: `acct-${token}`, region: 'us-east-1', service: 'sagemaker', status: 'error', message: `ListModels: bad ${token}` }],
    };
    const redacted = redactInventory(inventory);
    expect(JSON.stringify(redacted)).not.toMatch(/ghp_FAKE/);
    const [first, second] = redacted.assets;
    expect(first!.id).toMatch(/^arn:aws:sagemaker:us-east-1:111122223333:model\/m-\[REDACTED:github-token:[0-9a-f]{12}\]$/);
    expect(first!.id).not.toBe(second!.id);
    expect(first!.name).toBe(`m-${first!.id.split('m-')[1]}`);
    expect(Object.keys(first!.tags!)[0]).toMatch(/^note-\[REDACTED:github-token:[0-9a-f]{12}\]$/);
    expect(Object.keys(first!.raw as object)[0]).toMatch(/^Env-\[REDACTED:github-token:[0-9a-f]{12}\]$/);
    // The edge still joins the two assets.
    expect(redacted.edges[0]).toEqual({ from: first!.id, type: 'uses-identity', to: second!.id });
    expect(redacted.coverage[0]!.account).toMatch(/^acct-\[REDACTED:github-token:[0-9a-f]{12}\]$/);
    expect(redacted.coverage[0]!.message).toBe('ListModels: bad [REDACTED:github-token]');
    expect((first!.props.secrets as SecretFinding[]).map((found) => found.location)).toEqual(
      expect.arrayContaining(['id', 'name', `tags.${Object.keys(first!.tags!)[0]}`, `raw.${Object.keys(first!.raw as object)[0]}`, 'raw.ModelName']),
    );
    // Stable across runs and idempotent: a snapshot loaded and saved again keeps its ids.
    expect(redactInventory(inventory)).toEqual(redacted);
    expect(redactInventory(redacted)).toEqual(redacted);
  });
});

describe("the scanner's own credentials", () => {
  afterEach(() => forgetKnownSecrets());

  it('are scrubbed exactly, plain, JSON-escaped, URL-encoded and base64-encoded, whatever their shape', () => {
    const token = 'fake/session+token=with"odd chars 0123456789';
    rememberSecret(token, 'aws-session-token');
    const quoted = [token, JSON.stringify(token).slice(1, -1), encodeURIComponent(token), Buffer.from(`x-amz-security-token: ${token}`).toString('base64')];
    for (const text of quoted) {
      const scrubbed = redactText(`error: request ${text} refused`);
      expect(scrubbed, text).toContain('[REDACTED:aws-session-token]');
      expect(scrubbed).not.toContain(text);
    }
  });

  it('are read from the environment and from a Google key file', () => {
    const keyFile = join(tempDir(), 'key.json');
    writeFileSync(keyFile, JSON.stringify({ type: 'service_account', private_key_id: 'fakekeyid0123456789abcdef', private_key: `-----BEGIN PRIVATE KEY-----\n${PEM_BODY}\n-----END PRIVATE KEY-----\n`, client_email: 'sa@p.iam.gserviceaccount.com' }));
    rememberScannerCredentials({ AWS_SESSION_TOKEN: 'plainSessionTokenValue', AZURE_CLIENT_SECRET: 'plain-client-secret', GOOGLE_APPLICATION_CREDENTIALS: keyFile, GITHUB_TOKEN: 'Zq8vR2mN7xL4pT9kW3sY6bH1', HOME: tempDir() });
    const text = redactText('plainSessionTokenValue plain-client-secret fakekeyid0123456789abcdef Zq8vR2mN7xL4pT9kW3sY6bH1 sa@p.iam.gserviceaccount.com');
    expect(text).toBe('[REDACTED:aws-session-token] [REDACTED:azure-client-secret] [REDACTED:google-private-key-id] [REDACTED:scanner-credential] sa@p.iam.gserviceaccount.com');
    expect(redactText(`line: ${PEM_BODY}`)).toBe('line: [REDACTED:google-private-key]');
  });
});
