import { MonitorClient, type LogSettings } from '@azure/arm-monitor';
import { clientOptions } from './connection.js';
import { SERVICES, type AzureScan } from './session.js';

/** What a resource's diagnostic settings deliver: the log categories (or category groups) that reach a destination. */
export interface DiagnosticLogging {
  loggingEnabled: boolean;
  logCategories: string[];
}

export type DiagnosticLoggingReader = (resourceId: string) => Promise<DiagnosticLogging | undefined>;

/** Reads diagnostic settings of resources in one subscription; undefined when they could not be read. */
export function diagnosticLoggingReader(scan: AzureScan, subscriptionId: string): DiagnosticLoggingReader {
  const client = new MonitorClient(scan.connection.credential, subscriptionId, clientOptions(scan.connection));
  return async (resourceId) => {
    // The operation's path is "/{resourceUri}/providers/...": the id goes in without its leading slash.
    const settings = await scan.call(subscriptionId, SERVICES.diagnosticSettings, 'diagnosticSettings.list', () => client.diagnosticSettings.list(resourceId.replace(/^\/+/, '')));
    if (!settings) return undefined;
    const categories = new Set<string>();
    for (const setting of settings.value ?? []) {
      if (!setting.workspaceId && !setting.storageAccountId && !setting.eventHubAuthorizationRuleId) continue;
      for (const log of (setting.logs ?? []) as Array<LogSettings & { categoryGroup?: string }>) {
        const name = log.category ?? log.categoryGroup;
        if (log.enabled && name) categories.add(name);
      }
    }
    return { loggingEnabled: categories.size > 0, logCategories: [...categories].sort() };
  };
}
