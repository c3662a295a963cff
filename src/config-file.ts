import { existsSync } from 'node:fs';

/**
 * Where the config file is looked for when --config is not given. Apart from config.ts, whose schema
 * (zod, yaml) is only worth loading when there is a file to read.
 */
const DEFAULT_CONFIG_FILE = 'aispm.config.yaml';

export function defaultConfigFile(): string | undefined {
  return existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined;
}
