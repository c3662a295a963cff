import { forEachConcurrently } from '../runtime.js';
import type { AwsAccount, ServiceScope } from './session.js';

/**
 * Most AI resources are read the same way: list them with the SDK's paginator, describe each one,
 * read its tags, and turn the record into an asset. A resource kind is described as data
 * (Custodian-style); `collectDescribed` does the reading, so a failed describe still leaves the
 * listed resource in the inventory, with its properties unknown.
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
  describe?: { operation: string; run: (summary: Summary) => Promise<Detail> };
  /** Whether to read tags (skipped for sub-resources that tags are rarely put on). */
  tagged: boolean;
  /** Properties and raw record of the described resource; adds its relations through the account. */
  toAsset: (detail: Detail, id: string) => { props: Record<string, unknown>; raw?: unknown };
}

/** Reads every resource of one kind; returns the ids read, for relations that need the full list. */
export async function collectDescribed<Page, Summary, Detail = Summary>(service: ServiceRegion, resource: DescribedResource<Page, Summary, Detail>): Promise<string[]> {
  const summaries = await service.scope.list(resource.list.operation, resource.list.pages(), resource.list.items, resource.list.limit);
  const ids: string[] = [];
  await forEachConcurrently(summaries ?? [], async (summary) => {
    const { id, name } = resource.identify(summary);
    if (!id || !name) return;
    ids.push(id);
    const describe = resource.describe;
    const [detail, tags] = await Promise.all([
      describe ? service.scope.call(describe.operation, () => describe.run(summary)) : (summary as unknown as Detail),
      resource.tagged ? service.tags(id) : undefined,
    ]);
    const described = detail === undefined ? { props: {} } : resource.toAsset(detail, id);
    service.account.addAsset({ id, type: resource.type, name, region: service.region, tags, ...described });
  });
  return ids;
}
