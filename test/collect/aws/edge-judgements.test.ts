import type { WebACL } from '@aws-sdk/client-wafv2';
import { describe, expect, it } from 'vitest';
import { looksLikePrompt } from '../../../src/collect/aws/lambda.js';
import { judgeWebAcl } from '../../../src/collect/aws/waf.js';

/** The judgements made at collection time on what the edge and the functions behind it hold. */

const visibility = { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'm' };
const acl = (rules: WebACL['Rules'], extra: Partial<WebACL> = {}): WebACL => ({ Name: 'acl', Id: 'id', ARN: 'arn', DefaultAction: { Allow: {} }, VisibilityConfig: visibility, Rules: rules, ...extra });
const coreRuleSet = (extra: Record<string, unknown> = {}) => ({ VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet', ...extra });
const xssOnBody = { FieldToMatch: { Body: {} }, TextTransformations: [{ Priority: 0, Type: 'NONE' as const }] };

describe('a WAF web ACL in front of AI compute', () => {
  it('credits the core rule set with XSS and body size protection, unless those rules are excluded or counted', () => {
    expect(judgeWebAcl(acl([{ Name: 'crs', Priority: 0, Statement: { ManagedRuleGroupStatement: coreRuleSet() }, OverrideAction: { None: {} }, VisibilityConfig: visibility }]))).toMatchObject({
      xss: true,
      bodySize: true,
      managedRuleGroups: { AWSManagedRulesCommonRuleSet: 'AWS' },
    });
    const weakened = coreRuleSet({
      ExcludedRules: [{ Name: 'CrossSiteScripting_BODY' }, { Name: 'CrossSiteScripting_QUERYARGUMENTS' }],
      RuleActionOverrides: [
        { Name: 'CrossSiteScripting_COOKIE', ActionToUse: { Count: {} } },
        { Name: 'CrossSiteScripting_URIPATH', ActionToUse: { Count: {} } },
        { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
      ],
    });
    expect(judgeWebAcl(acl([{ Name: 'crs', Priority: 0, Statement: { ManagedRuleGroupStatement: weakened }, OverrideAction: { None: {} }, VisibilityConfig: visibility }]))).toMatchObject({ xss: false, bodySize: false });
  });

  it('leaves out rule groups in Count mode and rules that only count', () => {
    const judgement = judgeWebAcl(
      acl([
        { Name: 'crs', Priority: 0, Statement: { ManagedRuleGroupStatement: coreRuleSet() }, OverrideAction: { Count: {} }, VisibilityConfig: visibility },
        { Name: 'xss', Priority: 1, Statement: { XssMatchStatement: xssOnBody }, Action: { Count: {} }, VisibilityConfig: visibility },
      ]),
    );
    expect(judgement).toMatchObject({ xss: false, bodySize: false, managedRuleGroups: {} });
    expect([...judgement.statementKinds].sort()).toEqual(['ManagedRuleGroupStatement', 'XssMatchStatement']);
  });

  it('finds statements inside And/Or, not under a Not, and only a size constraint on the body', () => {
    const judgement = judgeWebAcl(
      acl([
        { Name: 'and', Priority: 0, Statement: { AndStatement: { Statements: [{ XssMatchStatement: xssOnBody }, { GeoMatchStatement: { CountryCodes: ['US'] } }] } }, Action: { Block: {} }, VisibilityConfig: visibility },
        {
          Name: 'not-size',
          Priority: 1,
          Statement: { NotStatement: { Statement: { SizeConstraintStatement: { FieldToMatch: { Body: {} }, ComparisonOperator: 'LE', Size: 4096, TextTransformations: [{ Priority: 0, Type: 'NONE' }] } } } },
          Action: { Block: {} },
          VisibilityConfig: visibility,
        },
        { Name: 'uri-size', Priority: 2, Statement: { SizeConstraintStatement: { FieldToMatch: { UriPath: {} }, ComparisonOperator: 'GT', Size: 1024, TextTransformations: [{ Priority: 0, Type: 'NONE' }] } }, Action: { Block: {} }, VisibilityConfig: visibility },
      ]),
    );
    expect(judgement).toMatchObject({ xss: true, bodySize: false });
  });

  it('marks a customer rule group as opaque: what it holds was not read', () => {
    expect(judgeWebAcl(acl([{ Name: 'own', Priority: 0, Statement: { RuleGroupReferenceStatement: { ARN: 'arn:aws:wafv2:us-east-1:111122223333:regional/rulegroup/own/1' } }, OverrideAction: { None: {} }, VisibilityConfig: visibility }]))).toMatchObject({ opaque: true, xss: false });
  });

  it('reads the rule groups Firewall Manager runs before the ACL\'s own rules', () => {
    const judgement = judgeWebAcl(acl([], { PreProcessFirewallManagerRuleGroups: [{ Name: 'fms', Priority: 0, FirewallManagerStatement: { ManagedRuleGroupStatement: coreRuleSet() }, OverrideAction: { None: {} }, VisibilityConfig: visibility }] }));
    expect(judgement).toMatchObject({ xss: true, managedRuleGroups: { AWSManagedRulesCommonRuleSet: 'AWS' } });
  });
});

describe('a system prompt in an environment variable (OW-11)', () => {
  const prompt = 'You are a helpful assistant for the claims team. Never reveal the underwriting thresholds. '.repeat(3);

  it('needs 200 characters and two different instructing phrases', () => {
    expect(prompt.length).toBeGreaterThanOrEqual(200);
    expect(looksLikePrompt(prompt)).toBe(true);
    expect(looksLikePrompt(prompt.slice(0, 150))).toBe(false);
    // One phrase, however often, is not enough.
    expect(looksLikePrompt('You are a valued customer. '.repeat(10))).toBe(false);
    expect(looksLikePrompt(undefined)).toBe(false);
  });

  it('matches whole words across line breaks and case, so "you are an" is one phrase, not two', () => {
    expect(looksLikePrompt(`YOU ARE AN\nexpert. ${'x'.repeat(200)}`)).toBe(false);
    expect(looksLikePrompt(`You are an expert.\nYou MUST\nanswer briefly. ${'x'.repeat(200)}`)).toBe(true);
  });
});
