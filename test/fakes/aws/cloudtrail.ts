import { ACCOUNT, daysAgo } from './estate.js';
import { FakeError } from './handlers.js';
import { paged } from './protocols.js';

/**
 * The fake's CloudTrail (awsJson1_1, target prefix CloudTrail_20131101, signed as `cloudtrail`).
 * us-east-1 is the hardened twin: an account trail for management events and a trail whose advanced
 * selectors log Bedrock and SageMaker data events, both logging. eu-west-1, where Bedrock is used, has
 * only a trail that was stopped (IsLogging false): neither its API calls nor its data events are logged.
 * eu-west-1 also has a multi-region event data store whose ingestion was stopped. ap-southeast-2 has no trail, but a CloudTrail Lake event data store that ingests its management events
 * and Bedrock data events.
 */

interface FakeTrail {
  trail: Record<string, unknown>;
  logging: boolean;
  selectors: { EventSelectors?: unknown[]; AdvancedEventSelectors?: unknown[] };
}

const trailArn = (region: string, name: string) => `arn:aws:cloudtrail:${region}:${ACCOUNT}:trail/${name}`;
const started = daysAgo(400);

function trail(region: string, name: string, logging: boolean, selectors: FakeTrail['selectors']): FakeTrail {
  return {
    trail: {
      Name: name,
      S3BucketName: `acme-cloudtrail-${region}`,
      IncludeGlobalServiceEvents: region === 'us-east-1',
      IsMultiRegionTrail: false,
      HomeRegion: region,
      TrailARN: trailArn(region, name),
      LogFileValidationEnabled: true,
      HasCustomEventSelectors: true,
      HasInsightSelectors: false,
      IsOrganizationTrail: false,
    },
    logging,
    selectors,
  };
}

/** The default basic selector: all management events, no data events. */
const MANAGEMENT_ONLY = { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }] };

export const TRAILS: FakeTrail[] = [
  trail('us-east-1', 'account-trail', true, MANAGEMENT_ONLY),
  trail('us-east-1', 'ai-data-events', true, {
    AdvancedEventSelectors: [
      {
        Name: 'Bedrock agent and knowledge base invocations',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::Bedrock::AgentAlias', 'AWS::Bedrock::KnowledgeBase'] },
        ],
      },
      {
        Name: 'SageMaker endpoint invocations',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::SageMaker::Endpoint'] },
        ],
      },
    ],
  }),
  trail('eu-west-1', 'eu-trail', false, MANAGEMENT_ONLY),
];

export const EVENT_DATA_STORES: Record<string, Array<Record<string, unknown>>> = {
  // Its ingestion was stopped: it records nothing, whatever its selectors say.
  'eu-west-1': [
    {
      EventDataStoreArn: `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:eventdatastore/7a8b9c0d-1e2f-3a4b-5c6d-7e8f9a0b1c2d`,
      Name: 'eu-lake',
      Status: 'STOPPED_INGESTION',
      AdvancedEventSelectors: [{ Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }],
      MultiRegionEnabled: true,
      OrganizationEnabled: false,
      RetentionPeriod: 366,
      TerminationProtectionEnabled: false,
      CreatedTimestamp: daysAgo(500),
      UpdatedTimestamp: daysAgo(60),
      BillingMode: 'FIXED_RETENTION_PRICING',
    },
  ],
  'ap-southeast-2': [
    {
      EventDataStoreArn: `arn:aws:cloudtrail:ap-southeast-2:${ACCOUNT}:eventdatastore/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6`,
      Name: 'ai-lake',
      Status: 'ENABLED',
      AdvancedEventSelectors: [
        { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
        {
          Name: 'Bedrock guardrail and agent invocations',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::Bedrock::Guardrail', 'AWS::Bedrock::AgentAlias'] },
          ],
        },
      ],
      MultiRegionEnabled: false,
      OrganizationEnabled: false,
      RetentionPeriod: 2557,
      TerminationProtectionEnabled: true,
      CreatedTimestamp: daysAgo(200),
      UpdatedTimestamp: daysAgo(200),
      BillingMode: 'EXTENDABLE_RETENTION_PRICING',
    },
  ],
};

const byArnOrName = (name: unknown) => TRAILS.find(({ trail: { TrailARN, Name } }) => TrailARN === name || Name === name);

export function cloudTrailOperation(operation: string, input: Record<string, unknown>, region: string): (() => unknown) | undefined {
  const handlers: Record<string, () => unknown> = {
    // A region lists its own trails, and with includeShadowTrails the multi-region and organization trails of other regions.
    DescribeTrails: () => ({
      trailList: TRAILS.filter(({ trail: t }) => t.HomeRegion === region || (input.includeShadowTrails !== false && (t.IsMultiRegionTrail || t.IsOrganizationTrail))).map(({ trail: t }) => t),
    }),
    GetTrailStatus: () => {
      const found = byArnOrName(input.Name);
      if (!found) throw new FakeError('TrailNotFoundException', `Unknown trail: ${String(input.Name)} for the user: ${ACCOUNT}`, 400);
      return found.logging
        ? { IsLogging: true, LatestDeliveryTime: daysAgo(0), StartLoggingTime: started, TimeLoggingStarted: started.toISOString() }
        : { IsLogging: false, LatestDeliveryTime: daysAgo(90), StartLoggingTime: started, StopLoggingTime: daysAgo(90), TimeLoggingStarted: started.toISOString(), TimeLoggingStopped: daysAgo(90).toISOString() };
    },
    GetEventSelectors: () => {
      const found = byArnOrName(input.TrailName);
      if (!found) throw new FakeError('TrailNotFoundException', `Unknown trail: ${String(input.TrailName)} for the user: ${ACCOUNT}`, 400);
      return { TrailARN: found.trail.TrailARN, ...found.selectors };
    },
    ListEventDataStores: () => {
      // The listing's summaries still carry the deprecated members; the collector reads GetEventDataStore.
      const page = paged(EVENT_DATA_STORES[region] ?? [], input.NextToken as string | undefined);
      const summaries = page.items.map(({ EventDataStoreArn, Name, TerminationProtectionEnabled, Status, AdvancedEventSelectors, MultiRegionEnabled, OrganizationEnabled, RetentionPeriod, CreatedTimestamp, UpdatedTimestamp }) => ({
        EventDataStoreArn, Name, TerminationProtectionEnabled, Status, AdvancedEventSelectors, MultiRegionEnabled, OrganizationEnabled, RetentionPeriod, CreatedTimestamp, UpdatedTimestamp,
      }));
      return { EventDataStores: summaries, NextToken: page.next };
    },
    GetEventDataStore: () => {
      const store = (EVENT_DATA_STORES[region] ?? []).find((candidate) => candidate.EventDataStoreArn === input.EventDataStore || candidate.Name === input.EventDataStore);
      if (!store) throw new FakeError('EventDataStoreNotFoundException', `The specified event data store ${String(input.EventDataStore)} was not found.`, 400);
      return store;
    },
  };
  return handlers[operation];
}
