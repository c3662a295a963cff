import { compareStrings } from '../../graph/graph.js';
import type { GcpEstate } from './estate.js';
import { allPages, type GoogleSession } from './session.js';

/**
 * Sensitive Data Protection (DLP) file store data profiles of the buckets AI assets read and write:
 * what the discovery service found in a bucket (its sensitivity level and the infoTypes seen), the
 * Google Cloud counterpart of Amazon Macie's bucket sensitivity. Profiles stay in the region of the
 * data ("Sensitive Data Protection doesn't combine profiles that reside in different regions",
 * https://cloud.google.com/sensitive-data-protection/docs/manage-data-profiles), so each bucket's
 * profile is asked for in the bucket's project and location, through the global endpoint, which
 * serves every location. A bucket without a profile there is unknown, not "not sensitive": discovery
 * may not cover it, or it was profiled by an organization- or folder-level scan, whose profiles are
 * listed under the organization (not read).
 */

/** google.privacy.dlp.v2.FileStoreDataProfile, the fields read. */
interface FileStoreDataProfile {
  name?: string;
  fileStorePath?: string;
  sensitivityScore?: { score?: string | number };
  dataRiskLevel?: { score?: string | number };
  fileStoreInfoTypeSummaries?: Array<{ infoType?: { name?: string } }>;
  profileLastGenerated?: string;
}

interface ProfilePage {
  fileStoreDataProfiles?: FileStoreDataProfile[];
  nextPageToken?: string;
}

/** SensitivityScore.SensitivityScoreLevel (storage.proto), by name and number. */
const SENSITIVITY: Record<string, string> = {
  SENSITIVITY_LOW: 'SENSITIVITY_LOW',
  SENSITIVITY_UNKNOWN: 'SENSITIVITY_UNKNOWN',
  SENSITIVITY_MODERATE: 'SENSITIVITY_MODERATE',
  SENSITIVITY_HIGH: 'SENSITIVITY_HIGH',
  10: 'SENSITIVITY_LOW',
  12: 'SENSITIVITY_UNKNOWN',
  20: 'SENSITIVITY_MODERATE',
  30: 'SENSITIVITY_HIGH',
};

/** DataRiskLevel.DataRiskLevelScore (dlp.proto), by name and number. */
const RISK: Record<string, string> = {
  RISK_LOW: 'RISK_LOW',
  RISK_UNKNOWN: 'RISK_UNKNOWN',
  RISK_MODERATE: 'RISK_MODERATE',
  RISK_HIGH: 'RISK_HIGH',
  10: 'RISK_LOW',
  12: 'RISK_UNKNOWN',
  20: 'RISK_MODERATE',
  30: 'RISK_HIGH',
};

/**
 * The bucket's DLP properties, or none when no profile was found (or the call failed: a coverage
 * gap). DLP's verdict replaces aispm's assumption that a bucket AI assets use holds sensitive data
 * only when it is a verdict: MODERATE ("contains personally identifiable information") and HIGH
 * (sensitive PII) make it sensitive, LOW ("no sensitive information detected") not; UNKNOWN ("unable
 * to determine") leaves the assumption.
 */
export async function readBucketProfile(session: GoogleSession, estate: GcpEstate, project: string, bucket: string, location: string): Promise<Record<string, unknown>> {
  const scope = { account: project, region: location, service: 'dlp' };
  const parent = `projects/${encodeURIComponent(project)}/locations/${encodeURIComponent(location)}/fileStoreDataProfiles`;
  const filter = encodeURIComponent(`file_store_path = "gs://${bucket}"`);
  const profiles = await estate.builder.call(scope, 'ListFileStoreDataProfiles', () => allPages(session.getDlp, `${parent}?filter=${filter}`, (page: ProfilePage) => page.fileStoreDataProfiles));
  // The newest profile of the bucket (the filter names it; the path is checked again).
  const profile = (profiles ?? [])
    .filter((candidate) => candidate.fileStorePath === `gs://${bucket}`)
    .sort((a, b) => compareStrings(b.profileLastGenerated ?? '', a.profileLastGenerated ?? '') || compareStrings(a.name ?? '', b.name ?? ''))[0];
  if (!profile) return {};
  const sensitivity = SENSITIVITY[String(profile.sensitivityScore?.score)] ?? null;
  const infoTypes = [...new Set((profile.fileStoreInfoTypeSummaries ?? []).map((summary) => summary.infoType?.name ?? '').filter((name) => name !== ''))].sort(compareStrings);
  return {
    dataProfile: profile.name ?? null,
    sensitivityScore: sensitivity,
    dataRiskLevel: RISK[String(profile.dataRiskLevel?.score)] ?? null,
    sensitiveInfoTypes: infoTypes,
    ...(sensitivity === 'SENSITIVITY_HIGH' || sensitivity === 'SENSITIVITY_MODERATE' ? { sensitiveData: true } : sensitivity === 'SENSITIVITY_LOW' ? { sensitiveData: false } : {}),
  };
}
