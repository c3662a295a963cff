/**
 * Reading IAM policy documents: what a principal may do, and who may assume a role. This is a
 * posture view, not the IAM evaluation engine: conditions are ignored (a conditional Allow still
 * counts, a conditional Deny does not block), so access is over- rather than under-estimated.
 */

export interface PolicyStatement {
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Principal?: string | Record<string, string | string[]>;
  Condition?: unknown;
}

/** IAM returns documents URL-encoded (GetRole, GetRolePolicy, GetPolicyVersion); others give plain JSON. */
export function parsePolicyDocument(text: string | undefined): PolicyStatement[] | undefined {
  if (!text) return undefined;
  for (const candidate of [text, safeDecode(text)]) {
    try {
      const document = JSON.parse(candidate) as { Statement?: PolicyStatement | PolicyStatement[] };
      const statements = document.Statement;
      return statements === undefined ? [] : Array.isArray(statements) ? statements : [statements];
    } catch {
      // try the decoded form next
    }
  }
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * Glob match for IAM patterns (`*` any run, `?` one character). With `prefixOnly`, it is enough that
 * `text` can be continued into a match: `arn:aws:s3:::bucket/` is a prefix of what `.../bucket/data/*` allows.
 */
export function globMatches(pattern: string, text: string, prefixOnly = false): boolean {
  let states = closeOverStars(pattern, new Set([0]));
  for (const char of text) {
    const next = new Set<number>();
    for (const state of states) {
      const token = pattern[state];
      if (token === '*') next.add(state);
      else if (token === '?' || token === char) next.add(state + 1);
    }
    states = closeOverStars(pattern, next);
    if (states.size === 0) return false;
  }
  return prefixOnly ? states.size > 0 : states.has(pattern.length);
}

function closeOverStars(pattern: string, states: Set<number>): Set<number> {
  for (const state of states) if (pattern[state] === '*') states.add(state + 1);
  return states;
}

function actionMatches(statement: PolicyStatement, action: string): boolean {
  const wanted = action.toLowerCase();
  const hit = (patterns: string[]) => patterns.some((pattern) => globMatches(pattern.toLowerCase(), wanted));
  if (statement.NotAction !== undefined) return !hit(asList(statement.NotAction));
  return hit(asList(statement.Action));
}

function resourceMatches(statement: PolicyStatement, resource: string, prefixOnly: boolean): boolean {
  if (statement.NotResource !== undefined) return !asList(statement.NotResource).some((pattern) => globMatches(pattern, resource));
  return asList(statement.Resource).some((pattern) => globMatches(pattern, resource, prefixOnly));
}

function isAllow(statement: PolicyStatement): boolean {
  return statement.Effect === 'Allow';
}

/**
 * Whether the statements allow `action` on `resource`; with `anyBelow`, on anything whose ARN starts
 * with `resource` (an object somewhere in a bucket). An unconditional Deny of the whole resource wins.
 */
export function allows(statements: readonly PolicyStatement[], action: string, resource: string, anyBelow = false): boolean {
  const allowed = statements.some((statement) => isAllow(statement) && actionMatches(statement, action) && resourceMatches(statement, resource, anyBelow));
  if (!allowed) return false;
  const everything = anyBelow ? `${resource}*` : resource;
  return !statements.some((statement) => statement.Effect === 'Deny' && statement.Condition === undefined && actionMatches(statement, action) && resourceMatches(statement, everything, false));
}

/** Allow of every action on every resource: AdministratorAccess or its hand-written twin. */
export function grantsAdmin(statements: readonly PolicyStatement[]): boolean {
  return statements.some((statement) => isAllow(statement) && asList(statement.Action).includes('*') && asList(statement.Resource).includes('*'));
}

/** Allow of `*` or of every action of a service (`s3:*`). */
export function grantsWildcardActions(statements: readonly PolicyStatement[]): boolean {
  return statements.some((statement) => isAllow(statement) && asList(statement.Action).some((action) => action === '*' || /^[a-z0-9-]+:\*$/i.test(action)));
}

/** What S3 access the statements give on the objects of one bucket. */
export function bucketAccess(statements: readonly PolicyStatement[], bucketArn: string): { read: boolean; write: boolean } {
  const objects = `${bucketArn}/`;
  return {
    read: allows(statements, 's3:GetObject', objects, true),
    write: allows(statements, 's3:PutObject', objects, true) || allows(statements, 's3:DeleteObject', objects, true),
  };
}

/** Principals named in the Allow statements of a trust (or resource) policy, by kind (`Service`, `AWS`, ...). */
export function principals(statements: readonly PolicyStatement[], kind: string): string[] {
  const found = new Set<string>();
  for (const statement of statements) {
    if (!isAllow(statement) || statement.Principal === undefined) continue;
    if (typeof statement.Principal === 'string') {
      if (statement.Principal === '*' && kind === 'AWS') found.add('*');
      continue;
    }
    for (const principal of asList(statement.Principal[kind])) found.add(principal);
  }
  return [...found].sort();
}

/** Anyone on the internet: `"Principal": "*"` or `{"AWS": "*"}`. */
export function isPublicStatement(statement: PolicyStatement): boolean {
  return isAllow(statement) && principals([statement], 'AWS').includes('*');
}

/** A trust policy lets this principal assume the role: by its ARN, or by its account (which then delegates through IAM). */
export function trusts(trustedPrincipals: readonly string[], principalArn: string, principalAccount: string): boolean {
  return trustedPrincipals.some(
    (trusted) => trusted === '*' || trusted === principalAccount || new RegExp(`^arn:[^:]+:iam::${principalAccount}:root$`).test(trusted) || globMatches(trusted, principalArn),
  );
}
