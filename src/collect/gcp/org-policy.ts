import { forEachConcurrently } from '../runtime.js';
import type { GcpEstate } from './estate.js';
import { allPages, type RestSession } from './session.js';

/**
 * The organization policies in effect on a project, for the constraints that govern Vertex AI and
 * Workbench (Organization Policy API v2, plain REST). getEffectivePolicy merges the policies of the
 * project, its folders and its organization and evaluates their conditions, so inheritance is
 * resolved by Google. A constraint with no policy anywhere follows its default: the effective policy
 * then holds no rule, and the constraint's `constraintDefault` (ListConstraints) says what applies;
 * a rule that carries the default is read like any other. What could not be read stays unknown.
 * https://cloud.google.com/resource-manager/docs/organization-policy/understanding-hierarchy
 */

/** google.cloud.orgpolicy.v2.Policy, the fields read (the effective policy has no etag or condition). */
interface Policy {
  name?: string;
  spec?: PolicySpec;
}

interface PolicySpec {
  rules?: PolicyRule[];
  reset?: boolean;
}

/** PolicyRule: one of values, allowAll, denyAll (list constraints) or enforce (boolean constraints). */
interface PolicyRule {
  values?: { allowedValues?: string[]; deniedValues?: string[] };
  allowAll?: boolean;
  denyAll?: boolean;
  enforce?: boolean;
  condition?: unknown;
}

/** google.cloud.orgpolicy.v2.Constraint, the fields read. */
interface Constraint {
  name?: string;
  constraintDefault?: string | number;
  listConstraint?: unknown;
  booleanConstraint?: unknown;
}

interface ConstraintPage {
  constraints?: Constraint[];
  nextPageToken?: string;
}

/** A constraint's effect on the project, as far as it is known. */
export type Effect = { kind: 'boolean'; enforced: boolean } | { kind: 'list'; allowAll: boolean; denyAll: boolean; allowed: string[]; denied: string[] };

/** The constraints read, each once per project. */
export const CONSTRAINTS = [
  'vertexai.allowedModels',
  'ainotebooks.disableRootAccess',
  'ainotebooks.disableTerminal',
  'ainotebooks.disableFileDownloads',
  'ainotebooks.restrictPublicIp',
  'gcp.restrictNonCmekServices',
  'iam.disableServiceAccountKeyCreation',
  'iam.managed.disableServiceAccountKeyCreation',
  'iam.allowedPolicyMemberDomains',
  'vertexai.allowedGenAIModels',
  'vertexai.allowedPartnerModelFeatures',
  'vertexai.disableGenAIGoogleSearchGrounding',
  'vertexai.genAIGroundingSources',
  'ainotebooks.requireAutoUpgradeSchedule',
  'compute.vmExternalIpAccess',
  'iam.automaticIamGrantsForDefaultServiceAccounts',
] as const;

type ConstraintName = (typeof CONSTRAINTS)[number];

/** ConstraintDefault: ALLOW (1) is "all values allowed" or "enforcement off"; DENY (2) the opposite (constraint.proto). */
const DEFAULTS: Record<string, 'ALLOW' | 'DENY'> = { ALLOW: 'ALLOW', DENY: 'DENY', 1: 'ALLOW', 2: 'DENY' };

const VERTEX_AI_API = 'aiplatform.googleapis.com';

/** The project's props from its effective organization policies (absent: unknown), and the policies read, for raw. */
export async function readOrgPolicies(session: Pick<RestSession, 'getOrgPolicy'>, estate: GcpEstate, project: string): Promise<{ props: Record<string, boolean>; effective: Record<string, Policy> }> {
  const scope = { account: project, region: 'global', service: 'orgpolicy' };
  const base = `projects/${encodeURIComponent(project)}`;
  const effective: Record<string, Policy> = {};
  const [defaults] = await Promise.all([
    estate.builder.call(scope, 'ListConstraints', () => constraintDefaults(session, base)),
    forEachConcurrently(CONSTRAINTS, async (constraint) => {
      const policy = await estate.builder.call(scope, `GetEffectivePolicy ${constraint}`, () => session.getOrgPolicy<Policy>(`${base}/policies/${constraint}:getEffectivePolicy`));
      if (policy) effective[constraint] = policy;
    }),
  ]);
  const effect = (constraint: ConstraintName) => {
    const policy = effective[constraint];
    return policy ? effectOf(policy, defaults?.get(constraint)) : undefined;
  };
  const sorted = Object.fromEntries(Object.keys(effective).sort().map((key) => [key, effective[key]!]));
  return { props: projectProps(effect), effective: sorted };
}

/** Each constraint's default and kind, by its short name (ListConstraints on the project, every page). */
async function constraintDefaults(session: Pick<RestSession, 'getOrgPolicy'>, base: string): Promise<Map<string, { value: 'ALLOW' | 'DENY'; kind: Effect['kind'] }>> {
  const found = new Map<string, { value: 'ALLOW' | 'DENY'; kind: Effect['kind'] }>();
  for (const constraint of await allPages(session.getOrgPolicy, `${base}/constraints`, (page: ConstraintPage) => page.constraints)) {
    const value = DEFAULTS[String(constraint.constraintDefault)];
    const kind = constraint.booleanConstraint ? 'boolean' : constraint.listConstraint ? 'list' : undefined;
    if (value && kind) found.set(constraint.name?.slice(constraint.name.lastIndexOf('/') + 1) ?? '', { value, kind });
  }
  return found;
}

/**
 * What an effective policy does. Its rules come without conditions (getEffectivePolicy evaluates
 * them); a rule that still has one is not counted. No rule, or `reset`: the constraint's default,
 * unknown when the constraints could not be listed.
 */
export function effectOf(policy: Policy, fallback: { value: 'ALLOW' | 'DENY'; kind: Effect['kind'] } | undefined): Effect | undefined {
  const rules = policy.spec?.reset ? [] : (policy.spec?.rules ?? []).filter((rule) => rule.condition === undefined);
  if (rules.length === 0) {
    if (!fallback) return undefined;
    return fallback.kind === 'boolean' ? { kind: 'boolean', enforced: fallback.value === 'DENY' } : { kind: 'list', allowAll: fallback.value === 'ALLOW', denyAll: fallback.value === 'DENY', allowed: [], denied: [] };
  }
  const enforce = rules.find((rule) => rule.enforce !== undefined);
  if (enforce) return { kind: 'boolean', enforced: enforce.enforce === true };
  const strip = (value: string) => value.replace(/^is:/, '');
  return {
    kind: 'list',
    allowAll: rules.some((rule) => rule.allowAll === true),
    denyAll: rules.some((rule) => rule.denyAll === true),
    allowed: rules.flatMap((rule) => rule.values?.allowedValues ?? []).map(strip),
    denied: rules.flatMap((rule) => rule.values?.deniedValues ?? []).map(strip),
  };
}

/** A boolean constraint is enforced; undefined when unknown (or not a boolean policy). */
function enforced(effect: Effect | undefined): boolean | undefined {
  return effect?.kind === 'boolean' ? effect.enforced : undefined;
}

/** A list constraint restricts something: not every value is allowed. */
function restricts(effect: Effect | undefined): boolean | undefined {
  if (effect?.kind !== 'list') return undefined;
  return effect.denyAll || effect.denied.length > 0 || (!effect.allowAll && effect.allowed.length > 0);
}

/**
 * compute.vmExternalIpAccess names the VMs that may have an external IP: with denyAll, or an allow
 * list, a VM it does not name (a new Workbench instance's VM) gets none; denied values alone leave
 * every other VM free. https://cloud.google.com/compute/docs/ip-addresses/configure-static-external-ip-address#disableexternalip
 */
function onlyNamedVmsGetExternalIps(effect: Effect | undefined): boolean | undefined {
  if (effect?.kind !== 'list') return undefined;
  return effect.denyAll || (!effect.allowAll && effect.allowed.length > 0);
}

/**
 * gcp.restrictNonCmekServices lists the services whose new resources must use CMEK as denied
 * values (or every service with denyAll); an allow list names the services exempt.
 * https://cloud.google.com/kms/docs/cmek-org-policy
 */
function requiresCmek(effect: Effect | undefined, service: string): boolean | undefined {
  if (effect?.kind !== 'list') return undefined;
  if (effect.denyAll || effect.denied.includes(service)) return true;
  return !effect.allowAll && effect.allowed.length > 0 && !effect.allowed.includes(service);
}

/** Three-valued "or": true if any is true, false if all are false, else unknown. */
function either(...values: Array<boolean | undefined>): boolean | undefined {
  if (values.some((value) => value === true)) return true;
  return values.every((value) => value === false) ? false : undefined;
}

function projectProps(effect: (constraint: ConstraintName) => Effect | undefined): Record<string, boolean> {
  const values: Record<string, boolean | undefined> = {
    orgPolicyModelsRestricted: restricts(effect('vertexai.allowedModels')),
    orgPolicyNotebookRootAccessDisabled: enforced(effect('ainotebooks.disableRootAccess')),
    orgPolicyNotebookTerminalDisabled: enforced(effect('ainotebooks.disableTerminal')),
    orgPolicyNotebookFileDownloadsDisabled: enforced(effect('ainotebooks.disableFileDownloads')),
    orgPolicyNotebookPublicIpRestricted: enforced(effect('ainotebooks.restrictPublicIp')),
    orgPolicyVertexAiCmekRequired: requiresCmek(effect('gcp.restrictNonCmekServices'), VERTEX_AI_API),
    // The managed constraint replaces the legacy one; either enforced stops key creation.
    orgPolicyServiceAccountKeyCreationDisabled: either(enforced(effect('iam.disableServiceAccountKeyCreation')), enforced(effect('iam.managed.disableServiceAccountKeyCreation'))),
    orgPolicyMemberDomainsRestricted: restricts(effect('iam.allowedPolicyMemberDomains')),
    orgPolicyGenAIModelsRestricted: restricts(effect('vertexai.allowedGenAIModels')),
    orgPolicyPartnerModelFeaturesRestricted: restricts(effect('vertexai.allowedPartnerModelFeatures')),
    orgPolicyGoogleSearchGroundingDisabled: enforced(effect('vertexai.disableGenAIGoogleSearchGrounding')),
    orgPolicyGroundingSourcesRestricted: restricts(effect('vertexai.genAIGroundingSources')),
    orgPolicyNotebookAutoUpgradeRequired: enforced(effect('ainotebooks.requireAutoUpgradeSchedule')),
    orgPolicyVmExternalIpRestricted: onlyNamedVmsGetExternalIps(effect('compute.vmExternalIpAccess')),
    orgPolicyDefaultServiceAccountGrantsDisabled: enforced(effect('iam.automaticIamGrantsForDefaultServiceAccounts')),
  };
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, boolean] => entry[1] !== undefined));
}
