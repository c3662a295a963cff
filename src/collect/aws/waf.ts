import { GetWebACLCommand, WAFV2Client, type ManagedRuleGroupStatement, type Rule, type RuleAction, type Statement, type WebACL } from '@aws-sdk/client-wafv2';
import { forEachConcurrently } from '../runtime.js';
import { parseArn } from './arn.js';
import { toRaw, type AwsAccount } from './session.js';

/**
 * AWS WAF (v2) web ACLs that guard API Gateway stages in front of AI compute (api-gateway.ts): the
 * kinds of statements their enforcing rules use and the managed rule groups they run, not the whole
 * ACL. A rule that only counts (Action Count, or a rule group with OverrideAction Count) protects
 * nothing and is left out of the judgements.
 */

/**
 * AWS managed rule groups and the protections aispm credits them with, from the AWS WAF developer
 * guide, "Baseline rule groups" (https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-baseline.html):
 * the core rule set's CrossSiteScripting_* rules (XSS in query arguments, body, cookie and URI path)
 * and SizeRestrictions_BODY (bodies over 8 KB).
 */
const MANAGED_PROTECTIONS: Record<string, { xss: string[]; bodySize: string[] }> = {
  AWSManagedRulesCommonRuleSet: {
    xss: ['CrossSiteScripting_QUERYARGUMENTS', 'CrossSiteScripting_BODY', 'CrossSiteScripting_COOKIE', 'CrossSiteScripting_URIPATH'],
    bodySize: ['SizeRestrictions_BODY'],
  },
};

export interface Judgement {
  statementKinds: Set<string>;
  managedRuleGroups: Record<string, string>;
  xss: boolean;
  bodySize: boolean;
  rateBased: boolean;
  /** A customer rule group is referenced: its statements are not read, so what it protects is unknown. */
  opaque: boolean;
}

const counts = (action: RuleAction | undefined) => action !== undefined && (action.Count !== undefined || action.Allow !== undefined);

/** Whether a managed group still enforces one of these rules: not excluded, not overridden to Count or Allow. */
function enforcesAny(group: ManagedRuleGroupStatement, rules: string[]): boolean {
  const excluded = new Set((group.ExcludedRules ?? []).map((rule) => rule.Name));
  const overridden = new Set((group.RuleActionOverrides ?? []).filter((override) => counts(override.ActionToUse)).map((override) => override.Name));
  return rules.some((rule) => !excluded.has(rule) && !overridden.has(rule));
}

/** Walks a statement: And/Or children count, a Not inverts (its statements protect nothing by themselves). */
function walk(statement: Statement | undefined, enforcing: boolean, judgement: Judgement): void {
  if (!statement) return;
  for (const [kind, value] of Object.entries(statement)) {
    if (value === undefined) continue;
    judgement.statementKinds.add(kind);
    if (kind === 'AndStatement' || kind === 'OrStatement') for (const child of (value as { Statements?: Statement[] }).Statements ?? []) walk(child, enforcing, judgement);
    if (kind === 'NotStatement') walk((value as { Statement?: Statement }).Statement, false, judgement);
    if (!enforcing) continue;
    if (kind === 'XssMatchStatement') judgement.xss = true;
    if (kind === 'RateBasedStatement') judgement.rateBased = true;
    if (kind === 'SizeConstraintStatement') {
      const field = (value as { FieldToMatch?: { Body?: unknown; JsonBody?: unknown } }).FieldToMatch;
      if (field?.Body !== undefined || field?.JsonBody !== undefined) judgement.bodySize = true;
    }
    if (kind === 'RuleGroupReferenceStatement') judgement.opaque = true;
    if (kind === 'ManagedRuleGroupStatement') {
      const group = value as ManagedRuleGroupStatement;
      if (!group.Name) continue;
      judgement.managedRuleGroups[group.Name] = group.VendorName ?? '';
      const protections = MANAGED_PROTECTIONS[group.Name];
      if (group.VendorName === 'AWS' && protections) {
        if (enforcesAny(group, protections.xss)) judgement.xss = true;
        if (enforcesAny(group, protections.bodySize)) judgement.bodySize = true;
      }
    }
  }
}

/** What the web ACL's enforcing rules protect against (exported for its tests). */
export function judgeWebAcl(acl: WebACL): Judgement {
  const judgement: Judgement = { statementKinds: new Set(), managedRuleGroups: {}, xss: false, bodySize: false, rateBased: false, opaque: false };
  for (const rule of acl.Rules ?? ([] as Rule[])) walk(rule.Statement, !counts(rule.Action) && rule.OverrideAction?.Count === undefined, judgement);
  // Rule groups Firewall Manager runs before and after the ACL's own rules.
  for (const group of [...(acl.PreProcessFirewallManagerRuleGroups ?? []), ...(acl.PostProcessFirewallManagerRuleGroups ?? [])]) {
    walk(group.FirewallManagerStatement as Statement | undefined, group.OverrideAction?.Count === undefined, judgement);
  }
  return judgement;
}

/** Reads each web ACL (ARN → region); one the stage names but that cannot be read stays a stub, every property unknown. */
export async function collectWebAcls(account: AwsAccount, webAcls: ReadonlyMap<string, string>): Promise<void> {
  await forEachConcurrently([...webAcls], async ([arn, region]) => {
    account.expect(arn, 'aws.wafv2.web-acl', parseArn(arn)?.region || region);
    // arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>; a WAF Classic ACL (waf-regional) is not read.
    const parsed = parseArn(arn);
    const [scope, kind, name, id] = parsed?.resource.split('/') ?? [];
    if (parsed?.service !== 'wafv2' || kind !== 'webacl' || !name || !id) return;
    const client = account.client(WAFV2Client, parsed.region);
    const answer = await account.scope(parsed.region, 'wafv2').call('GetWebACL', () => client.send(new GetWebACLCommand({ Name: name, Id: id, Scope: scope === 'global' ? 'CLOUDFRONT' : 'REGIONAL' })));
    const acl = answer?.WebACL;
    if (!acl) return;
    const judgement = judgeWebAcl(acl);
    account.addAsset({
      id: arn,
      type: 'aws.wafv2.web-acl',
      name: acl.Name ?? name,
      region: parsed.region,
      props: {
        defaultAction: acl.DefaultAction?.Block ? 'BLOCK' : acl.DefaultAction?.Allow ? 'ALLOW' : null,
        statementKinds: [...judgement.statementKinds].sort(),
        managedRuleGroups: judgement.managedRuleGroups,
        rateLimited: judgement.rateBased || (judgement.opaque ? undefined : false),
        xssProtection: judgement.xss || (judgement.opaque ? undefined : false),
        bodySizeLimited: judgement.bodySize || (judgement.opaque ? undefined : false),
      },
      raw: toRaw(acl),
    });
  });
}
