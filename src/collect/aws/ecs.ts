import { DescribeTaskDefinitionCommand, ECSClient, paginateListTaskDefinitionFamilies } from '@aws-sdk/client-ecs';
import { forEachConcurrently } from '../runtime.js';
import { modelCallerCandidate } from './model-callers.js';
import { toRaw, type AwsAccount } from './session.js';

/**
 * ECS task definitions as candidate model callers (see model-callers.ts): the latest active revision
 * of every family in the region, with the task role its containers call AWS with, their images and
 * their plain environment (into `raw`, for the secret scan; props keep only the names).
 */
export async function listModelCallerTaskDefinitions(account: AwsAccount, region: string): Promise<void> {
  const client = account.client(ECSClient, region);
  const scope = account.scope(region, 'ecs');
  const families = await scope.list('ListTaskDefinitionFamilies', paginateListTaskDefinitionFamilies({ client }, { status: 'ACTIVE' }), (page) => page.families);
  await forEachConcurrently(families ?? [], async (family) => {
    // A family name gives its latest ACTIVE revision (ECS API reference, DescribeTaskDefinition taskDefinition).
    const definition = (await scope.call('DescribeTaskDefinition', () => client.send(new DescribeTaskDefinitionCommand({ taskDefinition: family }))))?.taskDefinition;
    if (!definition?.taskDefinitionArn) return;
    const containers = definition.containerDefinitions ?? [];
    // The id leaves out the revision, so that a finding keeps its fingerprint across deployments.
    const id = definition.taskDefinitionArn.replace(/:\d+$/, '');
    modelCallerCandidate(
      account,
      {
        id,
        type: 'aws.ecs.task-definition',
        name: definition.family ?? family,
        region,
        props: {
          revision: definition.revision ?? null,
          networkMode: definition.networkMode ?? null,
          images: [...new Set(containers.flatMap((container) => container.image ?? []))].sort(),
          environmentVariables: [...new Set(containers.flatMap((container) => (container.environment ?? []).flatMap((variable) => variable.name ?? [])))].sort(),
          executionRoleArn: definition.executionRoleArn ?? null,
        },
        raw: toRaw(definition),
      },
      definition.taskRoleArn,
    );
  });
}
