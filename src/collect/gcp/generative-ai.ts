import type { Ancestry } from './ancestry.js';
import { collectApiKeys, GEMINI_API, NOTEBOOKS_API, VERTEX_AI_API, type EnabledApis } from './api-keys.js';
import type { GcpEstate } from './estate.js';
import { collectModelArmor, type FloorSettingReader } from './model-armor.js';
import type { GoogleSession } from './session.js';

/**
 * Generative AI at the project level: whether Gemini is in use (the Vertex AI or Gemini API enabled),
 * the API keys that can call it, and whether Model Armor screens it. The project becomes an asset
 * (`gcp.resourcemanager.project`) that carries these answers.
 */

export interface ProjectContext {
  project: string;
  /** The project number, when Resource Manager answered. */
  number?: string;
  /** Which AI APIs are enabled (Service Usage, read once per project by collect.ts). */
  enabled: EnabledApis;
  /** The Vertex AI locations the scan reads (Model Armor templates are read there too). */
  locations: readonly string[];
  /** False when the Vertex AI locations could not be listed (then templates elsewhere are unknown). */
  locationsListed: boolean;
  ancestry: Promise<Ancestry>;
}

export async function collectGenerativeAi(session: GoogleSession, estate: GcpEstate, floors: FloorSettingReader, context: ProjectContext): Promise<void> {
  const { project, number, enabled, locations, locationsListed } = context;
  const [armor] = await Promise.all([
    collectModelArmor(session, estate, project, locations, locationsListed),
    collectApiKeys(session, estate, project, enabled),
    context.ancestry.then((ancestry) => floors.ancestors(ancestry.names)),
  ]);
  const vertexAi = enabled[VERTEX_AI_API];
  const gemini = enabled[GEMINI_API];
  const inUse = vertexAi === true || gemini === true ? true : vertexAi === false && gemini === false ? false : undefined;
  const protectedBy = armor.floorBlocksVertexAi === true || armor.blockingTemplate === true ? true : armor.floorBlocksVertexAi === false && armor.blockingTemplate === false ? false : undefined;
  const id = `projects/${project}`;
  estate.builder.addAsset({
    id,
    type: 'gcp.resourcemanager.project',
    account: project,
    region: 'global',
    name: project,
    props: {
      ...(number ? { projectNumber: number } : {}),
      ...(vertexAi !== undefined ? { vertexAiApiEnabled: vertexAi } : {}),
      ...(gemini !== undefined ? { geminiApiEnabled: gemini } : {}),
      ...(enabled[NOTEBOOKS_API] !== undefined ? { notebooksApiEnabled: enabled[NOTEBOOKS_API] } : {}),
      ...(inUse !== undefined ? { generativeAiInUse: inUse } : {}),
      ...(armor.floorBlocksVertexAi !== undefined ? { modelArmorFloorBlocks: armor.floorBlocksVertexAi } : {}),
      ...(armor.blockingTemplate !== undefined ? { modelArmorBlockingTemplate: armor.blockingTemplate } : {}),
      ...(protectedBy !== undefined ? { modelArmorEnforced: protectedBy } : {}),
    },
  });
  // Gemini calls in the project pass through the floor setting's screening when it is integrated with Vertex AI.
  if (armor.floorId && armor.floorBlocksVertexAi === true) estate.addEdge(id, 'guarded-by', armor.floorId);
}
