import { GetFunctionConcurrencyCommand, GetFunctionConfigurationCommand, LambdaClient, paginateListFunctions, type FunctionConfiguration } from '@aws-sdk/client-lambda';
import { forEachConcurrently } from '../runtime.js';
import { arnName } from './arn.js';
import { runtimeDeprecatedOn } from './lambda-runtimes.js';
import { modelCallerCandidate } from './model-callers.js';
import { toRaw, type AwsAccount } from './session.js';

/**
 * Lambda functions: those that agents and flows invoke as tools (the role they run as, which an
 * agent's tools act with), and every function of a region as a candidate model caller (see
 * model-callers.ts). Their environment goes into `raw` for the secret scan; props keep only the names.
 */

function functionProps(configuration: FunctionConfiguration): Record<string, unknown> {
  return {
    runtime: configuration.Runtime ?? null,
    runtimeDeprecatedOn: runtimeDeprecatedOn(configuration.Runtime) ?? null,
    runtimeDeprecated: configuration.Runtime === undefined ? null : runtimeDeprecatedOn(configuration.Runtime) !== null,
    environmentVariables: Object.keys(configuration.Environment?.Variables ?? {}).sort(),
    promptEnvironmentVariables: Object.entries(configuration.Environment?.Variables ?? {})
      .filter(([, value]) => looksLikePrompt(value))
      .map(([name]) => name)
      .sort(),
  };
}

/**
 * Phrases that instruct a model, as system prompts are written. A value holds a system prompt when it
 * is at least PROMPT_MIN_LENGTH characters long and has at least two different phrases (the AWS AI/ML
 * security assessment's OW-11 heuristic); only the variable's name is kept.
 */
const PROMPT_PHRASES = [
  'you are a',
  'you are an',
  'your role is',
  'your task is',
  'you must',
  'you should',
  'never reveal',
  'do not reveal',
  'do not disclose',
  'do not mention',
  'always respond',
  'respond only',
  'only answer',
  'answer only',
  'as an ai',
  'system prompt',
  'stay in character',
  'under no circumstances',
];
const PROMPT_MIN_LENGTH = 200;
/** Whole words only: "you are a" is not found in "you are an". */
const PROMPT_PATTERNS = PROMPT_PHRASES.map((phrase) => new RegExp(`\\b${phrase.replace(/ /g, '\\s+')}\\b`, 'i'));

export function looksLikePrompt(value: string | undefined): boolean {
  if (!value || value.length < PROMPT_MIN_LENGTH) return false;
  return PROMPT_PATTERNS.filter((pattern) => pattern.test(value)).length >= 2;
}

export async function collectFunctions(account: AwsAccount): Promise<void> {
  await forEachConcurrently([...account.functions], async ([id, { region }]) => {
    const client = account.client(LambdaClient, region);
    const scope = account.scope(region, 'lambda');
    const [configuration, concurrency] = await Promise.all([
      scope.call('GetFunctionConfiguration', () => client.send(new GetFunctionConfigurationCommand({ FunctionName: id }))),
      // The functions agents, flows and gateways call as tools: how many of their runs may be in flight at once.
      scope.call('GetFunctionConcurrency', () => client.send(new GetFunctionConcurrencyCommand({ FunctionName: id }))),
    ]);
    if (configuration) account.edge(id, 'uses-identity', account.role(configuration.Role));
    account.addAsset({
      id,
      type: 'aws.lambda.function',
      name: arnName(id),
      region,
      props: {
        ...(configuration ? functionProps(configuration) : {}),
        // The member is left out when no reserved concurrency is configured.
        ...(concurrency ? { reservedConcurrency: concurrency.ReservedConcurrentExecutions ?? null } : {}),
      },
      raw: configuration && toRaw(configuration),
    });
  });
}

/** Every function of the region (ListFunctions gives each one's configuration, environment included), kept if its role may call models. */
export async function listModelCallerFunctions(account: AwsAccount, region: string): Promise<void> {
  const client = account.client(LambdaClient, region);
  const functions = await account.scope(region, 'lambda').list('ListFunctions', paginateListFunctions({ client }, {}), (page) => page.Functions);
  for (const configuration of functions ?? []) {
    const id = configuration.FunctionArn;
    if (!id || !configuration.FunctionName) continue;
    modelCallerCandidate(account, { id, type: 'aws.lambda.function', name: configuration.FunctionName, region, props: functionProps(configuration), raw: toRaw(configuration) }, configuration.Role);
  }
}
