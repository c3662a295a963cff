import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PEER_CHECKS } from '../../src/docs/peer-checks.js';
import { loadRuleDir } from '../../src/engine/load-rules.js';
import { ROOT } from '../helpers.js';

/**
 * The peer catalog's AI checks (Checkov's Azure AI IDs, Defender for Cloud's AI recommendations, the
 * AWS assessment's AgentCore and agentic rows) and
 * the built-in rules' `equivalents` agree: a check is covered by a rule, or says why it is not
 * (docs/rules.md lists those), never both, and no rule names a check of those tools the catalog lacks.
 */
const rules = loadRuleDir(join(ROOT, 'rules'), ROOT).map((compiled) => compiled.rule);
const named = (tool: string) => new Set(rules.flatMap((rule) => rule.equivalents[tool as keyof typeof rule.equivalents] ?? []));

it('every listed peer check is covered by a rule or says why not, and not both', () => {
  const wrong = PEER_CHECKS.filter((peer) => named(peer.tool).has(peer.check) === (peer.uncovered !== undefined)).map((peer) => `${peer.tool}: ${peer.check}`);
  expect(wrong).toEqual([]);
});

it('every Defender for Cloud recommendation a rule names is in the list, spelt as listed', () => {
  const listed = new Set(PEER_CHECKS.filter((peer) => peer.tool === 'defender-for-cloud').map((peer) => peer.check));
  expect([...named('defender-for-cloud')].filter((check) => !listed.has(check))).toEqual([]);
});

it('lists every AgentCore (AC-01…13) and agentic (AG-01…27) row of the AWS AI/ML security assessment', () => {
  const rows = [...Array.from({ length: 13 }, (_, i) => `AC-${String(i + 1).padStart(2, '0')}`), ...Array.from({ length: 27 }, (_, i) => `AG-${String(i + 1).padStart(2, '0')}`)];
  expect(PEER_CHECKS.filter((peer) => peer.tool === 'aws-aiml-assessment').map((peer) => peer.check)).toEqual(rows);
});

it('covers at least 15 of Checkov\'s 16 Azure AI IDs', () => {
  const checkov = PEER_CHECKS.filter((peer) => peer.tool === 'checkov');
  expect(checkov).toHaveLength(16);
  expect(checkov.filter((peer) => !peer.uncovered).length).toBeGreaterThanOrEqual(15);
});
