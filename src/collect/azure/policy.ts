import { items, record, same, text, type ArmRecord } from './arm.js';
import { ArmRest } from './rest.js';
import { GLOBAL_REGION, SERVICES, type AzureScan } from './session.js';

/**
 * The Azure Policy guardrails for AI in force on each subscription: the policy assignments at the
 * subscription and at the management groups above it (PolicyAssignments_List with
 * `$filter=atScope()`, which leaves out assignments at resource groups and resources inside the
 * subscription), with each initiative (policy set definition) read to know which built-in
 * definitions it carries and with which effect. AI services accounts link to their subscription's
 * asset (`governed-by`).
 *
 * Only the built-in definitions listed in AI_POLICY_CONTROLS are recognised: a custom definition's
 * rule is not interpreted. Compliance state (Microsoft.PolicyInsights policyStates) is not read:
 * its queries are POST requests, and the settings it would report are the resources' own fields,
 * which aispm reads directly and evaluates with its own rules.
 *
 * Plain ARM REST at api-version 2025-03-01 (Microsoft.Authorization policy, GA).
 */

const POLICY_API_VERSION = '2025-03-01';
const GUARDRAILS_TYPE = 'azure.policy.ai-guardrails';

/** An AI control that built-in policy definitions carry, by aispm's name. */
export type AiPolicyControl = 'public-network-access-disabled' | 'local-auth-disabled' | 'customer-managed-key' | 'approved-models' | 'defender-for-ai';

/**
 * Built-in definitions (Azure/azure-policy@f4a50bacae07ddb096943c597669bcae494a6e29,
 * built-in-policies/policyDefinitions/{Azure Ai Services,Cognitive Services,Security Center}/*.json):
 * the control each carries and its `effect` parameter's default value. Each has an `effect`
 * parameter.
 */
const AI_POLICY_DEFINITIONS: Record<string, { control: AiPolicyControl; defaultEffect: string }> = {
  // Azure AI Services resources should restrict network access (Audit, Deny, Disabled)
  '037eea7a-bd0a-46c5-9a66-03aea78705d3': { control: 'public-network-access-disabled', defaultEffect: 'Audit' },
  // Configure Cognitive Services accounts to disable public network access (Modify, Disabled)
  '47ba1dd7-28d9-4b07-a8d5-9813bed64e0c': { control: 'public-network-access-disabled', defaultEffect: 'Modify' },
  // [Deprecated]: Cognitive Services accounts should disable public network access (Audit, Deny, Disabled; still enforced where assigned)
  '0725b4dd-7e76-479c-a735-68e7ee23d5ca': { control: 'public-network-access-disabled', defaultEffect: 'Disabled' },
  // Azure AI Services resources should have key access disabled (disable local authentication) (Audit, Deny, Disabled)
  '71ef260a-8f18-47b7-abcb-62d0673d94dc': { control: 'local-auth-disabled', defaultEffect: 'Audit' },
  // Configure Cognitive Services accounts to disable local authentication methods (Modify, Disabled)
  '14de9e63-1b31-492e-a5a3-c3f7fd57f555': { control: 'local-auth-disabled', defaultEffect: 'Modify' },
  // Configure Azure AI Services resources to disable local key access (DeployIfNotExists, Disabled)
  '55eff01b-f2bd-4c32-9203-db285f709d30': { control: 'local-auth-disabled', defaultEffect: 'DeployIfNotExists' },
  // Azure AI Services resources should encrypt data at rest with a customer-managed key (CMK) (Audit, Deny, Disabled)
  '67121cc7-ff39-4ab8-b7e3-95b84dab487d': { control: 'customer-managed-key', defaultEffect: 'Audit' },
  // Cognitive Services Deployments should only use approved Registry Models (Audit, Deny, Disabled)
  'aafe3651-cb78-4f68-9f81-e7e41509110f': { control: 'approved-models', defaultEffect: 'Audit' },
};

/** Effects that stop or correct a non-compliant setting; Audit and AuditIfNotExists only report it. */
const ENFORCING_EFFECTS = ['Deny', 'Modify', 'DeployIfNotExists'];
const AUDITING_EFFECTS = ['Audit', 'AuditIfNotExists'];

export function guardrailsId(subscriptionId: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/policyAssignments`;
}

/** How one assignment bears on one control. */
type Bearing = 'enforces' | 'enforces-part' | 'audits' | 'off' | 'unknown';

export async function collectPolicyAssignments(scan: AzureScan, subscriptionId: string): Promise<void> {
  const rest = new ArmRest(scan.connection);
  const call = <T>(operation: string, run: () => Promise<T>) => scan.call(subscriptionId, SERVICES.policy, operation, run);
  const assignments = await call('policyAssignments.list', () => rest.listPaged(`/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/policyAssignments`, POLICY_API_VERSION, { $filter: 'atScope()' }));
  if (!assignments) return;
  const bearings = new Map<AiPolicyControl, Bearing[]>();
  const note = (control: AiPolicyControl, bearing: Bearing) => bearings.set(control, [...(bearings.get(control) ?? []), bearing]);
  let unresolved = 0;
  for (const assignment of assignments) {
    const properties = record(assignment.properties);
    const definitionId = text(properties.policyDefinitionId) ?? '';
    const members = isSetDefinition(definitionId) ? await readSetMembers(scan, call, rest, definitionId, assignment) : [{ definitionId, effect: effectOf(assignment, undefined, undefined) }];
    if (!members) {
      unresolved++;
      continue;
    }
    for (const member of members) {
      const builtIn = AI_POLICY_DEFINITIONS[builtInName(member.definitionId) ?? ''];
      if (builtIn) note(builtIn.control, bearingOf(assignment, member.effect ?? { value: builtIn.defaultEffect }));
    }
  }
  const controls = (wanted: Bearing) => [...bearings].filter(([, list]) => list.includes(wanted)).map(([control]) => control).sort();
  const enforced = controls('enforces');
  /** A control is known not to be enforced when every assignment was resolved and none enforces it everywhere. */
  const enforces = (control: AiPolicyControl) => (enforced.includes(control) ? true : unresolved > 0 || bearings.get(control)?.includes('unknown') ? undefined : false);
  scan.policyGuardrails.add(subscriptionId);
  scan.graph.add({
    id: guardrailsId(subscriptionId),
    type: GUARDRAILS_TYPE,
    account: subscriptionId,
    region: GLOBAL_REGION,
    name: 'ai-policy-guardrails',
    props: {
      assignments: assignments.length,
      enforcedControls: enforced,
      partlyEnforcedControls: controls('enforces-part').filter((control) => !enforced.includes(control)),
      auditedControls: controls('audits').filter((control) => !enforced.includes(control)),
      // Absent, not undefined, where unknown: an absent key is what "not read" means.
      ...known('publicNetworkAccessEnforced', enforces('public-network-access-disabled')),
      ...known('localAuthEnforced', enforces('local-auth-disabled')),
    },
    raw: { assignments: assignments.map(assignmentSummary) },
  });
}

function known<K extends string>(key: K, value: boolean | undefined): Partial<Record<K, boolean>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, boolean>);
}

/** What an effect value (literal, or undefined: the definition's default) makes of an assignment for a control. */
function bearingOf(assignment: ArmRecord, effect: { value?: string } | 'unknown'): Bearing {
  const properties = record(assignment.properties);
  const mode = text(properties.enforcementMode) ?? 'Default';
  if (effect === 'unknown' || effect.value === undefined) return 'unknown';
  if (AUDITING_EFFECTS.some((known) => same(effect.value, known))) return 'audits';
  if (!ENFORCING_EFFECTS.some((known) => same(effect.value, known))) return same(effect.value, 'Disabled') ? 'off' : 'unknown';
  // DoNotEnforce: the effect is evaluated for compliance but not applied (audit only). Enroll, or a
  // mode newer than this code: enforced only on enrolled resources, which the assignment does not say.
  if (same(mode, 'DoNotEnforce')) return 'audits';
  if (!same(mode, 'Default')) return 'unknown';
  const partial = items(properties.notScopes).length > 0 || items(properties.resourceSelectors).length > 0;
  return partial ? 'enforces-part' : 'enforces';
}

function isSetDefinition(definitionId: string): boolean {
  return /\/providers\/Microsoft\.Authorization\/policySetDefinitions\//i.test(definitionId);
}

/** The GUID name of a built-in policy definition id (`/providers/Microsoft.Authorization/policyDefinitions/{name}`, at tenant root). */
function builtInName(definitionId: string): string | undefined {
  return /^\/providers\/Microsoft\.Authorization\/policyDefinitions\/([^/]+)$/i.exec(definitionId)?.[1]?.toLowerCase();
}

interface Member {
  definitionId: string;
  /** The effect in force: a value, undefined for the definition's default, or unknown (an expression this code does not resolve). */
  effect: { value?: string } | 'unknown' | undefined;
}

/** The definitions an initiative carries, with the effect each gets under this assignment; undefined when the initiative could not be read. */
async function readSetMembers(
  scan: AzureScan,
  call: <T>(operation: string, run: () => Promise<T>) => Promise<T | undefined>,
  rest: ArmRest,
  setId: string,
  assignment: ArmRecord,
): Promise<Member[] | undefined> {
  const key = setId.toLowerCase();
  let pending = scan.policySets.get(key);
  if (!pending) {
    pending = call('policySetDefinitions.get', () => rest.get(setId, POLICY_API_VERSION) as Promise<ArmRecord>);
    scan.policySets.set(key, pending);
  }
  const set = await pending;
  if (!set) return undefined;
  const setProperties = record(set.properties);
  return items(setProperties.policyDefinitions).map((entry) => {
    const reference = record(entry);
    return { definitionId: text(reference.policyDefinitionId) ?? '', effect: effectOf(assignment, reference, record(setProperties.parameters)) };
  });
}

/**
 * The effect an assignment gives a definition: an override of kind policyEffect that selects it,
 * else the value the initiative passes to the definition's `effect` parameter (a literal, or one of
 * the initiative's parameters, set by the assignment or defaulted), else the assignment's own
 * `effect` parameter for a directly assigned definition, else the definition's default (undefined).
 */
function effectOf(assignment: ArmRecord, reference: Record<string, unknown> | undefined, setParameters: Record<string, unknown> | undefined): Member['effect'] {
  const properties = record(assignment.properties);
  const referenceId = reference ? text(reference.policyDefinitionReferenceId) : undefined;
  for (const override of items(properties.overrides).map(record)) {
    if (!same(text(override.kind), 'policyEffect')) continue;
    const selectors = items(override.selectors).map(record);
    const applies = selectors.every((selector) => {
      if (!same(text(selector.kind), 'policyDefinitionReferenceId')) return false;
      const within = items(selector.in).map(String);
      const outside = items(selector.notIn).map(String);
      return referenceId !== undefined && (within.length === 0 || within.some((id) => same(id, referenceId))) && !outside.some((id) => same(id, referenceId));
    });
    if (applies) return { value: text(override.value) };
  }
  const assigned = record(properties.parameters);
  if (!reference) {
    const value = record(assigned.effect).value;
    return value === undefined ? undefined : typeof value === 'string' ? { value } : 'unknown';
  }
  const passed = record(record(reference.parameters).effect).value;
  if (passed === undefined) return undefined;
  if (typeof passed !== 'string') return 'unknown';
  const parameter = /^\[parameters\('([^']+)'\)\]$/i.exec(passed.trim())?.[1];
  if (!parameter) return passed.startsWith('[') ? 'unknown' : { value: passed };
  const value = record(assigned[parameter]).value ?? record(setParameters?.[parameter]).defaultValue;
  return typeof value === 'string' ? { value } : 'unknown';
}

/** What the asset's raw record keeps of each assignment: where, what and how, not its parameters. */
function assignmentSummary(assignment: ArmRecord) {
  const properties = record(assignment.properties);
  return {
    id: assignment.id ?? null,
    displayName: text(properties.displayName) ?? null,
    scope: text(properties.scope) ?? null,
    policyDefinitionId: text(properties.policyDefinitionId) ?? null,
    enforcementMode: text(properties.enforcementMode) ?? null,
    notScopes: items(properties.notScopes),
  };
}

/**
 * Links each AI services account to its subscription's guardrails (`governed-by`), once every
 * subscription has been read; an account whose subscription's assignments could not be read gets
 * no edge.
 */
export function linkPolicyGuardrails(scan: AzureScan): void {
  for (const account of scan.aiAccounts) if (scan.policyGuardrails.has(account.account)) scan.graph.link(account.id, 'governed-by', guardrailsId(account.account));
}
