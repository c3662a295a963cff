import { describe, expect, it } from 'vitest';
import { looksLikeSecretKey, redactSecretsInString } from '../src/secrets/detect.js';
import { redactAsset, redactInventory } from '../src/secrets/redact.js';

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
