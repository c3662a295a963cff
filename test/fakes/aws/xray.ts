import type { Operation, RestRequest } from './handlers.js';

/**
 * The fake's X-Ray (restJson1, signed as `xray`): the trace segment destination per region. us-east-1,
 * which runs AgentCore runtimes, still sends segments to X-Ray (Transaction Search off, the planted gap);
 * ap-southeast-2 sends them to CloudWatch Logs; elsewhere the default, X-Ray.
 */
const DESTINATIONS: Record<string, { Destination: 'XRay' | 'CloudWatchLogs'; Status: 'ACTIVE' | 'PENDING' }> = {
  'us-east-1': { Destination: 'XRay', Status: 'ACTIVE' },
  'ap-southeast-2': { Destination: 'CloudWatchLogs', Status: 'ACTIVE' },
};

export function xrayOperation(request: RestRequest): Operation | undefined {
  if (request.method !== 'POST' || request.path !== '/GetTraceSegmentDestination') return undefined;
  return {
    service: 'xray',
    action: 'xray:GetTraceSegmentDestination',
    operation: 'GetTraceSegmentDestination',
    run: () => DESTINATIONS[request.region] ?? { Destination: 'XRay', Status: 'ACTIVE' },
  };
}
