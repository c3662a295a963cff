import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { forEachConcurrently } from '../runtime.js';
import { arnName } from './arn.js';
import { toRaw, type AwsAccount } from './session.js';

/**
 * Lambda functions that agents and flows invoke as tools: the role they run as (an agent's tools act
 * with it) and their environment, which goes into `raw` for the secret scan.
 */
export async function collectFunctions(account: AwsAccount): Promise<void> {
  await forEachConcurrently([...account.functions], async ([id, { region }]) => {
    const client = account.client(LambdaClient, region);
    const configuration = await account.scope(region, 'lambda').call('GetFunctionConfiguration', () => client.send(new GetFunctionConfigurationCommand({ FunctionName: id })));
    if (configuration) account.edge(id, 'uses-identity', account.role(configuration.Role));
    account.addAsset({
      id,
      type: 'aws.lambda.function',
      name: arnName(id),
      region,
      props: configuration ? { runtime: configuration.Runtime ?? null } : {},
      raw: configuration && toRaw(configuration),
    });
  });
}
