import type { AssetDraft, AwsAccount } from './session.js';

/**
 * Direct model use ("shadow AI"): compute that calls Bedrock models with its own role, without any
 * Bedrock resource of its own. Lambda functions and ECS task definitions are listed in every region
 * (lambda.ts, ecs.ts); IAM then reads the policies of their roles (iam.ts). Those whose role may call
 * InvokeModel or InvokeModelWithResponseStream become assets, with their environment in `raw` for the
 * secret scan; the rest are not AI and are left out.
 */

/** A listed function or task definition, kept until its role is known. */
export function modelCallerCandidate(account: AwsAccount, draft: AssetDraft, role: string | undefined): void {
  account.modelCallers.set(draft.id, { draft, role });
  if (role) account.modelCallerRoles.add(role);
}

/** Adds the candidates whose role may call models; an asset already read (an agent's tool) learns the same properties. */
export function addModelCallers(account: AwsAccount): void {
  for (const [id, { draft, role }] of [...account.modelCallers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const invocation = role ? account.modelInvocations.get(role) : undefined;
    const props = { invokesModels: invocation?.allowed, modelInvocationGuardrail: invocation?.guardrailRequired };
    if (account.getAsset(id)) {
      account.patchProps(id, Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined)));
      continue;
    }
    if (invocation?.allowed !== true) continue;
    account.addAsset({ ...draft, props: { ...draft.props, ...props } });
    account.edge(id, 'uses-identity', role);
  }
}
