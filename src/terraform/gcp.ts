import { grantsAdmin, isPublicMember, storageAccess, type IamPolicy } from '../collect/gcp/iam.js';
import type { PlannedInventory, ResourceMapping } from './mapping.js';
import { blockOf, booleanOr, knownString, marksAt, stringOrNull } from './mapping.js';
import type { PlannedResource } from './plan.js';

/**
 * The google provider's resources (hashicorp/google, https://registry.terraform.io/providers/hashicorp/google)
 * as the Google Cloud collector's asset types, with the properties the collector derives from the same
 * API fields (Notebooks API v2 for Workbench), so the built-in rules run unchanged on a plan.
 */
export const GCP_RESOURCES: Readonly<Record<string, ResourceMapping>> = {
  google_workbench_instance: {
    assetType: 'gcp.workbench.instance',
    reads:
      'disable_proxy_access, gce_setup (disable_public_ip, service_accounts, metadata notebook-disable-root, -terminal, -downloads and -nbconvert, shielded_instance_config, machine_type, network_interfaces); the zone is `location`; a reference to a planned google_service_account becomes a uses-identity edge. Without gce_setup, exposure and identity are unknown, as for the live collector',
    account: (resource) => knownString(resource.values.project),
    region: (resource) => knownString(resource.values.location),
    // The instance runs as the service account gce_setup names (the Compute Engine default one when none).
    edges: { gce_setup: { edge: 'uses-identity', to: ['google_service_account'] } },
    id: (resource) => {
      const name = knownString(resource.values.name);
      const project = knownString(resource.values.project);
      const zone = knownString(resource.values.location);
      return name && project && zone ? `projects/${project}/locations/${zone}/instances/${name}` : undefined;
    },
    props: (resource) => {
      const values = resource.values;
      const setup = blockOf(values.gce_setup);
      const metadata = setup?.metadata;
      const known = metadata !== null && typeof metadata === 'object' ? (metadata as Record<string, unknown>) : setup && metadata === null ? {} : undefined;
      const flagOff = (key: string) => (known === undefined ? undefined : known[key] !== 'true');
      const publicIp = setup ? (setup.disable_public_ip === true ? false : setup.disable_public_ip === false || setup.disable_public_ip === null ? true : undefined) : undefined;
      const shielded = setup ? blockOf(setup.shielded_instance_config) : undefined;
      const account = setup ? blockOf(setup.service_accounts) : undefined;
      const nic = setup ? blockOf(setup.network_interfaces) : undefined;
      return {
        proxyAccess: values.disable_proxy_access === true ? false : values.disable_proxy_access === false || values.disable_proxy_access === null ? true : undefined,
        ...(setup
          ? {
              publicIp,
              internetExposed: publicIp,
              ...(publicIp ? { internetEgress: true } : {}),
              network: nic === null ? null : knownString(nic?.network),
              serviceAccount: account === null ? null : knownString(account?.email),
              rootAccess: flagOff('notebook-disable-root'),
              terminalAccess: flagOff('notebook-disable-terminal'),
              fileDownloads: known === undefined ? undefined : known['notebook-disable-downloads'] !== 'true' || known['notebook-disable-nbconvert'] !== 'true',
              secureBoot: shielded === null ? false : typeof shielded?.enable_secure_boot === 'boolean' ? shielded.enable_secure_boot : undefined,
              ...(shielded ? { vtpm: shielded.enable_vtpm === true, integrityMonitoring: shielded.enable_integrity_monitoring === true } : {}),
              machineType: knownString(setup.machine_type),
            }
          : {}),
      };
    },
  },
  google_vertex_ai_endpoint: {
    assetType: 'gcp.vertexai.endpoint',
    reads:
      'private_service_connect_config.enable_private_service_connect and network (else the endpoint is public), dedicated_endpoint_enabled, encryption_spec.kms_key_name (a reference to a planned key becomes an encrypted-by edge), predict_request_response_logging_config.enabled; models are deployed to it outside this resource, so what it serves and its monitoring job stay unknown',
    account: (resource) => knownString(resource.values.project),
    region: (resource) => knownString(resource.values.location) ?? knownString(resource.values.region),
    id: (resource) => vertexId(resource, 'endpoints', knownString(resource.values.name)),
    name: (resource) => knownString(resource.values.display_name),
    edges: { encryption_spec: 'encrypted-by' },
    props: (resource, plan) => {
      const values = resource.values;
      const psc = blockOf(values.private_service_connect_config);
      const enabled = psc === null ? false : psc === undefined ? undefined : booleanOr(psc.enable_private_service_connect, false);
      const network = stringOrNull(values.network);
      const networkType = enabled ? 'private-service-connect' : enabled === undefined ? undefined : network ? 'vpc-peering' : network === null ? 'public' : undefined;
      const logging = blockOf(values.predict_request_response_logging_config);
      const requestResponseLogging = logging === null ? false : logging === undefined ? undefined : booleanOr(logging.enabled, false);
      plan.markEdgesUnread(plan.idOf(resource), 'deploys');
      plan.markEdgesUnread(plan.idOf(resource), 'monitored-by');
      return {
        networkType,
        internetExposed: networkType === undefined ? undefined : networkType === 'public',
        dedicatedEndpoint: booleanOr(values.dedicated_endpoint_enabled, false),
        ...cmekOf(resource),
        requestResponseLogging,
        loggingEnabled: requestResponseLogging,
      };
    },
  },
  google_vertex_ai_dataset: {
    assetType: 'gcp.vertexai.dataset',
    reads:
      'display_name, encryption_spec.kms_key_name (a reference to a planned key becomes an encrypted-by edge); its data is imported outside this resource, so the Cloud Storage sources stay unknown',
    account: (resource) => knownString(resource.values.project),
    region: (resource) => knownString(resource.values.region),
    id: (resource) => knownString(resource.values.name) && vertexId(resource, 'datasets', knownString(resource.values.name)?.split('/').pop()),
    name: (resource) => knownString(resource.values.display_name),
    edges: { encryption_spec: 'encrypted-by' },
    props: (resource) => ({ ...cmekOf(resource), sensitiveData: true }),
  },
  google_storage_bucket: {
    assetType: 'gcp.storage.bucket',
    reads:
      'name (the asset id is projects/_/buckets/NAME, as a live scan gives it), public_access_prevention, uniform_bucket_level_access, versioning.enabled, encryption.default_kms_key_name (a reference to a planned key becomes an encrypted-by edge); the google_storage_bucket_iam_member and _binding resources that name it (allUsers or allAuthenticatedUsers with a role that reads or creates objects make it public). It holds AI data only where a planned Vertex AI resource names it: otherwise unknown',
    account: (resource) => knownString(resource.values.project),
    region: (resource) => knownString(resource.values.location)?.toLowerCase(),
    id: (resource) => {
      const name = knownString(resource.values.name);
      return name ? `projects/_/buckets/${name}` : undefined;
    },
    edges: { encryption: 'encrypted-by' },
    props: (resource) => {
      const values = resource.values;
      const prevention = stringOrNull(values.public_access_prevention);
      const versioning = blockOf(values.versioning);
      const encryption = blockOf(values.encryption);
      const key = encryption === null ? null : encryption === undefined ? undefined : stringOrNull(encryption.default_kms_key_name) ?? (marksAt(marksAt(resource.unknown.encryption, 0), 'default_kms_key_name') === true ? undefined : null);
      const keyNamed = encryption ? encryption.default_kms_key_name !== null : encryption === null ? false : undefined;
      return {
        publicAccessPrevention: prevention,
        uniformBucketLevelAccess: booleanOr(values.uniform_bucket_level_access, false),
        versioning: versioning === null ? false : versioning === undefined ? undefined : booleanOr(versioning.enabled, false),
        kmsKeyName: key,
        customerManagedKey: keyNamed,
        ...(prevention === 'enforced' ? { publicRead: false, publicWrite: false } : {}),
      };
    },
  },
  google_kms_crypto_key: {
    assetType: 'gcp.kms.crypto-key',
    reads: 'name, key_ring (the asset id is KEY_RING/cryptoKeys/NAME), rotation_period',
    account: (resource) => knownString(resource.values.key_ring)?.match(/^projects\/([^/]+)\//)?.[1],
    region: (resource) => knownString(resource.values.key_ring)?.match(/\/locations\/([^/]+)\//)?.[1],
    id: (resource) => {
      const ring = knownString(resource.values.key_ring);
      const name = knownString(resource.values.name);
      return ring && name ? `${ring}/cryptoKeys/${name}` : undefined;
    },
    props: (resource) => {
      const period = resource.values.rotation_period;
      const seconds = typeof period === 'string' ? Number(/^(\d+(?:\.\d+)?)s$/.exec(period)?.[1] ?? Number.NaN) : Number.NaN;
      return { rotationPeriodSeconds: period === null ? null : Number.isFinite(seconds) ? seconds : undefined };
    },
  },
  google_service_account: {
    assetType: 'gcp.iam.service-account',
    global: true,
    reads:
      'account_id and project (the email is ACCOUNT_ID@PROJECT.iam.gserviceaccount.com, known before apply); the google_project_iam_member and _binding resources that grant it roles (roles/owner or roles/editor without a condition make it admin; storage roles draw reads-data and writes-data edges to the plan\'s buckets of the project), and the google_storage_bucket_iam_member and _binding resources that name it. Roles granted outside the plan are not read: admin is never false',
    account: (resource) => knownString(resource.values.project),
    id: (resource) => {
      const email = serviceAccountEmail(resource);
      const project = knownString(resource.values.project);
      return email && project ? `projects/${project}/serviceAccounts/${email}` : undefined;
    },
    name: (resource) => serviceAccountEmail(resource),
    props: (resource) => {
      const email = serviceAccountEmail(resource);
      return { email, defaultComputeServiceAccount: email === undefined ? undefined : false };
    },
  },
};

/** A Vertex AI resource's name, as the API gives it, when the plan knows its parts. */
function vertexId(resource: PlannedResource, collection: string, id: string | undefined): string | undefined {
  const project = knownString(resource.values.project);
  const location = knownString(resource.values.location) ?? knownString(resource.values.region);
  return project && location && id ? `projects/${project}/locations/${location}/${collection}/${id}` : undefined;
}

/** encryption_spec.kms_key_name as cmekOf reads encryptionSpec.kmsKeyName: a key named (a literal or a reference known after apply) is a customer-managed one. */
function cmekOf(resource: PlannedResource): { kmsKeyName: string | null | undefined; customerManagedKey: boolean | undefined } {
  const spec = blockOf(resource.values.encryption_spec);
  if (spec === null) return { kmsKeyName: null, customerManagedKey: false };
  if (spec === undefined) return { kmsKeyName: undefined, customerManagedKey: undefined };
  const name = knownString(spec.kms_key_name);
  const unknown = marksAt(marksAt(resource.unknown.encryption_spec, 0), 'kms_key_name') === true;
  return { kmsKeyName: name ?? (unknown ? undefined : null), customerManagedKey: name !== undefined || unknown };
}

function serviceAccountEmail(resource: PlannedResource): string | undefined {
  const email = knownString(resource.values.email);
  if (email) return email;
  const account = knownString(resource.values.account_id);
  const project = knownString(resource.values.project);
  return account && project ? `${account}@${project}.iam.gserviceaccount.com` : undefined;
}

/** The IAM grants the plan makes: one binding per member or binding resource, on a project or a bucket. */
interface PlannedGrant {
  resource: PlannedResource;
  role: string;
  members: string[];
  conditional: boolean;
}

function grantsOf(plan: PlannedInventory, types: readonly string[]): PlannedGrant[] {
  return types.flatMap((type) =>
    plan.resourcesOfType(type).flatMap((resource) => {
      const role = knownString(resource.values.role);
      const members = Array.isArray(resource.values.members) ? resource.values.members : [resource.values.member];
      if (!role) return [];
      const condition = blockOf(resource.values.condition);
      return [{ resource, role, members: members.filter((member): member is string => typeof member === 'string'), conditional: condition !== null && condition !== undefined }];
    }),
  );
}

/** Whether a grant names the service account: by its member string, or by a reference to it. */
function namesAccount(plan: PlannedInventory, grant: PlannedGrant, accountId: string, email: string): boolean {
  if (grant.members.includes(`serviceAccount:${email}`)) return true;
  const account = plan.resourceOf(accountId);
  const argument = grant.resource.type.endsWith('_binding') ? 'members' : 'member';
  return account !== undefined && plan.referenced(grant.resource, argument).includes(account.configAddress);
}

/**
 * What the plan's IAM grants give: an administrator role to a service account, data edges from a
 * service account to the buckets its project or bucket roles reach, and public read or write on a
 * bucket whose IAM names allUsers or allAuthenticatedUsers.
 */
export function completeGcp(plan: PlannedInventory): void {
  const projectGrants = grantsOf(plan, ['google_project_iam_member', 'google_project_iam_binding']);
  const bucketGrants = grantsOf(plan, ['google_storage_bucket_iam_member', 'google_storage_bucket_iam_binding']);
  const buckets = plan.assetsOfType('gcp.storage.bucket');
  const onBucket = (grant: PlannedGrant, bucketId: string) => plan.attachedTo(bucketId, grant.resource.type, 'bucket').includes(grant.resource);
  for (const bucket of buckets) {
    if (bucket.props.publicAccessPrevention === 'enforced') continue;
    const access = storageAccess(bucketGrants.filter((grant) => !grant.conditional && onBucket(grant, bucket.id) && grant.members.some(isPublicMember)).map((grant) => grant.role));
    // No public grant in the plan says nothing of the bucket's other grants and ACLs: left unknown.
    plan.patchProps(bucket.id, { ...(access.read ? { publicRead: true } : {}), ...(access.write ? { publicWrite: true } : {}) });
  }
  for (const account of plan.assetsOfType('gcp.iam.service-account')) {
    const email = account.props.email as string | undefined;
    if (!email) continue;
    const granted = projectGrants.filter((grant) => namesAccount(plan, grant, account.id, email));
    const policy: IamPolicy = { bindings: granted.map((grant) => ({ role: grant.role, members: [`serviceAccount:${email}`], condition: grant.conditional ? {} : undefined })) };
    // Only a grant found decides: roles given outside the plan (or to a group it is in) are not read.
    if (grantsAdmin(`serviceAccount:${email}`, [policy]) === true) plan.patchProps(account.id, { admin: true });
    const projectRoles = granted.filter((grant) => !grant.conditional && knownString(grant.resource.values.project) === account.account).map((grant) => grant.role);
    for (const bucket of buckets) {
      const sameProject = bucket.account !== '' && bucket.account === account.account;
      const roles = [...(sameProject ? projectRoles : []), ...bucketGrants.filter((grant) => !grant.conditional && onBucket(grant, bucket.id) && namesAccount(plan, grant, account.id, email)).map((grant) => grant.role)];
      const access = storageAccess(roles);
      if (access.read) plan.edge(account.id, 'reads-data', bucket.id);
      if (access.write) plan.edge(account.id, 'writes-data', bucket.id);
    }
    plan.markEdgesUnread(account.id, 'reads-data');
    plan.markEdgesUnread(account.id, 'writes-data');
  }
}
