import { ManagementGroupsAPI } from '@azure/arm-managementgroups';
import { drain } from './arm.js';
import { clientOptions } from './connection.js';
import { SERVICES, type AzureScan } from './session.js';

/**
 * `--azure-management-group`: the subscriptions beneath a management group, at any depth, from
 * ManagementGroups_GetDescendants (`GET /providers/Microsoft.Management/managementGroups/{groupId}/descendants`,
 * which lists the whole subtree, groups and subscriptions, paged with nextLink). Read with
 * @azure/arm-managementgroups 2, which sends api-version 2021-04-01. Loaded only when the flag is
 * given, so a scan of the visible subscriptions never loads the client.
 */

/** The coverage account of a management group's listing: the group, as Azure names its scope. */
export function managementGroupAccount(groupId: string): string {
  return `managementGroups/${groupId}`;
}

/**
 * The ids of the subscriptions beneath `groupId`, sorted; undefined when the group could not be read
 * (a coverage entry for the group says why). A descendant is a subscription when its id is
 * `/subscriptions/{id}` (DescendantInfo.id in the 2021-04-01 model; its `type` is a free string, given
 * there as "/subscriptions"); the descendants carry no state, which the subscription listing gives.
 */
export async function subscriptionsBeneath(scan: AzureScan, groupId: string): Promise<string[] | undefined> {
  const client = new ManagementGroupsAPI(scan.connection.credential, clientOptions(scan.connection));
  const descendants = await scan.call(managementGroupAccount(groupId), SERVICES.managementGroups, 'managementGroups.getDescendants', () => drain(client.managementGroups.listDescendants(groupId)));
  if (!descendants) return undefined;
  const ids = descendants.flatMap((descendant) => /^\/subscriptions\/([^/]+)$/i.exec(descendant.id ?? '')?.[1] ?? []);
  return [...new Map(ids.map((id) => [id.toLowerCase(), id])).values()].sort();
}
