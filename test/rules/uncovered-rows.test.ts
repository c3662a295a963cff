import { join } from 'node:path';
import { expect, it } from 'vitest';
import { UNCOVERED_ROWS } from '../../src/docs/uncovered-rows.js';
import { loadRuleDir } from '../../src/engine/load-rules.js';
import { ROOT } from '../helpers.js';

it('lists each uncovered check once, and none that a built-in rule names as an equivalent', () => {
  const rules = loadRuleDir(join(ROOT, 'rules'), ROOT).map((compiled) => compiled.rule);
  for (const [tool, rows] of Object.entries(UNCOVERED_ROWS)) {
    const checks = rows.map((row) => row.check);
    expect(new Set(checks).size, tool).toBe(checks.length);
    const covered = new Set(rules.flatMap((rule) => rule.equivalents[tool as keyof typeof rule.equivalents] ?? []));
    expect(checks.filter((check) => covered.has(check)), tool).toEqual([]);
  }
});

it('accounts for every AgentCore (AC) and agentic (AG) row of the AWS AI/ML security assessment: covered or listed with a reason', () => {
  const rows = [...Array.from({ length: 13 }, (_, i) => `AC-${String(i + 1).padStart(2, '0')}`), ...Array.from({ length: 27 }, (_, i) => `AG-${String(i + 1).padStart(2, '0')}`)];
  const covered = new Set(loadRuleDir(join(ROOT, 'rules'), ROOT).flatMap((compiled) => compiled.rule.equivalents['aws-aiml-assessment'] ?? []));
  const listed = new Set((UNCOVERED_ROWS['aws-aiml-assessment'] ?? []).map((row) => row.check));
  expect(rows.filter((row) => !covered.has(row) && !listed.has(row))).toEqual([]);
});
