// "Nothing to delete" is proven, in the core: a 404 to the DELETE becomes not-found only once the
// organization answered a GET with itself, with the same credentials. What each other answer to
// that check (or its failure to come) makes of the result.
import { afterEach, describe, expect, it } from 'vitest';
import { ATLAS_ERRORS, AtlasStandIn, type StandInOptions, type Step } from '../support/atlas-stand-in.ts';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  instantRuntime,
  ORG_ID,
  perform,
  PRIVATE_KEY,
  PUBLIC_KEY,
  recordingLogger,
  settingsFor,
  abortWhen,
} from '../support/fixtures.ts';
import type { Settings } from '../../src/inputs.ts';
import type { RequestAuthenticator } from '../../src/auth/authenticator.ts';
import { deleteLinkToken } from '../../src/delete-link-token.ts';
import type { RunResult } from '../../src/result.ts';
import type { Runtime, Session } from '../../src/session.ts';

const DELETE_PATH = `/api/atlas/v1.0/orgs/${ORG_ID}/liveMigrations/linkTokens`;
const ORG_PATH = `/api/atlas/v1.0/orgs/${ORG_ID}`;
const NOT_FOUND: Step = { status: 404, body: ATLAS_ERRORS.notFound() };
const WRONG_ORG_HINT =
  'Check org-id: it must be the ID of the organization (Organization Settings in Atlas); a project ID has the same 24-character shape. The link-token of the right organization may still exist.';
const MAY_HAVE_DELETED = 'An earlier request that timed out, was cut off or failed inside Atlas may have deleted it.';

let standIn: AtlasStandIn;
let baseUrl: string;
afterEach(async () => {
  await standIn.close();
});

async function start(steps: Step[] = [], options: Partial<StandInOptions> = {}): Promise<void> {
  standIn = new AtlasStandIn({
    publicKey: PUBLIC_KEY,
    privateKey: PRIVATE_KEY,
    serviceAccount: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    ...options,
  });
  baseUrl = await standIn.start();
  standIn.script(...steps);
}

async function remove(overrides: Partial<Settings> = {}, runtime: Runtime = instantRuntime()) {
  const log = recordingLogger();
  const result = await perform(settingsFor(baseUrl, overrides), log, runtime);
  return { result, log };
}

const didNotAnswer = (answered: string, hint: string, after = '') =>
  `Deleting the link-token failed${after}: Atlas answered the delete with 404, and the organization ${ORG_ID} did not answer with itself (${answered}). ${hint}`;

describe('the organization answers with itself: nothing to delete', () => {
  it('reports the DELETE and its 404, after logging the check it made', async () => {
    await start([NOT_FOUND]);
    const { result, log } = await remove();
    expect(result).toEqual({
      status: 'not-found',
      authMethod: 'digest',
      stepFails: false,
      httpStatus: 404,
      attempts: 2,
      errorCode: 'UNEXPECTED_ERROR',
      detail: 'Could not find the requested external organization link.',
      message: `Nothing to delete: organization "Stand-in Org" (${ORG_ID}) has no link-token.`,
      durationMs: expect.any(Number) as number,
      attemptLog: [
        { attempt: 1, outcome: 'HTTP 404 UNEXPECTED_ERROR', durationMs: expect.any(Number) as number },
        { attempt: 1, outcome: 'HTTP 200', durationMs: expect.any(Number) as number },
      ],
      dryRun: false,
      requests: [`DELETE ${baseUrl}${DELETE_PATH}`, `GET ${baseUrl}${ORG_PATH}`],
    });
    expect(log.lines).toContain(
      `info: Atlas answered the delete with 404: confirming the organization before calling it "nothing to delete": GET ${baseUrl}${ORG_PATH}.`,
    );
    expect(standIn.requests.map((r) => `${r.method} ${r.path} ${r.answer}`)).toEqual([
      `DELETE ${DELETE_PATH} 401`,
      `DELETE ${DELETE_PATH} 404`,
      `GET ${ORG_PATH} 200`,
    ]);
  });

  it('fails the step for it with fail-on-not-found', async () => {
    await start([NOT_FOUND]);
    const { result } = await remove({ failOnNotFound: true });
    expect(result).toMatchObject({ status: 'not-found', stepFails: true, httpStatus: 404 });
    expect(result.cause).toBeUndefined();
  });

  it.each([
    ['without a name', { id: ORG_ID }],
    ['with a blank name', { id: ORG_ID, name: ' \t' }],
    ['with a name that is not text', { id: ORG_ID, name: 42 }],
  ])('leaves out the name of an organization %s', async (_name, body) => {
    await start([NOT_FOUND, { status: 200, body }]);
    const { result } = await remove();
    expect(result.status).toBe('not-found');
    expect(result.message).toBe(`Nothing to delete: organization (${ORG_ID}) has no link-token.`);
  });

  it('matches the organization ID in any letter case', async () => {
    await start([NOT_FOUND, { status: 200, body: { id: ORG_ID.toUpperCase(), name: 'Acme' } }]);
    const { result } = await remove();
    expect(result.message).toBe(`Nothing to delete: organization "Acme" (${ORG_ID}) has no link-token.`);
  });

  it('adds a note when an earlier DELETE may have been carried out', async () => {
    await start([{ status: 502 }, NOT_FOUND]);
    const { result } = await remove();
    expect(result).toMatchObject({ status: 'not-found', attempts: 3, note: MAY_HAVE_DELETED });
    expect(result.message).toBe(
      `Nothing to delete: organization "Stand-in Org" (${ORG_ID}) has no link-token. ${MAY_HAVE_DELETED}`,
    );
  });

  it('adds no note when no earlier DELETE could have been carried out', async () => {
    await start([{ status: 503, body: ATLAS_ERRORS.unavailable() }, NOT_FOUND]);
    const { result } = await remove();
    expect(result.status).toBe('not-found');
    expect(result.note).toBeUndefined();
  });

  it('as a service account, with the same bearer token', async () => {
    await start([NOT_FOUND]);
    const { result } = await remove({
      credentials: { method: 'service-account', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    });
    expect(result).toMatchObject({ status: 'not-found', authMethod: 'service-account', attempts: 2 });
    const [, remove404, check] = standIn.requests;
    expect(check?.headers.authorization).toBe(remove404?.headers.authorization);
  });
});

describe('the organization does not answer with itself: the 404 proves nothing', () => {
  it('fails for an org-id Atlas does not know, pointing at org-id', async () => {
    const projectId = '32b6e34b3d91647abb20e7b8';
    await start([], { organizationId: ORG_ID });
    const { result } = await remove({ orgId: projectId });
    expect(result).toMatchObject({
      status: 'failed',
      stepFails: true,
      httpStatus: 404,
      errorCode: 'ORG_NOT_FOUND',
      attempts: 2,
      hint: WRONG_ORG_HINT,
      cause: { kind: 'organization' },
    });
    expect(result.message).toBe(
      `Deleting the link-token failed: Atlas answered the delete with 404, and the organization ${projectId} did not answer with itself (HTTP 404 ORG_NOT_FOUND: No organization with ID ${projectId} exists.). ${WRONG_ORG_HINT}`,
    );
  });

  it.each([
    ['another organization', { status: 200, body: { id: 'aaaaaaaaaaaaaaaaaaaaaaaa', name: 'Other' } }, 'HTTP 200'],
    ['a body without an id', { status: 200, body: { name: 'Acme' } }, 'HTTP 200'],
    ['an id that is not text', { status: 200, body: { id: 5, name: 'Acme' } }, 'HTTP 200'],
    [
      'itself, but with a status other than 200',
      { status: 203, body: { id: ORG_ID, name: 'Acme' } },
      'HTTP 203; Atlas documents 200 as the only success of this endpoint',
    ],
    [
      'itself, inside an error',
      { status: 404, body: { ...ATLAS_ERRORS.orgNotFound(ORG_ID), id: ORG_ID } },
      `HTTP 404 ORG_NOT_FOUND: No organization with ID ${ORG_ID} exists.`,
    ],
  ] as const)('fails when the check answers with %s', async (_name, step, answered) => {
    await start([NOT_FOUND, step]);
    const { result } = await remove();
    expect(result).toMatchObject({ status: 'failed', stepFails: true, cause: { kind: 'organization' } });
    expect(result.message).toBe(didNotAnswer(answered, WRONG_ORG_HINT));
  });

  it('counts the attempts of the check in its message', async () => {
    await start([
      NOT_FOUND,
      { status: 503, body: ATLAS_ERRORS.unavailable() },
      { status: 403, body: ATLAS_ERRORS.forbidden() },
    ]);
    const { result } = await remove();
    expect(result).toMatchObject({ status: 'failed', attempts: 3, httpStatus: 403 });
    expect(result.message).toBe(
      didNotAnswer(
        'HTTP 403 USER_UNAUTHORIZED: You are not authorized for this resource.',
        WRONG_ORG_HINT,
        ' after 2 attempts',
      ),
    );
  });

  it('asks for a re-run when the check got only transient failures', async () => {
    const busy: Step = { status: 503, body: ATLAS_ERRORS.unavailable() };
    await start([NOT_FOUND, busy, busy]);
    const { result } = await remove({ maxAttempts: 2 });
    expect(result).toMatchObject({
      status: 'failed',
      httpStatus: 503,
      attempts: 3,
      hint: 'Atlas did not answer the check: re-run the step.',
      cause: { kind: 'answer', status: 503 },
    });
    expect(result.message).toBe(
      didNotAnswer(
        'HTTP 503 SERVICE_UNAVAILABLE: Service temporarily unavailable.',
        'Atlas did not answer the check: re-run the step.',
        ' after 2 attempts',
      ),
    );
  });

  it('fails when the check gets no answer, with the reason and its hint', async () => {
    await start([NOT_FOUND, { action: 'hang' }]);
    const { result } = await remove({ maxAttempts: 1, timeoutMs: 200 });
    expect(result).toMatchObject({
      status: 'failed',
      stepFails: true,
      attempts: 2,
      cause: { kind: 'timeout' },
    });
    expect(result.httpStatus).toBeUndefined();
    expect(result.message).toBe(
      'Deleting the link-token failed: Atlas answered the delete with 404, and the organization could not be confirmed: timed out after 200 ms. No answer came within timeout-seconds: re-run the step later, or raise timeout-seconds or max-attempts.',
    );
  });

  it('reports a cancellation during the check as such: the link-token was not deleted', async () => {
    await start([NOT_FOUND, { action: 'hang' }]);
    const cancelSignal = abortWhen(() => standIn.requests.length === 3);
    const { result } = await remove({}, instantRuntime(cancelSignal));
    expect(result).toMatchObject({
      status: 'failed',
      cause: { kind: 'cancelled', outcome: 'the link-token was not deleted' },
    });
    expect(result.message).toBe('Cancelled: the job was cancelled during the request; the link-token was not deleted.');
  });
});

/** The session's authenticator, except that it sends the check of the organization without credentials. */
function checkWithoutCredentials(session: Session): Promise<RunResult> {
  const { auth } = session;
  const forgetful: RequestAuthenticator = {
    method: auth.method,
    startAttempt: () => auth.startAttempt(),
    authorize: (method, url, signal) =>
      method === 'GET' ? Promise.resolve(undefined) : auth.authorize(method, url, signal),
    answerUnauthorized: (answer, sent) => auth.answerUnauthorized(answer, sent),
    finish: (signal) => auth.finish(signal),
  };
  return deleteLinkToken({ ...session, auth: forgetful });
}

describe('a check of the organization answered without credentials', () => {
  it('proves nothing, even when it names the organization', async () => {
    await start([NOT_FOUND]);
    standIn.scriptUnauthenticated({ status: 200, body: { id: ORG_ID, name: 'Anyone' } });
    const result = await perform(
      settingsFor(baseUrl, {
        credentials: { method: 'service-account', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      }),
      recordingLogger(),
      instantRuntime(),
      { operation: checkWithoutCredentials },
    );
    expect(result).toMatchObject({ status: 'failed', stepFails: true, cause: { kind: 'organization' } });
    expect(result.message).toBe(didNotAnswer('HTTP 200', WRONG_ORG_HINT));
    expect(standIn.requests.find((r) => r.method === 'GET')?.authorized).toBe(false);
  });
});
