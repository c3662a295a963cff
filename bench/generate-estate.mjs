// Generates a synthetic AI estate of about N assets, for the evaluation benchmarks.
//
//   node bench/generate-estate.mjs 100000 > estate.json     (a snapshot aispm can --snapshot)
//
// The estate is built from "projects" across AWS, Azure and GCP, each a realistic bundle of AI assets
// and the roles, buckets, keys and identities they touch, with a realistic mix of misconfigurations
// (about one in four settings insecure, one in twenty not read) and hub nodes: shared admin roles,
// data-lake buckets written by many roles, role chains. The same N and seed give the same estate.

/** A small, fast, seeded PRNG (mulberry32), so estates are reproducible. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateEstate(targetAssets, seed = 42) {
  const rand = random(seed);
  const chance = (p) => rand() < p;
  const pick = (list) => list[Math.floor(rand() * list.length)];
  /** A boolean setting: insecure with probability p, unknown (not read) one time in twenty. */
  const setting = (insecure, p = 0.25) => (chance(0.05) ? undefined : chance(p) ? insecure : !insecure);
  const assets = [];
  const edges = [];
  const add = (asset) => {
    const props = {};
    for (const [key, value] of Object.entries(asset.props)) if (value !== undefined) props[key] = value;
    assets.push({ ...asset, props });
    return asset.id;
  };
  const edge = (from, type, to) => edges.push({ from, type, to });
  const regionsAws = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'ap-northeast-1'];
  const regionsAzure = ['eastus', 'westeurope', 'swedencentral', 'japaneast'];
  const regionsGcp = ['us-central1', 'europe-west4', 'asia-northeast1'];
  const tags = () => (chance(0.3) ? { env: 'prod', owner: 'team@example.com' } : chance(0.5) ? { env: 'dev' } : {});

  let project = 0;
  const accounts = new Map();
  const account = (provider, index) => {
    const key = `${provider}-${index}`;
    if (!accounts.has(key)) {
      const id = provider === 'aws' ? String(100000000000 + index) : provider === 'azure' ? `00000000-0000-4000-8000-${String(index).padStart(12, '0')}` : `proj-${index}`;
      const hubs = { id, adminRole: undefined, lake: undefined };
      if (provider === 'aws') {
        hubs.adminRole = add({ id: `arn:aws:iam::${id}:role/MLAdmin`, type: 'aws.iam.role', provider, account: id, region: 'global', name: 'MLAdmin', props: { admin: true, wildcardActions: true, trustedServices: ['sagemaker.amazonaws.com'] } });
        hubs.lake = add({ id: `arn:aws:s3:::lake-${id}`, type: 'aws.s3.bucket', provider, account: id, region: 'us-east-1', name: `lake-${id}`, props: { sensitiveData: true, publicRead: false, publicWrite: false, customerManagedKey: true, versioning: true } });
        for (const region of regionsAws) {
          add({ id: `arn:aws:bedrock:${region}:${id}:model-invocation-logging`, type: 'aws.bedrock.model-invocation-logging', provider, account: id, region, name: `model-invocation-logging (${region})`, props: { loggingEnabled: setting(false, 0.4), bedrockResourcesInRegion: Math.floor(rand() * 20) } });
        }
      }
      accounts.set(key, hubs);
    }
    return accounts.get(key);
  };

  while (assets.length < targetAssets) {
    const n = project++;
    const kind = n % 3;
    if (kind === 0) {
      const acct = account('aws', Math.floor(n / 300));
      const a = acct.id;
      const region = pick(regionsAws);
      const arn = (service, resource) => `arn:aws:${service}:${region}:${a}:${resource}`;
      const exposed = setting(true);
      const role = add({ id: `arn:aws:iam::${a}:role/project-${n}`, type: 'aws.iam.role', provider: 'aws', account: a, region: 'global', name: `project-${n}`, props: { admin: setting(true, 0.05), wildcardActions: setting(true, 0.2), trustedServices: ['sagemaker.amazonaws.com'] } });
      const training = add({ id: `arn:aws:s3:::training-${n}`, type: 'aws.s3.bucket', provider: 'aws', account: a, region, name: `training-${n}`, tags: tags(), props: { sensitiveData: true, publicRead: setting(true, 0.03), publicWrite: setting(true, 0.02), blockPublicAccess: setting(false, 0.1), customerManagedKey: setting(false), versioning: setting(false) } });
      const nb = add({ id: arn('sagemaker', `notebook-instance/nb-${n}`), type: 'aws.sagemaker.notebook-instance', provider: 'aws', account: a, region, name: `nb-${n}`, tags: tags(), props: { internetExposed: exposed, directInternetAccess: exposed, rootAccess: setting(true), customerManagedKey: setting(false), kmsKeyId: null, minimumImdsVersion: chance(0.3) ? '1' : '2', platformIdentifier: pick(['notebook-al2-v1', 'notebook-al2-v3', 'notebook-al2023-v1']), status: 'InService' }, raw: { NotebookInstanceName: `nb-${n}`, DirectInternetAccess: exposed ? 'Enabled' : 'Disabled' } });
      edge(nb, 'uses-identity', chance(0.1) ? acct.adminRole : role);
      edge(role, 'reads-data', training);
      if (chance(0.5)) edge(role, 'writes-data', training);
      if (chance(0.3)) edge(role, 'writes-data', acct.lake);
      if (chance(0.1)) edge(role, 'can-assume', acct.adminRole);
      const model = add({ id: arn('sagemaker', `model/model-${n}`), type: 'aws.sagemaker.model', provider: 'aws', account: a, region, name: `model-${n}`, tags: tags(), props: { networkIsolation: setting(false), vpcConfigured: setting(false) }, raw: { PrimaryContainer: { Environment: chance(0.02) ? { API_KEY: 'sk-proj-benchmarkFAKEkey000000000000000000' } : { SAGEMAKER_PROGRAM: 'serve.py' } } } });
      edge(model, 'uses-identity', role);
      edge(model, 'trained-on', training);
      const config = add({ id: arn('sagemaker', `endpoint-config/ep-${n}`), type: 'aws.sagemaker.endpoint-config', provider: 'aws', account: a, region, name: `ep-${n}`, props: { customerManagedKey: setting(false), dataCaptureEnabled: setting(false) } });
      const endpoint = add({ id: arn('sagemaker', `endpoint/ep-${n}`), type: 'aws.sagemaker.endpoint', provider: 'aws', account: a, region, name: `ep-${n}`, tags: tags(), props: { status: 'InService', dataCaptureEnabled: setting(false), minInstanceCount: chance(0.4) ? 1 : 2, variants: [{ name: 'primary', currentInstanceCount: 2 }] } });
      edge(endpoint, 'configured-by', config);
      edge(endpoint, 'deploys', model);
      if (chance(0.6)) {
        const schedule = add({ id: arn('sagemaker', `monitoring-schedule/mon-${n}`), type: 'aws.sagemaker.monitoring-schedule', provider: 'aws', account: a, region, name: `mon-${n}`, props: { monitoringType: 'DataQuality', status: 'Scheduled' } });
        edge(endpoint, 'monitored-by', schedule);
      }
      const job = add({ id: arn('sagemaker', `training-job/train-${n}`), type: 'aws.sagemaker.training-job', provider: 'aws', account: a, region, name: `train-${n}`, props: { networkIsolation: setting(false), interContainerEncryption: setting(false), instanceCount: pick([1, 2, 4]), customerManagedKey: setting(false) } });
      edge(job, 'uses-identity', role);
      edge(job, 'reads-data', training);
      const guardrail = add({ id: arn('bedrock', `guardrail/gr-${n}`), type: 'aws.bedrock.guardrail', provider: 'aws', account: a, region, name: `gr-${n}`, props: { promptAttackStrength: chance(0.3) ? 'NONE' : 'HIGH', sensitiveInformationFilter: setting(false), contextualGrounding: setting(false), customerManagedKey: setting(false) } });
      const agent = add({ id: arn('bedrock', `agent/AG${n}`), type: 'aws.bedrock.agent', provider: 'aws', account: a, region, name: `agent-${n}`, tags: tags(), props: { customerManagedKey: setting(false), idleSessionTtlSeconds: pick([600, 3600, 7200]) }, raw: { instruction: 'You are a helpful assistant.' } });
      if (chance(0.7)) edge(agent, 'guarded-by', guardrail);
      edge(agent, 'uses-identity', chance(0.05) ? acct.adminRole : role);
    } else if (kind === 1) {
      const sub = account('azure', Math.floor(n / 300)).id;
      const region = pick(regionsAzure);
      const base = `/subscriptions/${sub}/resourceGroups/rg-${n}/providers`;
      const publicAccess = setting(true);
      const acct = add({ id: `${base}/Microsoft.CognitiveServices/accounts/ai-${n}`, type: 'azure.cognitiveservices.account', provider: 'azure', account: sub, region, name: `ai-${n}`, tags: tags(), props: { kind: 'OpenAI', internetExposed: publicAccess, publicNetworkAccess: publicAccess ? 'Enabled' : 'Disabled', networkDefaultAction: chance(0.5) ? 'Allow' : 'Deny', localAuthDisabled: setting(false), customerManagedKey: setting(false), managedIdentity: setting(false), loggingEnabled: setting(false) } });
      const policy = add({ id: `${base}/Microsoft.CognitiveServices/accounts/ai-${n}/raiPolicies/filter`, type: 'azure.cognitiveservices.rai-policy', provider: 'azure', account: sub, region, name: 'filter', props: { jailbreakFilter: setting(false), indirectAttackFilter: setting(false) } });
      for (const model of ['gpt-4o', 'gpt-4o-mini']) {
        const deployment = add({ id: `${base}/Microsoft.CognitiveServices/accounts/ai-${n}/deployments/${model}`, type: 'azure.cognitiveservices.deployment', provider: 'azure', account: sub, region, name: model, tags: tags(), props: { modelId: model, modelVersion: '2024-07-18', outdated: setting(true, 0.1), raiPolicyName: 'filter' } });
        edge(deployment, 'part-of', acct);
        if (chance(0.8)) edge(deployment, 'guarded-by', policy);
      }
      const workspace = add({ id: `${base}/Microsoft.MachineLearningServices/workspaces/ws-${n}`, type: 'azure.machinelearning.workspace', provider: 'azure', account: sub, region, name: `ws-${n}`, props: { kind: 'Hub', publicNetworkAccess: 'Enabled', internetExposed: setting(true), customerManagedKey: setting(false) } });
      const compute = add({ id: `${base}/Microsoft.MachineLearningServices/workspaces/ws-${n}/computes/ci-${n}`, type: 'azure.machinelearning.compute', provider: 'azure', account: sub, region, name: `ci-${n}`, tags: tags(), props: { computeType: 'ComputeInstance', publicIp: setting(true), sshEnabled: setting(true), internetExposed: setting(true) } });
      edge(compute, 'part-of', workspace);
      const identity = add({ id: `${base}/Microsoft.ManagedIdentity/userAssignedIdentities/id-${n}`, type: 'azure.managedidentity.identity', provider: 'azure', account: sub, region, name: `id-${n}`, props: { admin: setting(true, 0.1) } });
      const storage = add({ id: `${base}/Microsoft.Storage/storageAccounts/st${n}`, type: 'azure.storage.account', provider: 'azure', account: sub, region, name: `st${n}`, props: { sensitiveData: true, publicRead: setting(true, 0.03), publicWrite: setting(true, 0.02) } });
      edge(compute, 'uses-identity', identity);
      edge(identity, 'reads-data', storage);
      if (chance(0.5)) edge(identity, 'writes-data', storage);
      const endpoint = add({ id: `${base}/Microsoft.MachineLearningServices/workspaces/ws-${n}/onlineEndpoints/score-${n}`, type: 'azure.machinelearning.online-endpoint', provider: 'azure', account: sub, region, name: `score-${n}`, props: { authMode: pick(['Key', 'AADToken']), publicNetworkAccess: 'Enabled', internetExposed: setting(true) } });
      edge(endpoint, 'part-of', workspace);
    } else {
      const p = account('gcp', Math.floor(n / 300)).id;
      const region = pick(regionsGcp);
      const base = `projects/${p}/locations/${region}`;
      const sa = add({ id: `projects/${p}/serviceAccounts/sa-${n}@${p}.iam.gserviceaccount.com`, type: 'gcp.iam.service-account', provider: 'gcp', account: p, region: 'global', name: `sa-${n}`, props: { defaultComputeServiceAccount: setting(true, 0.2), admin: setting(true, 0.1) } });
      const bucket = add({ id: `projects/_/buckets/data-${n}`, type: 'gcp.storage.bucket', provider: 'gcp', account: p, region, name: `data-${n}`, props: { sensitiveData: true, publicRead: setting(true, 0.03), publicWrite: setting(true, 0.02), customerManagedKey: setting(false) } });
      edge(sa, 'reads-data', bucket);
      if (chance(0.5)) edge(sa, 'writes-data', bucket);
      const model = add({ id: `${base}/models/m-${n}`, type: 'gcp.vertexai.model', provider: 'gcp', account: p, region, name: `m-${n}`, props: { customerManagedKey: setting(false) }, raw: { containerSpec: { env: [{ name: 'WORKERS', value: '4' }] } } });
      edge(model, 'trained-on', bucket);
      edge(model, 'artifacts-in', bucket);
      const isPublic = chance(0.4);
      const endpoint = add({ id: `${base}/endpoints/e-${n}`, type: 'gcp.vertexai.endpoint', provider: 'gcp', account: p, region, name: `e-${n}`, tags: tags(), props: { networkType: isPublic ? 'public' : 'private-service-connect', internetExposed: isPublic, customerManagedKey: setting(false), requestResponseLogging: setting(false) } });
      edge(endpoint, 'deploys', model);
      const runtimePublic = setting(true);
      const runtime = add({ id: `${base}/notebookRuntimes/rt-${n}`, type: 'gcp.vertexai.notebook-runtime', provider: 'gcp', account: p, region, name: `rt-${n}`, props: { internetEgress: runtimePublic, internetExposed: runtimePublic, idleShutdown: setting(false) } });
      edge(runtime, 'uses-identity', sa);
      const job = add({ id: `${base}/customJobs/j-${n}`, type: 'gcp.vertexai.custom-job', provider: 'gcp', account: p, region, name: `j-${n}`, props: { network: chance(0.5) ? null : 'projects/x/global/networks/vpc', webAccess: setting(true), customerManagedKey: setting(false) } });
      edge(job, 'uses-identity', sa);
    }
  }
  return { sources: ['synthetic'], assets, edges, coverage: [] };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = Number(process.argv[2] ?? 10000);
  const estate = generateEstate(size, Number(process.argv[3] ?? 42));
  process.stdout.write(JSON.stringify({ snapshotVersion: 1, sources: estate.sources, coverage: [], assets: estate.assets, edges: estate.edges }));
}
