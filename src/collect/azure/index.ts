import { InputError } from '../../errors.js';
import type { ProviderCollector } from '../collector.js';

/** Placeholder until the azure collector lands: live collection from azure is not available yet. */
export const collector: ProviderCollector = {
  provider: 'azure',
  hasCredentials: async () => false,
  collect: async () => {
    throw new InputError({ message: 'live collection from azure is not available in this version of aispm', hint: 'scan a snapshot with --snapshot, or try --demo' });
  },
};
