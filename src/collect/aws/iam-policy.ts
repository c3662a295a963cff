/**
 * Reading IAM policy documents: what a principal may do, and who may assume a role. This is a
 * posture view, not the IAM evaluation engine: conditions are ignored (a conditional Allow still
 * counts, a conditional Deny does not block), so access is over- rather than under-estimated; S3
 * resource patterns are read by bucket name (see `bucketObjects`).
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

/** Glob match for IAM patterns: `*` any run of characters, `?` one character. Linear in the text. */
export function globMatches(pattern: string, text: string): boolean {
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
  return states.has(pattern.length);
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

/** What a statement's Resource patterns are tested against: some of the resource, or all of it. */
export interface ResourceTest {
  /** The pattern grants access to (some of) the resource. */
  some(pattern: string): boolean;
  /** The pattern covers all of the resource (for Deny and NotResource). */
  all(pattern: string): boolean;
}

/** One resource named by its ARN (a role). */
export function exactResource(arn: string): ResourceTest {
  return { some: (pattern) => globMatches(pattern, arn), all: (pattern) => globMatches(pattern, arn) };
}

/**
 * The objects of one bucket. A pattern names them when its bucket part (before the first "/")
 * matches the bucket's name, or when it has no "/" and ends in "*" (`arn:aws:s3:::acme-*`). IAM would
 * also let `arn:aws:s3:::*sagemaker*` reach keys containing "sagemaker" in any bucket; such patterns
 * are read as bucket-name patterns, as people write them.
 */
function bucketObjects(bucketArn: string): ResourceTest {
  const split = (pattern: string) => {
    const slash = pattern.indexOf('/');
    return slash === -1 ? { bucket: pattern, key: undefined } : { bucket: pattern.slice(0, slash), key: pattern.slice(slash + 1) };
  };
  return {
    some: (pattern) => {
      const { bucket, key } = split(pattern);
      return key === undefined ? pattern.endsWith('*') && globMatches(pattern, bucketArn) : globMatches(bucket, bucketArn);
    },
    all: (pattern) => {
      const { bucket, key } = split(pattern);
      return key === undefined ? pattern.endsWith('*') && globMatches(pattern, bucketArn) : globMatches(bucket, bucketArn) && key === '*';
    },
  };
}

function isAllow(statement: PolicyStatement): boolean {
  return statement.Effect === 'Allow';
}

/** Whether the statements allow `action` on the resource; an unconditional Deny of all of it wins. */
export function allows(statements: readonly PolicyStatement[], action: string, resource: ResourceTest): boolean {
  const allowed = statements.some(
    (statement) =>
      isAllow(statement) &&
      actionMatches(statement, action) &&
      (statement.NotResource !== undefined ? !asList(statement.NotResource).some((pattern) => resource.all(pattern)) : asList(statement.Resource).some((pattern) => resource.some(pattern))),
  );
  if (!allowed) return false;
  return !statements.some(
    (statement) => statement.Effect === 'Deny' && statement.Condition === undefined && actionMatches(statement, action) && asList(statement.Resource).some((pattern) => resource.all(pattern)),
  );
}

/**
 * Administrator rights: Allow of every action on every resource (AdministratorAccess or its
 * hand-written twin), or of every IAM action on every resource (IAMFullAccess), with which the
 * identity can grant itself everything else. Everything-but-IAM (PowerUserAccess's NotAction) is not.
 */
export function grantsAdmin(statements: readonly PolicyStatement[]): boolean {
  return statements.some((statement) => isAllow(statement) && asList(statement.Resource).includes('*') && asList(statement.Action).some((action) => action === '*' || action.toLowerCase() === 'iam:*'));
}

/** Allow of `*`, of every action of a service (`s3:*`), or of everything but some actions (NotAction). */
export function grantsWildcardActions(statements: readonly PolicyStatement[]): boolean {
  return statements.some((statement) => isAllow(statement) && (statement.NotAction !== undefined || asList(statement.Action).some((action) => action === '*' || /^[a-z0-9-]+:\*$/i.test(action))));
}

/**
 * Allow of aws-marketplace:Subscribe, named by an aws-marketplace action pattern (`aws-marketplace:Subscribe`,
 * `aws-marketplace:*`), on every resource and without a condition (such as aws-marketplace:ProductId) that
 * narrows which products. Statements that grant every action (`*`, NotAction) are left to the admin and
 * wildcard-action properties.
 */
export function grantsMarketplaceSubscribe(statements: readonly PolicyStatement[]): boolean {
  return statements.some(
    (statement) =>
      isAllow(statement) &&
      statement.Condition === undefined &&
      (statement.NotResource !== undefined || asList(statement.Resource).includes('*')) &&
      asList(statement.Action).some((action) => action.toLowerCase().startsWith('aws-marketplace:') && globMatches(action.toLowerCase(), 'aws-marketplace:subscribe')),
  );
}

/** What S3 access the statements give on the objects of one bucket. */
export function bucketAccess(statements: readonly PolicyStatement[], bucketArn: string): { read: boolean; write: boolean } {
  const objects = bucketObjects(bucketArn);
  return {
    read: allows(statements, 's3:GetObject', objects),
    write: allows(statements, 's3:PutObject', objects) || allows(statements, 's3:DeleteObject', objects),
  };
}

/** Roles named outright (no wildcard) as what the statements let the principal assume. */
export function assumableRoles(statements: readonly PolicyStatement[]): string[] {
  return statements
    .filter((statement) => isAllow(statement) && actionMatches(statement, 'sts:AssumeRole'))
    .flatMap((statement) => asList(statement.Resource))
    .filter((resource) => /^arn:[^:]+:iam::\d{12}:role\/[^*?]+$/.test(resource));
}

/**
 * Resource patterns with wildcards (`*`, `arn:aws:iam::*:role/*`, `arn:aws:iam::123456789012:role/ml-*`)
 * of the Allow statements that grant sts:AssumeRole; a NotResource statement counts as `*` less what it names.
 */
export function assumeRoleWildcards(statements: readonly PolicyStatement[]): string[] {
  const patterns = statements
    .filter((statement) => isAllow(statement) && actionMatches(statement, 'sts:AssumeRole'))
    .flatMap((statement) => (statement.NotResource !== undefined ? ['*'] : asList(statement.Resource).filter((resource) => /[*?]/.test(resource))));
  return [...new Set(patterns)].sort();
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

/**
 * The IAM actions behind direct model use: InvokeModel and Converse need bedrock:InvokeModel, the
 * streaming InvokeModelWithResponseStream and ConverseStream need bedrock:InvokeModelWithResponseStream
 * (Bedrock API reference, "This operation requires permission for the bedrock:InvokeModel action").
 */
export const MODEL_INVOCATION_ACTIONS = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'] as const;

/** Some Bedrock resource (a model, inference profile, provisioned or imported model); `all` when the pattern covers every one. */
const BEDROCK_RESOURCES: ResourceTest = {
  some: (pattern) => {
    const parts = pattern.split(':');
    if (parts.length < 3) return globMatches(pattern, 'arn:aws:bedrock:');
    return globMatches(parts[0]!, 'arn') && globMatches(parts[2]!.toLowerCase(), 'bedrock');
  },
  all: (pattern) => {
    const parts = pattern.split(':');
    if (pattern === '*') return true;
    return parts.length >= 3 && globMatches(parts[2]!.toLowerCase(), 'bedrock') && globMatches(parts.slice(3).join(':'), '*:*:*');
  },
};

const GUARDRAIL_KEY = 'bedrock:guardrailidentifier';
/** Operators under which an Allow holds only for the guardrails named (IfExists and set operators let a request without one through). */
const REQUIRING_OPERATORS = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike']);
/** Operators under which a Deny hits every request that names another guardrail, or none. */
const EXCLUDING_OPERATORS = new Set(['stringnotequals', 'stringnotequalsignorecase', 'stringnotlike', 'arnnotequals', 'arnnotlike', 'stringnotequalsifexists', 'stringnotlikeifexists', 'arnnotequalsifexists', 'arnnotlikeifexists']);

/** A statement's condition as (operator, key, values) triples, lower-cased; empty without a condition. */
function conditionEntries(statement: PolicyStatement): Array<{ operator: string; key: string; values: string[] }> {
  const condition = statement.Condition;
  if (!condition || typeof condition !== 'object') return [];
  return Object.entries(condition as Record<string, unknown>).flatMap(([operator, block]) =>
    block && typeof block === 'object'
      ? Object.entries(block as Record<string, unknown>).map(([key, value]) => ({ operator: operator.toLowerCase(), key: key.toLowerCase(), values: (Array.isArray(value) ? value : [value]).map(String) }))
      : [],
  );
}

/** An Allow that holds only when the request names one of the guardrails it lists (or any guardrail, with Null false). */
function allowRequiresGuardrail(statement: PolicyStatement): boolean {
  return conditionEntries(statement).some(
    ({ operator, key, values }) => key === GUARDRAIL_KEY && (REQUIRING_OPERATORS.has(operator) || (operator === 'null' && values.every((value) => value.toLowerCase() === 'false'))),
  );
}

/** A Deny that refuses every request without the guardrails it names, and has no other condition narrowing it. */
function denyRequiresGuardrail(statement: PolicyStatement): boolean {
  const entries = conditionEntries(statement);
  return (
    entries.length > 0 &&
    entries.every(({ operator, key, values }) => key === GUARDRAIL_KEY && (EXCLUDING_OPERATORS.has(operator) || (operator === 'null' && values.every((value) => value.toLowerCase() === 'true'))))
  );
}

/** What an identity's policies say about calling models directly. */
export interface ModelInvocation {
  /** It may call InvokeModel or InvokeModelWithResponseStream on some Bedrock resource; unknown while a policy is unread and none grants it. */
  allowed: boolean | undefined;
  /**
   * Every such call must name a guardrail (`bedrock:GuardrailIdentifier`): each granting Allow is
   * conditioned on it, or a Deny refuses calls without it. null when calls are not allowed; unknown
   * while a policy that could hold an unconditioned grant or an enforcing Deny is unread.
   */
  guardrailRequired: boolean | null | undefined;
}

/**
 * Whether the statements let an identity call Bedrock models, and whether a guardrail is required
 * for it (the `bedrock:GuardrailIdentifier` condition key; Bedrock user guide, "Enforce the use of
 * specific guardrails in model inference requests"). `complete`: every policy of the identity was read.
 * Permissions boundaries and SCPs are not read: they can only narrow what is found here.
 */
export function modelInvocation(statements: readonly PolicyStatement[], complete: boolean): ModelInvocation {
  const allowed = MODEL_INVOCATION_ACTIONS.some((action) => allows(statements, action, BEDROCK_RESOURCES));
  if (!allowed) return complete ? { allowed: false, guardrailRequired: null } : { allowed: undefined, guardrailRequired: undefined };
  const covers = (statement: PolicyStatement, action: string) =>
    actionMatches(statement, action) && (statement.NotResource !== undefined || asList(statement.Resource).some((pattern) => BEDROCK_RESOURCES.some(pattern)));
  const denied = MODEL_INVOCATION_ACTIONS.every((action) =>
    statements.some((statement) => statement.Effect === 'Deny' && actionMatches(statement, action) && asList(statement.Resource).some((pattern) => BEDROCK_RESOURCES.all(pattern)) && denyRequiresGuardrail(statement)),
  );
  if (denied) return { allowed: true, guardrailRequired: true };
  const unguarded = statements.some((statement) => isAllow(statement) && MODEL_INVOCATION_ACTIONS.some((action) => covers(statement, action)) && !allowRequiresGuardrail(statement));
  // Incomplete: an unread policy may hold an unconditioned grant, or the Deny that enforces one.
  return { allowed: true, guardrailRequired: complete ? !unguarded : undefined };
}
