import type { EdgeType } from '../../graph/edge-types.js';
import { forEachConcurrently } from '../runtime.js';
import type { AwsAccount, ServiceScope } from './session.js';

/**
 * Most AI resources are read the same way: list them with the SDK's paginator, describe each one,
 * read its tags, and turn the record into an asset. A resource kind is described as data
 * (Custodian-style); `collectDescribed` does the reading, so a failed describe still leaves the
 * listed resource in the inventory, with its properties unknown and the relations its description
 * would have named marked unread.
 */

/** One service in one region, as the resource descriptions see it. */
export interface ServiceRegion {
  account: AwsAccount;
  region: string;
  scope: ServiceScope;
  /** Reads a resource's tags; undefined when they could not be read. */
  tags(arn: string): Promise<Record<string, string> | undefined>;
}

export interface DescribedResource<Page, Summary, Detail = Summary> {
  type: string;
  list: {
    operation: string;
    pages: () => AsyncIterable<Page>;
    items: (page: Page) => Summary[] | undefined;
    /** Most items to read (recent jobs); listings sorted newest first keep the newest. */
    limit?: number;
  };
  /** Id (an ARN) and name of a listed resource; resources without them are skipped. */
  identify: (summary: Summary) => { id: string | undefined; name: string | undefined };
  /** The describe call; without one, the list item is the whole record. */
  describe?: {
    operation: string;
    run: (summary: Summary) => Promise<Detail>;
    /** Relations (out of the resource) that only the description names: unread when it fails. */
    names: readonly EdgeType[];
  };
  /** What the listing itself tells (kept when the describe fails; the description's properties win). */
  listed?: (summary: Summary, id: string) => Record<string, unknown>;
  /** Whether to read tags (skipped for sub-resources that tags are rarely put on). */
  tagged: boolean;
  /** Properties and raw record of the described resource; adds its relations through the account. */
  toAsset: (detail: Detail, id: string, tags: Record<string, string> | undefined) => { props: Record<string, unknown>; raw?: unknown };
}

/**
 * Reads every resource of one kind; returns the ids read, for relations that need the full list, or
 * undefined when the listing failed (what was not found may exist).
 */
export async function collectDescribed<Page, Summary, Detail = Summary>(service: ServiceRegion, resource: DescribedResource<Page, Summary, Detail>): Promise<string[] | undefined> {
  const summaries = await service.scope.list(resource.list.operation, resource.list.pages(), resource.list.items, resource.list.limit);
  if (!summaries) return undefined;
  const ids: string[] = [];
  await forEachConcurrently(summaries, async (summary) => {
    const { id, name } = resource.identify(summary);
    if (!id || !name) return;
    ids.push(id);
    const describe = resource.describe;
    const [detail, tags] = await Promise.all([
      describe ? service.scope.call(describe.operation, () => describe.run(summary)) : (summary as unknown as Detail),
      resource.tagged ? service.tags(id) : undefined,
    ]);
    if (detail === undefined) for (const edge of describe?.names ?? []) service.account.markEdgesUnread(id, edge);
    const listed = resource.listed?.(summary, id) ?? {};
    const described = detail === undefined ? { props: {} } : resource.toAsset(detail, id, tags);
    const props = { ...listed, ...Object.fromEntries(Object.entries(described.props).filter(([, value]) => value !== undefined)) };
    service.account.addAsset({ id, type: resource.type, name, region: service.region, tags, raw: described.raw, props });
  });
  return ids.sort();
}
