import { describe, expect, it } from 'vitest';
import { assessCompliance, failingAtOrAbove, type ComplianceInput } from '../../src/compliance/assess.js';
import { compileRuleDocument } from '../../src/engine/load-rules.js';
import type { CompiledRule } from '../../src/engine/rule.js';
import type { Finding } from '../../src/findings/finding.js';
import { parseYaml } from '../../src/input/document.js';
import type { CoverageEntry } from '../../src/graph/model.js';
import { renderComplianceMarkdown, renderComplianceTable } from '../../src/report/compliance.js';
import { displayWidth } from '../../src/report/text-table.js';
import { asset, graphOf } from '../engine/helpers.js';
import { ruleYaml } from '../rule-fixtures.js';

/** A rule on notebooks, failing on root access, mapped to LLM01:2025 and Art. 15(5). */
function rootAccessRule(id = 'test-root-access'): CompiledRule {
  const text = `${ruleYaml({ id })}\nframeworks:\n  owasp-llm-2025: [LLM01:2025]\n  eu-ai-act: [Art. 15(5), Art. 15(4)]\n`;
  return compileRuleDocument(parseYaml(`${id}.yaml`, text));
}

const NOTEBOOK = 'aws.sagemaker.notebook-instance';

function input(props: Array<Record<string, unknown>>, extra: Partial<ComplianceInput> = {}): ComplianceInput {
  const rule = rootAccessRule();
  return {
    graph: graphOf(props.map((p, index) => asset(`nb-${index}`, NOTEBOOK, p))),
    rules: [rule],
    ran: new Set([rule.rule.id]),
    findings: [],
    coverage: [],
    ...extra,
  };
}

const control = (data: ComplianceInput, id = 'LLM01:2025', framework = 'owasp-llm-2025') => assessCompliance(data, framework).controls.find((item) => item.id === id)!;

function gap(service: string): CoverageEntry {
  return { provider: 'aws', account: 'a', region: 'eu-west-1', service, status: 'denied', message: 'AccessDenied' };
}

describe('control status', () => {
  it('failing when a mapped check fails, with the failed check', () => {
    const result = control(input([{ rootAccess: true }, { rootAccess: false }]));
    expect(result.status).toBe('failing');
    expect(result.findings).toEqual([{ ruleId: 'test-root-access', severity: 'high', resource: { id: 'nb-0', name: 'nb-0', type: NOTEBOOK, provider: 'aws' }, status: 'not-reported' }]);
    expect(result.rules[0]).toMatchObject({ outcome: 'fail', checks: 2, failed: 1, passed: 1, undecided: 0 });
  });

  it('passing when every check made passed', () => {
    expect(control(input([{ rootAccess: false }, { rootAccess: false }])).status).toBe('passing');
  });

  it('unknown, never passing, when a check is inconclusive (a value not read), even beside passing assets', () => {
    const result = control(input([{ rootAccess: false }, {}]));
    expect(result.status).toBe('unknown');
    expect(result.rules[0]).toMatchObject({ outcome: 'unknown', passed: 1, undecided: 1 });
    expect(result.reason).toMatch(/1 check could not be decided/);
  });

  it('failing wins over unknown', () => {
    expect(control(input([{ rootAccess: true }, {}])).status).toBe('failing');
  });

  it('unknown when a coverage gap may hide assets of a mapped type, with the gap (never green when blind)', () => {
    const blind = control(input([], { coverage: [gap('sagemaker')] }));
    expect(blind.status).toBe('unknown');
    expect(blind.gaps).toEqual([gap('sagemaker')]);
    // Passing assets elsewhere do not make it pass either.
    expect(control(input([{ rootAccess: false }], { coverage: [gap('sagemaker')] })).status).toBe('unknown');
    // A service aispm cannot place (an identity call) may hide any type of its provider.
    expect(control(input([], { coverage: [gap('sts')] })).status).toBe('unknown');
    // A gap in another service, or another provider, hides no notebook.
    expect(control(input([], { coverage: [gap('bedrock')] })).status).toBe('not-assessed');
    expect(control(input([], { coverage: [{ ...gap('sagemaker'), provider: 'gcp' }] })).status).toBe('not-assessed');
  });

  it('not assessed when no asset of a mapped type is in scope, or no mapped rule ran', () => {
    expect(control(input([])).reason).toBe('no asset of a mapped type in scope');
    const skipped = control(input([{ rootAccess: true }], { ran: new Set() }));
    expect(skipped.status).toBe('not-assessed');
    expect(skipped.rules[0]!.outcome).toBe('not-run');
  });

  it('not covered when no rule maps to it; totals add up to the control list', () => {
    const report = assessCompliance(input([{ rootAccess: true }]), 'owasp-llm-2025');
    expect(report.controls.map((item) => item.id)).toEqual(['LLM01:2025', 'LLM02:2025', 'LLM03:2025', 'LLM04:2025', 'LLM05:2025', 'LLM06:2025', 'LLM07:2025', 'LLM08:2025', 'LLM09:2025', 'LLM10:2025']);
    expect(report.totals).toEqual({ failing: 1, unknown: 0, passing: 0, 'not-assessed': 0, 'not-covered': 9 });
    expect(report.statement).toMatch(/evidence toward, not a verdict of, compliance/);
  });

  it('the EU AI Act binds only assets tagged high-risk or GPAI; a paragraph counts for its article', () => {
    const tagged = (tags: Record<string, string> | undefined) => ({ ...input([]), graph: graphOf([asset('nb-0', NOTEBOOK, { rootAccess: true }, { tags })]) });
    const highRisk = control(tagged({ 'eu-ai-act': 'high-risk' }), 'Art. 15', 'eu-ai-act');
    expect(highRisk.status).toBe('failing');
    expect(highRisk.rules[0]!.mappedAs).toEqual(['Art. 15(5)', 'Art. 15(4)']);
    const untagged = control(tagged({ team: 'ml' }), 'Art. 15', 'eu-ai-act');
    expect(untagged.status).toBe('not-assessed');
    expect(untagged.reason).toMatch(/binds assets tagged eu-ai-act: high-risk/);
    // Tags not read: whether the Act binds the asset is unknown, so its failed check is undecided.
    expect(control(tagged(undefined), 'Art. 15', 'eu-ai-act').status).toBe('unknown');
    // The other frameworks do not look at the tag.
    expect(control(tagged({ team: 'ml' })).status).toBe('failing');
  });

  it('a mapping from a --rules pack outside the reference list gets a control of its own, marked unlisted', () => {
    const text = `${ruleYaml({ id: 'custom-rule' })}\nframeworks:\n  mitre-atlas: [AML.T0999]\n`;
    const custom = compileRuleDocument(parseYaml('custom-rule.yaml', text));
    const report = assessCompliance({ ...input([{ rootAccess: true }]), rules: [custom], ran: new Set(['custom-rule']) }, 'mitre-atlas');
    expect(report.controls.at(-1)).toMatchObject({ id: 'AML.T0999', status: 'failing', unlisted: true });
  });

  it('names the finding that reports a failed check, and --fail-on counts only counted findings at or above the threshold', () => {
    const finding = { id: 'f1', ruleId: 'test-root-access', severity: 'high', resource: { id: 'nb-0', name: 'nb-0', type: NOTEBOOK, provider: 'aws', account: 'a', region: 'r' }, status: 'new' } as Finding;
    const report = assessCompliance(input([{ rootAccess: true }], { findings: [finding] }), 'owasp-llm-2025');
    expect(report.controls[0]!.findings[0]).toMatchObject({ findingId: 'f1', status: 'new' });
    expect(report.controls[0]!.counted).toBe(1);
    expect(failingAtOrAbove(report, 'high').map((item) => item.id)).toEqual(['LLM01:2025']);
    expect(failingAtOrAbove(report, 'critical')).toEqual([]);
    const suppressed = assessCompliance(input([{ rootAccess: true }], { findings: [{ ...finding, status: 'suppressed' }] }), 'owasp-llm-2025');
    // A suppressed check still failed (the control says so), but it does not fail the gate.
    expect(suppressed.controls[0]!.status).toBe('failing');
    expect(failingAtOrAbove(suppressed, 'info')).toEqual([]);
  });
});

describe('compliance views', () => {
  const hostile = '<script>alert(1)</script>\u001b[31m|evil|';
  const data = () => {
    const base = input([{ rootAccess: true }, {}]);
    return { ...base, graph: graphOf([asset('nb-0', NOTEBOOK, { rootAccess: true }, { name: hostile }), asset('nb-1', 'aws.sagemaker.notebook-instance', {})]) };
  };

  it('the table fits 80 columns and escapes cloud strings', () => {
    const reports = ['owasp-llm-2025', 'nist-ai-rmf-1.0', 'eu-ai-act'].map((key) => assessCompliance(data(), key));
    const text = [...renderComplianceTable(reports, { color: false, width: 80 })].join('');
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\\x1b[31m');
    expect(text).toMatch(/evidence toward, not a verdict of, compliance/);
  });

  it('markdown escapes cloud strings with the markdown escaping', () => {
    const text = [...renderComplianceMarkdown([assessCompliance(data(), 'owasp-llm-2025')])].join('');
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;');
    expect(text).toContain('\\|evil\\|');
  });
});
