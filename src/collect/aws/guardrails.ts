import { BedrockClient, GetGuardrailCommand, type GetGuardrailResponse } from '@aws-sdk/client-bedrock';
import { forEachConcurrently } from '../runtime.js';
import { arnName, parseArn } from './arn.js';
import { customerManagedKey, toRaw, type AwsAccount } from './session.js';

/**
 * Bedrock guardrails as they are in force. A guardrail's working draft is what ListGuardrails and
 * GetGuardrail (without a version) give; agents, agent versions and flows name a published version
 * (or DRAFT), and that version's policies are what screens their traffic. Each version something
 * names is read with GetGuardrail(guardrailVersion) and becomes an asset of its own,
 * `<guardrail ARN>:<version>`, that the `guarded-by` edges point at.
 *
 * A filter protects only where it acts: each filter has `inputAction`/`outputAction` (BLOCK,
 * ANONYMIZE for sensitive information, or NONE: detect only) and `inputEnabled`/`outputEnabled`.
 * Guardrails made before those fields existed have none of them (the Bedrock model 2023-04-20 of
 * April 2025 lacks them; their filters could only act), so an absent action reads as the one the
 * filter always had (BLOCK; for sensitive information, the entity's `action`) and absent `enabled` as
 * enabled. An action value this SDK does not know makes the property unknown.
 */

/** A guardrail named by id or ARN (agents, flows) as the ARN the guardrail asset has. */
export function guardrailArn(account: AwsAccount, region: string, identifier: string | undefined): string | undefined {
  if (!identifier) return undefined;
  return identifier.startsWith('arn:') ? identifier : `arn:${account.partition}:bedrock:${region}:${account.account}:guardrail/${identifier}`;
}

/**
 * The asset of the guardrail version a configuration names: the draft's id for DRAFT, else
 * `<ARN>:<version>`, to be read by `collectGuardrailVersions`. Undefined when no guardrail is named.
 */
export function guardrailInForce(account: AwsAccount, region: string, configuration: { guardrailIdentifier?: string; guardrailVersion?: string } | undefined): string | undefined {
  const arn = guardrailArn(account, region, configuration?.guardrailIdentifier);
  if (!arn) return undefined;
  const home = parseArn(arn)?.region || region;
  const version = configuration?.guardrailVersion;
  // Agents and flows require a version with the identifier; one left out is read as the draft it would be in the console.
  if (!version || version === 'DRAFT') return account.expect(arn, 'aws.bedrock.guardrail', home);
  const id = `${arn}:${version}`;
  if (!account.guardrailVersions.has(id)) account.guardrailVersions.set(id, { arn, version, region: home });
  return id;
}

type Enforcing = boolean | undefined;

/** Whether one direction of a filter acts on what it detects: false when disabled or detect-only, unknown for an action this SDK does not know. */
function acts(enabled: boolean | undefined, action: string | undefined): Enforcing {
  if (enabled === false) return false;
  if (action === 'BLOCK' || action === 'ANONYMIZE') return true;
  return action === 'NONE' ? false : undefined;
}

/** True if any is true, false if all are false, unknown otherwise. */
function anyOf(values: Enforcing[]): Enforcing {
  if (values.includes(true)) return true;
  return values.every((value) => value === false) ? false : undefined;
}

/** A value computed from filters whose actions are all understood; unknown otherwise. */
function whenKnown<T>(values: Enforcing[], value: () => T): T | undefined {
  return values.includes(undefined) ? undefined : value();
}

interface DirectedFilter {
  inputAction?: string;
  outputAction?: string;
  inputEnabled?: boolean;
  outputEnabled?: boolean;
}

/** Whether a filter acts on input, and on output; `fallback` is the action of a filter made before per-direction actions existed. */
function directions(filter: DirectedFilter, fallback = 'BLOCK'): { input: Enforcing; output: Enforcing } {
  return { input: acts(filter.inputEnabled, filter.inputAction ?? fallback), output: acts(filter.outputEnabled, filter.outputAction ?? fallback) };
}

const STRONGER_THAN_NONE = new Set(['LOW', 'MEDIUM', 'HIGH']);

/** The normalized properties of a guardrail version (draft or published). */
export function guardrailProps(guardrail: GetGuardrailResponse): Record<string, unknown> {
  const filters = guardrail.contentPolicy?.filters ?? [];
  const promptAttack = filters.find((filter) => filter.type === 'PROMPT_ATTACK');
  const contentFilters = filters.map((filter) => {
    const { input, output } = directions(filter);
    const inputOn = STRONGER_THAN_NONE.has(filter.inputStrength ?? '');
    const outputOn = STRONGER_THAN_NONE.has(filter.outputStrength ?? '');
    return { type: filter.type, configured: inputOn || outputOn, acts: anyOf([inputOn ? input : false, outputOn ? output : false]) };
  });
  const configured = contentFilters.filter((filter) => filter.configured);
  const pii = [...(guardrail.sensitiveInformationPolicy?.piiEntities ?? []), ...(guardrail.sensitiveInformationPolicy?.regexes ?? [])].map((entity) => {
    const { input, output } = directions(entity, entity.action);
    return anyOf([input, output]);
  });
  const groundingFilters = (guardrail.contextualGroundingPolicy?.filters ?? []).map((filter) => ({ type: filter.type, threshold: filter.threshold, acts: acts(filter.enabled, filter.action ?? 'BLOCK') }));
  const grounding = groundingFilters.map((filter) => filter.acts);
  /** The lowest threshold of the acting filters of one type: null when none acts, unknown when an action is not understood. */
  const thresholdOf = (type: string) => {
    const ofType = groundingFilters.filter((filter) => filter.type === type);
    return whenKnown(
      ofType.map((filter) => filter.acts),
      () => {
        const thresholds = ofType.flatMap((filter) => (filter.acts && filter.threshold !== undefined ? [filter.threshold] : []));
        return thresholds.length > 0 ? Math.min(...thresholds) : null;
      },
    );
  };
  const piiEntities = (guardrail.sensitiveInformationPolicy?.piiEntities ?? []).map((entity) => {
    const { input, output } = directions(entity, entity.action);
    return { type: entity.type, acts: anyOf([input, output]) };
  });
  const topics = (guardrail.topicPolicy?.topics ?? []).map((topic) => anyOf(Object.values(directions(topic))));
  const words = [...(guardrail.wordPolicy?.words ?? []), ...(guardrail.wordPolicy?.managedWordLists ?? [])].map((word) => anyOf(Object.values(directions(word))));
  const typesWhere = (acting: boolean) => configured.filter((filter) => filter.acts === acting).flatMap((filter) => filter.type ?? []).sort();
  return {
    version: guardrail.version ?? null,
    promptAttackStrength: promptAttack ? (promptAttack.inputStrength ?? null) : null,
    promptAttackBlocking: promptAttack ? directions(promptAttack).input : false,
    contentFilterTypes: whenKnown(configured.map((filter) => filter.acts), () => typesWhere(true)),
    contentFiltersDetectOnly: whenKnown(configured.map((filter) => filter.acts), () => typesWhere(false)),
    sensitiveInformationFilter: anyOf(pii),
    contextualGrounding: anyOf(grounding),
    groundingThreshold: thresholdOf('GROUNDING'),
    relevanceThreshold: thresholdOf('RELEVANCE'),
    piiEntityTypes: whenKnown(
      piiEntities.map((entity) => entity.acts),
      () => [...new Set(piiEntities.flatMap((entity) => (entity.acts && entity.type ? [entity.type] : [])))].sort(),
    ),
    deniedTopics: whenKnown(topics, () => topics.filter(Boolean).length),
    wordFilter: anyOf(words),
    automatedReasoning: (guardrail.automatedReasoningPolicy?.policies?.length ?? 0) > 0,
    contentFilterTier: guardrail.contentPolicy?.tier?.tierName ?? null,
    kmsKeyArn: guardrail.kmsKeyArn ?? null,
    customerManagedKey: customerManagedKey(guardrail.kmsKeyArn),
    status: guardrail.status ?? null,
  };
}

/** A guardrail version read with GetGuardrail, as an asset's properties and record. */
export function guardrailAsset(account: AwsAccount, region: string, guardrail: GetGuardrailResponse, id: string): { props: Record<string, unknown>; raw: unknown } {
  account.encryptedBy(id, guardrail.kmsKeyArn, region);
  return { props: guardrailProps(guardrail), raw: toRaw(guardrail) };
}

/** Reads the published guardrail versions that agents, agent versions and flows name. */
export async function collectGuardrailVersions(account: AwsAccount): Promise<void> {
  await forEachConcurrently([...account.guardrailVersions], async ([id, { arn, version, region }]) => {
    const client = account.client(BedrockClient, region);
    const guardrail = await account.scope(region, 'bedrock').call('GetGuardrail', () => client.send(new GetGuardrailCommand({ guardrailIdentifier: arn, guardrailVersion: version })));
    if (!guardrail) {
      account.markEdgesUnread(id, 'encrypted-by');
      account.addAsset({ id, type: 'aws.bedrock.guardrail', name: `${arnName(arn)}:${version}`, region, props: { version } });
      return;
    }
    account.addAsset({ id, type: 'aws.bedrock.guardrail', name: `${guardrail.name ?? arnName(arn)}:${version}`, region, ...guardrailAsset(account, region, guardrail, id) });
  });
}
