import type { Ancestry } from './ancestry.js';
import type { IamPolicy } from './iam.js';

/**
 * Data Access audit logs for Vertex AI: the auditConfigs of the project's IAM policy and of the
 * policies of its folders and organization, which the project inherits (a log type enabled at any
 * level is enabled below it). A config for `allServices` applies to every service.
 * https://cloud.google.com/logging/docs/audit/configure-data-access
 */

const VERTEX_AI_API = 'aiplatform.googleapis.com';

/** AuditLogConfig.LogType (google/iam/v1/policy.proto), names or the numbers behind them. */
const LOG_TYPES: Record<string, string> = { ADMIN_READ: 'ADMIN_READ', DATA_WRITE: 'DATA_WRITE', DATA_READ: 'DATA_READ', 1: 'ADMIN_READ', 2: 'DATA_WRITE', 3: 'DATA_READ' };

/** The log types enabled for a service across these policies, sorted. */
export function enabledLogTypes(service: string, policies: readonly IamPolicy[]): string[] {
  const types = policies
    .flatMap((policy) => policy.auditConfigs ?? [])
    .filter((config) => config.service === service || config.service === 'allServices')
    .flatMap((config) => config.auditLogConfigs ?? [])
    .map((config) => LOG_TYPES[String(config.logType)])
    .filter((type): type is string => type !== undefined);
  return [...new Set(types)].sort();
}

/**
 * The project props: the Data Access log types enabled for Vertex AI, and whether both data types
 * (DATA_READ, DATA_WRITE) are. A type found anywhere is enabled; a type not found is off only when
 * the project's policy and every ancestor's were read (else unknown, the props absent).
 */
export function vertexAiAuditProps(policy: IamPolicy | undefined, ancestry: Ancestry): { vertexAiDataAccessLogTypes?: string[]; vertexAiDataAccessLogs?: boolean } {
  const types = enabledLogTypes(VERTEX_AI_API, [...(policy ? [policy] : []), ...ancestry.policies]);
  const both = types.includes('DATA_READ') && types.includes('DATA_WRITE');
  if (policy && ancestry.complete) return { vertexAiDataAccessLogTypes: types, vertexAiDataAccessLogs: both };
  return both ? { vertexAiDataAccessLogs: true } : {};
}
