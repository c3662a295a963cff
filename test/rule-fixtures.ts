/**
 * A minimal valid rule as YAML text, for tests that need a rule file. Keys sit on fixed lines
 * (severity on line 3, resourceTypes on line 6, the condition from line 7), because tests check the
 * line numbers in error messages.
 */
export function ruleYaml(options: { id?: string; types?: readonly string[]; body?: string } = {}): string {
  return [
    `id: ${options.id ?? 'test-rule'}`,
    'title: A rule built for the tests',
    'severity: high',
    'severityReason: Only a test rule, not a real risk.',
    'category: network',
    `resourceTypes: [${(options.types ?? ['aws.sagemaker.notebook-instance']).join(', ')}]`,
    options.body ?? 'when:\n  field: props.rootAccess\n  equals: true',
    'description: A description that is long enough for the schema.',
    'remediation: Turn root access off.',
  ].join('\n');
}
