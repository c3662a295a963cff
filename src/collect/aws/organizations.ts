import { OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
import type { InventoryBuilder } from '../runtime.js';
import { createClient, type AwsClientSettings } from './session.js';

/**
 * `--aws-organization`: the organization's accounts, listed from the management account or a
 * delegated administrator (Organizations ListAccounts, followed page by page with the SDK's
 * paginator). Loaded only when the flag is given, so a scan of one account never loads the client.
 */

/**
 * The ids of the organization's active accounts, sorted; undefined when the listing failed (a
 * coverage entry for the caller's account says why). An account is active when its `State` is
 * ACTIVE; `Status` (the older field, which Organizations retired on 9 September 2026, see the
 * `Account` shape in @aws-sdk/client-organizations dist-types/models/models_0.d.ts) is read only
 * when `State` is absent. Suspended, closed and pending accounts cannot be read, and are left out.
 */
export async function listOrganizationAccounts(builder: InventoryBuilder, caller: string, region: string, settings: AwsClientSettings, userAgent: string): Promise<string[] | undefined> {
  const client = createClient(OrganizationsClient, region, settings, userAgent);
  try {
    return await builder.call({ account: caller, region, service: 'organizations' }, 'ListAccounts', async () => {
      const active: string[] = [];
      for await (const page of paginateListAccounts({ client }, {})) {
        for (const account of page.Accounts ?? []) {
          if (account.Id && (account.State ?? account.Status) === 'ACTIVE') active.push(account.Id);
        }
      }
      return [...new Set(active)].sort();
    });
  } finally {
    client.destroy();
  }
}
