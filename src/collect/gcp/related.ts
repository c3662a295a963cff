import type { protos as kmsProtos } from '@google-cloud/kms';
import type { EdgeType } from '../../graph/edge-types.js';
import { forEachConcurrently } from '../runtime.js';
import type { Ancestry } from './ancestry.js';
import { readBucketProfile } from './data-profiles.js';
import { bucketId, type GcpEstate } from './estate.js';
import { grantsAdmin, isPublicMember, publicStorageAccess, rolesOf, storageAccess, type DataAccess, type IamPolicy } from './iam.js';
import { addImpersonation } from './impersonation.js';
import { durationSeconds, toApiJson } from './proto-json.js';
import type { GoogleSession } from './session.js';

/**
 * The assets Vertex AI resources point to: the buckets that hold their data, the keys that encrypt
 * it, and the service accounts they run as, with the data access those accounts have. Each is read
 * once however many resources name it; one that cannot be read is still added with what is known.
 */

/** What the collector learnt about a scanned project. */
export interface ProjectFacts {
  /** The project number, from Resource Manager; undefined when it could not be read. */
  number?: string;
  /** The project IAM policy; undefined when it could not be read. */
  policy?: IamPolicy;
  /** The policies inherited from folders and the organization, as far as they could be read. */
  ancestry: Ancestry;
}

/** The Cloud Storage JSON API fields read (projection=full adds the ACLs). */
interface Bucket {
  name?: string;
  projectNumber?: string;
  location?: string;
  labels?: Record<string, string>;
  iamConfiguration?: { uniformBucketLevelAccess?: { enabled?: boolean }; publicAccessPrevention?: string };
  encryption?: { defaultKmsKeyName?: string };
  versioning?: { enabled?: boolean };
  acl?: AccessControl[];
  defaultObjectAcl?: AccessControl[];
}

interface AccessControl {
  entity?: string;
  role?: string;
}

interface BucketFacts {
  bucket?: Bucket;
  policy?: IamPolicy;
}

type CryptoKey = kmsProtos.google.cloud.kms.v1.ICryptoKey;

export async function collectRelated(session: GoogleSession, estate: GcpEstate, projects: ReadonlyMap<string, ProjectFacts>): Promise<void> {
  // Three reads that do not wait for each other: the service accounts' own policies, the keys the
  // Vertex AI resources name, and the buckets (then the keys those name).
  const impersonation = addImpersonation(session, estate, projects);
  const keysRead = new Set<string>();
  const [buckets] = await Promise.all([
    readBuckets(session, estate, projects).then(async (facts) => {
      await readKeys(session, estate, keysRead);
      return facts;
    }),
    readKeys(session, estate, keysRead),
  ]);
  addServiceAccounts(estate, projects, buckets);
  await impersonation;
}

async function readBuckets(session: GoogleSession, estate: GcpEstate, projects: ReadonlyMap<string, ProjectFacts>): Promise<Map<string, BucketFacts>> {
  const facts = new Map<string, BucketFacts>();
  await forEachConcurrently([...estate.buckets], async ([name, { project }]) => {
    const scope = { account: project, region: 'global', service: 'storage' };
    const path = `b/${encodeURIComponent(name)}`;
    // projection=noAcl needs only storage.buckets.get; the ACLs (projection=full) also need
    // storage.buckets.getIamPolicy, and without it the whole record would be lost.
    const [bucket, policy] = await Promise.all([
      estate.builder.call(scope, 'buckets.get', () => session.getStorage<Bucket>(`${path}?projection=noAcl`)),
      estate.builder.call(scope, 'buckets.getIamPolicy', () => session.getStorage<IamPolicy>(`${path}/iam?optionsRequestedPolicyVersion=3`)),
    ]);
    const acls = bucket && aclsMatter(bucket) ? await estate.builder.call(scope, 'buckets.get (projection=full, for the ACLs)', () => session.getStorage<Bucket>(`${path}?projection=full`)) : undefined;
    const record = bucket && acls ? { ...bucket, acl: acls.acl, defaultObjectAcl: acls.defaultObjectAcl } : bucket;
    facts.set(name, { bucket: record, policy });
    // The DLP profile lives in the bucket's own project and location, both known only from buckets.get;
    // read for the projects scanned (a bucket of another project is that project's to profile).
    const owner = ownerProject(bucket, projects);
    const dataProfile = owner && projects.has(owner) && bucket?.location ? await readBucketProfile(session, estate, owner, name, bucket.location.toLowerCase()) : {};
    const kmsKeyName = bucket ? bucket.encryption?.defaultKmsKeyName || null : undefined;
    const publicAccess = record ? publicAccessOf(record, policy, acls !== undefined) : {};
    estate.builder.addAsset({
      id: bucketId(name),
      type: 'gcp.storage.bucket',
      account: owner ?? project,
      region: bucket?.location?.toLowerCase() ?? 'global',
      name,
      tags: bucket ? { ...bucket.labels } : undefined,
      props: {
        // Vertex AI resources name it for training data, model artifacts or outputs; a DLP profile's verdict replaces that.
        sensitiveData: true,
        ...dataProfile,
        ...publicAccess,
        ...(bucket
          ? {
              publicAccessPrevention: bucket.iamConfiguration?.publicAccessPrevention ?? null,
              uniformBucketLevelAccess: bucket.iamConfiguration?.uniformBucketLevelAccess?.enabled === true,
              versioning: bucket.versioning?.enabled === true,
              kmsKeyName,
              customerManagedKey: kmsKeyName !== null,
            }
          : {}),
      },
      raw: record ? { ...record, ...(policy ? { iamPolicy: policy } : {}) } : undefined,
    });
    estate.encryptedBy(bucketId(name), kmsKeyName ?? null, project);
  });
  return facts;
}

/** ACLs grant access only while uniform bucket-level access is off, and public ones only without enforced public access prevention. */
function aclsMatter(bucket: Bucket): boolean {
  return bucket.iamConfiguration?.uniformBucketLevelAccess?.enabled !== true && bucket.iamConfiguration?.publicAccessPrevention !== 'enforced';
}

/**
 * Public access prevention overrides everything. Otherwise the bucket is public when its IAM policy
 * or (without uniform bucket-level access) its ACLs grant allUsers or allAuthenticatedUsers; what
 * could not be read stays unknown. Single objects' ACLs are not read, so while ACLs are in force
 * "no public read" cannot be told: an object may carry its own public ACL.
 */
function publicAccessOf(bucket: Bucket, policy: IamPolicy | undefined, aclsRead: boolean): { publicRead?: boolean; publicWrite?: boolean } {
  if (bucket.iamConfiguration?.publicAccessPrevention === 'enforced') return { publicRead: false, publicWrite: false };
  const viaIam = policy ? publicStorageAccess(policy) : undefined;
  const aclsOff = bucket.iamConfiguration?.uniformBucketLevelAccess?.enabled === true;
  const viaAcl = aclsOff ? { read: false, write: false } : aclsRead ? publicAclAccess(bucket) : undefined;
  // Object ACLs are unread: with ACLs in force, only a public grant found is certain.
  const readViaAcl = aclsOff ? false : viaAcl?.read === true ? true : undefined;
  return { ...anyKnown('publicRead', viaIam?.read, readViaAcl), ...anyKnown('publicWrite', viaIam?.write, viaAcl?.write) };
}

/**
 * What public ACL entries grant. On the bucket, READER lists objects and reads bucket metadata (not
 * object data), WRITER creates, overwrites and deletes objects, OWNER adds changing the ACLs (so
 * reading too). A public default object ACL makes every new object readable.
 * https://cloud.google.com/storage/docs/access-control/lists#permissions
 */
function publicAclAccess(bucket: Bucket): DataAccess {
  const publicRoles = (entries: AccessControl[] | undefined) => (entries ?? []).filter((entry) => isPublicMember(entry.entity ?? '')).map((entry) => entry.role);
  const bucketRoles = publicRoles(bucket.acl);
  const objectRoles = publicRoles(bucket.defaultObjectAcl);
  return { read: objectRoles.length > 0 || bucketRoles.includes('OWNER'), write: bucketRoles.some((role) => role === 'WRITER' || role === 'OWNER') };
}

/** Three-valued "or": true if any is true, false if all are known and false, else unknown (absent). */
function anyKnown<K extends string>(key: K, ...values: Array<boolean | undefined>): Partial<Record<K, boolean>> {
  if (values.some((value) => value === true)) return { [key]: true } as Record<K, boolean>;
  if (values.every((value) => value === false)) return { [key]: false } as Record<K, boolean>;
  return {};
}

/** The scanned project a bucket belongs to, by project number. */
function ownerProject(bucket: Bucket | undefined, projects: ReadonlyMap<string, ProjectFacts>): string | undefined {
  if (!bucket?.projectNumber) return undefined;
  for (const [project, facts] of projects) if (facts.number === bucket.projectNumber) return project;
  return bucket.projectNumber;
}

/** Reads the keys named so far that are not in `read` yet, and adds them to it. */
async function readKeys(session: GoogleSession, estate: GcpEstate, read: Set<string>): Promise<void> {
  const named = [...estate.keys].filter(([name]) => !read.has(name));
  for (const [name] of named) read.add(name);
  await forEachConcurrently(named, async ([name, { project }]) => {
    const [, keyProject = project, location = 'global'] = /^projects\/([^/]+)\/locations\/([^/]+)\//.exec(name) ?? [];
    const scope = { account: keyProject, region: location, service: 'kms' };
    const key = await estate.builder.call(scope, 'GetCryptoKey', async () => (await session.keys.getCryptoKey({ name }, session.callOptions))[0] as CryptoKey);
    estate.builder.addAsset({
      id: name,
      type: 'gcp.kms.crypto-key',
      account: keyProject,
      region: location,
      name: name.slice(name.lastIndexOf('/') + 1),
      tags: key ? { ...key.labels } : undefined,
      props: key ? { rotationPeriodSeconds: durationSeconds(key.rotationPeriod) ?? null } : {},
      raw: key ? (toApiJson(key) ?? {}) : undefined,
    });
  });
}

/**
 * Service accounts, with their roles on the project that uses them and on its folders and
 * organization, and edges to the buckets those roles (project-wide, for buckets of that project) or
 * the buckets' own policies let them read or write. `admin` is true when any policy read grants an
 * administrator role to the account; false only when the project's and every ancestor's policy were
 * read and none grants one to the account or to a group (or other set) it may belong to.
 */
function addServiceAccounts(estate: GcpEstate, projects: ReadonlyMap<string, ProjectFacts>, buckets: ReadonlyMap<string, BucketFacts>): void {
  for (const [id, { project, email }] of estate.serviceAccounts) {
    const member = `serviceAccount:${email}`;
    const facts = projects.get(project);
    const projectRoles = facts?.policy ? rolesOf(facts.policy, member) : undefined;
    const inherited = facts?.ancestry.policies ?? [];
    const inheritedRoles = [...new Set(inherited.flatMap((policy) => rolesOf(policy, member)))].sort();
    const admin = adminOf(member, facts);
    estate.builder.addAsset({
      id,
      type: 'gcp.iam.service-account',
      account: project,
      region: 'global',
      name: email,
      props: {
        email,
        defaultComputeServiceAccount: /^\d+-compute@developer\.gserviceaccount\.com$/.test(email),
        ...(projectRoles ? { projectRoles } : {}),
        // A partial list would read as the whole: only when every ancestor's policy was read.
        ...(facts?.ancestry.complete ? { inheritedRoles } : {}),
        ...(admin !== undefined ? { admin } : {}),
      },
    });
    for (const [name, { bucket, policy }] of buckets) {
      const inProject = facts?.number !== undefined && bucket?.projectNumber === facts.number;
      const roles = [...(inProject ? (projectRoles ?? []) : []), ...(policy ? rolesOf(policy, member) : [])];
      addDataEdges(estate, id, bucketId(name), storageAccess(roles));
    }
  }
}

function adminOf(member: string, facts: ProjectFacts | undefined): boolean | undefined {
  const policies = [...(facts?.policy ? [facts.policy] : []), ...(facts?.ancestry.policies ?? [])];
  const granted = grantsAdmin(member, policies);
  if (granted === true) return true;
  return facts?.policy && facts.ancestry.complete ? granted : undefined;
}

function addDataEdges(estate: GcpEstate, from: string, to: string, access: DataAccess): void {
  const edges: Array<[boolean, EdgeType]> = [
    [access.read, 'reads-data'],
    [access.write, 'writes-data'],
  ];
  for (const [granted, type] of edges) if (granted) estate.addEdge(from, type, to);
}
