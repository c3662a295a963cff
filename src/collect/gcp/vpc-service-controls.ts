import type { Ancestry } from './ancestry.js';
import type { GcpEstate } from './estate.js';
import { allPages, type GoogleSession } from './session.js';

/**
 * VPC Service Controls: whether a project sits inside a service perimeter that restricts the Vertex
 * AI API. Perimeters belong to the access policies of the project's organization (Access Context
 * Manager v1, plain REST: accessPolicies.list with the organization as parent, which also lists the
 * policies scoped to folders or projects, then servicePerimeters.list of each). Read once per
 * organization. Only the enforced configuration (`status`) of a regular perimeter counts: a bridge
 * restricts nothing, and `spec` is a dry run.
 * https://cloud.google.com/vpc-service-controls/docs/service-perimeters
 */

interface AccessPolicyPage {
  accessPolicies?: Array<{ name?: string }>;
  nextPageToken?: string;
}

interface ServicePerimeter {
  name?: string;
  /** PERIMETER_TYPE_REGULAR (0, the default, left out of proto3 JSON) or PERIMETER_TYPE_BRIDGE (1). */
  perimeterType?: string | number;
  status?: { resources?: string[]; restrictedServices?: string[] };
}

interface PerimeterPage {
  servicePerimeters?: ServicePerimeter[];
  nextPageToken?: string;
}

const VERTEX_AI_API = 'aiplatform.googleapis.com';

export class PerimeterReader {
  private readonly reads = new Map<string, Promise<{ perimeters: ServicePerimeter[]; complete: boolean }>>();

  constructor(
    private readonly session: GoogleSession,
    private readonly estate: GcpEstate,
  ) {}

  /**
   * The names of the enforced regular perimeters that hold the project (by number) and restrict
   * Vertex AI; undefined when unknown (the project number, its organization or the organization's
   * perimeters could not be read). A project without an organization is in no perimeter.
   */
  async vertexAiPerimeters(number: string | undefined, ancestry: Ancestry): Promise<string[] | undefined> {
    if (!ancestry.namesComplete) return undefined;
    const organization = ancestry.names.find((name) => name.startsWith('organizations/'));
    if (!organization) return [];
    if (!number) return undefined;
    let read = this.reads.get(organization);
    if (!read) this.reads.set(organization, (read = this.read(organization)));
    const { perimeters, complete } = await read;
    const holding = perimeters
      .filter((perimeter) => !isBridge(perimeter) && perimeter.status?.resources?.includes(`projects/${number}`) && perimeter.status.restrictedServices?.includes(VERTEX_AI_API))
      .map((perimeter) => perimeter.name ?? '')
      .sort();
    // A perimeter found holds the project whatever else is missing; otherwise only a complete read says "none".
    return holding.length > 0 || complete ? holding : undefined;
  }

  private async read(organization: string): Promise<{ perimeters: ServicePerimeter[]; complete: boolean }> {
    const scope = { account: organization, region: 'global', service: 'accesscontextmanager' };
    const policies = await this.estate.builder.call(scope, 'ListAccessPolicies', () => this.pages<AccessPolicyPage, { name?: string }>(`accessPolicies?parent=${encodeURIComponent(organization)}`, (page) => page.accessPolicies));
    if (!policies) return { perimeters: [], complete: false };
    const perimeters: ServicePerimeter[] = [];
    let complete = true;
    await Promise.all(
      policies.map(async (policy) => {
        const found = await this.estate.builder.call(scope, 'ListServicePerimeters', () => this.pages<PerimeterPage, ServicePerimeter>(`${policy.name}/servicePerimeters`, (page) => page.servicePerimeters));
        if (found) perimeters.push(...found);
        else complete = false;
      }),
    );
    return { perimeters, complete };
  }

  private pages<P extends { nextPageToken?: string }, T>(path: string, items: (page: P) => T[] | undefined): Promise<T[]> {
    return allPages(this.session.getAccessContextManager, path, items);
  }
}

function isBridge(perimeter: ServicePerimeter): boolean {
  return perimeter.perimeterType === 'PERIMETER_TYPE_BRIDGE' || perimeter.perimeterType === 1;
}
