import type { GetGuardrailResponse } from '@aws-sdk/client-bedrock';
import type { ContainerDefinition } from '@aws-sdk/client-sagemaker';
import { guardrailPolicyProps } from '../collect/aws/guardrail-policies.js';
import { OUTDATED_NOTEBOOK_PLATFORMS } from '../collect/aws/notebook-platforms.js';
import { servedModel, volumeKeyApplies } from '../collect/aws/sagemaker-models.js';
import { assumeRoleWildcards, bucketAccess, grantsAdmin, grantsWildcardActions, parsePolicyDocument, principals, type PolicyStatement } from '../collect/aws/iam-policy.js';
import { knownManagedPolicy } from '../collect/aws/managed-policies.js';
import type { PlannedInventory, ResourceMapping } from './mapping.js';
import { blockItems, blockOf, booleanOr, enabledFlag, knownString, marksAt, stringOrNull } from './mapping.js';
import { resourceTypeOf, type PlannedResource } from './plan.js';

/**
 * The AWS provider's resources (hashicorp/aws, https://registry.terraform.io/providers/hashicorp/aws)
 * as the AWS collector's asset types: the same types, properties and edges, so the built-in rules run
 * unchanged on a plan. An attribute known only after apply stays unknown. Each entry names the
 * resource's arguments it reads; docs/asset-types.md lists the resource types.
 */
export const AWS_RESOURCES: Readonly<Record<string, ResourceMapping>> = {
  aws_sagemaker_notebook_instance: {
    assetType: 'aws.sagemaker.notebook-instance',
    reads:
      'direct_internet_access, root_access (the provider\'s default Enabled is in the plan), kms_key_id (a key of the plan is customer managed), subnet_id, instance_metadata_service_configuration, platform_identifier, lifecycle_config_name, instance_type; role_arn and kms_key_id references become uses-identity and encrypted-by edges',
    edges: { role_arn: 'uses-identity', kms_key_id: 'encrypted-by' },
    props: (resource, plan) => {
      const values = resource.values;
      // The provider's defaults, Enabled for both, are in the planned values when not configured.
      const direct = enabledFlag(values.direct_internet_access, 'Enabled', 'Disabled');
      const platform = knownString(values.platform_identifier);
      const imds = blockOf(values.instance_metadata_service_configuration);
      return {
        internetExposed: false,
        internetEgress: direct === true ? true : undefined,
        networkIsolated: direct === true ? false : undefined,
        directInternetAccess: direct,
        rootAccess: enabledFlag(values.root_access, 'Enabled', 'Disabled'),
        kmsKeyId: values.kms_key_id === null ? null : knownString(values.kms_key_id),
        customerManagedKey: plan.customerManagedKey(resource, 'kms_key_id'),
        subnetId: values.subnet_id === null ? null : knownString(values.subnet_id),
        // No block: the instance is created with IMDSv1 accepted (CreateNotebookInstance's default), which the collector reads as null.
        minimumImdsVersion: imds === null ? null : imds === undefined ? undefined : (knownString(imds.minimum_instance_metadata_service_version) ?? (imds.minimum_instance_metadata_service_version === null ? null : undefined)),
        platformIdentifier: values.platform_identifier === null ? null : platform,
        outdated: platform === undefined ? undefined : OUTDATED_NOTEBOOK_PLATFORMS.test(platform),
        lifecycleConfigName: values.lifecycle_config_name === null ? null : knownString(values.lifecycle_config_name),
        instanceType: knownString(values.instance_type),
      };
    },
  },
  aws_iam_role: {
    assetType: 'aws.iam.role',
    global: true,
    reads:
      'assume_role_policy (trusted services and principals), permissions_boundary, inline_policy, managed_policy_arns, and the aws_iam_role_policy and aws_iam_role_policy_attachment resources that name it (documents of aws_iam_policy resources of the plan, or the well-known AWS managed policies): admin, wildcardActions, assumeRoleWildcards, and reads-data/writes-data edges to the plan\'s buckets',
    props: (resource) => {
      const trust = parsePolicyDocument(knownString(resource.values.assume_role_policy));
      return {
        trustedServices: trust && principals(trust, 'Service'),
        trustedPrincipals: trust && principals(trust, 'AWS'),
        permissionsBoundary: resource.values.permissions_boundary === null ? null : knownString(resource.values.permissions_boundary),
      };
    },
  },
  aws_kms_key: {
    assetType: 'aws.kms.key',
    reads: 'enable_key_rotation, is_enabled, customer_master_key_spec (a key aispm plans is always customer managed)',
    name: (resource) => knownString(resource.values.description) || resource.name,
    props: (resource) => ({
      keyManager: 'CUSTOMER',
      // enable_key_rotation defaults to false; a key that cannot rotate (asymmetric, HMAC) has null, as GetKeyRotationStatus gives none.
      rotationEnabled: resource.values.customer_master_key_spec !== undefined && resource.values.customer_master_key_spec !== 'SYMMETRIC_DEFAULT' ? null : enabledBoolean(resource.values.enable_key_rotation),
      keyState: resource.values.is_enabled === false ? 'Disabled' : resource.values.is_enabled === true ? 'Enabled' : undefined,
    }),
  },
  aws_s3_bucket: {
    assetType: 'aws.s3.bucket',
    global: true,
    reads:
      'bucket (its ARN is the asset id, as a live scan gives it), and the aws_s3_bucket_versioning, aws_s3_bucket_server_side_encryption_configuration and aws_s3_bucket_public_access_block resources that name it; without them the setting is unknown',
    name: (resource) => knownString(resource.values.bucket),
    id: (resource) => {
      const bucket = knownString(resource.values.bucket);
      return bucket ? `arn:aws:s3:::${bucket}` : undefined;
    },
    props: () => ({ sensitiveData: true }),
  },
  aws_bedrock_guardrail: {
    assetType: 'aws.bedrock.guardrail',
    reads:
      'content_policy_config (filters_config: type, input_strength, output_strength, input_action, output_action, input_enabled, output_enabled; tier_config), contextual_grounding_policy_config, sensitive_information_policy_config (pii_entities_config, regexes_config), topic_policy_config (topics_config: name, definition, type, actions), word_policy_config, kms_key_arn; the working draft, as GetGuardrail gives it, judged by the collector\'s own function; an action known only after apply leaves what it decides unknown',
    edges: { kms_key_arn: 'encrypted-by' },
    id: (resource) => knownString(resource.values.guardrail_arn),
    // The live collector names the draft `<name>:DRAFT`; Terraform manages the draft.
    name: (resource) => {
      const name = knownString(resource.values.name);
      return name ? `${name}:DRAFT` : undefined;
    },
    props: (resource, plan) => ({
      ...guardrailPolicyProps(plannedGuardrail(resource)),
      version: 'DRAFT',
      kmsKeyArn: stringOrNull(resource.values.kms_key_arn),
      customerManagedKey: plan.customerManagedKey(resource, 'kms_key_arn'),
      status: knownString(resource.values.status),
    }),
  },
  aws_bedrockagent_agent: {
    assetType: 'aws.bedrock.agent',
    reads:
      'agent_name, foundation_model, guardrail_configuration (guardrail_identifier, guardrail_version), idle_session_ttl_in_seconds, customer_encryption_key_arn, prompt_override_configuration (prompt_creation_mode); agent_resource_role_arn, guardrail_configuration and customer_encryption_key_arn references become uses-identity, guarded-by and encrypted-by edges. Aliases are not read: a published version\'s guardrail stays unknown',
    edges: { agent_resource_role_arn: 'uses-identity', guardrail_configuration: 'guarded-by', customer_encryption_key_arn: 'encrypted-by' },
    id: (resource) => knownString(resource.values.agent_arn),
    name: (resource) => knownString(resource.values.agent_name),
    props: (resource, plan) => {
      const values = resource.values;
      const guardrail = blockOf(values.guardrail_configuration);
      const identifier = guardrail === null ? null : guardrail === undefined ? undefined : stringOrNull(guardrail.guardrail_identifier);
      const overrides = blockOf(values.prompt_override_configuration);
      const prompts = overrides ? blockItems(overrides.prompt_configurations, undefined).map(({ item }) => item.prompt_creation_mode) : [];
      return {
        modelId: stringOrNull(values.foundation_model),
        guardrailId: identifier,
        // An identifier without a version is read as the draft, as GetAgent's answer is.
        guardrailVersion: identifier === null ? null : identifier === undefined ? undefined : (stringOrNull(guardrail!.guardrail_version) ?? (guardrail!.guardrail_version === null ? null : undefined)),
        idleSessionTtlSeconds: typeof values.idle_session_ttl_in_seconds === 'number' ? values.idle_session_ttl_in_seconds : undefined,
        customerEncryptionKeyArn: stringOrNull(values.customer_encryption_key_arn),
        customerManagedKey: plan.customerManagedKey(resource, 'customer_encryption_key_arn'),
        promptOverride: overrides === null ? false : overrides === undefined || prompts.some((mode) => typeof mode !== 'string') ? undefined : prompts.includes('OVERRIDDEN'),
      };
    },
  },
  aws_bedrockagent_knowledge_base: {
    assetType: 'aws.bedrock.knowledge-base',
    reads:
      'name, knowledge_base_configuration (type), storage_configuration (type), role_arn (a reference becomes a uses-identity edge). Data sources are separate resources, not read: what the knowledge base reads stays unknown',
    edges: { role_arn: 'uses-identity' },
    props: (resource) => {
      const configuration = blockOf(resource.values.knowledge_base_configuration);
      const storage = blockOf(resource.values.storage_configuration);
      const type = configuration === null ? null : stringOrNull(configuration?.type);
      return {
        knowledgeBaseType: type,
        storageType: storage === null ? null : stringOrNull(storage?.type),
        // Only a managed knowledge base has a key of its own; the provider's block has none for it.
        kmsKeyArn: type === undefined || type === 'MANAGED' ? undefined : null,
        sensitiveData: true,
      };
    },
  },
  aws_sagemaker_model: {
    assetType: 'aws.sagemaker.model',
    reads:
      'primary_container and container (image, image_config.repository_access_mode, model_data_url, model_data_source.s3_data_source.s3_uri, model_package_name), enable_network_isolation (default false), vpc_config, tags; execution_role_arn references become uses-identity edges, model artifacts in the plan\'s buckets artifacts-in edges',
    edges: { execution_role_arn: 'uses-identity' },
    props: (resource) => {
      const containers = plannedContainers(resource.values);
      if (!containers) return {};
      const isolation = booleanOr(resource.values.enable_network_isolation, false);
      const vpc = blockOf(resource.values.vpc_config);
      const tags = resource.values.tags_all ?? resource.values.tags;
      return {
        ...servedModel(containers, tags !== null && typeof tags === 'object' ? (tags as Record<string, string>) : undefined),
        networkIsolation: isolation,
        networkIsolated: isolation,
        vpcConfigured: vpc === null ? false : vpc === undefined ? undefined : true,
        images: containers.flatMap((container) => (container.Image ? [container.Image] : [])),
        repositoryAccessModes: containers.map((container) => container.ImageConfig?.RepositoryAccessMode ?? 'Platform'),
        modelDataUrls: modelDataUrls(containers),
      };
    },
  },
  aws_sagemaker_endpoint_configuration: {
    assetType: 'aws.sagemaker.endpoint-config',
    reads:
      'production_variants (variant_name, model_name, instance_type, initial_instance_count, serverless_config), kms_key_arn, data_capture_config (enable_capture, destination_s3_uri); kms_key_arn references become encrypted-by edges, the capture bucket of the plan a logs-to edge',
    edges: { kms_key_arn: 'encrypted-by' },
    props: (resource, plan) => {
      const variants = plannedVariants(resource.values);
      const key = stringOrNull(resource.values.kms_key_arn);
      const capture = blockOf(resource.values.data_capture_config);
      const keyApplies = variants !== undefined && variants.length > 0 && variants.every((variant) => typeof variant.instanceType === 'string') && volumeKeyApplies(variants.map((variant) => variant.instanceType ?? undefined));
      return {
        kmsKeyId: key,
        // As for a live scan: no key where none can be set (serverless variants, local NVMe storage).
        customerManagedKey: key !== null ? plan.customerManagedKey(resource, 'kms_key_arn') : variants === undefined ? undefined : keyApplies ? false : null,
        dataCaptureEnabled: capture === null ? false : capture === undefined ? undefined : booleanOr(capture.enable_capture, false),
        variants,
      };
    },
  },
  aws_sagemaker_endpoint: {
    assetType: 'aws.sagemaker.endpoint',
    reads:
      'endpoint_config_name (a reference becomes a configured-by edge, and deploys edges to the configuration\'s models); status InService, which apply waits for; data capture and instance counts from the planned configuration (initial_instance_count, what the endpoint starts with). Monitoring schedules are not read: monitored-by stays unknown',
    edges: { endpoint_config_name: 'configured-by' },
    // Apply succeeds only once the endpoint is InService: the provider's create and update wait for
    // that status (hashicorp/terraform-provider-aws internal/service/sagemaker/endpoint.go, waitEndpointInService).
    props: () => ({ status: 'InService' }),
  },
  aws_sagemaker_domain: {
    assetType: 'aws.sagemaker.domain',
    reads:
      'domain_name, app_network_access_type (the provider\'s default PublicInternetOnly is in the plan), auth_mode, kms_key_id, vpc_id; default_user_settings.execution_role and kms_key_id references become uses-identity and encrypted-by edges',
    edges: { default_user_settings: 'uses-identity', kms_key_id: 'encrypted-by' },
    name: (resource) => knownString(resource.values.domain_name),
    props: (resource, plan) => {
      const access = stringOrNull(resource.values.app_network_access_type);
      return {
        // Studio is opened only through the domain's authenticated URL, as for a live scan.
        internetExposed: false,
        appNetworkAccessType: access,
        internetEgress: access === 'PublicInternetOnly' ? true : undefined,
        authMode: stringOrNull(resource.values.auth_mode),
        kmsKeyId: stringOrNull(resource.values.kms_key_id),
        customerManagedKey: plan.customerManagedKey(resource, 'kms_key_id'),
        vpcId: stringOrNull(resource.values.vpc_id),
      };
    },
  },
};

/** An action known only after apply: the guardrail functions read an action they do not know as unknown. */
const UNKNOWN_ACTION = 'known after apply';

/**
 * An aws_bedrock_guardrail as GetGuardrail would return its draft: the provider's blocks and arguments
 * carry the API's fields under snake_case names (`content_policy_config.filters_config` is
 * `contentPolicy.filters`). A direction whose action or enabled flag is known only after apply gets an
 * action the guardrail functions read as unknown.
 */
function plannedGuardrail(resource: PlannedResource): GetGuardrailResponse {
  const values = resource.values;
  const policy = (name: string) => ({ block: blockOf(values[name]) ?? undefined, marks: marksAt(marksAt(resource.unknown, name), 0) });
  const items = (parent: { block: Record<string, unknown> | undefined; marks: unknown }, name: string) => blockItems(parent.block?.[name], marksAt(parent.marks, name));
  const text = (value: unknown) => knownString(value);
  const flag = (value: unknown) => (typeof value === 'boolean' ? value : undefined);
  const directed = ({ item, marks }: { item: Record<string, unknown>; marks: unknown }) => {
    const action = (direction: 'input' | 'output') =>
      marksAt(marks, `${direction}_action`) === true || marksAt(marks, `${direction}_enabled`) === true ? UNKNOWN_ACTION : text(item[`${direction}_action`]);
    return { inputAction: action('input'), outputAction: action('output'), inputEnabled: flag(item.input_enabled), outputEnabled: flag(item.output_enabled) };
  };
  const content = policy('content_policy_config');
  const grounding = policy('contextual_grounding_policy_config');
  const sensitive = policy('sensitive_information_policy_config');
  const topics = policy('topic_policy_config');
  const words = policy('word_policy_config');
  const tier = blockOf(content.block?.tier_config);
  return {
    contentPolicy: content.block && {
      filters: items(content, 'filters_config').map((filter) => ({ type: text(filter.item.type), inputStrength: text(filter.item.input_strength), outputStrength: text(filter.item.output_strength), ...directed(filter) })),
      tier: tier ? { tierName: text(tier.tier_name) } : undefined,
    },
    contextualGroundingPolicy: grounding.block && {
      filters: items(grounding, 'filters_config').map(({ item, marks }) => ({
        type: text(item.type),
        threshold: typeof item.threshold === 'number' ? item.threshold : undefined,
        action: marksAt(marks, 'action') === true || marksAt(marks, 'enabled') === true ? UNKNOWN_ACTION : text(item.action),
        enabled: flag(item.enabled),
      })),
    },
    sensitiveInformationPolicy: sensitive.block && {
      piiEntities: items(sensitive, 'pii_entities_config').map((entity) => ({ type: text(entity.item.type), action: text(entity.item.action), ...directed(entity) })),
      regexes: items(sensitive, 'regexes_config').map((regex) => ({ name: text(regex.item.name), pattern: text(regex.item.pattern), action: text(regex.item.action), ...directed(regex) })),
    },
    topicPolicy: topics.block && { topics: items(topics, 'topics_config').map((topic) => ({ name: text(topic.item.name), definition: text(topic.item.definition), ...directed(topic) })) },
    wordPolicy: words.block && {
      words: items(words, 'words_config').map((word) => ({ text: text(word.item.text), ...directed(word) })),
      managedWordLists: items(words, 'managed_word_lists_config').map((list) => ({ type: text(list.item.type), ...directed(list) })),
    },
  } as GetGuardrailResponse;
}

/** A SageMaker model's containers as DescribeModel gives them; undefined when a container block is known only after apply. */
function plannedContainers(values: Record<string, unknown>): ContainerDefinition[] | undefined {
  const blocks = [values.primary_container, values.container];
  if (blocks.some((block) => block !== null && !Array.isArray(block))) return undefined;
  return blocks.flatMap((block) =>
    blockItems(block, undefined).map(({ item }) => {
      const imageConfig = blockOf(item.image_config);
      const source = blockOf(blockOf(item.model_data_source)?.s3_data_source);
      return {
        Image: knownString(item.image),
        ImageConfig: imageConfig ? { RepositoryAccessMode: knownString(imageConfig.repository_access_mode) as 'Platform' | 'Vpc' | undefined } : undefined,
        ModelDataUrl: knownString(item.model_data_url),
        ModelDataSource: source ? { S3DataSource: { S3Uri: knownString(source.s3_uri), S3DataType: undefined, CompressionType: undefined } } : undefined,
        ModelPackageName: knownString(item.model_package_name),
      } as ContainerDefinition;
    }),
  );
}

function modelDataUrls(containers: ContainerDefinition[]): string[] {
  return containers.flatMap((container) => {
    const uri = container.ModelDataUrl ?? container.ModelDataSource?.S3DataSource?.S3Uri;
    return uri ? [uri] : [];
  });
}

interface PlannedVariant {
  name: string | null;
  instanceType: string | null;
  initialInstanceCount: number | null;
  modelName: string | null;
}

/** An endpoint configuration's production variants as DescribeEndpointConfig lists them; undefined when a part is known only after apply. */
function plannedVariants(values: Record<string, unknown>): PlannedVariant[] | undefined {
  if (!Array.isArray(values.production_variants)) return undefined;
  const variants = blockItems(values.production_variants, undefined).map(({ item }) => ({
    name: stringOrNull(item.variant_name),
    instanceType: stringOrNull(item.instance_type),
    initialInstanceCount: typeof item.initial_instance_count === 'number' ? item.initial_instance_count : item.initial_instance_count === null ? null : undefined,
    modelName: stringOrNull(item.model_name),
  }));
  return variants.some((variant) => Object.values(variant).includes(undefined)) ? undefined : (variants as PlannedVariant[]);
}

function enabledBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** The policies the plan gives a role, from the role's own arguments and the resources that attach to it. */
interface RolePolicies {
  statements: PolicyStatement[];
  complete: boolean;
  admin: boolean | undefined;
  wildcardActions: boolean | undefined;
  attached: string[];
  inline: string[];
}

/**
 * What the resources that only attach something to another add to it: policies to roles (inline,
 * `aws_iam_role_policy`, `aws_iam_role_policy_attachment` with managed policies of the plan or the
 * well-known AWS managed ones), and a bucket's versioning, default encryption and Block Public Access.
 * Then the data and assume-role edges that the roles' policies draw to the plan's buckets and roles.
 */
export function completeAws(plan: PlannedInventory): void {
  const roles = plan.assetsOfType('aws.iam.role');
  const policyDocuments = new Map<string, PolicyStatement[] | undefined>();
  for (const policy of plan.resourcesOfType('aws_iam_policy')) {
    const arn = knownString(policy.values.arn);
    const document = parsePolicyDocument(knownString(policy.values.policy));
    policyDocuments.set(policy.configAddress, document);
    if (arn) policyDocuments.set(arn, document);
  }
  for (const role of roles) {
    const resource = plan.resourceOf(role.id)!;
    const found: Array<{ statements: PolicyStatement[] | undefined; admin?: boolean; wildcardActions?: boolean }> = [];
    const inline: string[] = [];
    const attached: string[] = [];
    let complete = true;
    // Both are computed when not configured: known only after apply. A role being created then has none
    // but what this plan attaches; an existing role's are in the plan from its state.
    const created = resource.actions.includes('create');
    if (!created && (resource.unknown.inline_policy === true || resource.unknown.managed_policy_arns === true)) complete = false;
    for (const block of arrayOf(resource.values.inline_policy)) {
      const name = knownString(block.name);
      if (name) inline.push(name);
      found.push({ statements: parsePolicyDocument(knownString(block.policy)) });
    }
    const managed = resource.values.managed_policy_arns;
    if (Array.isArray(managed)) for (const arn of managed) attachManaged(typeof arn === 'string' ? arn : undefined, undefined);
    for (const policy of plan.attachedTo(role.id, 'aws_iam_role_policy', 'role')) {
      const name = knownString(policy.values.name);
      if (name) inline.push(name);
      found.push({ statements: parsePolicyDocument(knownString(policy.values.policy)) });
    }
    for (const attachment of plan.attachedTo(role.id, 'aws_iam_role_policy_attachment', 'role')) {
      attachManaged(knownString(attachment.values.policy_arn), plan.referenced(attachment, 'policy_arn').find((address) => policyDocuments.has(address)));
    }
    function attachManaged(arn: string | undefined, address: string | undefined): void {
      const known = arn ? knownManagedPolicy(arn) : undefined;
      const planned = address ?? (arn && policyDocuments.has(arn) ? arn : undefined);
      if (arn) attached.push(arn.slice(arn.lastIndexOf('/') + 1));
      if (planned !== undefined) found.push({ statements: policyDocuments.get(planned) });
      else if (known) found.push({ statements: known.statements, admin: known.admin, wildcardActions: known.wildcardActions });
      else complete = false;
    }
    complete &&= found.every((policy) => policy.statements !== undefined);
    const statements = found.flatMap((policy) => policy.statements ?? []);
    const anyOf = (pick: (policy: (typeof found)[number]) => boolean | undefined) => {
      const values = found.map(pick);
      return values.includes(true) ? true : complete && !values.includes(undefined) ? false : undefined;
    };
    const policies: RolePolicies = {
      statements,
      complete,
      admin: anyOf((policy) => policy.admin ?? (policy.statements && grantsAdmin(policy.statements))),
      wildcardActions: anyOf((policy) => policy.wildcardActions ?? (policy.statements && grantsWildcardActions(policy.statements))),
      attached: attached.sort(),
      inline: inline.sort(),
    };
    plan.patchProps(role.id, {
      admin: policies.admin,
      wildcardActions: policies.wildcardActions,
      assumeRoleWildcards: complete ? assumeRoleWildcards(statements) : undefined,
      attachedPolicies: policies.attached,
      inlinePolicies: policies.inline,
    });
    if (!complete) for (const edge of ['reads-data', 'writes-data', 'can-assume'] as const) plan.markEdgesUnread(role.id, edge);
    for (const bucket of plan.assetsOfType('aws.s3.bucket')) {
      if (!bucket.id.startsWith('arn:')) continue;
      const access = bucketAccess(statements, bucket.id);
      if (access.read) plan.edge(role.id, 'reads-data', bucket.id);
      if (access.write) plan.edge(role.id, 'writes-data', bucket.id);
    }
  }
  for (const bucket of plan.assetsOfType('aws.s3.bucket')) completeBucket(plan, bucket.id);
  completeSageMaker(plan);
  // What the plan's Bedrock resources relate to through resources aispm does not read from a plan yet
  // (aliases, knowledge base associations and data sources): unknown, never absent.
  for (const agent of plan.assetsOfType('aws.bedrock.agent')) {
    plan.markEdgesUnread(agent.id, 'part-of', 'in');
    plan.markEdgesUnread(agent.id, 'reads-data');
  }
  for (const knowledgeBase of plan.assetsOfType('aws.bedrock.knowledge-base')) plan.markEdgesUnread(knowledgeBase.id, 'reads-data');
}

/** The bucket asset of the plan an S3 URI names (`s3://bucket/key`), as the live collector resolves it. */
function bucketOf(plan: PlannedInventory, uri: string | null | undefined): string | undefined {
  const name = uri?.match(/^s3:\/\/([^/]+)/)?.[1];
  return name && plan.assetsOfType('aws.s3.bucket').find((bucket) => bucket.id === `arn:aws:s3:::${name}`)?.id;
}

/**
 * The SageMaker relations a live scan draws once the region is read: a model's artifacts in a bucket,
 * an endpoint configuration's data capture bucket, and an endpoint's configuration, models and data
 * capture (DescribeEndpoint reports the configuration's; its instances start at initial_instance_count).
 */
function completeSageMaker(plan: PlannedInventory): void {
  for (const model of plan.assetsOfType('aws.sagemaker.model')) {
    for (const uri of (model.props.modelDataUrls as string[] | undefined) ?? []) {
      const bucket = bucketOf(plan, uri);
      if (bucket) plan.edge(model.id, 'artifacts-in', bucket);
    }
  }
  const models = plan.assetsOfType('aws.sagemaker.model');
  const configured = new Set<string>();
  for (const config of plan.assetsOfType('aws.sagemaker.endpoint-config')) {
    const resource = plan.resourceOf(config.id)!;
    const capture = blockOf(resource.values.data_capture_config);
    const captureBucket = capture ? bucketOf(plan, knownString(capture.destination_s3_uri)) : undefined;
    if (captureBucket && capture?.enable_capture === true) plan.edge(config.id, 'logs-to', captureBucket);
    const variants = config.props.variants as PlannedVariant[] | undefined;
    const served = models.filter((model) => variants?.some((variant) => variant.modelName === model.name) || plan.attachedTo(model.id, resource.type, 'production_variants').includes(resource));
    for (const endpoint of plan.attachedTo(config.id, 'aws_sagemaker_endpoint', 'endpoint_config_name')) {
      const id = plan.idOf(endpoint);
      configured.add(id);
      for (const model of served) plan.edge(id, 'deploys', model.id);
      // A variant naming a model outside the plan: what it deploys is not known here.
      if (variants === undefined || variants.some((variant) => variant.modelName !== null && !served.some((model) => model.name === variant.modelName))) plan.markEdgesUnread(id, 'deploys');
      const counts = (variants ?? []).flatMap((variant) => (variant.initialInstanceCount === null ? [] : [variant.initialInstanceCount]));
      plan.patchProps(id, {
        dataCaptureEnabled: config.props.dataCaptureEnabled,
        loggingEnabled: config.props.dataCaptureEnabled,
        variants: variants?.map((variant) => ({ name: variant.name, currentInstanceCount: variant.initialInstanceCount })),
        minInstanceCount: variants === undefined ? undefined : counts.length > 0 ? Math.min(...counts) : null,
      });
    }
  }
  for (const endpoint of plan.assetsOfType('aws.sagemaker.endpoint')) {
    // Monitoring schedules are not read from a plan yet.
    plan.markEdgesUnread(endpoint.id, 'monitored-by');
    if (!configured.has(endpoint.id)) plan.markEdgesUnread(endpoint.id, 'deploys');
  }
}

function completeBucket(plan: PlannedInventory, id: string): void {
  const versioning = plan.attachedTo(id, 'aws_s3_bucket_versioning', 'bucket')[0];
  const status = versioning ? blockOf(versioning.values.versioning_configuration)?.status : undefined;
  const encryption = plan.attachedTo(id, 'aws_s3_bucket_server_side_encryption_configuration', 'bucket')[0];
  const byDefault = encryption ? blockOf(blockOf(encryption.values.rule)?.apply_server_side_encryption_by_default) : undefined;
  const algorithm = byDefault ? knownString(byDefault.sse_algorithm) : undefined;
  const block = plan.attachedTo(id, 'aws_s3_bucket_public_access_block', 'bucket')[0];
  const settings = block ? ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'].map((name) => block.values[name]) : [];
  plan.patchProps(id, {
    // Without these resources the bucket's own setting is not in the plan: unknown, never false.
    versioning: status === 'Enabled' ? true : status === 'Suspended' || status === 'Disabled' ? false : undefined,
    encryption: algorithm,
    customerManagedKey: algorithm === undefined ? undefined : algorithm.startsWith('aws:kms') ? (byDefault && plan.referenced(encryption!, 'rule').some((address) => resourceTypeOf(address) === 'aws_kms_key') ? true : undefined) : false,
    blockPublicAccess: block ? (settings.every((value) => value === true) ? true : settings.some((value) => value === false) ? false : undefined) : undefined,
  });
}

function arrayOf(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object') : [];
}
