import { ACCOUNT, BEDROCK, SAGEMAKER } from '../../test/fakes/aws/estate.js';
import { ORGANIZATION_ACCOUNTS, ORGANIZATION_ID, ORGANIZATION_ROLE } from '../../test/fakes/aws/organizations.js';
import type { FakeGoogleEstate } from '../../test/fakes/gcp/estate.js';
import { emptyLike, startAwsEstate, startAzureEstate, startGcpEstate, type BenchCloud } from '../collect/clouds.js';

/**
 * The estates of the organization-scale benchmark (issue 20): many accounts, subscriptions or
 * projects, each a small AI estate, served by the test fakes behind the fault proxy.
 *
 * - AWS: an organization of `accounts` active accounts (the caller and members reached by assuming
 *   the scan role), each with 4 regions: eu-west-1 and ap-southeast-2 hold the test estate's two small
 *   regions (notebooks, models, guardrails, knowledge bases, ...), the other two are empty. A member answers with the
 *   estate's records under its own id (test/fakes/aws/organizations.ts).
 * - Azure: `subscriptions` subscriptions, each with two Azure OpenAI accounts of three deployments.
 * - Google Cloud: `projects` projects, each with Vertex AI in one location and a few resources.
 */

const AWS_SCALE_REGIONS = ['eu-west-1', 'ap-southeast-2', 'us-west-2', 'eu-central-1'];
const range = (count: number) => Array.from({ length: count }, (_, index) => index);

/** Member account ids: 2000 0000 0000 + n, none of them the estate's own. */
const memberAccount = (index: number) => String(200_000_000_000 + index);

export async function startScaleAws(accounts: number): Promise<BenchCloud> {
  // Two regions of the four hold nothing (ap-southeast-2 holds little): every list answers empty.
  for (const region of ['us-west-2', 'eu-central-1']) {
    SAGEMAKER[region] = emptyLike(SAGEMAKER['us-east-1']!);
    BEDROCK[region] = emptyLike(BEDROCK['us-east-1']!);
  }
  ORGANIZATION_ACCOUNTS.splice(
    0,
    ORGANIZATION_ACCOUNTS.length,
    ...[ACCOUNT, ...range(accounts - 1).map(memberAccount)].map((id, index) => ({
      Id: id,
      Arn: `arn:aws:organizations::${ACCOUNT}:account/${ORGANIZATION_ID}/${id}`,
      Email: `aws+member-${index}@example.com`,
      Name: `member-${index}`,
      State: 'ACTIVE',
      JoinedMethod: index === 0 ? 'CREATED' : 'INVITED',
      JoinedTimestamp: new Date('2024-01-01T00:00:00Z'),
    })),
  );
  return startAwsEstate({ regions: AWS_SCALE_REGIONS, awsOrganization: true, awsRoleName: ORGANIZATION_ROLE });
}

export function startScaleAzure(subscriptions: number): Promise<BenchCloud> {
  return startAzureEstate(range(subscriptions).map((index) => `5c${String(index).padStart(6, '0')}-0000-4000-8000-000000000000`), 2, 3);
}

export async function startScaleGcp(projects: number): Promise<BenchCloud> {
  const names = range(projects).map((index) => `scale-ml-${String(index).padStart(4, '0')}`);
  const collections = ['endpoints', 'models', 'datasets', 'customJobs'];
  const estate: FakeGoogleEstate = {
    projects: Object.fromEntries(
      names.map((project, index) => {
        const number = String(300_000_000_000 + index);
        const location = Object.fromEntries(collections.map((collection) => [collection, range(2).map((item) => ({ name: `projects/${number}/locations/us-central1/${collection}/${1000 + item}`, displayName: `${collection}-${item}` }))]));
        return [project, { number, iamPolicy: {}, locations: { 'us-central1': location } }];
      }),
    ),
    buckets: {},
    keys: {},
  };
  return startGcpEstate(estate, { gcpProjects: names, gcpLocations: ['us-central1'] });
}
