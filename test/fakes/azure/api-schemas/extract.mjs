// Writes test/fakes/azure/api-schemas/schemas.json: the part of the Azure REST API models that the
// fake Resource Manager answers with, per api-version, in a compact form the schema checker reads
// (schema-check.ts). Run it when a client starts sending another api-version or the fake serves a
// new resource type:
//
//   node test/fakes/azure/api-schemas/extract.mjs [path to a clone of Azure/bicep-types-az]
//
// Resource bodies come from Azure/bicep-types-az (`generated/<service>/<namespace>/<version>/types.json`,
// generated from Azure/azure-rest-api-specs, with read-only and write-only flags and every enum
// value). What that repository does not hold (list operations that are not resources, the paging
// envelopes, the subscription list, and diagnostic settings at 2017-05-01-preview, where its type
// of that name is the subscription-level setting) is transcribed below from the REST API specs,
// each with the file and commit it was read from.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const MIRROR = process.argv[2] ?? '/work/.mirror/Azure+bicep-types-az/repo';
const git = (...args) => execFileSync('git', ['-C', MIRROR, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const COMMIT = git('rev-parse', 'HEAD').trim();
const COMMIT_SUBJECT = git('log', '-1', '--format=%s').trim();

/** Resource types read from bicep-types-az: folder under generated/, then the types at that api-version. */
const BICEP = [
  ['cognitiveservices/microsoft.cognitiveservices/2025-09-01', ['Microsoft.CognitiveServices/accounts', 'Microsoft.CognitiveServices/accounts/deployments', 'Microsoft.CognitiveServices/accounts/raiPolicies', 'Microsoft.CognitiveServices/accounts/projects', 'Microsoft.CognitiveServices/accounts/connections', 'Microsoft.CognitiveServices/accounts/projects/connections']],
  ['monitor_1/microsoft.insights/2021-05-01-preview', ['Microsoft.Insights/diagnosticSettings']],
  ['machinelearningservices/microsoft.machinelearningservices/2026-05-15-preview', ['Microsoft.MachineLearningServices/workspaces']],
  ['machinelearningservices/microsoft.machinelearningservices/2026-05-01', ['Microsoft.MachineLearningServices/workspaces', 'Microsoft.MachineLearningServices/workspaces/computes', 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints', 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments', 'Microsoft.MachineLearningServices/workspaces/datastores']],
  ['storage/microsoft.storage/2025-08-01', ['Microsoft.Storage/storageAccounts', 'Microsoft.Storage/storageAccounts/blobServices/containers']],
  ['authorization/microsoft.authorization/2022-04-01', ['Microsoft.Authorization/roleAssignments', 'Microsoft.Authorization/roleDefinitions']],
  ['msi/microsoft.managedidentity/2024-11-30', ['Microsoft.ManagedIdentity/userAssignedIdentities']],
  ['search/microsoft.search/2025-05-01', ['Microsoft.Search/searchServices']],
  ['security/microsoft.security/2024-01-01', ['Microsoft.Security/pricings']],
  ['keyvault/microsoft.keyvault/2026-02-01', ['Microsoft.KeyVault/vaults']],
  ['databricks/microsoft.databricks/2026-01-01', ['Microsoft.Databricks/workspaces']],
  ['security/microsoft.security/2025-06-01', ['Microsoft.Security/defenderForStorageSettings']],
  ['resources_1/microsoft.authorization/2025-03-01', ['Microsoft.Authorization/policyAssignments', 'Microsoft.Authorization/policySetDefinitions']],
];

const READ_ONLY = 2;
const WRITE_ONLY = 4;

/* ---------- the output: one table of schema nodes, resources and lists pointing into it ---------- */

const table = [];
const interned = new Map();
/** Adds a node (its children already indices) once; returns its index. */
function intern(node) {
  const key = JSON.stringify(node);
  let index = interned.get(key);
  if (index === undefined) {
    index = table.length;
    table.push(node);
    interned.set(key, index);
  }
  return index;
}

/* ---------- bicep-types-az ---------- */

function loadBicep(folder) {
  return JSON.parse(git('show', `HEAD:generated/${folder}/types.json`));
}

/**
 * Converts bicep type `index` of `types` and what it reaches. Objects may be recursive (an error's
 * details), so an object is given its index first and filled in after.
 */
function fromBicep(types, index, memo = new Map()) {
  if (memo.has(index)) return memo.get(index);
  const type = types[index];
  const at = (ref) => fromBicep(types, Number(ref.$ref.split('/').pop()), memo);
  switch (type.$type) {
    case 'StringType':
      return intern({ kind: 'string' });
    case 'IntegerType':
      return intern({ kind: 'integer' });
    case 'BooleanType':
      return intern({ kind: 'boolean' });
    case 'AnyType':
      return intern({ kind: 'any' });
    case 'NullType':
      return intern({ kind: 'null' });
    case 'StringLiteralType':
      return intern({ kind: 'enum', values: [type.value], open: false });
    case 'ArrayType':
      return intern({ kind: 'array', items: at(type.itemType) });
    case 'UnionType': {
      const elements = type.elements.map((ref) => types[Number(ref.$ref.split('/').pop())]);
      if (elements.every((element) => element.$type === 'StringLiteralType' || element.$type === 'StringType')) {
        return intern({ kind: 'enum', values: elements.filter((e) => e.$type === 'StringLiteralType').map((e) => e.value), open: elements.some((e) => e.$type === 'StringType') });
      }
      return intern({ kind: 'oneOf', options: type.elements.map(at) });
    }
    case 'ObjectType': {
      const slot = table.length;
      table.push(null);
      memo.set(index, slot);
      const node = { kind: 'object', name: type.name, properties: properties(type.properties ?? {}, at) };
      if (type.additionalProperties) node.additional = at(type.additionalProperties);
      table[slot] = node;
      return slot;
    }
    case 'DiscriminatedObjectType': {
      const slot = table.length;
      table.push(null);
      memo.set(index, slot);
      const cases = {};
      for (const [value, ref] of Object.entries(type.elements)) cases[value] = at(ref);
      table[slot] = { kind: 'tagged', name: type.name, discriminator: type.discriminator, base: properties(type.baseProperties ?? {}, at), cases };
      return slot;
    }
    default:
      throw new Error(`bicep type ${type.$type} is not handled`);
  }
}

function properties(props, at) {
  const out = {};
  for (const [name, property] of Object.entries(props)) {
    const entry = { type: at(property.type) };
    if (property.flags & READ_ONLY) entry.readOnly = true;
    if (property.flags & WRITE_ONLY) entry.writeOnly = true;
    out[name] = entry;
  }
  return out;
}

/**
 * A resource body as a GET answers it: bicep's `apiVersion` is a template keyword, not a field of
 * the answer; `type` is compared without case (ARM answers `Microsoft.Insights/diagnosticSettings`
 * and `microsoft.insights/diagnosticSettings` alike).
 */
function resourceBody(types, bodyRef) {
  const body = types[Number(bodyRef.$ref.split('/').pop())];
  const index = fromBicep(types, Number(bodyRef.$ref.split('/').pop()));
  const node = { ...table[index], properties: { ...table[index].properties } };
  delete node.properties.apiVersion;
  const typeLiteral = types[Number(body.properties.type.type.$ref.split('/').pop())];
  node.properties.type = { type: intern({ kind: 'enum', values: [typeLiteral.value], open: false, ignoreCase: true }), readOnly: true };
  return intern(node);
}

const resources = {};
const sources = {};
const bicepTypes = new Map();
for (const [folder, wanted] of BICEP) {
  const types = loadBicep(folder);
  const version = folder.split('/').pop();
  bicepTypes.set(version + ' ' + folder.split('/')[1], types);
  for (const name of wanted) {
    const resource = types.find((type) => type.$type === 'ResourceType' && type.name.toLowerCase() === `${name}@${version}`.toLowerCase());
    if (!resource) throw new Error(`${name}@${version} is not in generated/${folder}/types.json`);
    resources[`${name}@${version}`] = resourceBody(types, resource.body);
    sources[`${name}@${version}`] = `Azure/bicep-types-az@${COMMIT}: generated/${folder}/types.json`;
  }
}

/** A named object type of a bicep file, converted (for the transcribed models that reuse one). */
function bicepObject(folder, name) {
  const types = loadBicep(folder);
  const index = types.findIndex((type) => type.$type === 'ObjectType' && type.name === name);
  if (index === -1) throw new Error(`no object ${name} in ${folder}`);
  return fromBicep(types, index);
}

/* ---------- transcribed from Azure/azure-rest-api-specs ---------- */

const string = intern({ kind: 'string' });
const integer = intern({ kind: 'integer' });
const boolean = intern({ kind: 'boolean' });
const any = intern({ kind: 'any' });
const array = (items) => intern({ kind: 'array', items });
const enumOf = (values, open) => intern({ kind: 'enum', values, open });
const object = (name, props, additional) => {
  const properties = {};
  for (const [key, value] of Object.entries(props)) properties[key] = typeof value === 'number' ? { type: value } : value;
  return intern({ kind: 'object', name, properties, ...(additional === undefined ? {} : { additional }) });
};
const readOnly = (type) => ({ type, readOnly: true });
const resourceType = (value) => readOnly(intern({ kind: 'enum', values: [value], open: false, ignoreCase: true }));
const stringMap = object('StringMap', {}, string);

// specification/monitor/resource-manager/Microsoft.Insights/preview/2017-05-01-preview/diagnosticsSettings_API.json
// @ 0f0bdd9aacfe4f6119cf921cb3f7361dcf96af74: DiagnosticSettingsResource (ProxyOnlyResource: id, name, type), no systemData,
// no categoryGroup, no marketplacePartnerId.
const retention = object('RetentionPolicy', { enabled: boolean, days: integer });
resources['Microsoft.Insights/diagnosticSettings@2017-05-01-preview'] = object('DiagnosticSettingsResource', {
  id: readOnly(string),
  name: readOnly(string),
  type: resourceType('Microsoft.Insights/diagnosticSettings'),
  properties: object('DiagnosticSettings', {
    storageAccountId: string,
    serviceBusRuleId: string,
    eventHubAuthorizationRuleId: string,
    eventHubName: string,
    metrics: array(object('MetricSettings', { timeGrain: string, category: string, enabled: boolean, retentionPolicy: retention })),
    logs: array(object('LogSettings', { category: string, enabled: boolean, retentionPolicy: retention })),
    workspaceId: string,
    logAnalyticsDestinationType: string,
  }),
});
sources['Microsoft.Insights/diagnosticSettings@2017-05-01-preview'] =
  'Azure/azure-rest-api-specs@0f0bdd9aacfe4f6119cf921cb3f7361dcf96af74: specification/monitor/resource-manager/Microsoft.Insights/preview/2017-05-01-preview/diagnosticsSettings_API.json';

// specification/resources/resource-manager/Microsoft.Resources/subscriptions/stable/2022-12-01/subscriptions.json
// @ 1311a1c78a628ebfe9d54eabb538587fcaaa3d90: Subscription; SubscriptionState and SpendingLimit are closed enums.
resources['Microsoft.Resources/subscriptions@2022-12-01'] = object('Subscription', {
  id: readOnly(string),
  subscriptionId: readOnly(string),
  displayName: readOnly(string),
  tenantId: readOnly(string),
  state: readOnly(enumOf(['Enabled', 'Warned', 'PastDue', 'Disabled', 'Deleted'], false)),
  subscriptionPolicies: object('SubscriptionPolicies', {
    locationPlacementId: readOnly(string),
    quotaId: readOnly(string),
    spendingLimit: readOnly(enumOf(['On', 'Off', 'CurrentPeriodOff'], false)),
  }),
  authorizationSource: string,
  managedByTenants: array(object('ManagedByTenant', { tenantId: readOnly(string) })),
  tags: stringMap,
});
sources['Microsoft.Resources/subscriptions@2022-12-01'] =
  'Azure/azure-rest-api-specs@1311a1c78a628ebfe9d54eabb538587fcaaa3d90: specification/resources/resource-manager/Microsoft.Resources/subscriptions/stable/2022-12-01/subscriptions.json';

// specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices/stable/2025-09-01/cognitiveservices.json
// @ 1bf33b7d3f56e179bec5ee01a4e94b3757a994d9: AccountModel (allOf DeploymentModel), the items of Accounts_ListModels.
// ModelSku's capacity, rateLimits and cost are not transcribed (any): the fake serves none.
{
  const folder = 'cognitiveservices/microsoft.cognitiveservices/2025-09-01';
  const deploymentModel = table[bicepObject(folder, 'DeploymentModel')];
  resources['Microsoft.CognitiveServices/accounts/models@2025-09-01'] = object('AccountModel', {
    ...deploymentModel.properties,
    baseModel: bicepObject(folder, 'DeploymentModel'),
    isDefaultVersion: boolean,
    skus: array(object('ModelSku', { name: string, usageName: string, deprecationDate: string, capacity: any, rateLimits: any, cost: any })),
    maxCapacity: integer,
    capabilities: stringMap,
    finetuneCapabilities: stringMap,
    deprecation: object('ModelDeprecationInfo', { fineTune: string, inference: string, deprecationStatus: enumOf(['Planned', 'Tentative'], true) }),
    replacementConfig: object('ReplacementConfig', { targetModelName: string, targetModelVersion: string, autoUpgradeStartDate: string, upgradeOnExpiryLeadTimeDays: integer }),
    modelCatalogAssetId: string,
    lifecycleStatus: enumOf(['Stable', 'Preview', 'GenerallyAvailable', 'Deprecating', 'Deprecated', 'Legacy'], true),
    systemData: bicepObject(folder, 'SystemData'),
  });
  sources['Microsoft.CognitiveServices/accounts/models@2025-09-01'] =
    'Azure/azure-rest-api-specs@1bf33b7d3f56e179bec5ee01a4e94b3757a994d9: specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices/stable/2025-09-01/cognitiveservices.json (AccountModel)';
}

// specification/managementgroups/resource-manager/Microsoft.Management/stable/2021-04-01/management.json
// @ 9083bd69dcdac3c138a60362a884265d766b87c4: DescendantInfo, the items of ManagementGroups_GetDescendants
// (DescendantListResult, x-ms-pageable with nextLink), as @azure/arm-managementgroups 2 asks for it.
// `type` is a plain string there ("Microsoft.Management/managementGroups or /subscriptions").
resources['Microsoft.Management/managementGroups/descendants@2021-04-01'] = object('DescendantInfo', {
  id: readOnly(string),
  type: readOnly(string),
  name: readOnly(string),
  properties: object('DescendantInfoProperties', {
    displayName: string,
    parent: object('DescendantParentGroupInfo', { id: string }),
  }),
});
sources['Microsoft.Management/managementGroups/descendants@2021-04-01'] =
  'Azure/azure-rest-api-specs@9083bd69dcdac3c138a60362a884265d766b87c4: specification/managementgroups/resource-manager/Microsoft.Management/stable/2021-04-01/management.json (DescendantInfo)';

/**
 * Paging envelopes: every list the collector reads answers `{ value, nextLink }` (the specs'
 * `...ListResult` definitions with x-ms-pageable nextLinkName nextLink), except diagnostic settings,
 * whose DiagnosticSettingsResourceCollection has `value` only at both versions, and Defender for
 * Cloud pricings, whose PricingList has `value` only (Pricings_List is not x-ms-pageable:
 * specification/security/resource-manager/Microsoft.Security/stable/2024-01-01/pricings.json).
 */
const UNPAGED = ['Microsoft.Insights/diagnosticSettings@', 'Microsoft.Security/pricings@'];
const envelopes = {};
for (const key of Object.keys(resources)) envelopes[key] = UNPAGED.some((prefix) => key.startsWith(prefix)) ? ['value'] : ['value', 'nextLink'];

const output = {
  about: 'Generated by test/fakes/azure/api-schemas/extract.mjs; do not edit. The Azure REST API models the fake Resource Manager answers with, per api-version.',
  source: { repository: 'Azure/bicep-types-az', commit: COMMIT, subject: COMMIT_SUBJECT },
  sources: Object.fromEntries(Object.entries(sources).sort(([a], [b]) => a.localeCompare(b))),
  resources: Object.fromEntries(Object.entries(resources).sort(([a], [b]) => a.localeCompare(b))),
  envelopes: Object.fromEntries(Object.entries(envelopes).sort(([a], [b]) => a.localeCompare(b))),
  types: table,
};
// One schema node per line: a change of the models shows as a readable diff.
const { types: nodes, ...head } = output;
const headText = JSON.stringify(head, null, 2);
writeFileSync(join(HERE, 'schemas.json'), `${headText.slice(0, -2)},\n  "types": [\n${nodes.map((node) => `    ${JSON.stringify(node)}`).join(',\n')}\n  ]\n}\n`);
process.stdout.write(`wrote schemas.json: ${Object.keys(resources).length} resource types, ${table.length} schema nodes, from bicep-types-az ${COMMIT.slice(0, 12)}\n`);
