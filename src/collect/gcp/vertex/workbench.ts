import type { GcpEstate } from '../estate.js';
import type { GoogleSession } from '../session.js';

/**
 * Vertex AI Workbench instances (Notebooks API v2): VMs users run JupyterLab on, with the same
 * questions as Colab Enterprise runtimes (network exposure, idle shutdown, identity, CMEK) asked of
 * their Compute Engine settings. The API has no gax client here, so the list is a plain REST read.
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
  shieldedInstanceConfig?: { enableSecureBoot?: boolean };
  bootDisk?: Disk;
  dataDisks?: Disk[];
}

interface Disk {
  /** GMEK (the default) or CMEK. */
  diskEncryption?: string;
  kmsKey?: string;
}

interface InstancePage {
  instances?: Instance[];
  nextPageToken?: string;
}

/**
 * Lists the project's instances in every zone at once (`locations/-`), keeping those in the
 * regions asked for with --gcp-locations: Workbench locations are zones, not regions.
 */
export async function collectWorkbenchInstances(session: GoogleSession, estate: GcpEstate, project: string): Promise<void> {
  const regions = estate.builder.context.scope.gcpLocations;
  let pageToken: string | undefined;
  do {
    const query = pageToken ? `?pageToken=${encodeURIComponent(pageToken)}` : '';
    const page = await session.getNotebooks<InstancePage>(`projects/${encodeURIComponent(project)}/locations/-/instances${query}`);
    for (const instance of page.instances ?? []) {
      const zone = zoneOf(instance.name);
      if (!regions || regions.includes(regionOf(zone))) describeInstance(instance, zone, estate, project);
    }
    pageToken = page.nextPageToken || undefined;
  } while (pageToken);
}

function describeInstance(instance: Instance, zone: string, estate: GcpEstate, project: string): void {
  const setup = instance.gceSetup;
  const serviceAccount = setup?.serviceAccounts?.find((account) => account.email)?.email ?? null;
  const keys = setup ? diskKeys(setup) : undefined;
  const id = estate.addVertexAsset(instance, 'gcp.workbench.instance', { project, location: zone, estate }, {
    state: instance.state ?? null,
    proxyAccess: instance.disableProxyAccess !== true,
    // Without the VM settings, exposure, identity and encryption are unknown.
    ...(setup
      ? {
          publicIp: setup.disablePublicIp !== true,
          internetExposed: setup.disablePublicIp !== true,
          network: setup.networkInterfaces?.find((nic) => nic.network)?.network ?? null,
          ...idleShutdownOf(setup.metadata ?? {}),
          serviceAccount,
          rootAccess: setup.metadata?.['notebook-disable-root'] !== 'true',
          secureBoot: setup.shieldedInstanceConfig?.enableSecureBoot === true,
          machineType: setup.machineType ?? null,
          kmsKeyName: keys?.[0] ?? null,
          // Every disk must be under a customer-managed key: one Google-managed disk holds data too.
          customerManagedKey: setup.bootDisk?.diskEncryption === 'CMEK' && (setup.dataDisks ?? []).every((disk) => disk.diskEncryption === 'CMEK'),
        }
      : {}),
  });
  estate.usesServiceAccount(id, project, serviceAccount);
  for (const key of keys ?? []) estate.encryptedBy(id, key, project);
}

/** Workbench shuts an instance down after the `idle-timeout-seconds` metadata value; absent, it never does. */
function idleShutdownOf(metadata: Record<string, string>): { idleShutdown: boolean; idleTimeoutSeconds: number | null } {
  const seconds = Number(metadata['idle-timeout-seconds']);
  return Number.isFinite(seconds) && seconds > 0 ? { idleShutdown: true, idleTimeoutSeconds: seconds } : { idleShutdown: false, idleTimeoutSeconds: null };
}

/** The distinct Cloud KMS keys of the boot and data disks that use CMEK. */
function diskKeys(setup: GceSetup): string[] {
  const disks = [setup.bootDisk, ...(setup.dataDisks ?? [])];
  return [...new Set(disks.filter((disk) => disk?.diskEncryption === 'CMEK' && disk.kmsKey).map((disk) => disk!.kmsKey!))];
}

/** projects/{project}/locations/{zone}/instances/{id} → the zone. */
function zoneOf(name: string | undefined): string {
  return /\/locations\/([^/]+)\//.exec(name ?? '')?.[1] ?? 'global';
}

/** us-central1-a → us-central1. */
function regionOf(zone: string): string {
  return zone.replace(/-[a-z]$/, '');
}
