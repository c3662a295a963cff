import type { protos } from '@google-cloud/modelarmor';
import { forEachConcurrently } from '../runtime.js';
import { describeGoogleError, isApiDisabled, isNotOffered } from './errors.js';
import { enumName, lastSegment, type GcpEstate } from './estate.js';
import { toApiJson } from './proto-json.js';
import type { GoogleSession } from './session.js';

/**
 * Model Armor, Google Cloud's screening of prompts and responses: the floor settings of the project
 * and of the folders and organization above it (the project's governs inline enforcement on Gemini in
 * Vertex AI; the others set the minimum for templates), and the templates of each location the scan
 * reads. Floor settings are read on the global endpoint; templates only on their location's regional
 * endpoint (session.ts routes them).
 * https://cloud.google.com/security-command-center/docs/configure-model-armor-floor-settings
 * https://cloud.google.com/security-command-center/docs/model-armor-vertex-integration
 */

type FloorSetting = protos.google.cloud.modelarmor.v1.IFloorSetting;
type Template = protos.google.cloud.modelarmor.v1.ITemplate;
type FilterConfig = protos.google.cloud.modelarmor.v1.IFilterConfig;

/** What the project's Model Armor settings say about Gemini calls in Vertex AI. */
export interface ModelArmorFacts {
  /** The project floor setting blocks what trips its filters on Vertex AI; undefined: unknown. */
  floorBlocksVertexAi?: boolean;
  /** Some template of the project runs in inspect-and-block mode; undefined: some location could not be read and none was found. */
  blockingTemplate?: boolean;
  /** The project's floor setting, when read. */
  floorId?: string;
}

const client = (session: GoogleSession) => session.modelArmor;

/** Floor settings of folders and organizations, read once however many projects sit under them. */
export class FloorSettingReader {
  private readonly reads = new Map<string, Promise<void>>();

  constructor(
    private readonly session: GoogleSession,
    private readonly estate: GcpEstate,
  ) {}

  /** Reads the floor settings of these folders and organizations (each once). */
  async ancestors(names: readonly string[]): Promise<void> {
    await Promise.all(
      names.map((node) => {
        let read = this.reads.get(node);
        if (!read) this.reads.set(node, (read = readFloorSetting(this.session, this.estate, node, node).then(() => undefined)));
        return read;
      }),
    );
  }
}

/**
 * Model Armor's multi-regions, which no Vertex AI location names: templates can live there too
 * (https://cloud.google.com/model-armor/data-residency).
 */
const MULTI_REGIONS = ['us', 'eu'];

export async function collectModelArmor(session: GoogleSession, estate: GcpEstate, project: string, vertexLocations: readonly string[], locationsListed: boolean): Promise<ModelArmorFacts> {
  const locations = [...new Set([...vertexLocations, ...MULTI_REGIONS])];
  const [floor, listed] = await Promise.all([readFloorSetting(session, estate, `projects/${project}`, project), collectTemplates(session, estate, project, locations)]);
  // Without the list of locations, a template elsewhere may block: only one found is certain.
  const blockingTemplate = listed === true || locationsListed ? listed : undefined;
  if (floor === undefined) return { blockingTemplate };
  // The Model Armor API is off: no floor setting and no template screens anything.
  if (floor === 'disabled') return { floorBlocksVertexAi: false, blockingTemplate: false };
  return { floorBlocksVertexAi: floor.blocksVertexAi, blockingTemplate, floorId: floor.id };
}

/**
 * The floor setting of a project, folder or organization (`parent`), added as an asset. 'disabled':
 * the Model Armor API is not enabled in the project, so nothing is screened.
 */
async function readFloorSetting(session: GoogleSession, estate: GcpEstate, parent: string, account: string): Promise<{ id: string; blocksVertexAi?: boolean } | 'disabled' | undefined> {
  const scope = { account, region: 'global', service: 'modelarmor' };
  const name = `${parent}/locations/global/floorSetting`;
  let disabled = false;
  const floor = await estate.builder.call(scope, 'GetFloorSetting', async () => {
    try {
      return (await client(session).getFloorSetting({ name }, session.callOptions))[0];
    } catch (error) {
      disabled = isApiDisabled(error);
      throw error;
    }
  });
  if (disabled) return 'disabled';
  if (!floor) return undefined;
  const props = floorProps(floor, parent);
  estate.builder.addAsset({ id: name, type: 'gcp.modelarmor.floor-setting', account, region: 'global', name: `${lastSegment(parent)} floor setting`, props, raw: (toApiJson(floor) ?? {}) as Record<string, unknown> });
  return { id: name, blocksVertexAi: props.blocksVertexAi };
}

function floorProps(floor: FloorSetting, parent: string) {
  const enforcement = floor.enableFloorSettingEnforcement === true;
  const integrated = (floor.integratedServices ?? []).map((service) => enumName(service as string | number)).filter((service): service is string => service !== null);
  const vertexAiIntegrated = integrated.includes('AI_PLATFORM');
  const ai = floor.aiPlatformFloorSetting;
  const vertexAiMode = ai?.inspectAndBlock ? 'inspect-and-block' : ai?.inspectOnly ? 'inspect-only' : null;
  // Enforcement off, no Vertex AI integration or inspect-only: nothing is blocked. Integrated and on
  // without a mode: the API reference does not say what happens (unknown).
  const blocksVertexAi = !enforcement || !vertexAiIntegrated || vertexAiMode === 'inspect-only' ? false : vertexAiMode === 'inspect-and-block' ? true : undefined;
  return {
    level: parent.startsWith('projects/') ? 'project' : parent.startsWith('folders/') ? 'folder' : 'organization',
    enforcement,
    integratedServices: integrated.sort(),
    vertexAiIntegrated,
    vertexAiMode,
    ...(blocksVertexAi !== undefined ? { blocksVertexAi } : {}),
    cloudLogging: ai?.enableCloudLogging === true,
    ...filterProps(floor.filterConfig),
  };
}

/**
 * The project's templates in each location; whether any blocks (inspect-and-block). A location
 * where Model Armor has no regional endpoint (the host does not resolve) or no templates collection
 * holds none. Templates in a location that is neither a Vertex AI location read nor a multi-region
 * are not read.
 */
async function collectTemplates(session: GoogleSession, estate: GcpEstate, project: string, locations: readonly string[]): Promise<boolean | undefined> {
  let blocking = false;
  let unread = false;
  await forEachConcurrently(locations, async (location) => {
    const scope = { account: project, region: location, service: 'modelarmor' };
    const read = await estate.builder.call(scope, 'ListTemplates', async () => {
      try {
        for await (const template of client(session).listTemplatesAsync({ parent: `projects/${project}/locations/${location}` }, session.callOptions)) {
          if (describeTemplate(template, estate, project, location)) blocking = true;
        }
      } catch (error) {
        if (!isNotOffered(error) && !hasNoRegionalEndpoint(error) && !isApiDisabled(error)) throw error;
        estate.builder.context.log.debug(`gcp ${project}/${location} ListTemplates: Model Armor not offered here (${describeGoogleError(error).message})`);
      }
      return true;
    });
    if (!read) unread = true;
  });
  return blocking ? true : unread ? undefined : false;
}

/** Adds a template; true when it blocks what trips its filters. */
function describeTemplate(template: Template, estate: GcpEstate, project: string, location: string): boolean {
  const id = template.name ?? '';
  // ENFORCEMENT_TYPE_UNSPECIFIED: "Default value. Same as INSPECT_AND_BLOCK." (service.proto)
  const enforcementType = enumName(template.templateMetadata?.enforcementType as string | number | null | undefined) ?? 'INSPECT_AND_BLOCK';
  const blocking = enforcementType === 'INSPECT_AND_BLOCK';
  estate.builder.addAsset({
    id,
    type: 'gcp.modelarmor.template',
    account: project,
    region: location,
    name: lastSegment(id),
    tags: { ...template.labels },
    props: {
      enforcementType,
      blocking,
      logSanitizeOperations: template.templateMetadata?.logSanitizeOperations === true,
      ...filterProps(template.filterConfig),
    },
    raw: (toApiJson(template) ?? {}) as Record<string, unknown>,
  });
  return blocking;
}

/** DetectionConfidenceLevel: DETECTION_CONFIDENCE_LEVEL_UNSPECIFIED is "Same as LOW_AND_ABOVE" (service.proto). */
function confidenceOf(value: unknown): string {
  return enumName(value as string | number | null | undefined) ?? 'LOW_AND_ABOVE';
}

/**
 * The filters of a template or floor setting. Each *_ENFORCEMENT_UNSPECIFIED is "Same as Disabled"
 * (service.proto). `highConfidenceOnlyFilters` names the filters that report a match only at HIGH
 * confidence (the least strict threshold); a responsible AI filter without a level uses "a reasonable
 * default level based on the filter_type", which is not published, so such a filter is unknown there.
 */
function filterProps(config: FilterConfig | null | undefined) {
  const pi = config?.piAndJailbreakFilterSettings;
  const promptInjectionFilter = enumName(pi?.filterEnforcement as string | number | null | undefined) === 'ENABLED';
  const promptInjectionConfidence = promptInjectionFilter ? confidenceOf(pi?.confidenceLevel) : null;
  const sdp = config?.sdpSettings;
  const sensitiveDataFilter = Boolean(sdp?.advancedConfig) || enumName(sdp?.basicConfig?.filterEnforcement as string | number | null | undefined) === 'ENABLED';
  const maliciousUriFilter = enumName(config?.maliciousUriFilterSettings?.filterEnforcement as string | number | null | undefined) === 'ENABLED';
  const rai = (config?.raiSettings?.raiFilters ?? []).map((filter) => ({ type: enumName(filter.filterType as string | number | null | undefined), level: enumName(filter.confidenceLevel as string | number | null | undefined) }));
  const raiFilters = [...new Set(rai.flatMap((filter) => (filter.type ? [filter.type] : [])))].sort();
  const high = [...(promptInjectionConfidence === 'HIGH' ? ['PROMPT_INJECTION_AND_JAILBREAK'] : []), ...rai.filter((filter) => filter.type && filter.level === 'HIGH').map((filter) => filter.type as string)];
  const levelsKnown = rai.every((filter) => filter.level !== null);
  return {
    promptInjectionFilter,
    promptInjectionConfidence,
    sensitiveDataFilter,
    maliciousUriFilter,
    raiFilters,
    ...(high.length > 0 || levelsKnown ? { highConfidenceOnlyFilters: [...new Set(high)].sort() } : {}),
  };
}

/** The regional host of a location where Model Armor is not offered does not exist (DNS: no such name). */
function hasNoRegionalEndpoint(error: unknown): boolean {
  const { code, cause } = error as { code?: unknown; cause?: { code?: unknown } };
  return code === 'ENOTFOUND' || cause?.code === 'ENOTFOUND';
}
