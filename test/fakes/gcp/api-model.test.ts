import { describe, expect, it } from 'vitest';
import { gcpDialect } from '../fault-dialects.js';
import { checkAgainstModel, type ApiModel } from './api-model.js';

/** The checker that holds the fake Google APIs to Google's published models: what it accepts, and each kind of departure it reports. */

const RUNTIMES: ApiModel = { proto: 'google.cloud.aiplatform.v1.ListNotebookRuntimesResponse' };
const ENDPOINTS: ApiModel = { proto: 'google.cloud.aiplatform.v1.ListEndpointsResponse' };
const JOBS: ApiModel = { proto: 'google.cloud.aiplatform.v1.ListCustomJobsResponse' };
const BUCKET: ApiModel = { storage: 'Bucket' };

const check = (model: ApiModel, answer: unknown) => checkAgainstModel(model, answer).map(({ at, message }) => `${at}: ${message}`);

const RUNTIME = 'projects/1/locations/us-central1/notebookRuntimes/8';

describe('a Vertex AI answer (proto3 JSON of the v1 protos)', () => {
  it('fits when it holds only the messages’ fields, enums by name or number, int64 as strings, timestamps, maps and Values', () => {
    expect(
      check(ENDPOINTS, {
        endpoints: [
          {
            name: 'projects/1/locations/us-central1/endpoints/2',
            labels: { env: 'prod' },
            deployedModels: [{ id: '11', model: 'projects/1/locations/us-central1/models/3', dedicatedResources: { minReplicaCount: 1, machineSpec: { machineType: 'n1-standard-4' } } }],
            createTime: '2026-01-10T09:00:00.123Z',
            predictRequestResponseLoggingConfig: { enabled: true, samplingRate: 0.5 },
          },
        ],
        nextPageToken: '2',
      }),
    ).toEqual([]);
    expect(check(RUNTIMES, { notebookRuntimes: [{ name: RUNTIME, runtimeState: 'RUNNING', healthState: 1, idleShutdownConfig: { idleTimeout: '10800s' } }] })).toEqual([]);
    expect(check(JOBS, { customJobs: [{ name: 'j', state: 5, jobSpec: { workerPoolSpecs: [{ replicaCount: '2', containerSpec: { imageUri: 'i', env: [{ name: 'A', value: 'b' }] } }] } }] })).toEqual([]);
    // google.protobuf.Value holds any JSON, snake_case keys included.
    expect(check({ proto: 'google.cloud.aiplatform.v1.ListTrainingPipelinesResponse' }, { trainingPipelines: [{ name: 'p', trainingTaskInputs: { worker_pool_specs: [{ replica_count: 1 }], nothing: null } }] })).toEqual([]);
    // An empty answer is an empty list.
    expect(check(ENDPOINTS, {})).toEqual([]);
  });

  it('reports a field the message does not have, at any depth, and names the JSON name of a snake_case one', () => {
    expect(check(RUNTIMES, { notebookRuntimes: [{ name: RUNTIME, quantumSpec: { qubits: 7 }, networkSpec: { enableInternetAccess: true, ipv6: true } }] })).toEqual([
      '/notebookRuntimes/0/quantumSpec: is not a field of google.cloud.aiplatform.v1.NotebookRuntime',
      '/notebookRuntimes/0/networkSpec/ipv6: is not a field of google.cloud.aiplatform.v1.NetworkSpec',
    ]);
    expect(check(RUNTIMES, { notebookRuntimes: [{ runtime_user: 'a@b' }], unknownEnvelopeField: 1 })).toEqual([
      '/notebookRuntimes/0/runtime_user: is not a field of google.cloud.aiplatform.v1.NotebookRuntime (its JSON name is runtimeUser)',
      '/unknownEnvelopeField: is not a field of google.cloud.aiplatform.v1.ListNotebookRuntimesResponse',
    ]);
    expect(check(RUNTIMES, { notebookRuntimes: [{ constructor: 'x' }] })).toEqual(['/notebookRuntimes/0/constructor: is not a field of google.cloud.aiplatform.v1.NotebookRuntime']);
  });

  it('reports an enum value outside the enum, as a number or as a name', () => {
    expect(check(RUNTIMES, { notebookRuntimes: [{ runtimeState: 99 }, { runtimeState: 'RUNNING_ON_MARS' }, { notebookRuntimeType: 'USER_DEFINED', healthState: '1' }] })).toEqual([
      '/notebookRuntimes/0/runtimeState: 99 is not a value of google.cloud.aiplatform.v1.NotebookRuntime.RuntimeState',
      '/notebookRuntimes/1/runtimeState: "RUNNING_ON_MARS" is not a value of google.cloud.aiplatform.v1.NotebookRuntime.RuntimeState',
      '/notebookRuntimes/2/healthState: "1" is not a value of google.cloud.aiplatform.v1.NotebookRuntime.HealthState',
    ]);
  });

  it('reports a value of the wrong JSON type: int64 as a number, int32 as a string, and the well-known types out of form', () => {
    expect(
      check(JOBS, {
        customJobs: [{ name: 'j', createTime: '2026-01-10 09:00:00', jobSpec: { enableWebAccess: 'true', workerPoolSpecs: [{ replicaCount: 1, diskSpec: { bootDiskSizeGb: '100' } }], scheduling: { timeout: '3600' } } }],
      }),
    ).toEqual([
      '/customJobs/0/createTime: "2026-01-10 09:00:00" is not a Timestamp (an RFC 3339 string in UTC)',
      '/customJobs/0/jobSpec/enableWebAccess: "true" is not a boolean',
      '/customJobs/0/jobSpec/workerPoolSpecs/0/replicaCount: 1 is not an int64 (a JSON string of digits)',
      '/customJobs/0/jobSpec/workerPoolSpecs/0/diskSpec/bootDiskSizeGb: "100" is not an int32 (a JSON number)',
      '/customJobs/0/jobSpec/scheduling/timeout: "3600" is not a Duration (a string of seconds ending in "s")',
    ]);
    expect(check(ENDPOINTS, { endpoints: { name: 'e' } })).toEqual(['/endpoints: {"name":"e"} is not a JSON array (a repeated field)']);
    expect(check(ENDPOINTS, { endpoints: ['e'] })).toEqual(['/endpoints/0: "e" is not a JSON object (google.cloud.aiplatform.v1.Endpoint)']);
    expect(check(ENDPOINTS, { endpoints: [{ labels: { env: 1 }, deployedModels: null }] })).toEqual(['/endpoints/0/labels/env: 1 is not a string', '/endpoints/0/deployedModels: is null; the API leaves an unset field out']);
  });

  it('reports what proto3 JSON leaves out: a field at its default without presence, an empty list or map', () => {
    expect(check(ENDPOINTS, { endpoints: [{ name: '', dedicatedEndpointEnabled: false, deployedModels: [], labels: {} }] })).toEqual([
      '/endpoints/0/name: holds the default "", which the API leaves out (the field has no presence)',
      '/endpoints/0/dedicatedEndpointEnabled: holds the default false, which the API leaves out (the field has no presence)',
      '/endpoints/0/deployedModels: is an empty list, which the API leaves out',
      '/endpoints/0/labels: is an empty map, which the API leaves out',
    ]);
    expect(check(RUNTIMES, { notebookRuntimes: [{ runtimeState: 0 }, { runtimeState: 'RUNTIME_STATE_UNSPECIFIED' }] })).toHaveLength(2);
    // proto3 `optional` fields and message fields have presence: their defaults are sent.
    expect(check({ proto: 'google.cloud.aiplatform.v1.ListReasoningEnginesResponse' }, { reasoningEngines: [{ spec: { serviceAccount: '', deploymentSpec: { minInstances: 0 } }, encryptionSpec: {} }] })).toEqual([]);
  });

  it('reports two members of one oneof', () => {
    expect(check(ENDPOINTS, { endpoints: [{ deployedModels: [{ id: '1', dedicatedResources: {}, automaticResources: {} }] }] })).toEqual([
      '/endpoints/0/deployedModels/0: sets dedicatedResources and automaticResources, members of oneof prediction_resources of google.cloud.aiplatform.v1.DeployedModel: at most one is set',
    ]);
  });
});

describe('Resource Manager, IAM, Cloud KMS and Notebooks answers', () => {
  it('fit their messages, and report departures the same way', () => {
    expect(check({ proto: 'google.cloud.resourcemanager.v3.Project' }, { name: 'projects/1', projectId: 'p', state: 'ACTIVE', createTime: '2020-01-01T00:00:00Z' })).toEqual([]);
    expect(check({ proto: 'google.cloud.resourcemanager.v3.Project' }, { state: 'ARCHIVED' })).toEqual(['/state: "ARCHIVED" is not a value of google.cloud.resourcemanager.v3.Project.State']);
    expect(check({ proto: 'google.iam.v1.Policy' }, { version: 3, etag: 'BwX1', bindings: [{ role: 'roles/owner', members: ['user:a@b'], condition: { expression: 'true' } }] })).toEqual([]);
    expect(check({ proto: 'google.iam.v1.Policy' }, { version: '3', etag: 'not base64!' })).toEqual([
      '/version: "3" is not an int32 (a JSON number)',
      '/etag: "not base64!" is not bytes (standard base64 with padding)',
    ]);
    expect(check({ proto: 'google.cloud.kms.v1.CryptoKey' }, { name: 'k', purpose: 'ENCRYPT_DECRYPT', rotationPeriod: '7776000s', primary: { state: 'ENABLED', protectionLevel: 'HSM' } })).toEqual([]);
    expect(check({ proto: 'google.cloud.kms.v1.CryptoKey' }, { purpose: 'ENCRYPT_EVERYTHING' })).toEqual(['/purpose: "ENCRYPT_EVERYTHING" is not a value of google.cloud.kms.v1.CryptoKey.CryptoKeyPurpose']);
    const instances = { proto: 'google.cloud.notebooks.v2.ListInstancesResponse' };
    expect(check(instances, { instances: [{ name: 'i', state: 'ACTIVE', gceSetup: { bootDisk: { diskSizeGb: '150', diskEncryption: 'CMEK' }, metadata: { 'idle-timeout-seconds': '3600' } } }], unreachable: ['us-west1-b'] })).toEqual([]);
    expect(check(instances, { instances: [{ gceSetup: { bootDisk: { diskSizeGb: 150, diskEncryption: 'SUPER' } } }] })).toEqual([
      '/instances/0/gceSetup/bootDisk/diskSizeGb: 150 is not an int64 (a JSON string of digits)',
      '/instances/0/gceSetup/bootDisk/diskEncryption: "SUPER" is not a value of google.cloud.notebooks.v2.DiskEncryption',
    ]);
  });
});

describe('a Cloud Storage answer (the JSON API discovery schemas)', () => {
  const bucket = {
    kind: 'storage#bucket',
    name: 'b',
    projectNumber: '111',
    metageneration: '3',
    timeCreated: '2024-01-01T00:00:00.000Z',
    iamConfiguration: { uniformBucketLevelAccess: { enabled: false }, publicAccessPrevention: 'inherited' },
    versioning: { enabled: false },
    labels: { team: 'risk' },
    acl: [{ kind: 'storage#bucketAccessControl', entity: 'allUsers', role: 'READER' }],
  };

  it('fits when it holds only the schema’s properties (false is sent, unlike proto3 JSON)', () => {
    expect(check(BUCKET, bucket)).toEqual([]);
    expect(check({ storage: 'Policy' }, { kind: 'storage#policy', resourceId: 'projects/_/buckets/b', version: 1, etag: 'CAE=', bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }] })).toEqual([]);
  });

  it('reports a property the schema does not have, at any depth', () => {
    expect(check(BUCKET, { ...bucket, iamConfiguration: { uniformBucketLevelAccess: { enabled: true, lockedUntil: 'x' } }, acl: [{ entity: 'allUsers', permission: 'READ' }], publicAccess: true })).toEqual([
      '/iamConfiguration/uniformBucketLevelAccess/lockedUntil: is not a field of Bucket.iamConfiguration.uniformBucketLevelAccess',
      '/acl/0/permission: is not a field of BucketAccessControl',
      '/publicAccess: is not a field of Bucket',
    ]);
  });

  it('reports a value outside a documented set', () => {
    expect(check(BUCKET, { iamConfiguration: { publicAccessPrevention: 'unspecified' } })).toEqual(['/iamConfiguration/publicAccessPrevention: "unspecified" is not one of inherited, enforced']);
  });

  it('reports a value of the wrong JSON type: uint64 and int64 as numbers, a boolean as a string, a date-time out of form', () => {
    expect(check(BUCKET, { projectNumber: 111, metageneration: 3, versioning: { enabled: 'true' }, timeCreated: 'yesterday', labels: { team: 7 } })).toEqual([
      '/projectNumber: 111 is not a uint64 (a JSON string of digits)',
      '/metageneration: 3 is not an int64 (a JSON string of digits)',
      '/versioning/enabled: "true" is not a boolean',
      '/timeCreated: "yesterday" is not an RFC 3339 date-time',
      '/labels/team: 7 is not a string',
    ]);
    expect(check({ storage: 'Policy' }, { bindings: [{ role: 'r', members: 'allUsers' }], version: '1' })).toEqual(['/bindings/0/members: "allUsers" is not a JSON array', '/version: "1" is not an int32 (a JSON number)']);
  });
});

describe('error answers', () => {
  it('hold google.rpc.Status as the design guide maps it to HTTP, with known status names and details', () => {
    const details = [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'SERVICE_DISABLED', domain: 'googleapis.com', metadata: { service: 'aiplatform.googleapis.com' } }];
    expect(check({ error: 'google' }, { error: { code: 403, message: 'm', status: 'PERMISSION_DENIED', details } })).toEqual([]);
    expect(check({ error: 'google' }, { error: { code: 403, message: 'm', status: 'FORBIDDEN', details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reasons: ['x'] }, { '@type': 'type.googleapis.com/google.rpc.Nope' }] } })).toEqual([
      '/error/status: "FORBIDDEN" is not a name of google.rpc.Code',
      '/error/details/0/reasons: is not a field of google.rpc.ErrorInfo',
      '/error/details/1/@type: google.rpc.Nope is not in google-protos.json: add it to ROOTS in model/vendor-protos.mjs',
    ]);
  });

  it('hold Cloud Storage’s own shape on its routes', () => {
    expect(check({ error: 'storage' }, { error: { code: 403, message: 'm', errors: [{ message: 'm', domain: 'global', reason: 'forbidden' }] } })).toEqual([]);
    expect(check({ error: 'storage' }, { error: { code: 403, message: 'm', status: 'PERMISSION_DENIED' } })).toEqual(['/error: lacks errors, which a Cloud Storage error always has', '/error/status: is not a field of a Cloud Storage error']);
  });

  it('are what the fault proxy answers for Google, on Vertex AI and on Cloud Storage routes', () => {
    for (const url of ['/v1/projects/p/locations/us-central1/endpoints', '/storage/v1/b/bucket']) {
      const request = { method: 'GET', url, headers: {}, body: '' };
      const dialect = url.startsWith('/storage/') ? 'storage' : 'google';
      for (const answer of [gcpDialect.throttled(request), gcpDialect.serverError(request, 500), gcpDialect.serverError(request, 503), gcpDialect.invalid(request, 'bad'), gcpDialect.denied(request, 'no')]) {
        expect(check({ error: dialect }, JSON.parse(answer.body)), `${url} ${answer.status}`).toEqual([]);
        expect(JSON.parse(answer.body).error.code).toBe(answer.status);
      }
    }
  });
});
