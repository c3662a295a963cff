import type { GcpEstate } from './estate.js';
import type { IamPolicy } from './iam.js';
import type { GoogleSession } from './session.js';

/**
 * The folders and organization above a project, whose IAM policies the project inherits: read as far
 * as the credentials allow (Resource Manager v3 folders.get for each parent, then getIamPolicy of each
 * folder and of the organization). Projects under the same folder share the reads.
 */

/** The inherited policies read, and whether every ancestor's policy was read. */
export interface Ancestry {
  policies: IamPolicy[];
  complete: boolean;
  /** The folders and organization above the project, nearest first, as far as they could be read. */
  names: string[];
  /** Every ancestor's name is known (each folder's parent was read, up to the organization). */
  namesComplete: boolean;
}

/** Folders sit at most 10 deep under an organization (Resource Manager limits). */
const MAX_DEPTH = 11;

export class AncestryReader {
  private readonly nodes = new Map<string, Promise<Ancestry>>();

  constructor(
    private readonly session: GoogleSession,
    private readonly estate: GcpEstate,
  ) {}

  /** The ancestry of a project whose parent is `parent` (undefined when it could not be read: unknown). */
  async ofParent(parent: string | null | undefined, known: boolean): Promise<Ancestry> {
    if (!known) return { policies: [], complete: false, names: [], namesComplete: false };
    return parent ? this.ancestry(parent, 0) : { policies: [], complete: true, names: [], namesComplete: true };
  }

  private ancestry(node: string, depth: number): Promise<Ancestry> {
    let read = this.nodes.get(node);
    if (!read) this.nodes.set(node, (read = this.read(node, depth)));
    return read;
  }

  private async read(node: string, depth: number): Promise<Ancestry> {
    const { builder } = this.estate;
    const scope = { account: node, region: 'global', service: 'resourcemanager' };
    const options = this.session.callOptions;
    const request = { resource: node, options: { requestedPolicyVersion: 3 } };
    if (node.startsWith('organizations/')) {
      const policy = await builder.call(scope, 'organizations.getIamPolicy', async () => (await this.session.organizations.getIamPolicy(request, options))[0] as IamPolicy);
      return { policies: policy ? [policy] : [], complete: policy !== undefined, names: [node], namesComplete: true };
    }
    if (!node.startsWith('folders/') || depth >= MAX_DEPTH) return { policies: [], complete: false, names: [], namesComplete: false };
    const [folder, policy] = await Promise.all([
      builder.call(scope, 'folders.get', async () => (await this.session.folders.getFolder({ name: node }, options))[0]),
      builder.call(scope, 'folders.getIamPolicy', async () => (await this.session.folders.getIamPolicy(request, options))[0] as IamPolicy),
    ]);
    const above = folder ? await this.ancestry(folder.parent ?? '', depth + 1) : { policies: [], complete: false, names: [], namesComplete: false };
    return { policies: [...(policy ? [policy] : []), ...above.policies], complete: policy !== undefined && above.complete, names: [node, ...above.names], namesComplete: above.namesComplete };
  }
}
