import { InputError } from '../../errors.js';
import type { ProviderCollector } from '../collector.js';

/** Placeholder until the gcp collector lands: live collection from gcp is not available yet. */
export const collector: ProviderCollector = {
  provider: 'gcp',
  hasCredentials: async () => false,
  collect: async () => {
    throw new InputError({ message: 'live collection from gcp is not available in this version of aispm', hint: 'scan a snapshot with --snapshot, or try --demo' });
  },
};
