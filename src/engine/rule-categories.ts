/** What a rule is about; apart from rule.ts so that `rules list` can check its filters without loading the schema library. */
export const RULE_CATEGORIES = [
  'network',
  'encryption',
  'identity',
  'data-exposure',
  'logging',
  'monitoring',
  'guardrails',
  'secrets',
  'governance',
  'attack-path',
  'resilience',
  'configuration',
] as const;
