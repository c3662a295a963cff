import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CollectScope, ProviderCollector } from '../collector.js';
import type { AwsCollectOptions } from './collect.js';

/**
 * The AWS collector. This module stays light: the SDKs load only when a scan collects from AWS
 * (`collect.js`), so `aispm scan` without AWS credentials does not pay for them.
 */

/** Credential sources the SDK's default chain reads from the environment. */
const CREDENTIAL_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI'];

/** A default profile in the shared config or credentials file. */
const DEFAULT_PROFILE_SECTION = /^\s*\[\s*(profile\s+)?default\s*\]/m;

/**
 * Whether AWS credentials can be found without calling AWS: a requested profile, credential variables,
 * or a default profile on disk. An EC2 instance role cannot be seen without the network; on EC2, ask
 * for AWS with `--provider aws`.
 */
export function hasAwsCredentials(scope: CollectScope, env: NodeJS.ProcessEnv = process.env): boolean {
  if (scope.awsProfiles?.length) return true;
  if (CREDENTIAL_VARIABLES.some((name) => env[name])) return true;
  const files = [env.AWS_SHARED_CREDENTIALS_FILE ?? join(homedir(), '.aws', 'credentials'), env.AWS_CONFIG_FILE ?? join(homedir(), '.aws', 'config')];
  return files.some((file) => existsSync(file) && DEFAULT_PROFILE_SECTION.test(readFileSync(file, 'utf8')));
}

export function createAwsCollector(options: AwsCollectOptions = {}): ProviderCollector {
  return {
    provider: 'aws',
    hasCredentials: async (context) => hasAwsCredentials(context.scope),
    collect: async (context) => (await import('./collect.js')).collectAws(context, options),
  };
}

export const collector: ProviderCollector = createAwsCollector();
