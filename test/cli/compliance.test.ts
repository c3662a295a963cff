import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '../../src/engine/frameworks.js';
import { ROOT, SUMMARY_LINE, runCli, tempDir, withoutTimestamps } from '../helpers.js';

/** `aispm scan --compliance`: the demo's evidence by control, in every format, and the gate on it. */

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'aispm-result.schema.json'), 'utf8'));
const ALL = FRAMEWORKS.map((framework) => framework.key);

function validateResult(document: unknown): string[] {
  const ajv = new Ajv2020.default({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  return validate(document) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

interface Control {
  id: string;
  status: string;
  counted: number;
  findings: Array<{ findingId?: string; status: string; severity: string }>;
  gaps: unknown[];
  rules: Array<{ outcome: string; undecided: number }>;
}
interface Report {
  framework: { key: string };
  statement: string;
  totals: Record<string, number>;
  controls: Control[];
}

describe('aispm scan --demo --compliance', () => {
  it('JSON: one report per framework, valid against the shipped schema, each status present in the demo', () => {
    const result = runCli(['scan', '--demo', '--compliance', ALL.join(','), '--format', 'json']);
    expect(result.code).toBe(1);
    const document = JSON.parse(result.stdout) as { compliance: Report[]; findings: Array<{ id: string }> };
    expect(validateResult(document)).toEqual([]);
    expect(document.compliance.map((report) => report.framework.key)).toEqual(ALL);
    const ids = new Set(document.findings.map((finding) => finding.id));
    const statuses = new Set<string>();
    for (const report of document.compliance) {
      const framework = FRAMEWORKS.find((item) => item.key === report.framework.key)!;
      // Every control of the reference list, in its order, and the totals add up.
      expect(report.controls.map((control) => control.id)).toEqual(Object.keys(framework.controls));
      expect(Object.values(report.totals).reduce((sum, count) => sum + count, 0)).toBe(report.controls.length);
      expect(report.statement).toMatch(/evidence toward, not a verdict of, compliance/);
      for (const control of report.controls) {
        statuses.add(control.status);
        for (const finding of control.findings) if (finding.findingId) expect(ids.has(finding.findingId)).toBe(true);
        if (control.status === 'failing') expect(control.findings.length).toBeGreaterThan(0);
        if (control.status === 'unknown') expect(control.rules.some((rule) => rule.outcome === 'unknown')).toBe(true);
        if (control.status === 'passing') expect(control.rules.every((rule) => ['pass', 'not-applicable', 'not-run'].includes(rule.outcome))).toBe(true);
      }
    }
    expect([...statuses].sort()).toEqual(['failing', 'not-assessed', 'not-covered', 'passing', 'unknown']);
    // The sandboxed AgentCore code interpreter is the demo's passing control (OWASP ASI05, unexpected code execution).
    const agentic = document.compliance.find((report) => report.framework.key === 'owasp-agentic-2026')!;
    expect(agentic.controls.find((control) => control.id === 'ASI05')!.status).toBe('passing');
    // The demo's RAG stores: the AWS knowledge base is safe, the Azure AI Search index is the attack path;
    // with the Azure AI Search rules left out (--only), the RAG-poisoning technique passes on the knowledge base.
    const rag = JSON.parse(runCli(['scan', '--demo', '--only', 'aws-bedrock-knowledge-base-source-publicly-writable', '--compliance', 'mitre-atlas', '-f', 'json']).stdout) as { compliance: Report[] };
    const poisoning = rag.compliance[0]!.controls.find((control) => control.id === 'AML.T0070')!;
    expect(poisoning.status).toBe('passing');
    expect(poisoning.rules.every((rule) => ['pass', 'not-applicable', 'not-run'].includes(rule.outcome))).toBe(true);
    expect(poisoning.rules.some((rule) => rule.outcome === 'pass')).toBe(true);
    // The demo's SageMaker gap (eu-west-1 denied) makes a control unknown: blind is never passing.
    const atlas = document.compliance.find((report) => report.framework.key === 'mitre-atlas')!;
    expect(atlas.controls.filter((control) => control.status === 'unknown' && control.gaps.length > 0).length).toBeGreaterThan(0);
  });

  it('table: the controls with their status and evidence, and the summary line gives the totals', () => {
    const result = runCli(['scan', '--demo', '--compliance', 'owasp-llm-2025']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^OWASP Top 10 for LLM Applications 2025: 10 controls\n10 failing · 0 unknown · 0 passing · 0 not assessed · 0 not covered\n/);
    expect(result.stdout).toMatch(/│ LLM07:2025 +│ FAILING +│ System Prompt Leakage/);
    expect(result.stdout).toContain('critical aws-bedrock-prompt-secret on ticket-escalation');
    expect(result.stdout).toContain('evidence toward, not a verdict of, compliance');
    // The findings table is not printed: the compliance view replaces it (JSON and SARIF keep the findings).
    expect(result.stdout).not.toContain('Resource ids');
    expect(result.stderr).toMatch(SUMMARY_LINE);
    expect(result.stderr).toContain('; owasp-llm-2025: 10 failing · 0 unknown · 0 passing · 0 not assessed · 0 not covered; 2 coverage gaps; exit 1: 8 failing controls with a counted finding at or above high');
  });

  it('markdown: a table per framework with totals and the statement; deterministic apart from timestamps', () => {
    const result = runCli(['scan', '--demo', '--compliance', 'nist-ai-rmf-1.0,eu-ai-act', '--format', 'markdown']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('## aispm compliance: NIST AI RMF 1.0 \\(AI 100-1\\)\n');
    expect(result.stdout).toContain('## aispm compliance: EU AI Act, Regulation \\(EU\\) 2024/1689\n');
    expect(result.stdout).toContain('> This is evidence toward, not a verdict of, compliance');
    expect(result.stdout).toMatch(/^\| MANAGE 3\.1 \| 🟨 unknown \| /m);
    expect(result.stdout).toMatch(/^\| Art\. 9 \| ⬛ not covered \| /m);
    for (const format of ['markdown', 'json', 'table']) {
      const args = ['scan', '--demo', '--compliance', 'mitre-atlas', '--format', format];
      expect(withoutTimestamps(runCli(args).stdout)).toBe(withoutTimestamps(runCli(args).stdout));
    }
  });

  it('one run writes the compliance table, the JSON result with compliance, and SARIF findings', () => {
    const dir = tempDir();
    const result = runCli(['scan', '--demo', '--compliance', 'owasp-agentic-2026', '-o', `json:${join(dir, 'r.json')}`, '-o', `sarif:${join(dir, 'r.sarif')}`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('OWASP Top 10 for Agentic Applications 2026');
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).compliance[0].framework.key).toBe('owasp-agentic-2026');
    expect(JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8')).runs[0].results.length).toBe(126);
  });
});

describe('--fail-on with --compliance', () => {
  it('counts only counted findings of failing controls of the frameworks asked for', () => {
    expect(runCli(['scan', '--demo', '--compliance', 'owasp-llm-2025', '--fail-on', 'critical', '-q']).code).toBe(1);
    expect(runCli(['scan', '--demo', '--compliance', 'owasp-llm-2025', '--fail-on', 'none', '-q']).code).toBe(0);
    // A high finding of a rule not mapped to the agentic list fails the plain scan, not the agentic gate.
    const only = ['scan', '--demo', '--only', 'aws-bedrock-model-invocation-logging-disabled', '-f', 'json'];
    expect(runCli(only).code).toBe(1);
    const agentic = runCli([...only, '--compliance', 'owasp-agentic-2026']);
    expect(agentic.code).toBe(0);
    expect(agentic.stderr).toMatch(/exit 0: no failing control with a counted finding at or above high/);
    // A low finding: failing control, below the threshold.
    const low = ['scan', '--demo', '--only', 'gcp-vertex-endpoint-request-response-logging-disabled', '--compliance', 'owasp-llm-2025', '-q'];
    expect(runCli([...low, '--fail-on', 'medium']).code).toBe(0);
    expect(runCli([...low, '--fail-on', 'low']).code).toBe(1);
  });

  it('a check below --min-severity still fails its control, and is not counted', () => {
    const result = runCli(['scan', '--demo', '--only', 'gcp-vertex-endpoint-request-response-logging-disabled', '--compliance', 'owasp-llm-2025', '--min-severity', 'high', '--fail-on', 'low', '-f', 'json']);
    expect(result.code).toBe(0);
    const control = (JSON.parse(result.stdout) as { compliance: Report[] }).compliance[0]!.controls.find((item) => item.id === 'LLM10:2025')!;
    expect(control.status).toBe('failing');
    expect(control.counted).toBe(0);
    expect(new Set(control.findings.map((finding) => finding.status))).toEqual(new Set(['not-reported']));
  });

  it('never green when blind: an unreadable provider leaves its controls unknown, never passing, and exits 3', () => {
    const dir = tempDir();
    const snapshot = join(dir, 'blind.json');
    const denied = { provider: 'aws', account: 'default', region: 'us-east-1', service: 'sts', status: 'denied', message: 'GetCallerIdentity: ExpiredToken' };
    writeFileSync(snapshot, JSON.stringify({ snapshotVersion: 1, sources: ['aws'], coverage: [denied], assets: [], edges: [] }));
    const result = runCli(['scan', '--snapshot', snapshot, '--compliance', 'owasp-llm-2025', '-f', 'json']);
    expect(result.code).toBe(3);
    const report = (JSON.parse(result.stdout) as { compliance: Report[] }).compliance[0]!;
    expect(report.totals.passing).toBe(0);
    expect(report.controls.find((control) => control.id === 'LLM01:2025')).toMatchObject({ status: 'unknown', gaps: [denied] });
  });

  it('the config file can ask for compliance (scan: compliance: [...]); a typo there names file, line and field', () => {
    const dir = tempDir({ 'aispm.config.yaml': 'scan:\n  compliance: [owasp-agentic-2026]\n  fail-on: none\n', 'bad.yaml': 'scan:\n  compliance: [owasp-llm-2023]\n' });
    const result = runCli(['scan', '--demo', '-q'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^OWASP Top 10 for Agentic Applications 2026: 10 controls\n/);
    const bad = runCli(['scan', '--demo', '--config', join(dir, 'bad.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yaml:2.*scan\.compliance/);
  });

  it('an unknown framework is a usage error (exit 2) with the list', () => {
    const result = runCli(['scan', '--demo', '--compliance', 'owasp-llm-2023']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--compliance: "owasp-llm-2023" is not one of owasp-llm-2025, owasp-agentic-2026, mitre-atlas, nist-ai-rmf-1.0, iso-42001-2023, eu-ai-act');
  });
});
