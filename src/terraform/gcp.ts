import type { ResourceMapping } from './mapping.js';
import { blockOf, knownString } from './mapping.js';

/**
 * The google provider's resources (hashicorp/google, https://registry.terraform.io/providers/hashicorp/google)
 * as the Google Cloud collector's asset types, with the properties the collector derives from the same
 * API fields (Notebooks API v2 for Workbench), so the built-in rules run unchanged on a plan.
 */
export const GCP_RESOURCES: Readonly<Record<string, ResourceMapping>> = {
  google_workbench_instance: {
    assetType: 'gcp.workbench.instance',
    reads:
      'disable_proxy_access, gce_setup (disable_public_ip, service_accounts, metadata notebook-disable-root, -terminal, -downloads and -nbconvert, shielded_instance_config, machine_type, network_interfaces); the zone is `location`. Without gce_setup, exposure and identity are unknown, as for the live collector',
    account: (resource) => knownString(resource.values.project),
    region: (resource) => knownString(resource.values.location),
    id: (resource) => {
      const name = knownString(resource.values.name);
      const project = knownString(resource.values.project);
      const zone = knownString(resource.values.location);
      return name && project && zone ? `projects/${project}/locations/${zone}/instances/${name}` : undefined;
    },
    props: (resource) => {
      const values = resource.values;
      const setup = blockOf(values.gce_setup);
      const metadata = setup?.metadata;
      const known = metadata !== null && typeof metadata === 'object' ? (metadata as Record<string, unknown>) : setup && metadata === null ? {} : undefined;
      const flagOff = (key: string) => (known === undefined ? undefined : known[key] !== 'true');
      const publicIp = setup ? (setup.disable_public_ip === true ? false : setup.disable_public_ip === false || setup.disable_public_ip === null ? true : undefined) : undefined;
      const shielded = setup ? blockOf(setup.shielded_instance_config) : undefined;
      const account = setup ? blockOf(setup.service_accounts) : undefined;
      const nic = setup ? blockOf(setup.network_interfaces) : undefined;
      return {
        proxyAccess: values.disable_proxy_access === true ? false : values.disable_proxy_access === false || values.disable_proxy_access === null ? true : undefined,
        ...(setup
          ? {
              publicIp,
              internetExposed: publicIp,
              ...(publicIp ? { internetEgress: true } : {}),
              network: nic === null ? null : knownString(nic?.network),
              serviceAccount: account === null ? null : knownString(account?.email),
              rootAccess: flagOff('notebook-disable-root'),
              terminalAccess: flagOff('notebook-disable-terminal'),
              fileDownloads: known === undefined ? undefined : known['notebook-disable-downloads'] !== 'true' || known['notebook-disable-nbconvert'] !== 'true',
              secureBoot: shielded === null ? false : typeof shielded?.enable_secure_boot === 'boolean' ? shielded.enable_secure_boot : undefined,
              ...(shielded ? { vtpm: shielded.enable_vtpm === true, integrityMonitoring: shielded.enable_integrity_monitoring === true } : {}),
              machineType: knownString(setup.machine_type),
            }
          : {}),
      };
    },
  },
};
