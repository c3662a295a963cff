import type { GetGuardrailResponse } from '@aws-sdk/client-bedrock';

/**
 * What a Bedrock guardrail's policies do, from the fields GetGuardrail returns (see guardrails.ts for
 * how absent actions and enabled flags are read). No SDK client here: a Terraform plan's guardrails
 * are judged by the same function without loading one.
 */

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

/** A denied topic is kept as `name: definition`, no longer than the API allows (name 100, definition 200 characters); sample phrases are left out. */
const TOPIC_TEXT_LIMIT = 100 + 2 + 200;

const STRONGER_THAN_NONE = new Set(['LOW', 'MEDIUM', 'HIGH']);

/**
 * The normalized properties of a guardrail version (draft or published), from GetGuardrail's answer or
 * the same fields of a Terraform plan's aws_bedrock_guardrail; whether its key is customer managed is
 * left to the caller, which knows where the key is read.
 */
export function guardrailPolicyProps(guardrail: GetGuardrailResponse): Record<string, unknown> {
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
  const deniedTopicList = guardrail.topicPolicy?.topics ?? [];
  const topics = deniedTopicList.map((topic) => anyOf(Object.values(directions(topic))));
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
    deniedTopicTexts: whenKnown(topics, () => deniedTopicList.flatMap((topic, index) => (topics[index] ? [`${topic.name ?? ''}: ${topic.definition ?? ''}`.slice(0, TOPIC_TEXT_LIMIT)] : []))),
    wordFilter: anyOf(words),
    automatedReasoning: (guardrail.automatedReasoningPolicy?.policies?.length ?? 0) > 0,
    contentFilterTier: guardrail.contentPolicy?.tier?.tierName ?? null,
    kmsKeyArn: guardrail.kmsKeyArn ?? null,
    status: guardrail.status ?? null,
  };
}
