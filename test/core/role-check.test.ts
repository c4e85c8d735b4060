// The dry run's second request, in the core: Return All Projects Available for Migration, which
// only an Organization Owner may call. Its answer proves the role (200 with the list of projects),
// disproves it (403), refuses the runner (403 from the access list), or proves nothing (anything
// else): what each of these makes of the verdict, the checks and the warnings.
import { afterEach, describe, expect, it } from 'vitest';
import { verifyOrganization } from '../../src/verify-organization.ts';
import {
  ATLAS_ERRORS,
  AtlasStandIn,
  AVAILABLE_PROJECTS,
  ORGANIZATION_NAME,
  type Step,
  V2_MEDIA_TYPE,
} from '../support/atlas-stand-in.ts';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  instantRuntime,
  MEMBER_CLIENT_ID,
  MEMBER_CLIENT_SECRET,
  MEMBER_PRIVATE_KEY,
  MEMBER_PUBLIC_KEY,
  ORG_ID,
  perform,
  PRIVATE_KEY,
  PUBLIC_KEY,
  recordingLogger,
  settingsFor,
  abortWhen,
} from '../support/fixtures.ts';
import type { Settings } from '../../src/inputs.ts';
import type { RunResult } from '../../src/result.ts';
import type { RequestAuthenticator } from '../../src/auth/authenticator.ts';
import type { Runtime, Session } from '../../src/session.ts';

const ORG_PATH = `/api/atlas/v1.0/orgs/${ORG_ID}`;
const ROLE_PATH = `/api/atlas/v2/orgs/${ORG_ID}/liveMigrations/availableProjects`;
const LIMITS = 'Nothing was deleted; a dry run cannot tell whether a link-token exists.';
const OWNER_ROLE = 'the Organization Owner role the delete needs';
const ACME: Step = { status: 200, body: { id: ORG_ID, name: 'Acme' } };

const MEMBER_KEY = {
  method: 'digest',
  publicKey: MEMBER_PUBLIC_KEY,
  privateKey: MEMBER_PRIVATE_KEY,
} as const;
const OWNER_ACCOUNT = { method: 'service-account', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } as const;
const MEMBER_ACCOUNT = {
  method: 'service-account',
  clientId: MEMBER_CLIENT_ID,
  clientSecret: MEMBER_CLIENT_SECRET,
} as const;

let standIn: AtlasStandIn;
let baseUrl: string;
afterEach(async () => {
  expect(standIn.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
  await standIn.close();
});

async function start(steps: Step[] = []): Promise<void> {
  standIn = new AtlasStandIn({
    publicKey: PUBLIC_KEY,
    privateKey: PRIVATE_KEY,
    serviceAccount: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    memberKey: { publicKey: MEMBER_PUBLIC_KEY, privateKey: MEMBER_PRIVATE_KEY },
    memberServiceAccount: { clientId: MEMBER_CLIENT_ID, clientSecret: MEMBER_CLIENT_SECRET },
  });
  baseUrl = await standIn.start();
  standIn.script(...steps);
}

function dryRun(overrides: Partial<Settings> = {}, runtime: Runtime = instantRuntime()) {
  const log = recordingLogger();
  const pending = perform(settingsFor(baseUrl, { dryRun: true, ...overrides }), log, runtime, {
    operation: verifyOrganization,
  });
  return pending.then((result) => ({ result, log }));
}

const passed = (noun: string, organization = ORGANIZATION_NAME) => [
  { what: 'the credentials were accepted', verified: true },
  { what: 'the IP address of this runner is allowed (API access list)', verified: true },
  { what: `the organization is reachable: ${organization}`, verified: true },
  { what: `the ${noun} has ${OWNER_ROLE}`, verified: true },
];

describe('the role check proves the Organization Owner role', () => {
  it('with an Owner API key: asks under v2 after the organization, and says all it verified', async () => {
    await start();
    const { result, log } = await dryRun();
    expect(result).toEqual({
      status: 'dry-run-passed',
      authMethod: 'digest',
      stepFails: false,
      httpStatus: 200,
      attempts: 2,
      message: `Dry run passed: the credentials were accepted, the runner's IP address is allowed, organization "${ORGANIZATION_NAME}" (${ORG_ID}) is reachable, and the API key has ${OWNER_ROLE} (HTTP 200). ${LIMITS}`,
      durationMs: expect.any(Number) as number,
      attemptLog: [
        { attempt: 1, outcome: 'HTTP 200', durationMs: expect.any(Number) as number },
        { attempt: 1, outcome: 'HTTP 200', durationMs: expect.any(Number) as number },
      ],
      dryRun: true,
      organizationName: ORGANIZATION_NAME,
      checks: passed('API key'),
      requests: [`GET ${baseUrl}${ORG_PATH}`, `GET ${baseUrl}${ROLE_PATH}`],
    });
    expect(standIn.requests.map((r) => `${r.method} ${r.path} ${r.answer}`)).toEqual([
      `GET ${ORG_PATH} 401`,
      `GET ${ORG_PATH} 200`,
      `GET ${ROLE_PATH} 200`,
    ]);
    expect(standIn.requests[2]?.headers.accept).toBe(V2_MEDIA_TYPE);
    expect(log.lines).toContain(
      `info: The organization "${ORGANIZATION_NAME}" answered. Checking ${OWNER_ROLE}: GET ${baseUrl}${ROLE_PATH}.`,
    );
    expect(log.lines.filter((line) => line.startsWith('warning:'))).toEqual([]);
  });

  it('with an Owner service account: names the service account', async () => {
    await start();
    const { result } = await dryRun({ credentials: OWNER_ACCOUNT });
    expect(result).toMatchObject({
      status: 'dry-run-passed',
      authMethod: 'service-account',
      httpStatus: 200,
      attempts: 2,
      checks: passed('service account'),
    });
    expect(result.message).toBe(
      `Dry run passed: the credentials were accepted, the runner's IP address is allowed, organization "${ORGANIZATION_NAME}" (${ORG_ID}) is reachable, and the service account has ${OWNER_ROLE} (HTTP 200). ${LIMITS}`,
    );
    expect(result.warnings).toBeUndefined();
  });

  it('counts the attempts of the role check in its message, and of both in attempts', async () => {
    await start([ACME, { status: 503, body: ATLAS_ERRORS.unavailable() }, { status: 200, body: AVAILABLE_PROJECTS }]);
    const { result } = await dryRun();
    expect(result).toMatchObject({ status: 'dry-run-passed', attempts: 3, organizationName: 'Acme' });
    expect(result.message).toBe(
      `Dry run passed: the credentials were accepted, the runner's IP address is allowed, organization "Acme" (${ORG_ID}) is reachable, and the API key has ${OWNER_ROLE} (HTTP 200 after 2 attempts). ${LIMITS}`,
    );
  });

  it('takes an empty list of projects for the proof too: it is the list that counts', async () => {
    await start([ACME, { status: 200, body: [] }]);
    const { result } = await dryRun();
    expect(result.status).toBe('dry-run-passed');
    expect(result.checks).toEqual(passed('API key', 'Acme'));
  });
});

describe('the role check disproves the role', () => {
  it.each([
    ['an API key', MEMBER_KEY, 'API key', 'digest'],
    ['a service account', MEMBER_ACCOUNT, 'service account', 'service-account'],
  ] as const)('fails for %s with only the Member role', async (_name, credentials, noun, authMethod) => {
    await start();
    const { result } = await dryRun({ credentials });
    const hint = `Give the ${noun} the Organization Owner role in this organization, or use one that has it.`;
    expect(result).toMatchObject({
      status: 'failed',
      authMethod,
      stepFails: true,
      httpStatus: 403,
      errorCode: 'USER_UNAUTHORIZED',
      detail: 'You are not authorized for this resource.',
      attempts: 2,
      hint,
      cause: { kind: 'role' },
    });
    expect(result.organizationName).toBeUndefined();
    expect(result.message).toBe(
      `Dry run failed: the credentials work, but the ${noun} lacks ${OWNER_ROLE} (HTTP 403 USER_UNAUTHORIZED: You are not authorized for this resource.). ${hint}`,
    );
    expect(result.checks).toEqual([
      ...passed(noun).slice(0, 3),
      {
        what: `the ${noun} has ${OWNER_ROLE}`,
        verified: false,
        note: 'Atlas refused: HTTP 403 USER_UNAUTHORIZED',
      },
    ]);
    expect(result.warnings).toBeUndefined();
  });

  it('says after how many attempts the role check got the refusal', async () => {
    await start([
      ACME,
      { status: 503, body: ATLAS_ERRORS.unavailable() },
      { status: 403, body: ATLAS_ERRORS.forbidden() },
    ]);
    const { result } = await dryRun();
    expect(result.message).toBe(
      `Dry run failed after 2 attempts: the credentials work, but the API key lacks ${OWNER_ROLE} (HTTP 403 USER_UNAUTHORIZED: You are not authorized for this resource.). Give the API key the Organization Owner role in this organization, or use one that has it.`,
    );
  });
});

describe('the access list refuses the role check', () => {
  it('fails, and takes back the pass of the IP address check', async () => {
    await start([ACME, { status: 403, body: ATLAS_ERRORS.ipNotOnAccessList('198.51.100.7') }]);
    const { result } = await dryRun();
    expect(result).toMatchObject({
      status: 'failed',
      stepFails: true,
      httpStatus: 403,
      errorCode: 'IP_ADDRESS_NOT_ON_ACCESS_LIST',
      attempts: 2,
      cause: { kind: 'access-list', ip: '198.51.100.7' },
    });
    expect(result.message).toBe(
      "Dry run failed: the role check was refused: HTTP 403 IP_ADDRESS_NOT_ON_ACCESS_LIST: IP address 198.51.100.7 is not allowed to access this resource. The runner's IP address 198.51.100.7 is not on the API key's API access list: add it in Atlas, or run on a runner with an allowed address.",
    );
    expect(result.checks).toEqual([
      { what: 'the credentials were accepted', verified: true },
      {
        what: 'the IP address of this runner is allowed (API access list)',
        verified: false,
        note: 'Atlas refused the role check: HTTP 403 IP_ADDRESS_NOT_ON_ACCESS_LIST',
      },
      { what: 'the organization is reachable: Acme', verified: true },
    ]);
    expect(result.warnings).toBeUndefined();
  });

  it("names the service account's access list for a service account", async () => {
    await start([ACME, { status: 403, body: ATLAS_ERRORS.ipNotOnAccessList('198.51.100.7') }]);
    const { result } = await dryRun({ credentials: OWNER_ACCOUNT });
    expect(result.hint).toBe(
      "The runner's IP address 198.51.100.7 is not on the service account's API access list: add it in Atlas, or run on a runner with an allowed address.",
    );
  });
});

describe('the role check gets no usable answer', () => {
  it('fails when a transient failure lasts through the last attempt, keeping the three passes', async () => {
    const busy: Step = { status: 503, body: ATLAS_ERRORS.unavailable() };
    await start([ACME, busy, busy]);
    const { result } = await dryRun({ maxAttempts: 2 });
    expect(result).toMatchObject({
      status: 'failed',
      httpStatus: 503,
      attempts: 3,
      cause: { kind: 'answer', status: 503 },
    });
    expect(result.message).toBe(
      'Dry run failed after 2 attempts: the role check got no usable answer: HTTP 503 SERVICE_UNAVAILABLE: Service temporarily unavailable. This is usually temporary: re-run the step later, or raise max-attempts or retry-delay-seconds.',
    );
    expect(result.checks).toEqual(passed('API key', 'Acme').slice(0, 3));
    expect(result.warnings).toBeUndefined();
  });

  it('fails on a role check that times out, naming the role check', async () => {
    await start([ACME, { action: 'hang' }]);
    const { result } = await dryRun({ maxAttempts: 1, timeoutMs: 200 });
    expect(result).toMatchObject({ status: 'failed', attempts: 2, cause: { kind: 'timeout' } });
    expect(result.httpStatus).toBeUndefined();
    expect(result.message).toBe(
      'Dry run (role check) failed: timed out after 200 ms. No answer came within timeout-seconds: re-run the step later, or raise timeout-seconds or max-attempts.',
    );
    expect(result.checks).toEqual(passed('API key', 'Acme').slice(0, 3));
  });

  it('says a dry run cancelled during the role check deleted nothing', async () => {
    await start([ACME, { action: 'hang' }]);
    const cancelSignal = abortWhen(() => standIn.requests.length === 3);
    const { result } = await dryRun({}, instantRuntime(cancelSignal));
    expect(result).toMatchObject({
      status: 'failed',
      cause: { kind: 'cancelled', outcome: 'nothing was deleted' },
    });
    expect(result.message).toBe('Cancelled: the job was cancelled during the request; nothing was deleted.');
  });

  it('fails when the server refuses to authenticate the role check', async () => {
    await start([
      ACME,
      { status: 401, body: ATLAS_ERRORS.unauthorized(), headers: { 'WWW-Authenticate': 'Basic realm="x"' } },
    ]);
    const { result } = await dryRun();
    expect(result).toMatchObject({ status: 'failed', httpStatus: 401, cause: { kind: 'authentication-refused' } });
    expect(result.message).toBe(
      `Dry run failed: HTTP 401 UNEXPECTED_ERROR: authentication refused: the server did not offer Digest authentication (offered: Basic); the action sends API keys only with Digest, never in a readable form. Atlas challenges with HTTP Digest (MD5, qop=auth): this server asks for something else, so it is not the Atlas API. Check base-url, and any proxy between the runner and Atlas.`,
    );
    expect(result.checks).toEqual(passed('API key', 'Acme').slice(0, 3));
  });
});

describe('the role check proves nothing', () => {
  it.each([
    ['an undocumented 404', { status: 404, body: ATLAS_ERRORS.notFound() }, 'HTTP 404 UNEXPECTED_ERROR', 404],
    [
      'a 400',
      { status: 400, body: { detail: 'Bad.', error: 400, errorCode: 'INVALID_QUERY' } },
      'HTTP 400 INVALID_QUERY',
      400,
    ],
    [
      'a 200 with an HTML page',
      { status: 200, body: '<html><title>Blocked</title></html>' },
      'HTTP 200 (the answer was an HTML page, not Atlas JSON (it may come from a proxy or load balancer)), not the list of projects',
      200,
    ],
    ['a 200 with an object', { status: 200, body: { results: [] } }, 'HTTP 200, not the list of projects', 200],
  ] as const)('passes on %s with one warning, and the role unverified', async (_name, step, answered, httpStatus) => {
    await start([ACME, step]);
    const { result, log } = await dryRun();
    const note = `GET ${baseUrl}${ROLE_PATH} answered ${answered}, which Atlas does not document as a verdict on the role`;
    const warning = `Could not verify ${OWNER_ROLE}: ${note}. The delete may still be refused for want of it (HTTP 403).`;
    expect(result).toMatchObject({
      status: 'dry-run-passed',
      stepFails: false,
      httpStatus,
      attempts: 2,
      organizationName: 'Acme',
      warnings: [warning],
    });
    expect(result.cause).toBeUndefined();
    expect(result.message).toBe(
      `Dry run passed: the credentials were accepted, the runner's IP address is allowed and organization "Acme" (${ORG_ID}) is reachable; ${OWNER_ROLE} could not be verified (see the warning). ${LIMITS}`,
    );
    expect(result.checks).toEqual([
      ...passed('API key', 'Acme').slice(0, 3),
      { what: `the API key has ${OWNER_ROLE}`, verified: false, note },
    ]);
    expect(log.lines.filter((line) => line.startsWith('warning:'))).toEqual([]);
  });

  it('names the service account in the unverified check', async () => {
    await start([ACME, { status: 404, body: ATLAS_ERRORS.notFound() }]);
    const { result } = await dryRun({ credentials: OWNER_ACCOUNT });
    expect(result.checks?.[3]).toMatchObject({ what: `the service account has ${OWNER_ROLE}`, verified: false });
  });
});

/** The session's authenticator, except that it sends the role check without credentials. */
function roleCheckWithoutCredentials(session: Session): Promise<RunResult> {
  const { auth } = session;
  const forgetful: RequestAuthenticator = {
    method: auth.method,
    startAttempt: () => auth.startAttempt(),
    authorize: (method, url, signal) =>
      url.pathname === ROLE_PATH ? Promise.resolve(undefined) : auth.authorize(method, url, signal),
    answerUnauthorized: (answer, sent) => auth.answerUnauthorized(answer, sent),
    finish: (signal) => auth.finish(signal),
  };
  return verifyOrganization({ ...session, auth: forgetful });
}

describe('a role check answered without credentials proves nothing', () => {
  it.each([
    ['the list of projects', { status: 200, body: AVAILABLE_PROJECTS }, 'HTTP 200'],
    ['a refusal', { status: 403, body: ATLAS_ERRORS.forbidden() }, 'HTTP 403 USER_UNAUTHORIZED'],
  ] as const)('fails on %s: Atlas answers only once it has credentials', async (_name, step, answered) => {
    await start([ACME]);
    standIn.scriptUnauthenticated(step);
    const result = await perform(
      settingsFor(baseUrl, { dryRun: true, credentials: OWNER_ACCOUNT }),
      recordingLogger(),
      instantRuntime(),
      { operation: roleCheckWithoutCredentials },
    );
    expect(result).toMatchObject({ status: 'failed', stepFails: true, attempts: 2, cause: { kind: 'not-atlas' } });
    expect(result.message).toBe(
      `Dry run failed: ${answered} to a request without authentication. Atlas always asks for credentials before it answers: this server is not the Atlas API. Check base-url, and any proxy between the runner and Atlas.`,
    );
    expect(result.checks).toEqual(passed('service account', 'Acme').slice(0, 3));
    expect(standIn.requests.find((r) => r.path === ROLE_PATH)?.authorized).toBe(false);
  });
});
