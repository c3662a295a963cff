import { describe, expect, it } from 'vitest';
import { unconfirmedActions } from '../../../src/collect/aws/bedrock-agent.js';

describe('the actions of a Bedrock agent action group that run without user confirmation', () => {
  it('lists functions whose requireConfirmation is not ENABLED (DISABLED is the API default)', () => {
    const functions = [{ name: 'restart', requireConfirmation: 'DISABLED' as const }, { name: 'rotate' }, { name: 'lookup', requireConfirmation: 'ENABLED' as const }];
    expect(unconfirmedActions({ functionSchema: { functions } })).toEqual(['restart', 'rotate']);
  });

  it('lists mutating OpenAPI operations without x-requireConfirmation ENABLED, in YAML or JSON, and leaves reads alone', () => {
    const yaml = [
      'openapi: 3.0.0',
      'paths:',
      '  /refunds:',
      '    post: { operationId: refund }',
      '    get: { operationId: listRefunds }',
      '  /orders/{id}:',
      '    delete: { operationId: cancel, x-requireConfirmation: ENABLED }',
      '    patch: { operationId: amend, x-requireConfirmation: DISABLED }',
    ].join('\n');
    expect(unconfirmedActions({ apiSchema: { payload: yaml } })).toEqual(['PATCH /orders/{id}', 'POST /refunds']);
    const json = JSON.stringify({ openapi: '3.0.0', paths: { '/orders': { get: {}, put: { 'x-requireConfirmation': 'ENABLED' } } } });
    expect(unconfirmedActions({ apiSchema: { payload: json } })).toEqual([]);
  });

  it('does not know the actions of a schema kept in S3, or of one that does not parse', () => {
    expect(unconfirmedActions({ apiSchema: { s3: { s3BucketName: 'schemas', s3ObjectKey: 'api.yaml' } } })).toBeUndefined();
    expect(unconfirmedActions({ apiSchema: { payload: 'paths: [unclosed' } })).toBeUndefined();
    expect(unconfirmedActions({ apiSchema: { payload: 'just text' } })).toBeUndefined();
  });

  it('finds none in a built-in action group (no schema)', () => {
    expect(unconfirmedActions({})).toEqual([]);
  });
});
