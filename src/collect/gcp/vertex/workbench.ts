import type { GcpEstate } from '../estate.js';
import type { RestSession } from '../session.js';

/**
 * Vertex AI Workbench instances (Notebooks API v2): VMs users run JupyterLab on, with the same
 * questions as Colab Enterprise runtimes (network exposure, idle shutdown, identity) asked of their
 * Compute Engine settings. The API has no gax client here, so the list is a plain REST read.
 */

/** The Notebooks API v2 Instance fields read. */
interface Instance {
  name?: string;
  state?: string;
  creator?: string;
  labels?: Record<string, string>;
  disableProxyAccess?: boolean;
  gceSetup?: GceSetup;
}

interface GceSetup {
  machineType?: string;
  serviceAccounts?: Array<{ email?: string }>;
  disablePublicIp?: boolean;
  networkInterfaces?: Array<{ network?: string; subnet?: string }>;
  metadata?: Record<string, string>;
  shieldedInstanceConfig?: { enableSecureBoot?: boolean; enableVtpm?: boolean; enableIntegrityMonitoring?: boolean };
}

interface InstancePage {
  instances?: Instance[];
  nextPageToken?: string;
  /** Locations (zones) that could not be listed (ListInstancesResponse.unreachable). */
  unreachable?: string[];
}

/**
 * Lists the project's instances in every zone at once (`locations/-`), keeping those in the
 * regions asked for with --gcp-locations: Workbench locations are zones, not regions. Zones the API
 * could not reach come back in `unreachable`: each is a coverage gap, not an empty zone.
 */
export async function collectWorkbenchInstances(session: Pick<RestSession, 'getNotebooks'>, estate: GcpEstate, project: string): Promise<void> {
  const regions = estate.builder.context.scope.gcpLocations;
  const inScope = (zone: string) => !regions || regions.includes(regionOf(zone));
  const unreachable = new Set<string>();
  let pageToken: string | undefined;
  do {
    const query = pageToken ? `?pageToken=${encodeURIComponent(pageToken)}` : '';
    const page = await session.getNotebooks<InstancePage>(`projects/${encodeURIComponent(project)}/locations/-/instances${query}`);
    for (const instance of page.instances ?? []) {
      const zone = zoneOf(instance.name);
      if (inScope(zone)) describeInstance(instance, zone, estate, project);
    }
    // Zone ids, e.g. us-west1-a (a full location name is cut to its id).
    for (const location of page.unreachable ?? []) unreachable.add(location.slice(location.lastIndexOf('/') + 1));
    pageToken = page.nextPageToken || undefined;
  } while (pageToken);
  for (const zone of [...unreachable].filter(inScope).sort()) {
    estate.builder.record({ account: project, region: zone, service: 'notebooks' }, 'error', `ListInstances: the Notebooks API could not reach ${zone} (listed as unreachable); its Workbench instances are unknown`);
  }
}

function describeInstance(instance: Instance, zone: string, estate: GcpEstate, project: string): void {
  const setup = instance.gceSetup;
  const serviceAccount = setup?.serviceAccounts?.find((account) => account.email)?.email ?? null;
  const publicIp = setup ? setup.disablePublicIp !== true : undefined;
  const id = estate.addVertexAsset(instance, 'gcp.workbench.instance', { project, location: zone, estate }, {
    state: instance.state ?? null,
    proxyAccess: instance.disableProxyAccess !== true,
    // Without the VM settings, exposure, identity and encryption are unknown.
    ...(setup
      ? {
          publicIp,
          // An external IP takes connections from the internet (inbound) and reaches it (outbound).
          // Without one, egress through Cloud NAT is possible but not read here: unknown.
          internetExposed: publicIp,
          ...(publicIp ? { internetEgress: true } : {}),
          network: setup.networkInterfaces?.find((nic) => nic.network)?.network ?? null,
          ...idleShutdownOf(setup.metadata ?? {}),
          serviceAccount,
          rootAccess: setup.metadata?.['notebook-disable-root'] !== 'true',
          terminalAccess: setup.metadata?.['notebook-disable-terminal'] !== 'true',
          // Downloads from the JupyterLab file browser, and "Download as" other formats (nbconvert).
          fileDownloads: setup.metadata?.['notebook-disable-downloads'] !== 'true' || setup.metadata?.['notebook-disable-nbconvert'] !== 'true',
          // A cron schedule for automatic environment upgrades; without one, upgrades are manual.
          autoUpgrade: (setup.metadata?.['notebook-upgrade-schedule'] ?? '').trim() !== '',
          secureBoot: setup.shieldedInstanceConfig?.enableSecureBoot === true,
          // "Enabled by default" (gce_setup.proto): the API returns the value in force, and proto3 JSON
          // leaves out false; without the config at all, unknown.
          ...(setup.shieldedInstanceConfig
            ? { vtpm: setup.shieldedInstanceConfig.enableVtpm === true, integrityMonitoring: setup.shieldedInstanceConfig.enableIntegrityMonitoring === true }
            : {}),
          machineType: setup.machineType ?? null,
          // Disk encryption (diskEncryption, kmsKey) is input only in the Notebooks API v2: never
          // returned, so customer-managed keys stay unknown.
        }
      : {}),
  });
  estate.usesServiceAccount(id, project, serviceAccount);
}

/**
 * Workbench instances shut down after 180 idle minutes by default; the `idle-timeout-seconds`
 * metadata value changes the time (a value that is not a positive number of seconds is not
 * documented: unknown). Idle shutdown needs guest attributes, which are on unless
 * `enable-guest-attributes` is "false".
 * https://cloud.google.com/vertex-ai/docs/workbench/instances/idle-shutdown
 */
const WORKBENCH_DEFAULT_IDLE_TIMEOUT_SECONDS = 180 * 60;

function idleShutdownOf(metadata: Record<string, string>): { idleShutdown?: boolean; idleTimeoutSeconds?: number | null } {
  if (metadata['enable-guest-attributes']?.toLowerCase() === 'false') return { idleShutdown: false, idleTimeoutSeconds: null };
  const value = metadata['idle-timeout-seconds'];
  if (value === undefined) return { idleShutdown: true, idleTimeoutSeconds: WORKBENCH_DEFAULT_IDLE_TIMEOUT_SECONDS };
  const seconds = Number(value.trim());
  return value.trim() !== '' && Number.isFinite(seconds) && seconds > 0 ? { idleShutdown: true, idleTimeoutSeconds: seconds } : {};
}

/** projects/{project}/locations/{zone}/instances/{id} → the zone. */
function zoneOf(name: string | undefined): string {
  return /\/locations\/([^/]+)\//.exec(name ?? '')?.[1] ?? 'global';
}

/** us-central1-a → us-central1. */
function regionOf(zone: string): string {
  return zone.replace(/-[a-z]$/, '');
}
