import { ACCOUNT, PLANTED_SECRETS, daysAgo, roleArn } from './estate.js';
import { FakeError } from './handlers.js';
import { paged } from './protocols.js';

/**
 * The fake's ECS (awsJson1_1, target prefix AmazonEC2ContainerServiceV20141113, signed as `ecs`): task
 * definitions in us-east-1. chat-backend's task role calls models without a guardrail condition and
 * its environment holds a token; rag-api (the hardened twin) must name a guardrail and takes its
 * secret from Secrets Manager; nightly-etl calls no model and stays out of the inventory.
 */

const US = 'us-east-1';
const taskDefinitionArn = (family: string, revision: number) => `arn:aws:ecs:${US}:${ACCOUNT}:task-definition/${family}:${revision}`;

interface FakeFamily {
  /** Revisions, oldest first; INACTIVE ones are deregistered. */
  revisions: Array<Record<string, unknown>>;
}

function revision(family: string, number: number, status: 'ACTIVE' | 'INACTIVE', taskRole: string | undefined, containers: Array<Record<string, unknown>>): Record<string, unknown> {
  return {
    taskDefinitionArn: taskDefinitionArn(family, number),
    family,
    revision: number,
    ...(taskRole ? { taskRoleArn: roleArn(taskRole) } : {}),
    executionRoleArn: roleArn('EcsTaskExecutionRole'),
    networkMode: 'awsvpc',
    status,
    requiresCompatibilities: ['FARGATE'],
    compatibilities: ['EC2', 'FARGATE'],
    cpu: '512',
    memory: '1024',
    registeredAt: daysAgo(30 - number),
    registeredBy: `arn:aws:iam::${ACCOUNT}:role/deployer`,
    containerDefinitions: containers,
  };
}

export const TASK_DEFINITIONS: Record<string, Record<string, FakeFamily>> = {
  [US]: {
    'chat-backend': {
      revisions: [
        revision('chat-backend', 1, 'INACTIVE', 'ChatBackendTaskRole', [{ name: 'app', image: `${ACCOUNT}.dkr.ecr.${US}.amazonaws.com/chat-backend:1.0`, essential: true, environment: [] }]),
        revision('chat-backend', 2, 'ACTIVE', 'ChatBackendTaskRole', [
          {
            name: 'app',
            image: `${ACCOUNT}.dkr.ecr.${US}.amazonaws.com/chat-backend:1.1`,
            essential: true,
            environment: [
              { name: 'MODEL_ID', value: 'anthropic.claude-3-5-sonnet-20240620-v1:0' },
              { name: 'HF_TOKEN', value: PLANTED_SECRETS.huggingFaceToken },
            ],
          },
        ]),
      ],
    },
    'rag-api': {
      revisions: [
        revision('rag-api', 7, 'ACTIVE', 'RagApiTaskRole', [
          {
            name: 'api',
            image: `${ACCOUNT}.dkr.ecr.${US}.amazonaws.com/rag-api:3.2`,
            essential: true,
            environment: [{ name: 'MODEL_ID', value: 'amazon.nova-pro-v1:0' }],
            secrets: [{ name: 'VECTOR_DB_PASSWORD', valueFrom: `arn:aws:secretsmanager:${US}:${ACCOUNT}:secret:rag-api/db-AbCdEf` }],
          },
        ]),
      ],
    },
    'nightly-etl': {
      revisions: [revision('nightly-etl', 3, 'ACTIVE', 'EtlTaskRole', [{ name: 'etl', image: 'public.ecr.aws/docker/library/python:3.12', essential: true, environment: [{ name: 'DB_PASSWORD', value: 'Summer2024!Summer2024!' }] }])],
    },
  },
};

type Input = Record<string, unknown>;

export function ecsOperation(operation: string, input: Input, region: string): (() => unknown) | undefined {
  const families = TASK_DEFINITIONS[region] ?? {};
  const active = (family: FakeFamily) => family.revisions.filter((candidate) => candidate.status === 'ACTIVE');
  const handlers: Record<string, () => unknown> = {
    ListTaskDefinitionFamilies: () => {
      const names = Object.keys(families)
        .filter((name) => input.status !== 'ACTIVE' || active(families[name]!).length > 0)
        .sort();
      const page = paged(names, input.nextToken as string | undefined);
      return { families: page.items, nextToken: page.next };
    },
    DescribeTaskDefinition: () => {
      // A family name without a revision means its latest ACTIVE revision.
      const reference = String(input.taskDefinition ?? '');
      const [name, number] = reference.replace(/^arn:[^/]+\//, '').split(':');
      const family = families[name ?? ''];
      const found = family && (number === undefined ? active(family).at(-1) : family.revisions.find((candidate) => String(candidate.revision) === number));
      if (!found) throw new FakeError('ClientException', 'Unable to describe task definition.', 400);
      return { taskDefinition: found };
    },
  };
  return handlers[operation];
}
