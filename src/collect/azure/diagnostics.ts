import { MonitorClient, type DiagnosticSettingsResource } from '@azure/arm-monitor';
import { drain } from './arm.js';
import { modularClientOptions } from './connection.js';
import { SERVICES, type AzureScan } from './session.js';

/**
 * Diagnostic settings, read at api-version 2021-05-01-preview (`@azure/arm-monitor` 8): the first
 * version with category groups (`allLogs`, `audit`, which the portal and Azure Policy write) and
 * marketplace partner destinations. At 2017-05-01-preview, which `@azure/arm-monitor` 7 sent, a log
 * entry chosen by category group comes back with neither category nor group, so such settings read
 * as delivering nothing.
 */

/** What a resource's diagnostic settings deliver: the log categories (or category groups) that reach a destination. */
export interface DiagnosticLogging {
  loggingEnabled: boolean;
  logCategories: string[];
}

export type DiagnosticLoggingReader = (resourceId: string) => Promise<DiagnosticLogging | undefined>;

/** Reads diagnostic settings of resources in one subscription; undefined when they could not be read. */
export function diagnosticLoggingReader(scan: AzureScan, subscriptionId: string): DiagnosticLoggingReader {
  const client = new MonitorClient(scan.connection.credential, modularClientOptions(scan.connection));
  return async (resourceId) => {
    // The operation's path is "/{+resourceUri}/providers/...": the id goes in without its leading slash.
    const settings = await scan.call(subscriptionId, SERVICES.diagnosticSettings, 'diagnosticSettings.list', () => drain(client.diagnosticSettings.list(resourceId.replace(/^\/+/, ''))));
    return settings ? deliveredLogs(settings) : undefined;
  };
}

/**
 * The log categories and category groups that settings with a destination have enabled. A
 * destination is any of the four kinds: a Log Analytics workspace, a storage account, an event hub
 * (its authorization rule, or the older service bus rule id), or a marketplace partner solution.
 */
export function deliveredLogs(settings: readonly DiagnosticSettingsResource[]): DiagnosticLogging {
  const categories = new Set<string>();
  for (const setting of settings) {
    const destinations = [setting.workspaceId, setting.storageAccountId, setting.eventHubAuthorizationRuleId, setting.serviceBusRuleId, setting.marketplacePartnerId];
    if (!destinations.some((destination) => typeof destination === 'string' && destination.length > 0)) continue;
    for (const log of setting.logs ?? []) {
      const name = log.category ?? log.categoryGroup;
      if (log.enabled && name) categories.add(name);
    }
  }
  return { loggingEnabled: categories.size > 0, logCategories: [...categories].sort() };
}
