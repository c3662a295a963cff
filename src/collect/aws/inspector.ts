import { BatchGetAccountStatusCommand, Inspector2Client, type State } from '@aws-sdk/client-inspector2';
import { toRaw, type AwsAccount } from './session.js';

/**
 * Amazon Inspector per region: which of its scan types are on for the scanned account. Inspector is
 * regional, and BatchGetAccountStatus without account ids answers for the caller's own account. One
 * asset per region read, so that "functions that call models run where Inspector does not scan Lambda"
 * can be decided; how many such functions the region has is counted once IAM is read (countModelCallingFunctions).
 */

/** A scan type's status (ENABLED, DISABLED, ENABLING, ...); unknown when the answer leaves the scan type out. */
const statusOf = (state: State | undefined): string | undefined => state?.status ?? undefined;

export async function collectInspector(account: AwsAccount, region: string): Promise<string | undefined> {
  const client = account.client(Inspector2Client, region);
  const answer = await account.scope(region, 'inspector2').call('BatchGetAccountStatus', () => client.send(new BatchGetAccountStatusCommand({})));
  if (!answer) return undefined;
  const mine = answer.accounts?.find((candidate) => candidate.accountId === account.account);
  const id = `arn:${account.partition}:inspector2:${region}:${account.account}:scanning`;
  account.addAsset({
    id,
    type: 'aws.inspector.scanning',
    name: `inspector (${region})`,
    region,
    props: {
      status: statusOf(mine?.state),
      lambdaScanning: statusOf(mine?.resourceState?.lambda),
      lambdaCodeScanning: statusOf(mine?.resourceState?.lambdaCode),
      ecrScanning: statusOf(mine?.resourceState?.ecr),
    },
    raw: toRaw(mine ?? answer),
  });
  return id;
}

/**
 * Functions of the region whose role may call models (model-callers.ts), counted once IAM is read; unknown
 * when none was found and the region's functions could not be listed, or a candidate's role could not be read.
 */
export function countModelCallingFunctions(account: AwsAccount, region: string): number | undefined {
  const functions = [...account.modelCallers.values()].filter(({ draft }) => draft.region === region && draft.type === 'aws.lambda.function');
  const callers = functions.filter(({ draft }) => account.getAsset(draft.id)?.props.invokesModels === true).length;
  if (callers > 0) return callers;
  const undecided = functions.some(({ role }) => role !== undefined && account.modelInvocations.get(role)?.allowed === undefined);
  return account.scope(region, 'lambda').failed || undecided ? undefined : 0;
}
