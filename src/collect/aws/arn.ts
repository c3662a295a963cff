/** ARNs and S3 locations: the ids that tie AWS assets together. */

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fifth colon, e.g. `role/service-role/MyRole`. */
  resource: string;
}

export function parseArn(value: string | undefined): Arn | undefined {
  if (!value?.startsWith('arn:')) return undefined;
  const parts = value.split(':');
  if (parts.length < 6) return undefined;
  const [, partition, service, region, account] = parts as [string, string, string, string, string];
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

/** The last segment of an ARN's resource part: the name of a role, user, function or key. */
export function arnName(value: string): string {
  const arn = parseArn(value);
  if (!arn) return value;
  const segments = arn.resource.split(/[/:]/);
  return segments[segments.length - 1] || arn.resource;
}

/** `s3://bucket/key` → bucket and key; undefined for anything else (a local path, an https URL). */
export function s3Location(uri: string | undefined): { bucket: string; key: string } | undefined {
  const match = uri?.match(/^s3:\/\/([^/]+)\/?(.*)$/);
  return match ? { bucket: match[1]!, key: match[2]! } : undefined;
}

/** The bucket named by an S3 URI, a bucket ARN (`arn:aws:s3:::bucket[/key]`) or a bare name. */
export function bucketName(reference: string | undefined): string | undefined {
  if (!reference) return undefined;
  const location = s3Location(reference);
  if (location) return location.bucket;
  const arn = parseArn(reference);
  if (arn) return arn.service === 's3' ? arn.resource.split('/')[0] || undefined : undefined;
  return /^[a-z0-9][a-z0-9.-]{1,62}$/.test(reference) ? reference : undefined;
}

export function bucketArn(partition: string, bucket: string): string {
  return `arn:${partition}:s3:::${bucket}`;
}

/**
 * Where a SageMaker-style ARN would be; SageMaker writes resource names in lower case in its ARNs,
 * so a name read from one resource (an endpoint's model) gives the ARN the other resource has.
 */
export function sageMakerArn(partition: string, region: string, account: string, kind: string, name: string): string {
  return `arn:${partition}:sagemaker:${region}:${account}:${kind}/${name.toLowerCase()}`;
}

/**
 * A KMS key reference as an ARN: resources name keys by id, ARN, alias name or alias ARN. Bare ids
 * and alias names belong to the referring resource's account and region.
 */
export function kmsKeyArn(reference: string, partition: string, region: string, account: string): string {
  if (reference.startsWith('arn:')) return reference;
  if (reference.startsWith('alias/')) return `arn:${partition}:kms:${region}:${account}:${reference}`;
  return `arn:${partition}:kms:${region}:${account}:key/${reference}`;
}

/** AWS managed keys are named `alias/aws/<service>`; they are not customer-managed. */
export function isAwsManagedKeyAlias(reference: string): boolean {
  return /(^|:)alias\/aws\//.test(reference);
}
