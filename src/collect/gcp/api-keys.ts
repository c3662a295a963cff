import type { protos } from '@google-cloud/apikeys';
import type { GcpEstate } from './estate.js';
import { enumName, lastSegment } from './estate.js';
import { toApiJson } from './proto-json.js';
import type { GoogleSession } from './session.js';

/**
 * Gemini outside Vertex AI's own resources: the project's API keys (API Keys API v2), with the APIs
 * and clients each is restricted to, and whether the generative AI APIs are enabled in the project
 * (Service Usage), which decides what a key without API restrictions can call. The key strings are
 * never read: ListKeys leaves keyString out (only GetKeyString returns it), and aispm does not call
 * GetKeyString.
 */

type Key = protos.google.api.apikeys.v2.IKey;

/** The generative AI APIs an API key can call: the Gemini API, and Vertex AI (express mode, keys bound to a service account). */
export const GEMINI_API = 'generativelanguage.googleapis.com';
export const VERTEX_AI_API = 'aiplatform.googleapis.com';
const GENERATIVE_APIS = [GEMINI_API, VERTEX_AI_API];
/** The Notebooks API: Vertex AI Workbench instances run on it. */
export const NOTEBOOKS_API = 'notebooks.googleapis.com';
const READ_APIS = [...GENERATIVE_APIS, NOTEBOOKS_API];
/** The AI APIs whose state is read: a project with none of them enabled has nothing of Vertex AI, Gemini or Workbench to read. */
export const AI_APIS = READ_APIS as ReadonlyArray<keyof EnabledApis>;

/** Whether each API read is enabled in the project; absent: not read. */
export interface EnabledApis {
  [GEMINI_API]?: boolean;
  [VERTEX_AI_API]?: boolean;
  [NOTEBOOKS_API]?: boolean;
}

/**
 * Service Usage batchGet of the two generative AI APIs and the Notebooks API. A service the answer
 * does not name, or names in STATE_UNSPECIFIED, stays unknown.
 */
export async function readEnabledApis(session: GoogleSession, estate: GcpEstate, project: string, projectNumber: string | undefined): Promise<EnabledApis> {
  const client = session.serviceUsage;
  const scope = { account: project, region: 'global', service: 'serviceusage' };
  const parent = `projects/${projectNumber ?? project}`;
  const answer = await estate.builder.call(scope, 'BatchGetServices', async () => (await client.batchGetServices({ parent, names: READ_APIS.map((api) => `${parent}/services/${api}`) }, session.callOptions))[0]);
  const enabled: EnabledApis = {};
  for (const service of answer?.services ?? []) {
    const api = lastSegment(service.name ?? '') as keyof EnabledApis;
    const state = enumName(service.state as string | number | null | undefined);
    if (READ_APIS.includes(api) && (state === 'ENABLED' || state === 'DISABLED')) enabled[api] = state === 'ENABLED';
  }
  return enabled;
}

/** Lists the project's API keys (global: API keys have no other location) and adds each as an asset. */
export async function collectApiKeys(session: GoogleSession, estate: GcpEstate, project: string, enabled: EnabledApis): Promise<void> {
  const client = session.apiKeys;
  const scope = { account: project, region: 'global', service: 'apikeys' };
  await estate.builder.call(scope, 'ListKeys', async () => {
    for await (const key of client.listKeysAsync({ parent: `projects/${project}/locations/global` }, session.callOptions)) describeKey(key, estate, project, enabled);
  });
}

function describeKey(key: Key, estate: GcpEstate, project: string, enabled: EnabledApis): void {
  const restrictions = key.restrictions;
  const targets = (restrictions?.apiTargets ?? []).map((target) => target.service ?? '').filter((service) => service !== '');
  const apiRestricted = targets.length > 0;
  const applicationRestriction = applicationRestrictionOf(restrictions);
  const generative = generativeApisOf(targets, enabled);
  const id = key.name ?? '';
  // The key string never goes anywhere: ListKeys does not return it, and it is dropped here in case it ever does.
  const { keyString: _keyString, ...record } = (toApiJson(key) ?? {}) as Record<string, unknown>;
  estate.builder.addAsset({
    id,
    type: 'gcp.apikeys.key',
    account: project,
    region: 'global',
    name: key.displayName || lastSegment(id),
    props: {
      apiRestricted,
      apiTargets: apiRestricted ? [...new Set(targets)].sort() : null,
      applicationRestriction,
      allowedReferrers: restrictions?.browserKeyRestrictions ? [...(restrictions.browserKeyRestrictions.allowedReferrers ?? [])] : null,
      allowedIps: restrictions?.serverKeyRestrictions ? [...(restrictions.serverKeyRestrictions.allowedIps ?? [])] : null,
      ...generative,
    },
    raw: record,
  });
}

/** Which client restriction the key has (the oneof client_restrictions), or null for none. */
function applicationRestrictionOf(restrictions: Key['restrictions']): string | null {
  if (restrictions?.browserKeyRestrictions) return 'browser';
  if (restrictions?.serverKeyRestrictions) return 'server';
  if (restrictions?.androidKeyRestrictions) return 'android';
  if (restrictions?.iosKeyRestrictions) return 'ios';
  return null;
}

/**
 * The generative AI APIs the key can call: those among its API targets; without API targets, every
 * API enabled in the project, so those of the two that are enabled (undefined while either is unknown).
 */
function generativeApisOf(targets: string[], enabled: EnabledApis): { generativeAiApis?: string[]; allowsGenerativeAi?: boolean } {
  const of = (apis: string[]) => ({ generativeAiApis: apis, allowsGenerativeAi: apis.length > 0 });
  if (targets.length > 0) return of(GENERATIVE_APIS.filter((api) => targets.includes(api)));
  const on = GENERATIVE_APIS.filter((api) => enabled[api as keyof EnabledApis] === true);
  if (GENERATIVE_APIS.every((api) => enabled[api as keyof EnabledApis] !== undefined)) return of(on);
  // A partial list would read as the whole; one enabled API is enough to know the key reaches one.
  return on.length > 0 ? { allowsGenerativeAi: true } : {};
}
