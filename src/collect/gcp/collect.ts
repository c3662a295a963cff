import { InputError } from '../../errors.js';
import type { Inventory } from '../../graph/model.js';
import type { CollectorContext, CollectScope } from '../collector.js';
import { AccountsProgress } from '../progress.js';
import { forEachConcurrently, identityTimeoutMs, InventoryBuilder } from '../runtime.js';
import { inShard } from '../shard.js';
import { AncestryReader } from './ancestry.js';
import { projectsBeneath } from './discovery.js';
import { classifyGcpError, describeGoogleError } from './errors.js';
import { GcpEstate } from './estate.js';
import { AI_APIS, readEnabledApis, VERTEX_AI_API } from './api-keys.js';
import { collectGenerativeAi } from './generative-ai.js';
import { FloorSettingReader } from './model-armor.js';
import type { IamPolicy } from './iam.js';
import { vertexAiAuditProps } from './audit-logs.js';
import { readOrgPolicies } from './org-policy.js';
import { PerimeterReader } from './vpc-service-controls.js';
import { toApiJson } from './proto-json.js';
import { collectRelated, type ProjectFacts } from './related.js';
import { authenticate, defaultProject, openRestSession, openSession, type GoogleSession, type ProjectDetails, type RestSession, type RetryPolicy } from './session.js';
import type { GcpSettings } from './settings.js';
import { VERTEX_COLLECTIONS } from './vertex/index.js';
import { collectRagFiles } from './vertex/rag.js';
import { collectWorkbenchInstances } from './vertex/workbench.js';

/**
 * Reads the Google Cloud estate: for each project, its number, IAM policy and the policies it
 * inherits from its folders and organization, its Workbench instances, the Vertex AI locations, and
 * every Vertex AI collection in each location, all at once under the builder's concurrency limit;
 * then the buckets, keys and service accounts those resources and policies name.
 */
export async function collectGcp(context: CollectorContext, settings: GcpSettings, retry: Partial<RetryPolicy> = {}): Promise<Inventory> {
  const authClient = await authenticate(context, settings);
  const rest = openRestSession(context, settings, authClient, retry);
  const estate = new GcpEstate(new InventoryBuilder('gcp', context, classifyGcpError));
  // Settle the scope before building the clients, which costs seconds of CPU.
  const { projects, discovered } = await projectsInScope(rest, estate, context.scope);
  // Each project's first call leaves before the client libraries load (seconds of CPU), and they load
  // once it is answered: not while it is in flight, where an answer waiting behind them could
  // outlast its timeout.
  const firstAnswers = new Map(await Promise.all(projects.map(async (project) => [project, await readProject(rest, estate, project)] as const)));
  // What a project that will be read needs no client library for starts now, and goes on while they load.
  const early = new Map(projects.map((project) => [project, startRestReads(rest, estate, project, firstAnswers.get(project)!, discovered.has(project))]));
  const session = await openSession(rest, settings, authClient);
  try {
    const facts = new Map<string, ProjectFacts>();
    const ancestry = new AncestryReader(session, estate);
    const floors = new FloorSettingReader(session, estate);
    const perimeters = new PerimeterReader(session, estate);
    const progress = new AccountsProgress(context, 'projects', projects.length, () => estate.builder.assetCount);
    progress.show();
    await forEachConcurrently(projects, async (project) => {
      facts.set(project, await collectProject(session, estate, { ancestry, floors, perimeters }, project, firstAnswers.get(project)!, discovered.has(project), early.get(project)));
      progress.finished();
    });
    linkTrainingData(estate);
    progress.show('; buckets, keys and service accounts');
    await collectRelated(session, estate, facts);
    return withoutDanglingEdges(estate, estate.builder.result());
  } finally {
    await session.close();
  }
}

/**
 * The projects to scan: those named with `--gcp-project` and the active ones beneath the
 * `--gcp-organization`s and `--gcp-folder`s (discovery.ts), or else the project of the credentials;
 * less `--gcp-exclude-project`, in the shard (`--shard i/n`, shard.ts). Also which of them were
 * found beneath a parent rather than named.
 */
async function projectsInScope(rest: RestSession, estate: GcpEstate, scope: CollectScope): Promise<{ projects: string[]; discovered: Set<string> }> {
  const named = scope.gcpProjects ?? [];
  const discovered = new Set(scope.gcpParents ? await projectsBeneath(rest, estate.builder, scope.gcpParents) : []);
  for (const project of named) discovered.delete(project);
  const all = scope.gcpProjects || scope.gcpParents ? [...named, ...discovered] : [await projectOfCredentials()];
  const excluded = new Set(scope.gcpExcludeProjects ?? []);
  const inScope = [...new Set(all)].filter((project) => !excluded.has(project));
  const projects = inShard(inScope, scope.shard, String);
  if (scope.shard) estate.builder.context.log.info(`gcp: shard ${scope.shard.index}/${scope.shard.count}: ${projects.length} of ${inScope.length} projects`);
  return { projects, discovered };
}

async function projectOfCredentials(): Promise<string> {
  const project = await defaultProject();
  if (project) return project;
  throw new InputError({
    field: '--gcp-project',
    message: 'no Google Cloud project to scan: none was given and application default credentials name none',
    hint: 'pass --gcp-project <id> (repeatable), or set GOOGLE_CLOUD_PROJECT',
  });
}

/** The project's own record, or undefined; `silent` when Google did not answer at all. */
interface FirstAnswer {
  details: ProjectDetails | undefined;
  silent: boolean;
}

/** The project first, failing fast (the identity call's timeout and deadline): when Google does not answer at all, nothing else is tried. */
async function readProject(rest: RestSession, estate: GcpEstate, project: string): Promise<FirstAnswer> {
  let silent = false;
  const details = await estate.builder.call(
    iamScopeOf(project),
    'GetProject',
    async () => {
      try {
        return await rest.getProject(project);
      } catch (error) {
        silent = describeGoogleError(error).status === 'DEADLINE_EXCEEDED' || isNetworkFailure(error);
        throw error;
      }
    },
    { deadlineMs: 2 * identityTimeoutMs(estate.builder.context.timeoutMs) },
  );
  return { details, silent };
}

const iamScopeOf = (project: string) => ({ account: project, region: 'global', service: 'iam' });

/** What projects share: the folders and organizations above them, and what those hold. */
interface SharedReaders {
  ancestry: AncestryReader;
  floors: FloorSettingReader;
  perimeters: PerimeterReader;
}

/** Reads of a project made through plain REST, which can start before the client libraries load. */
interface RestReads {
  orgPolicies: ReturnType<typeof readOrgPolicies>;
  workbench: Promise<unknown>;
}

function readOrgPoliciesAndWorkbench(rest: RestSession, estate: GcpEstate, project: string): RestReads {
  return {
    // The organization policies in effect on the project (inheritance resolved by the API).
    orgPolicies: readOrgPolicies(rest, estate, project),
    // Workbench is its own API (Notebooks), listed for all zones in one call.
    workbench: estate.builder.call({ account: project, region: 'global', service: 'notebooks' }, 'ListInstances', () => collectWorkbenchInstances(rest, estate, project)),
  };
}

/**
 * A project that is read whatever Service Usage says (named, or the credentials' own, and answering)
 * starts its plain REST reads at once; a project found beneath an organization or folder waits for
 * Service Usage (collectProject), which may show it has no AI API and is not to be read further.
 */
function startRestReads(rest: RestSession, estate: GcpEstate, project: string, { details, silent }: FirstAnswer, discovered: boolean): RestReads | undefined {
  if (discovered || (!details && silent)) return undefined;
  const reads = readOrgPoliciesAndWorkbench(rest, estate, project);
  // Awaited by collectProject; until then a failure (Ctrl-C) is not an unhandled rejection.
  for (const read of Object.values(reads)) (read as Promise<unknown>).catch(() => {});
  return reads;
}

async function collectProject(
  session: GoogleSession,
  estate: GcpEstate,
  { ancestry, floors, perimeters }: SharedReaders,
  project: string,
  { details, silent }: FirstAnswer,
  discovered: boolean,
  early: RestReads | undefined,
): Promise<ProjectFacts> {
  const { builder } = estate;
  const iamScope = iamScopeOf(project);
  if (!details && silent) return { number: undefined, policy: undefined, ancestry: await ancestry.ofParent(undefined, false) };
  const number = details?.name?.split('/')[1];
  // Which AI APIs the project has enabled (Service Usage, one call): Vertex AI's locations are read
  // only where its API is not known to be off, and a project found beneath an organization or folder
  // with none of them on is not read further.
  const enabled = await readEnabledApis(session, estate, project, number);
  const vertexScope = { account: project, region: 'global', service: 'aiplatform' };
  if (discovered && AI_APIS.every((api) => enabled[api] === false)) {
    builder.record(vertexScope, 'skipped', `no AI API is enabled in the project (${AI_APIS.join(', ')}: Service Usage); found beneath an organization or folder, it is not read further`);
    return { number, policy: undefined, ancestry: await ancestry.ofParent(undefined, false) };
  }
  const vertexOff = enabled[VERTEX_AI_API] === false;
  if (vertexOff) builder.record(vertexScope, 'skipped', `the Vertex AI API (${VERTEX_AI_API}) is not enabled in the project (Service Usage)`);
  const rest = early ?? readOrgPoliciesAndWorkbench(session, estate, project);
  const [policy, { locations, listed }] = await Promise.all([
    builder.call(iamScope, 'GetIamPolicy', async () => (await session.projects.getIamPolicy({ resource: `projects/${project}`, options: { requestedPolicyVersion: 3 } }, session.callOptions))[0] as IamPolicy),
    // Without the API there is nothing to read and nowhere to read it: no location is listed (as when the list cannot be read).
    vertexOff ? { locations: [], listed: false } : vertexLocations(session, estate, project),
    rest.workbench,
  ]);
  const inherited = ancestry.ofParent(details?.parent, details !== undefined);
  const [, , orgPolicies] = await Promise.all([
    forEachConcurrently(locations, async (location) => {
      await forEachConcurrently(VERTEX_COLLECTIONS, async (collection) => {
        const where = { project, location, estate };
        await builder.call({ account: project, region: location, service: 'aiplatform' }, collection.operation, () => collection.collect(session.vertex, where, session.callOptions));
      });
      // The files of each RAG corpus listed here: where its documents come from.
      const corpora = estate.ragCorpora.filter(({ where }) => where.project === project && where.location === location);
      await forEachConcurrently(corpora, (corpus) => collectRagFiles(session.vertex, corpus, session.callOptions));
    }),
    // API keys, the generative AI APIs enabled, and Model Armor.
    collectGenerativeAi(session, estate, floors, { project, number, enabled, locations, locationsListed: listed, ancestry: inherited }),
    rest.orgPolicies,
  ]);
  const above = await inherited;
  const perimetersHolding = await perimeters.vertexAiPerimeters(number, above);
  // The project's governance: organization policies, and Data Access audit logs for Vertex AI.
  builder.addAsset({
    id: `projects/${project}`,
    type: 'gcp.resourcemanager.project',
    account: project,
    region: 'global',
    name: project,
    props: {
      ...orgPolicies.props,
      ...vertexAiAuditProps(policy, above),
      ...(perimetersHolding ? { vpcServicePerimeters: perimetersHolding, vertexAiInPerimeter: perimetersHolding.length > 0 } : {}),
    },
    raw: { effectiveOrgPolicies: orgPolicies.effective, ...(policy?.auditConfigs?.length ? { auditConfigs: toApiJson(policy.auditConfigs) } : {}) },
  });
  return { number, policy, ancestry: above };
}

/** No answer at all: a refused or reset connection, a name that does not resolve, a call that went silent. */
function isNetworkFailure(error: unknown): boolean {
  const { code, name, cause } = error as { code?: unknown; name?: string; cause?: { name?: string; code?: unknown } };
  const codes = [code, cause?.code].map(String);
  return name === 'CallDeadlineError' || cause?.name === 'CallDeadlineError' || codes.some((value) => ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'].includes(value));
}

/**
 * The locations to read: those the Locations API lists, or those asked for with --gcp-locations
 * (a location where Vertex AI is not offered is skipped). When the list cannot be read, the
 * requested locations are tried as they are; without a request, none are (`listed` false).
 */
async function vertexLocations(session: GoogleSession, estate: GcpEstate, project: string): Promise<{ locations: string[]; listed: boolean }> {
  const offered = await estate.builder.call({ account: project, region: 'global', service: 'aiplatform' }, 'ListLocations', async () => {
    const locations: string[] = [];
    for await (const location of session.vertex.endpoints.listLocationsAsync({ name: `projects/${project}` }, session.callOptions)) if (location.locationId) locations.push(location.locationId);
    return locations;
  });
  const requested = estate.builder.context.scope.gcpLocations;
  if (!requested) return { locations: offered ?? [], listed: offered !== undefined };
  if (!offered) return { locations: requested, listed: true };
  for (const location of requested.filter((name) => !offered.includes(name))) {
    estate.builder.record({ account: project, region: location, service: 'aiplatform' }, 'skipped', `Vertex AI is not offered in ${location}`);
  }
  return { locations: requested.filter((name) => offered.includes(name)), listed: true };
}

/**
 * A model trained by a pipeline was trained on the pipeline's dataset, and so on the buckets that
 * dataset was imported from: poisoned files there reach the model.
 */
function linkTrainingData(estate: GcpEstate): void {
  for (const [model, pipeline] of estate.modelPipelines) {
    const dataset = estate.pipelineDatasets.get(pipeline);
    if (!dataset) continue;
    estate.addEdge(model, 'trained-on', dataset);
    for (const bucket of estate.datasetBuckets.get(dataset) ?? []) estate.addEdge(model, 'trained-on', bucket);
  }
}

/**
 * Relations to resources that were not collected (a model in a location that could not be read, a
 * dataset in another project) are left out: the coverage entries already say what is missing.
 */
function withoutDanglingEdges(estate: GcpEstate, inventory: Inventory): Inventory {
  const ids = new Set(inventory.assets.map((asset) => asset.id));
  const edges = inventory.edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to));
  const dropped = inventory.edges.length - edges.length;
  if (dropped > 0) estate.builder.context.log.debug(`gcp: ${dropped} relation(s) to resources that were not collected left out`);
  return { ...inventory, edges };
}
