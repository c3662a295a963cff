import { ACCOUNT } from './estate.js';
import type { Operation, RestRequest } from './handlers.js';

/**
 * The fake's Amazon Inspector (restJson1, signed as `inspector2`): BatchGetAccountStatus for the
 * caller's account, per region. us-east-1, where functions that call models run, scans Lambda
 * packages but not Lambda code (the planted gap); ap-southeast-2 scans everything (the hardened
 * twin); eu-west-1 never activated Inspector. The model marks `errorCode` and `errorMessage` of every
 * state required, so they are sent with each one.
 */

const state = (status: 'ENABLED' | 'DISABLED') => ({ status, errorCode: status === 'ENABLED' ? 'ALREADY_ENABLED' : 'RESOURCE_NOT_FOUND', errorMessage: status === 'ENABLED' ? 'Scanning is enabled' : 'Scanning is not enabled' });

type Status = 'ENABLED' | 'DISABLED';
const account = (overall: Status, scans: { ec2: Status; ecr: Status; lambda: Status; lambdaCode: Status }) => ({
  accountId: ACCOUNT,
  state: state(overall),
  resourceState: { ec2: state(scans.ec2), ecr: state(scans.ecr), lambda: state(scans.lambda), lambdaCode: state(scans.lambdaCode) },
});

export const INSPECTOR: Record<string, ReturnType<typeof account>> = {
  'us-east-1': account('ENABLED', { ec2: 'ENABLED', ecr: 'ENABLED', lambda: 'ENABLED', lambdaCode: 'DISABLED' }),
  'ap-southeast-2': account('ENABLED', { ec2: 'ENABLED', ecr: 'ENABLED', lambda: 'ENABLED', lambdaCode: 'ENABLED' }),
};
const NEVER_ACTIVATED = account('DISABLED', { ec2: 'DISABLED', ecr: 'DISABLED', lambda: 'DISABLED', lambdaCode: 'DISABLED' });

export function inspectorOperation(request: RestRequest): Operation | undefined {
  if (request.method !== 'POST' || request.path !== '/status/batch/get') return undefined;
  return {
    service: 'inspector2',
    action: 'inspector2:BatchGetAccountStatus',
    operation: 'BatchGetAccountStatus',
    run: () => ({ accounts: [INSPECTOR[request.region] ?? NEVER_ACTIVATED], failedAccounts: [] }),
  };
}
