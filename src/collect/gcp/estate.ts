import type { EdgeType } from '../../graph/edge-types.js';
import type { InventoryBuilder } from '../runtime.js';
import { toApiJson } from './proto-json.js';

/**
 * What the Vertex AI readers hand on: assets and edges go straight to the inventory builder; the
 * service accounts, buckets and keys they name are remembered here, to be read (or stubbed) once
 * all Vertex AI records are in, and so is the training lineage that links models to their data.
 */

export interface Where {
  /** The project id the scan was asked for (an asset's account). */
  project: string;
  location: string;
  estate: GcpEstate;
}

/** A Vertex AI record as the SDK decodes it: every resource has these (some no display name). */
export interface VertexRecord {
  name?: string | null;
  displayName?: string | null;
  labels?: Record<string, string> | null;
  encryptionSpec?: { kmsKeyName?: string | null } | null;
}

interface Reference {
  /** The scanned project that names it: coverage is recorded there. */
  project: string;
}

export class GcpEstate {
  /** Service accounts by asset id. */
  readonly serviceAccounts = new Map<string, Reference & { email: string }>();
  /** Buckets by name. */
  readonly buckets = new Map<string, Reference>();
  /** Cloud KMS keys by key name. */
  readonly keys = new Map<string, Reference>();
  /** Model → the training pipeline that produced it. */
  readonly modelPipelines = new Map<string, string>();
  /** Training pipeline → the dataset it trained on. */
  readonly pipelineDatasets = new Map<string, string>();
  /** Dataset → the ids of the buckets it was imported from. */
  readonly datasetBuckets = new Map<string, string[]>();
  /** RAG corpora listed, whose files are listed once every collection of their location is read. */
  readonly ragCorpora: Array<{ id: string; name: string; where: Where }> = [];

  constructor(readonly builder: InventoryBuilder) {}

  /**
   * Adds a Vertex AI resource: id is its resource name, tags its labels, raw its API record; and the
   * edge to its customer-managed key, if it has one.
   */
  addVertexAsset(record: VertexRecord, type: string, where: Where, props: Record<string, unknown>): string {
    const id = record.name ?? '';
    this.encryptedBy(id, cmekOf(record).kmsKeyName, where.project);
    this.builder.addAsset({
      id,
      type,
      account: where.project,
      region: where.location,
      name: record.displayName || lastSegment(id),
      tags: { ...record.labels },
      props,
      raw: toApiJson(record) ?? {},
    });
    return id;
  }

  addEdge(from: string, type: EdgeType, to: string | null | undefined): void {
    if (to) this.builder.addEdge(from, type, to);
  }

  /** `from` runs as the service account `email` (nothing when unset). */
  usesServiceAccount(from: string, project: string, email: string | null | undefined): void {
    if (!email) return;
    const id = serviceAccountId(project, email);
    if (!this.serviceAccounts.has(id)) this.serviceAccounts.set(id, { project, email });
    this.builder.addEdge(from, 'uses-identity', id);
  }

  /** `from` relates to the bucket of a gs:// URI; returns the bucket's asset id. */
  usesBucket(from: string, type: EdgeType, uri: string | null | undefined, project: string): string | undefined {
    const bucket = bucketOf(uri);
    if (!bucket) return undefined;
    if (!this.buckets.has(bucket)) this.buckets.set(bucket, { project });
    const id = bucketId(bucket);
    this.builder.addEdge(from, type, id);
    return id;
  }

  /** `from` is encrypted with this Cloud KMS key (nothing when Google-managed). */
  encryptedBy(from: string, kmsKeyName: string | null, project: string): void {
    if (!kmsKeyName) return;
    const key = kmsKeyName.replace(/\/cryptoKeyVersions\/[^/]+$/, '');
    if (!this.keys.has(key)) this.keys.set(key, { project });
    this.builder.addEdge(from, 'encrypted-by', key);
  }
}

export function serviceAccountId(project: string, email: string): string {
  return `projects/${project}/serviceAccounts/${email}`;
}

export function bucketId(bucket: string): string {
  return `projects/_/buckets/${bucket}`;
}

/** The bucket of a gs:// URI. */
export function bucketOf(uri: string | null | undefined): string | undefined {
  return /^gs:\/\/([^/]+)/.exec(uri ?? '')?.[1];
}

/** A model's resource name without the `@version` or `@alias` that may follow it. */
export function withoutVersion(name: string | null | undefined): string | undefined {
  return name?.replace(/@[^/]*$/, '');
}

export function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** The encryption props of a Vertex AI resource: its key, or null when Google manages the key. */
export function cmekOf(record: VertexRecord): { kmsKeyName: string | null; customerManagedKey: boolean } {
  const kmsKeyName = record.encryptionSpec?.kmsKeyName || null;
  return { kmsKeyName, customerManagedKey: kmsKeyName !== null };
}

/**
 * An enum as the SDK decodes it: its name, the number when this SDK does not know the value, or null
 * when unset (the *_UNSPECIFIED zero value).
 */
export function enumName(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || /_UNSPECIFIED$/.test(String(value))) return null;
  return String(value);
}
