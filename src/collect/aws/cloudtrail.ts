import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventDataStoreCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  paginateListEventDataStores,
  type AdvancedEventSelector,
  type AdvancedFieldSelector,
  type EventSelector,
  type Trail,
} from '@aws-sdk/client-cloudtrail';
import { forEachConcurrently } from '../runtime.js';
import { toRaw, type AwsAccount } from './session.js';

/**
 * CloudTrail per region: whether a trail that is logging, or a CloudTrail Lake event data store that is
 * ingesting, records the region's Bedrock and SageMaker API activity (management events) and their
 * data events (agent, knowledge base, flow, guardrail and endpoint invocations, which trails do not log
 * unless an advanced event selector asks for them). One asset per region read, so that "AI activity
 * not logged" can be decided where AI workloads run; whether they do is patched in by account.ts.
 *
 * A trail covers the regions it is multi-region for, or its home region; DescribeTrails with shadow
 * trails lists, in each region, the trails that cover it (multi-region and organization trails of other
 * home regions too). Its status and selectors are read once, in its home region, by ARN. Event data
 * stores are listed in each region read; a multi-region store covers every region. Sources:
 * CloudTrail API Reference (DescribeTrails includeShadowTrails, GetTrailStatus, GetEventSelectors,
 * GetEventDataStore); "Logging data events" in the CloudTrail User Guide
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html),
 * whose resource types for Bedrock start with AWS::Bedrock:: and for SageMaker with AWS::SageMaker::;
 * basic event selectors log data events of S3, Lambda and DynamoDB only.
 */

export const AI_SERVICES = {
  bedrock: { eventSource: 'bedrock.amazonaws.com', resourceTypePrefix: 'AWS::Bedrock::' },
  sageMaker: { eventSource: 'sagemaker.amazonaws.com', resourceTypePrefix: 'AWS::SageMaker::' },
} as const;
export type AiService = keyof typeof AI_SERVICES;

/** What one trail or event data store logs of each AI service. */
export interface Logged {
  management: Record<AiService, boolean>;
  data: Record<AiService, boolean>;
}

/** A trail or event data store as far as it was read: undefined fields could not be read. */
interface Source {
  name: string;
  homeRegion: string;
  multiRegion: boolean;
  /** Logging (a trail) or ingesting (an event data store); undefined: not read. */
  active: boolean | undefined;
  /** What its selectors log; undefined: not read. */
  logged: Logged | undefined;
}

const nothing = (): Logged => ({ management: { bedrock: false, sageMaker: false }, data: { bedrock: false, sageMaker: false } });

/** Whether a field selector accepts a value: every condition it sets must hold. */
function accepts(selector: AdvancedFieldSelector, value: string): boolean {
  const any = (values: string[] | undefined, test: (candidate: string) => boolean) => values === undefined || values.length === 0 || values.some(test);
  const none = (values: string[] | undefined, test: (candidate: string) => boolean) => !(values ?? []).some(test);
  return (
    any(selector.Equals, (candidate) => candidate === value) &&
    any(selector.StartsWith, (candidate) => value.startsWith(candidate)) &&
    any(selector.EndsWith, (candidate) => value.endsWith(candidate)) &&
    none(selector.NotEquals, (candidate) => candidate === value) &&
    none(selector.NotStartsWith, (candidate) => value.startsWith(candidate)) &&
    none(selector.NotEndsWith, (candidate) => value.endsWith(candidate))
  );
}

/** Whether a field selector on resources.type selects some type of the service (a prefix such as AWS::Bedrock::). */
function selectsTypeOf(selector: AdvancedFieldSelector, prefix: string): boolean {
  const named = [...(selector.Equals ?? []), ...(selector.StartsWith ?? [])];
  return named.some((type) => type.startsWith(prefix) || prefix.startsWith(type)) && !(selector.NotStartsWith ?? []).some((type) => prefix.startsWith(type));
}

/**
 * What advanced event selectors log. A selector logs a service's management events when its
 * eventCategory accepts Management and its eventSource (if set) accepts the service's source; its data
 * events when eventCategory accepts Data and resources.type names one of the service's types. Other
 * fields (readOnly, eventName, resources.ARN) narrow what is logged; as in the CIS benchmark's audit, a
 * narrowed selector still counts.
 */
export function loggedByAdvanced(selectors: readonly AdvancedEventSelector[]): Logged {
  const logged = nothing();
  for (const selector of selectors) {
    const fields = selector.FieldSelectors ?? [];
    const field = (name: string) => fields.filter((candidate) => candidate.Field === name);
    const category = (value: string) => field('eventCategory').length > 0 && field('eventCategory').every((candidate) => accepts(candidate, value));
    for (const service of Object.keys(AI_SERVICES) as AiService[]) {
      const { eventSource, resourceTypePrefix } = AI_SERVICES[service];
      if (category('Management') && field('eventSource').every((candidate) => accepts(candidate, eventSource))) logged.management[service] = true;
      const types = field('resources.type');
      if (category('Data') && types.length > 0 && types.every((candidate) => selectsTypeOf(candidate, resourceTypePrefix))) logged.data[service] = true;
    }
  }
  return logged;
}

/** What basic event selectors log: management events when included (the default); their data resources are never Bedrock or SageMaker. */
export function loggedByBasic(selectors: readonly EventSelector[]): Logged {
  const logged = nothing();
  if (selectors.some((selector) => selector.IncludeManagementEvents !== false)) logged.management = { bedrock: true, sageMaker: true };
  return logged;
}

/** Per region: whether each kind of AI activity is logged (true), is not (false), or could not be told (undefined). */
export interface RegionTrails {
  id: string;
  logged: { management: Record<AiService, boolean | undefined>; data: Record<AiService, boolean | undefined> };
}

export async function collectCloudTrail(account: AwsAccount, regions: readonly string[], everyRegion: boolean): Promise<Map<string, RegionTrails>> {
  const trailsByRegion = new Map<string, Trail[] | undefined>();
  const stores: Source[] = [];
  let storesComplete = true;
  await forEachConcurrently(regions, async (region) => {
    const client = account.client(CloudTrailClient, region);
    const scope = account.scope(region, 'cloudtrail');
    const [described, listed] = await Promise.all([
      scope.call('DescribeTrails', () => client.send(new DescribeTrailsCommand({ includeShadowTrails: true }))),
      scope.list('ListEventDataStores', paginateListEventDataStores({ client }, {}), (page) => page.EventDataStores),
    ]);
    trailsByRegion.set(region, described?.trailList);
    if (!listed) storesComplete = false;
    await forEachConcurrently(listed ?? [], async (summary) => {
      const store = summary.EventDataStoreArn ? await scope.call('GetEventDataStore', () => client.send(new GetEventDataStoreCommand({ EventDataStore: summary.EventDataStoreArn }))) : undefined;
      stores.push({
        name: store?.Name ?? summary.Name ?? summary.EventDataStoreArn ?? 'event data store',
        homeRegion: region,
        multiRegion: store?.MultiRegionEnabled ?? summary.MultiRegionEnabled ?? false,
        // ENABLED is the state in which a store ingests events (CREATED: not yet; STOPPED_INGESTION, PENDING_DELETION: no longer).
        active: store ? store.Status === 'ENABLED' : undefined,
        logged: store ? loggedByAdvanced(store.AdvancedEventSelectors ?? []) : undefined,
      });
    });
  });

  stores.sort((a, b) => (a.homeRegion + a.name < b.homeRegion + b.name ? -1 : 1));
  // Each trail once, in its home region, by ARN (shadow trails are copies of it).
  const trails = new Map<string, Trail>();
  for (const list of trailsByRegion.values()) for (const trail of list ?? []) if (trail.TrailARN && !trails.has(trail.TrailARN)) trails.set(trail.TrailARN, trail);
  const trailSources = new Map<string, Source>();
  await forEachConcurrently([...trails.values()], async (trail) => {
    const home = trail.HomeRegion ?? account.homeRegion;
    const client = account.client(CloudTrailClient, home);
    const scope = account.scope(home, 'cloudtrail');
    const [status, selectors] = await Promise.all([
      scope.call('GetTrailStatus', () => client.send(new GetTrailStatusCommand({ Name: trail.TrailARN }))),
      scope.call('GetEventSelectors', () => client.send(new GetEventSelectorsCommand({ TrailName: trail.TrailARN }))),
    ]);
    trailSources.set(trail.TrailARN!, {
      name: trail.Name ?? trail.TrailARN!,
      homeRegion: home,
      multiRegion: trail.IsMultiRegionTrail ?? false,
      active: status?.IsLogging,
      logged: selectors ? (selectors.AdvancedEventSelectors?.length ? loggedByAdvanced(selectors.AdvancedEventSelectors) : loggedByBasic(selectors.EventSelectors ?? [])) : undefined,
    });
  });

  const result = new Map<string, RegionTrails>();
  for (const region of regions) {
    const listedTrails = trailsByRegion.get(region);
    const covering = [
      ...(listedTrails ?? []).flatMap((trail) => {
        const source = trail.TrailARN ? trailSources.get(trail.TrailARN) : undefined;
        return source && (source.multiRegion || source.homeRegion === region) ? [source] : [];
      }),
      ...stores.filter((store) => store.multiRegion || store.homeRegion === region),
    ];
    // Everything that could cover the region was found only if its trails were listed, and the event
    // data stores of every region (a multi-region store may live in a region this scan did not read).
    const allFound = listedTrails !== undefined && storesComplete && everyRegion;
    const decide = (logs: (logged: Logged) => boolean): boolean | undefined => {
      if (covering.some((source) => source.active === true && source.logged !== undefined && logs(source.logged))) return true;
      const allKnown = allFound && covering.every((source) => source.active === false || (source.active !== undefined && source.logged !== undefined));
      return allKnown ? false : undefined;
    };
    const logged = {
      management: { bedrock: decide((l) => l.management.bedrock), sageMaker: decide((l) => l.management.sageMaker) },
      data: { bedrock: decide((l) => l.data.bedrock), sageMaker: decide((l) => l.data.sageMaker) },
    };
    const id = `arn:${account.partition}:cloudtrail:${region}:${account.account}:trails`;
    const active = covering.filter((source) => source.active === true).map((source) => source.name);
    account.addAsset({
      id,
      type: 'aws.cloudtrail.region-logging',
      name: `cloudtrail (${region})`,
      region,
      props: {
        activeTrails: listedTrails === undefined ? undefined : [...new Set(active)].sort(),
        bedrockManagementEvents: logged.management.bedrock,
        bedrockDataEvents: logged.data.bedrock,
        sageMakerManagementEvents: logged.management.sageMaker,
        sageMakerDataEvents: logged.data.sageMaker,
      },
      raw: toRaw({ trails: listedTrails, eventDataStores: stores.filter((store) => store.multiRegion || store.homeRegion === region).map(({ name, homeRegion, multiRegion, active: ingesting }) => ({ name, homeRegion, multiRegion, ingesting })) }),
    });
    result.set(region, { id, logged });
  }
  return result;
}
