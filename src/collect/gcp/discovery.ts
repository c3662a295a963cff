import type { InventoryBuilder } from '../runtime.js';
import { allPages, type RestSession } from './session.js';

/**
 * `--gcp-organization` and `--gcp-folder`: the active projects beneath an organization or folder, in
 * every folder at any depth, from Resource Manager v3 ListFolders and ListProjects, one pair of
 * listings per organization or folder (plain REST through the session's authorized transport: the
 * scope is settled before the client libraries load).
 *
 * Why the listings and not SearchProjects: a `parent:` query of SearchProjects matches only a
 * project's direct parent, so an organization with nested folders needs a walk of its folders
 * anyway; SearchProjects is eventually consistent (a new project may be missing) and returns only
 * the projects the caller may `get`, so a project the scanner cannot read would vanish instead of
 * showing as a gap. ListProjects is strongly consistent, lists every child of the parent (as
 * google/cloud/resourcemanager/v3/projects.proto says of both methods), and a folder that cannot be
 * listed is a coverage entry of its own.
 */

/** The coverage service of the listings (scan.ts counts them as discovery, not as reads of the estate). */
export const DISCOVERY_SERVICE = 'hierarchy';

/** Folders sit at most 10 deep under an organization (Resource Manager limits). */
const MAX_DEPTH = 11;

interface Listed {
  name?: string;
  projectId?: string;
  state?: string;
}

/**
 * The ids of the ACTIVE projects beneath the parents (`organizations/{id}`, `folders/{id}`), sorted.
 * Only ACTIVE folders are walked. The listings leave out what is being deleted unless asked
 * (`show_deleted`); a record that says another state is left out too. A listing that fails is a
 * coverage entry of its organization or folder, and what it would have found is not scanned.
 */
export async function projectsBeneath(rest: RestSession, builder: InventoryBuilder, parents: readonly string[]): Promise<string[]> {
  const visited = new Set<string>();
  const projects = new Set<string>();
  const walk = async (parent: string, depth: number): Promise<void> => {
    if (visited.has(parent) || depth >= MAX_DEPTH) return;
    visited.add(parent);
    const scope = { account: parent, region: 'global', service: DISCOVERY_SERVICE };
    const [folders, found] = await Promise.all([
      builder.call(scope, `ListFolders ${parent}`, () => listAll(rest, 'folders', parent)),
      builder.call(scope, `ListProjects ${parent}`, () => listAll(rest, 'projects', parent)),
    ]);
    for (const project of found ?? []) if (project.projectId && active(project)) projects.add(project.projectId);
    await Promise.all((folders ?? []).filter((folder) => folder.name && active(folder)).map((folder) => walk(folder.name!, depth + 1)));
  };
  await Promise.all(parents.map((parent) => walk(parent, 0)));
  return [...projects].sort();
}

const active = (record: Listed) => record.state === undefined || record.state === 'ACTIVE';

/** Every page of ListFolders or ListProjects under a parent. */
function listAll(rest: RestSession, collection: 'folders' | 'projects', parent: string): Promise<Listed[]> {
  return allPages(rest.getResourceManager, `${collection}?${new URLSearchParams({ parent })}`, (page: { folders?: Listed[]; projects?: Listed[]; nextPageToken?: string }) => page[collection]);
}
