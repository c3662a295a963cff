#!/usr/bin/env node
// Regenerates google-protos.json: the messages and enums of the Google APIs the fake serves, read from
// the googleapis protos, flattened to what the proto3 JSON mapping needs (JSON field names, types,
// repeated/map, presence, oneofs, enum values). Run it when a route of the fake answers with a message
// that is not in the file yet (add the message to ROOTS), or to move to a newer googleapis commit:
//
//   node test/fakes/gcp/model/vendor-protos.mjs [googleapis git directory]
//
// The git directory defaults to the mirror this project was built with; any clone of
// https://github.com/googleapis/googleapis works. Only the commit it has checked out (HEAD) is read.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const repository = process.argv[2] ?? '/work/.mirror/googleapis+googleapis/repo';

/** The messages the fake answers with (each with everything it reaches), by the proto file that defines it. */
const ROOTS = {
  'google/cloud/aiplatform/v1/endpoint_service.proto': ['google.cloud.aiplatform.v1.ListEndpointsResponse'],
  'google/cloud/aiplatform/v1/model_service.proto': ['google.cloud.aiplatform.v1.ListModelsResponse'],
  'google/cloud/aiplatform/v1/dataset_service.proto': ['google.cloud.aiplatform.v1.ListDatasetsResponse'],
  'google/cloud/aiplatform/v1/job_service.proto': ['google.cloud.aiplatform.v1.ListCustomJobsResponse', 'google.cloud.aiplatform.v1.ListModelDeploymentMonitoringJobsResponse'],
  'google/cloud/aiplatform/v1/pipeline_service.proto': ['google.cloud.aiplatform.v1.ListTrainingPipelinesResponse'],
  'google/cloud/aiplatform/v1/notebook_service.proto': ['google.cloud.aiplatform.v1.ListNotebookRuntimesResponse', 'google.cloud.aiplatform.v1.ListNotebookRuntimeTemplatesResponse'],
  'google/cloud/aiplatform/v1/feature_online_store_admin_service.proto': ['google.cloud.aiplatform.v1.ListFeatureOnlineStoresResponse'],
  'google/cloud/aiplatform/v1/index_endpoint_service.proto': ['google.cloud.aiplatform.v1.ListIndexEndpointsResponse'],
  'google/cloud/aiplatform/v1/reasoning_engine_service.proto': ['google.cloud.aiplatform.v1.ListReasoningEnginesResponse'],
  'google/cloud/aiplatform/v1/tensorboard_service.proto': ['google.cloud.aiplatform.v1.ListTensorboardsResponse'],
  'google/cloud/aiplatform/v1/metadata_service.proto': ['google.cloud.aiplatform.v1.ListMetadataStoresResponse'],
  'google/cloud/aiplatform/v1/vertex_rag_data_service.proto': ['google.cloud.aiplatform.v1.ListRagCorporaResponse', 'google.cloud.aiplatform.v1.ListRagFilesResponse'],
  'google/cloud/aiplatform/v1/index_service.proto': ['google.cloud.aiplatform.v1.ListIndexesResponse'],
  'google/cloud/location/locations.proto': ['google.cloud.location.ListLocationsResponse'],
  'google/cloud/notebooks/v2/service.proto': ['google.cloud.notebooks.v2.ListInstancesResponse'],
  'google/cloud/resourcemanager/v3/projects.proto': ['google.cloud.resourcemanager.v3.Project', 'google.cloud.resourcemanager.v3.ListProjectsResponse'],
  'google/cloud/resourcemanager/v3/folders.proto': ['google.cloud.resourcemanager.v3.Folder', 'google.cloud.resourcemanager.v3.ListFoldersResponse'],
  'google/cloud/resourcemanager/v3/organizations.proto': ['google.cloud.resourcemanager.v3.Organization'],
  'google/iam/v1/policy.proto': ['google.iam.v1.Policy'],
  'google/cloud/kms/v1/resources.proto': ['google.cloud.kms.v1.CryptoKey'],
  'google/api/apikeys/v2/apikeys.proto': ['google.api.apikeys.v2.ListKeysResponse'],
  'google/api/serviceusage/v1/serviceusage.proto': ['google.api.serviceusage.v1.BatchGetServicesResponse'],
  'google/cloud/modelarmor/v1/service.proto': ['google.cloud.modelarmor.v1.ListTemplatesResponse', 'google.cloud.modelarmor.v1.FloorSetting'],
  'google/cloud/orgpolicy/v2/orgpolicy.proto': ['google.cloud.orgpolicy.v2.Policy', 'google.cloud.orgpolicy.v2.ListConstraintsResponse'],
  'google/identity/accesscontextmanager/v1/access_context_manager.proto': ['google.identity.accesscontextmanager.v1.ListAccessPoliciesResponse', 'google.identity.accesscontextmanager.v1.ListServicePerimetersResponse'],
  'google/privacy/dlp/v2/dlp.proto': ['google.privacy.dlp.v2.ListFileStoreDataProfilesResponse'],
  // Google's error bodies: the status names, and the messages their details carry.
  'google/rpc/code.proto': ['google.rpc.Code'],
  'google/rpc/error_details.proto': [
    'google.rpc.ErrorInfo',
    'google.rpc.RetryInfo',
    'google.rpc.DebugInfo',
    'google.rpc.QuotaFailure',
    'google.rpc.PreconditionFailure',
    'google.rpc.BadRequest',
    'google.rpc.RequestInfo',
    'google.rpc.ResourceInfo',
    'google.rpc.Help',
    'google.rpc.LocalizedMessage',
  ],
};

/** Well-known types with their own JSON form: the checker knows them by name. */
const WELL_KNOWN = /^google\.protobuf\./;

/** The directories the root files import from. */
const DIRECTORIES = ['google/api', 'google/rpc', 'google/type', 'google/longrunning', 'google/cloud/aiplatform/v1', 'google/cloud/notebooks/v2', 'google/cloud/resourcemanager/v3', 'google/iam/v1', 'google/cloud/kms/v1', 'google/cloud/location', 'google/api/apikeys/v2', 'google/api/serviceusage/v1', 'google/cloud/modelarmor/v1', 'google/cloud/orgpolicy/v2', 'google/identity/accesscontextmanager/v1', 'google/identity/accesscontextmanager/type', 'google/privacy/dlp/v2'];

const git = (...args) => execFileSync('git', ['-C', repository, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 }).trim();

/** protoc's JSON name: underscores dropped, the letter after one upper-cased. */
function jsonName(field) {
  if (field.options?.json_name) return field.options.json_name;
  let out = '';
  let upper = false;
  for (const character of field.name) {
    if (character === '_') upper = true;
    else {
      out += upper ? character.toUpperCase() : character;
      upper = false;
    }
  }
  return out;
}

const fullName = (reflection) => reflection.fullName.replace(/^\./, '');

function main() {
  const commit = git('rev-parse', 'HEAD');
  const date = git('log', '-1', '--format=%cI', 'HEAD');
  const work = mkdtempSync(join(tmpdir(), 'googleapis-'));
  try {
    // A partial clone (such as the mirror) may lack large blobs elsewhere in the tree, which git reports
    // while archiving; a directory listed here that lacked a file would fail loadSync below.
    execFileSync('sh', ['-c', `git -C "$1" archive HEAD ${DIRECTORIES.join(' ')} 2>/dev/null | tar -x -C "$2"`, 'sh', repository, work], { stdio: ['ignore', 'ignore', 'inherit'] });
    protobuf.common('descriptor', require('protobufjs/google/protobuf/descriptor.json').nested.google.nested.protobuf.nested);
    const root = new protobuf.Root();
    // google/protobuf files that googleapis does not hold (api.proto, type.proto, which Service Usage's
    // ServiceConfig imports) come from protobufjs's own copies.
    const bundled = dirname(require.resolve('protobufjs/package.json'));
    root.resolvePath = (_origin, target) => (target.startsWith('google/protobuf/') && !existsSync(join(work, target)) ? join(bundled, target) : join(work, target));
    root.loadSync(Object.keys(ROOTS), { keepCase: true });
    root.resolveAll();

    const messages = {};
    const enums = {};
    const seen = new Set();
    const visit = (type) => {
      const name = fullName(type);
      if (seen.has(name) || WELL_KNOWN.test(name)) return;
      seen.add(name);
      if (type instanceof protobuf.Enum) {
        enums[name] = { ...type.values };
        return;
      }
      const fields = {};
      for (const field of type.fieldsArray) {
        const child = field.resolvedType;
        const entry = { type: child ? fullName(child) : field.type };
        if (field.map) entry.map = field.keyType;
        else if (field.repeated) entry.repeated = true;
        // Scalars and enums without presence are left out of the JSON when they hold their default.
        else if (!(child instanceof protobuf.Type) && field.hasPresence) entry.presence = true;
        if (field.partOf && !field.options?.proto3_optional) entry.oneof = field.partOf.name;
        fields[jsonName(field)] = entry;
        if (child) visit(child);
      }
      messages[name] = { fields };
    };
    for (const name of Object.values(ROOTS).flat()) visit(root.lookup(name) ?? missing(name));

    const sorted = (object) => Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : 1)));
    const model = {
      $comment: 'Generated by vendor-protos.mjs from the googleapis protos; do not edit. See README.md.',
      source: { repository: 'https://github.com/googleapis/googleapis', commit, date, files: Object.keys(ROOTS) },
      roots: Object.values(ROOTS).flat(),
      messages: sorted(messages),
      enums: sorted(enums),
    };
    writeFileSync(join(here, 'google-protos.json'), `${JSON.stringify(model, null, 1)}\n`);
    console.log(`google-protos.json: ${Object.keys(messages).length} messages, ${Object.keys(enums).length} enums from googleapis ${commit}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function missing(name) {
  throw new Error(`${name} is not defined in the files of ROOTS`);
}

main();
