import { forEachConcurrently } from '../runtime.js';
import { serviceAccountId, type GcpEstate } from './estate.js';
import { grantsImpersonation, serviceAccountMembers, type IamPolicy } from './iam.js';
import type { ProjectFacts } from './related.js';
import type { GoogleSession } from './session.js';

/**
 * Service-account impersonation as `can-assume` edges, so that paths follow an identity to the
 * accounts it can act as or mint tokens for. A service account of a scanned project is governed by
 * its own IAM policy (IAM API serviceAccounts.getIamPolicy), its project's and the folders' and
 * organization's above. The accounts considered are those workloads run as and those the project and
 * inherited policies name: bounded by what was read, one policy read per account.
 */
export async function addImpersonation(session: GoogleSession, estate: GcpEstate, projects: ReadonlyMap<string, ProjectFacts>): Promise<void> {
  addNamedServiceAccounts(estate, projects);
  const targets = [...estate.serviceAccounts].flatMap(([id, { email }]) => {
    const project = ownerProject(email, projects);
    return project ? [{ id, email, project }] : [];
  });
  const ownPolicies = new Map<string, IamPolicy | undefined>();
  await forEachConcurrently(targets, async ({ email, project }) => {
    const scope = { account: project, region: 'global', service: 'iam' };
    const policy = await estate.builder.call(scope, 'serviceAccounts.getIamPolicy', () =>
      session.postIam<IamPolicy>(`projects/-/serviceAccounts/${encodeURIComponent(email)}:getIamPolicy?options.requestedPolicyVersion=3`),
    );
    ownPolicies.set(email, policy);
  });
  for (const [sourceId, { email: sourceEmail }] of estate.serviceAccounts) {
    const member = `serviceAccount:${sourceEmail}`;
    let unknown = false;
    for (const target of targets) {
      if (target.email === sourceEmail) continue;
      const facts = projects.get(target.project);
      const own = ownPolicies.get(target.email);
      const policies = [own, facts?.policy, ...(facts?.ancestry.policies ?? [])].filter((policy): policy is IamPolicy => policy !== undefined);
      const granted = grantsImpersonation(member, policies);
      if (granted === true) estate.addEdge(sourceId, 'can-assume', target.id);
      else if (granted === undefined || !own || !facts?.policy || !facts.ancestry.complete) unknown = true;
    }
    // A grant that could not be read (or that names a group) may let it impersonate another account.
    if (unknown) estate.builder.markEdgesUnread(sourceId, 'can-assume', 'out');
  }
}

/** The service accounts of scanned projects that the project and inherited policies name become assets too. */
function addNamedServiceAccounts(estate: GcpEstate, projects: ReadonlyMap<string, ProjectFacts>): void {
  for (const facts of projects.values()) {
    for (const policy of [facts.policy, ...facts.ancestry.policies]) {
      for (const email of policy ? serviceAccountMembers(policy) : []) {
        const project = ownerProject(email, projects);
        const id = project ? serviceAccountId(project, email) : undefined;
        if (project && id && !estate.serviceAccounts.has(id)) estate.serviceAccounts.set(id, { project, email });
      }
    }
  }
}

/**
 * The scanned project a service account belongs to, from its email: NAME@PROJECT_ID.iam.gserviceaccount.com,
 * PROJECT_ID@appspot.gserviceaccount.com, or PROJECT_NUMBER-compute@developer.gserviceaccount.com.
 * Service agents live in Google's projects: none.
 */
function ownerProject(email: string, projects: ReadonlyMap<string, ProjectFacts>): string | undefined {
  const byId = /^[^@]+@([a-z][a-z0-9-]+)\.iam\.gserviceaccount\.com$/.exec(email)?.[1] ?? /^([a-z][a-z0-9-]+)@appspot\.gserviceaccount\.com$/.exec(email)?.[1];
  if (byId) return projects.has(byId) ? byId : undefined;
  const number = /^(\d+)-compute@developer\.gserviceaccount\.com$/.exec(email)?.[1];
  for (const [project, facts] of projects) if (number && facts.number === number) return project;
  return undefined;
}
