import type * as Sarif from 'sarif';
import { isWebUrl, type Rule } from '../engine/rule.js';
import type { Finding } from '../findings/finding.js';
import { isCoverageGap, type Severity } from '../graph/model.js';
import { TOOL_URL } from '../package-info.js';
import type { ScanResult } from '../scan.js';
import { escapeLines, escapeMarkdownBlock, escapeSarifText, escapeText } from './escape.js';
import { indentedJson } from './json-text.js';

/**
 * SARIF 2.1.0 for code-scanning tools (GitHub code scanning): one run, every rule that ran described
 * with help and a security-severity, every result with a location and a stable fingerprint.
 * Cloud resources have no source file, so each result points at a stable pseudo-path naming the
 * resource (`cloud/<provider>/<account>/<region>/<type>/<name>`), with the resource id as a logical location.
 */

const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };
const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

/**
 * GitHub code scanning's documented limits (docs.github.com, "SARIF results exceed limit"): a run
 * with more than 25,000 results is rejected, and only 10 tags per rule are shown (20 accepted).
 * Findings come worst first, so the ones left out are the least urgent; a notification says how
 * many, and where to see them.
 */
export const MAX_SARIF_RESULTS = 25_000;
export const MAX_SARIF_TAGS = 10;

export function* renderSarif(result: ScanResult): Iterable<string> {
  const findings = result.findings.length > MAX_SARIF_RESULTS ? result.findings.slice(0, MAX_SARIF_RESULTS) : result.findings;
  const leftOut = result.findings.length - findings.length;
  const ruleIndex = new Map(result.rules.map((rule, index) => [rule.id, index]));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: result.tool.name,
            version: result.tool.version,
            semanticVersion: result.tool.version,
            informationUri: TOOL_URL,
            rules: result.rules.map(ruleDescriptor),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: result.startedAt.toISOString(),
            endTimeUtc: result.finishedAt.toISOString(),
            toolExecutionNotifications: [
              ...result.coverage.filter(isCoverageGap).map((gap) => ({
                level: 'warning' as const,
                descriptor: { id: `coverage-${gap.status}` },
                message: { text: escapeSarifText(`Could not read ${gap.provider} ${gap.service} in ${gap.account}/${gap.region} (${gap.status})${gap.message ? `: ${gap.message}` : ''}`) },
              })),
              ...(leftOut > 0
                ? [
                    {
                      level: 'warning' as const,
                      descriptor: { id: 'results-limit' },
                      message: { text: `${leftOut} more findings, the least urgent, are left out: GitHub code scanning rejects a run of more than ${MAX_SARIF_RESULTS} results. Run aispm scan --format json for all of them, or narrow the scan with --min-severity.` },
                    },
                  ]
                : []),
            ],
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
  // Written one result at a time (the document is the same as JSON.stringify(log, null, 2) would give).
  const text = JSON.stringify(log, null, 2);
  const open = text.lastIndexOf('"results": []');
  yield `${text.slice(0, open)}"results": [`;
  let first = true;
  for (const finding of findings) {
    yield `${first ? '' : ','}\n        ${indentedJson(resultOf(finding, ruleIndex.get(finding.ruleId) ?? 0, result.baselineApplied), 4)}`;
    first = false;
  }
  yield `${first ? ']' : '\n      ]'}${text.slice(open + '"results": []'.length)}\n`;
}

function ruleDescriptor(rule: Rule): Sarif.ReportingDescriptor {
  const frameworkTags = Object.entries(rule.frameworks).flatMap(([key, ids]) => ids.map((id) => `${key}/${id}`));
  // Rule loading accepts only http(s) references; checked again here, because these become links. A URL's href has no space, < or >.
  const references = rule.references.filter(isWebUrl).map((url) => new URL(url).href);
  const remediation = rule.remediation.trim();
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: escapeText(rule.title) },
    fullDescription: { text: escapeLines(rule.description.trim()) },
    help: {
      text: `${escapeLines(remediation)}${references.length ? `\n\nReferences:\n${references.map((url) => `- ${url}`).join('\n')}` : ''}`,
      // The remediation is text from the rule's author: escaped as markdown, so that it cannot link, mention or embed HTML.
      markdown: `**Remediation**\n\n${escapeMarkdownBlock(remediation)}${references.length ? `\n\n**References**\n\n${references.map((url) => `- <${url}>`).join('\n')}` : ''}`,
    },
    ...(references[0] ? { helpUri: references[0] } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      'security-severity': SECURITY_SEVERITY[rule.severity],
      precision: 'high',
      'problem.severity': rule.severity === 'critical' || rule.severity === 'high' ? 'error' : rule.severity === 'medium' ? 'warning' : 'recommendation',
      // The category and the frameworks' own ids, as many as GitHub shows; every mapping is in each result's properties.frameworks.
      tags: ['security', rule.category, ...frameworkTags].slice(0, MAX_SARIF_TAGS),
    },
  };
}

function resultOf(finding: Finding, ruleIndex: number, withBaseline: boolean): Sarif.Result {
  const resource = finding.resource;
  const text = escapeSarifText(`${finding.message}${finding.path ? ` Attack path: ${finding.path.join(' -> ')}.` : ''}`);
  const sarifResult: Sarif.Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    kind: 'fail',
    level: LEVEL[finding.severity],
    message: { text: text.endsWith('.') ? text : `${text}.` },
    locations: [
      {
        physicalLocation: {
          // A planned resource's block in the repository, so code scanning shows it on the pull request's lines.
          artifactLocation: { uri: resource.terraform?.file ? encodeURI(resource.terraform.file) : resourceUri(finding) },
          region: { startLine: resource.terraform?.line ?? 1 },
        },
        logicalLocations: [
          { fullyQualifiedName: escapeText(resource.id), kind: 'resource' },
          ...(resource.terraform && resource.id !== `terraform:${resource.terraform.address}` ? [{ fullyQualifiedName: escapeText(resource.terraform.address), kind: 'resource' }] : []),
        ],
      },
    ],
    partialFingerprints: { 'aispmFindingId/v1': finding.id },
    properties: {
      score: finding.score,
      severity: finding.severity,
      resourceId: resource.id,
      resourceType: resource.type,
      provider: resource.provider,
      account: resource.account,
      region: resource.region,
      ...(finding.path ? { path: finding.path } : {}),
      ...(finding.includes ? { includes: finding.includes.map((included) => included.ruleId) } : {}),
      ...(finding.steps ? { steps: finding.steps } : {}),
      ...(finding.partOf ? { partOf: finding.partOf } : {}),
      frameworks: finding.frameworks,
    },
  };
  if (finding.status === 'suppressed') {
    sarifResult.suppressions = [{ kind: 'external', status: 'accepted', justification: escapeText(finding.suppression?.reason ?? 'suppressed') }];
  }
  if (withBaseline && finding.status !== 'suppressed') sarifResult.baselineState = finding.status === 'existing' ? 'unchanged' : 'new';
  return sarifResult;
}

function resourceUri(finding: Finding): string {
  const { provider, account, region, type, name } = finding.resource;
  return ['cloud', provider, account || '-', region || '-', type, name || finding.resource.id].map((part) => encodeURIComponent(part)).join('/');
}

function pascalCase(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
