import { describe, expect, it } from 'vitest';
import { maskedIdentifiers } from '../../../src/collect/aws/logs.js';
import { sensitivityOf } from '../../../src/collect/aws/macie.js';
import { matchingDataRules, matchingNetworkRules, patternNames } from '../../../src/collect/aws/opensearch-serverless.js';

/** The policy documents the collectors parse: what they conclude, and that a malformed one is unknown, never an error. */

const policy = (document: unknown) => ({ name: 'p', document });
const collectionRule = (...resources: string[]) => ({ ResourceType: 'collection', Resource: resources });

describe('OpenSearch Serverless policy patterns', () => {
  it('match a collection by name or wildcard, for collections and their indexes', () => {
    expect(patternNames('collection/kb', 'collection', 'kb')).toBe(true);
    expect(patternNames('collection/kb-*', 'collection', 'kb-support')).toBe(true);
    expect(patternNames('collection/*', 'collection', 'anything')).toBe(true);
    expect(patternNames('collection/kb', 'collection', 'kb2')).toBe(false);
    expect(patternNames('index/kb/*', 'index', 'kb')).toBe(true);
    expect(patternNames('index/kb/*', 'collection', 'kb')).toBe(false);
    // Regular-expression characters in a name are literal.
    expect(patternNames('collection/a.b', 'collection', 'axb')).toBe(false);
  });
});

describe('network policies', () => {
  it('make a collection public when a statement naming it allows public access', () => {
    const policies = [policy([{ Rules: [collectionRule('collection/kb-*')], AllowFromPublic: true }])];
    expect(matchingNetworkRules(policies, 'kb-hr')).toEqual({ public: true, vpcEndpoints: [] });
  });

  it('give the VPC endpoints of the statements that name it, and ignore dashboard rules and other collections', () => {
    const policies = [
      policy([
        { Rules: [collectionRule('collection/kb')], AllowFromPublic: false, SourceVPCEs: ['vpce-2', 'vpce-1'] },
        { Rules: [{ ResourceType: 'dashboard', Resource: ['collection/kb'] }], AllowFromPublic: true },
        { Rules: [collectionRule('collection/other')], AllowFromPublic: true },
      ]),
      // The service also accepts the document as a JSON string.
      JSON.stringify([{ Rules: [collectionRule('collection/*')], AllowFromPublic: false, SourceVPCEs: ['vpce-3'] }]),
    ].map((entry) => (typeof entry === 'string' ? policy(entry) : entry));
    expect(matchingNetworkRules(policies, 'kb')).toEqual({ public: false, vpcEndpoints: ['vpce-1', 'vpce-2', 'vpce-3'] });
  });

  it('are unknown when a document cannot be parsed, unless another one makes the collection public', () => {
    expect(matchingNetworkRules([policy('{not json'), policy([{ Rules: [collectionRule('collection/kb')], AllowFromPublic: false }])], 'kb')).toBeUndefined();
    expect(matchingNetworkRules([policy({ Rules: 'x' }), policy([{ Rules: [{ ResourceType: 'collection' }] }])], 'kb')).toBeUndefined();
    expect(matchingNetworkRules([policy('{not json'), policy([{ Rules: [collectionRule('collection/kb')], AllowFromPublic: true }])], 'kb')).toEqual({ public: true, vpcEndpoints: [] });
  });
});

describe('data access policies', () => {
  const role = 'arn:aws:iam::111122223333:role/KbRole';
  it('collect the principals, aoss:* grants and wildcard principals of the rules that name the collection or its indexes', () => {
    const policies = [
      policy([
        { Rules: [{ ResourceType: 'index', Resource: ['index/kb/*'], Permission: ['aoss:ReadDocument'] }], Principal: [role] },
        { Rules: [{ ResourceType: 'index', Resource: ['index/other/*'], Permission: ['aoss:*'] }], Principal: ['arn:aws:iam::111122223333:role/*'] },
      ]),
    ];
    expect(matchingDataRules(policies, 'kb')).toEqual({ principals: [role], allPermissions: false, wildcardPrincipal: false });
    expect(matchingDataRules(policies, 'other')).toEqual({ principals: ['arn:aws:iam::111122223333:role/*'], allPermissions: true, wildcardPrincipal: true });
  });

  it('are unknown when any document is malformed (it might grant more)', () => {
    expect(matchingDataRules([policy([{ Rules: [], Principal: 'x' }])], 'kb')).toBeUndefined();
    expect(matchingDataRules([policy(42)], 'kb')).toBeUndefined();
  });
});

describe('CloudWatch Logs data protection policies', () => {
  const statement = (operation: unknown, identifiers: unknown = ['arn:aws:dataprotection::aws:data-identifier/EmailAddress']) => ({ Sid: 's', DataIdentifier: identifiers, Operation: operation });
  it('mask the identifiers of their Deidentify statements; audit statements mask nothing', () => {
    const document = JSON.stringify({ Name: 'n', Version: '2021-06-01', Statement: [statement({ Audit: { FindingsDestination: {} } }), statement({ Deidentify: { MaskConfig: {} } })] });
    expect(maskedIdentifiers(document)).toEqual(['arn:aws:dataprotection::aws:data-identifier/EmailAddress']);
    expect(maskedIdentifiers(JSON.stringify({ Statement: [statement({ Audit: {} })] }))).toEqual([]);
  });

  it('are unknown when the document is not the JSON the service takes', () => {
    expect(maskedIdentifiers('{"Statement":')).toBeUndefined();
    expect(maskedIdentifiers(JSON.stringify({ Statement: 'all' }))).toBeUndefined();
    expect(maskedIdentifiers(undefined)).toBeUndefined();
    expect(maskedIdentifiers('null')).toBeUndefined();
  });
});

describe('Macie sensitivity scores', () => {
  it('fall in the bands of the Macie API reference', () => {
    expect([-1, 1, 49, 50, 51, 100].map(sensitivityOf)).toEqual(['error', 'not-sensitive', 'not-sensitive', 'not-classified', 'sensitive', 'sensitive']);
    expect(sensitivityOf(undefined)).toBeUndefined();
  });
});
