import { BedrockClient, GetGuardrailCommand, type GetGuardrailResponse } from '@aws-sdk/client-bedrock';
import { forEachConcurrently } from '../runtime.js';
import { arnName, parseArn } from './arn.js';
import { guardrailPolicyProps } from './guardrail-policies.js';
import { customerManagedKey, toRaw, type AwsAccount } from './session.js';

/**
 * Bedrock guardrails as they are in force. A guardrail's working draft is what ListGuardrails and
 * GetGuardrail (without a version) give; agents, agent versions and flows name a published version
 * (or DRAFT), and that version's policies are what screens their traffic. Each version something
 * names is read with GetGuardrail(guardrailVersion) and becomes an asset of its own,
 * `<guardrail ARN>:<version>`, that the `guarded-by` edges point at.
 *
 * A filter protects only where it acts: each filter has `inputAction`/`outputAction` (BLOCK,
 * ANONYMIZE for sensitive information, or NONE: detect only) and `inputEnabled`/`outputEnabled`.
 * Guardrails made before those fields existed have none of them (the Bedrock model 2023-04-20 of
 * April 2025 lacks them; their filters could only act), so an absent action reads as the one the
 * filter always had (BLOCK; for sensitive information, the entity's `action`) and absent `enabled` as
 * enabled. An action value this SDK does not know makes the property unknown.
 */

/** A guardrail named by id or ARN (agents, flows) as the ARN the guardrail asset has. */
export function guardrailArn(account: AwsAccount, region: string, identifier: string | undefined): string | undefined {
  if (!identifier) return undefined;
  return identifier.startsWith('arn:') ? identifier : `arn:${account.partition}:bedrock:${region}:${account.account}:guardrail/${identifier}`;
}

/**
 * The asset of the guardrail version a configuration names: the draft's id for DRAFT, else
 * `<ARN>:<version>`, to be read by `collectGuardrailVersions`. Undefined when no guardrail is named.
 */
export function guardrailInForce(account: AwsAccount, region: string, configuration: { guardrailIdentifier?: string; guardrailVersion?: string } | undefined): string | undefined {
  const arn = guardrailArn(account, region, configuration?.guardrailIdentifier);
  if (!arn) return undefined;
  const home = parseArn(arn)?.region || region;
  const version = configuration?.guardrailVersion;
  // Agents and flows require a version with the identifier; one left out is read as the draft it would be in the console.
  if (!version || version === 'DRAFT') return account.expect(arn, 'aws.bedrock.guardrail', home);
  const id = `${arn}:${version}`;
  if (!account.guardrailVersions.has(id)) account.guardrailVersions.set(id, { arn, version, region: home });
  return id;
}

/** A guardrail version read with GetGuardrail, as an asset's properties and record. */
export function guardrailAsset(account: AwsAccount, region: string, guardrail: GetGuardrailResponse, id: string): { props: Record<string, unknown>; raw: unknown } {
  account.encryptedBy(id, guardrail.kmsKeyArn, region);
  return { props: { ...guardrailPolicyProps(guardrail), customerManagedKey: customerManagedKey(guardrail.kmsKeyArn) }, raw: toRaw(guardrail) };
}

/** Reads the published guardrail versions that agents, agent versions and flows name. */
export async function collectGuardrailVersions(account: AwsAccount): Promise<void> {
  await forEachConcurrently([...account.guardrailVersions], async ([id, { arn, version, region }]) => {
    const client = account.client(BedrockClient, region);
    const guardrail = await account.scope(region, 'bedrock').call('GetGuardrail', () => client.send(new GetGuardrailCommand({ guardrailIdentifier: arn, guardrailVersion: version })));
    if (!guardrail) {
      account.markEdgesUnread(id, 'encrypted-by');
      account.addAsset({ id, type: 'aws.bedrock.guardrail', name: `${arnName(arn)}:${version}`, region, props: { version } });
      return;
    }
    account.addAsset({ id, type: 'aws.bedrock.guardrail', name: `${guardrail.name ?? arnName(arn)}:${version}`, region, ...guardrailAsset(account, region, guardrail, id) });
  });
}
