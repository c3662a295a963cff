import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEnv } from '../collect/azure/harness.js';
import { fakeGoogleEnv } from '../collect/gcp/helpers.js';
import { FakeAws, fakeAwsEnvironment } from '../fakes/aws/server.js';
import { FakeArm } from '../fakes/azure/arm-server.js';
import { DENIALS, fakeTenant, TOKEN } from '../fakes/azure/estate.js';
import { AZURE_PROXY_TLS, awsDialect, azureDialect, gcpDialect } from '../fakes/fault-dialects.js';
import { FaultProxy, type FaultPlan } from '../fakes/fault-proxy.js';
import { fakeEstate } from '../fakes/gcp/estate.js';
import { startFakeGoogle } from '../fakes/gcp/server.js';

/**
 * The three fake clouds, each behind its own fault proxy, and the environment that points the CLI
 * (as a subprocess) at the proxies and nowhere else.
 */

export type CloudName = 'aws' | 'azure' | 'gcp';

export interface ThreeClouds {
  proxies: Record<CloudName, FaultProxy>;
  /** Environment for `runCliAsync` that reaches every provider through its proxy. */
  env: Record<string, string>;
  /** The credential values the environment hands the CLI, by provider. */
  credentials: Record<CloudName, string>;
  close(): Promise<void>;
}

/** `aispm scan` arguments that collect from one provider of the three clouds (the Google projects named). */
export function providerArgs(provider: CloudName): string[] {
  return provider === 'gcp' ? ['--provider', 'gcp', '--gcp-project', 'acme-ml', '--gcp-project', 'acme-sandbox'] : ['--provider', provider];
}

export async function startThreeClouds(plans: Partial<Record<CloudName, FaultPlan>> = {}): Promise<ThreeClouds> {
  const aws = await new FakeAws().start();
  const azure = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: DENIALS });
  const gcp = await startFakeGoogle(fakeEstate());
  const proxies = {
    aws: await FaultProxy.start({ target: aws.url, dialect: awsDialect, plan: plans.aws }),
    azure: await FaultProxy.start({ target: azure.url, dialect: azureDialect, tls: AZURE_PROXY_TLS, plan: plans.azure }),
    gcp: await FaultProxy.start({ target: gcp.url, dialect: gcpDialect, plan: plans.gcp }),
  };
  const home = mkdtempSync(join(tmpdir(), 'aispm-three-clouds-'));
  const awsEnv = fakeAwsEnvironment(aws, home);
  const env = {
    ...fakeGoogleEnv(gcp),
    AISPM_GCP_ENDPOINT: proxies.gcp.url,
    ...cliEnv(azure),
    AISPM_AZURE_ENDPOINT: proxies.azure.url,
    ...awsEnv,
    AWS_ENDPOINT_URL: proxies.aws.url,
    HOME: home,
  };
  return {
    proxies,
    env,
    credentials: { aws: awsEnv.AWS_SECRET_ACCESS_KEY!, azure: TOKEN, gcp: gcp.token },
    close: async () => {
      await Promise.all(Object.values(proxies).map((proxy) => proxy.close()));
      await Promise.all([aws.stop(), azure.close(), gcp.close()]);
    },
  };
}
