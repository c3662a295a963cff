import { OUTDATED_NOTEBOOK_PLATFORMS } from '../collect/aws/notebook-platforms.js';
import { assumeRoleWildcards, bucketAccess, grantsAdmin, grantsWildcardActions, parsePolicyDocument, principals, type PolicyStatement } from '../collect/aws/iam-policy.js';
import { knownManagedPolicy } from '../collect/aws/managed-policies.js';
import type { PlannedInventory, ResourceMapping } from './mapping.js';
import { blockOf, enabledFlag, knownString } from './mapping.js';

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
};

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
    policyDocuments.set(policy.address, document);
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
    customerManagedKey: algorithm === undefined ? undefined : algorithm.startsWith('aws:kms') ? (byDefault && plan.referenced(encryption!, 'rule').some((address) => address.startsWith('aws_kms_key.')) ? true : undefined) : false,
    blockPublicAccess: block ? (settings.every((value) => value === true) ? true : settings.some((value) => value === false) ? false : undefined) : undefined,
  });
}

function arrayOf(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object') : [];
}
