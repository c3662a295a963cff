import type { ScanResult } from '../scan.js';

export interface ReportOptions {
  /** Colours (table only); false for NO_COLOR, --no-color and non-terminals. */
  color: boolean;
  /** Terminal width for the table. */
  width: number;
}

/** A reporter renders a scan result as chunks of text (so large results can be streamed). */
export type Reporter = (result: ScanResult, options: ReportOptions) => Iterable<string>;

export const SCAN_FORMATS = ['table', 'json', 'sarif', 'markdown', 'html'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

export const INVENTORY_FORMATS = ['table', 'json', 'cyclonedx'] as const;
export type InventoryFormat = (typeof INVENTORY_FORMATS)[number];

/** `scan --compliance`: the compliance view in the text formats (JSON carries it in the result, HTML shows it beside the findings). */
export async function loadComplianceReporter(format: 'table' | 'markdown'): Promise<Reporter> {
  const { renderComplianceMarkdown, renderComplianceTable } = await import('./compliance.js');
  return format === 'table' ? (result, options) => renderComplianceTable(result.compliance ?? [], options) : (result) => renderComplianceMarkdown(result.compliance ?? []);
}

/** One module per format, loaded only when used. */
export async function loadReporter(format: ScanFormat): Promise<Reporter> {
  switch (format) {
    case 'table':
      return (await import('./table.js')).renderTable;
    case 'json':
      return (await import('./json.js')).renderJson;
    case 'sarif':
      return (await import('./sarif.js')).renderSarif;
    case 'markdown':
      return (await import('./markdown.js')).renderMarkdown;
    case 'html':
      return (await import('./html.js')).renderHtml;
  }
}
