// The core against a real HTTP server on loopback that speaks Atlas's digest challenge.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ATLAS_ERRORS, AtlasStandIn, V2_MEDIA_TYPE } from '../support/atlas-stand-in.ts';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  DIGEST,
  instantRuntime,
  ORG_ID,
  PRIVATE_KEY,
  PUBLIC_KEY,
  perform,
  recordingLogger,
  settingsFor,
} from '../support/fixtures.ts';

const PATH_V1 = `/api/atlas/v1.0/orgs/${ORG_ID}/liveMigrations/linkTokens`;

let standIn: AtlasStandIn | undefined;

async function startStandIn(
  options: Partial<ConstructorParameters<typeof AtlasStandIn>[0]> = {},
): Promise<[AtlasStandIn, string]> {
  standIn = new AtlasStandIn({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY, ...options });
  const baseUrl = await standIn.start();
  return [standIn, baseUrl];
}

afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

describe('a clean delete', () => {
  it('answers the digest challenge and deletes with exactly two requests', async () => {
    const [server, baseUrl] = await startStandIn();
    const log = recordingLogger();
    const result = await perform(settingsFor(baseUrl), log, instantRuntime());

    expect(result).toMatchObject({ status: 'deleted', stepFails: false, httpStatus: 204, attempts: 1 });
    expect(result.requests).toEqual([`DELETE ${baseUrl}${PATH_V1}`]);
    expect(server.requests).toHaveLength(2);
    const [challenge, authorized] = server.requests;
    expect(challenge).toMatchObject({ method: 'DELETE', path: PATH_V1, query: {}, authorized: false, answer: '401' });
    expect(authorized).toMatchObject({
      method: 'DELETE',
      path: PATH_V1,
      query: {},
      authorized: true,
      verified: true,
      answer: '204',
    });
    expect(authorized?.headers['user-agent']).toMatch(/^atlas-delete-link-token-action\/\d+\.\d+\.\d+$/);
    expect(authorized?.headers.accept).toBe('application/json');
    expect(authorized?.headers.authorization).toMatch(
      /^Digest username="pubkeyab",realm="MMS Public API",nonce="[^"]*[+/]/,
    );
    expect(authorized?.headers['content-length'] ?? '0').toBe('0');
    expect(log.lines.join('\n')).not.toContain(PRIVATE_KEY);
  });

  it('passes pretty and envelope as query parameters', async () => {
    const [server, baseUrl] = await startStandIn();
    const result = await perform(
      settingsFor(baseUrl, { pretty: true, envelope: true }),
      recordingLogger(),
      instantRuntime(),
    );
    expect(result.status).toBe('deleted');
    expect(server.requests.map((r) => r.query)).toEqual([
      { pretty: 'true', envelope: 'true' },
      { pretty: 'true', envelope: 'true' },
    ]);
  });

  it('uses the v2 path and media type for api-version v2', async () => {
    const [server, baseUrl] = await startStandIn();
    const result = await perform(settingsFor(baseUrl, { apiVersion: 'v2' }), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'deleted', httpStatus: 204 });
    expect(server.requests[1]?.path).toBe(`/api/atlas/v2/orgs/${ORG_ID}/liveMigrations/linkTokens`);
    expect(server.requests[1]?.headers.accept).toBe(V2_MEDIA_TYPE);
  });

  it.each(['SHA-256', 'MD5-sess', 'SHA-512-256'])('answers a %s challenge with that algorithm', async (algorithm) => {
    const [server, baseUrl] = await startStandIn({ algorithm });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result.status).toBe('deleted');
    expect(server.requests[1]?.headers.authorization).toContain(`algorithm=${algorithm}`);
    expect(server.requests[1]?.verified).toBe(true);
  });
});

describe('retries', () => {
  it('retries 503 with a jittered exponential back-off, reusing the nonce (one request per retry)', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ status: 503, body: ATLAS_ERRORS.unavailable() }, { status: 503, body: ATLAS_ERRORS.unavailable() });
    const runtime = instantRuntime();
    const log = recordingLogger();
    const result = await perform(settingsFor(baseUrl), log, runtime);

    expect(result).toMatchObject({ status: 'deleted', attempts: 3 });
    expect(server.requests.map((r) => r.answer)).toEqual(['401', '503', '503', '204']);
    expect(server.requests).toHaveLength(4);
    // random() = 0.5: half of 2 s, then half of 4 s
    expect(runtime.sleeps).toEqual([1000, 2000]);
    expect(result.attemptLog.map((a) => a.waitMs)).toEqual([1000, 2000, undefined]);
    expect(log.lines).toContain('info: Attempt 1 of 5: HTTP 503 SERVICE_UNAVAILABLE. Retrying in 1 s.');
  });

  it('waits at least Retry-After on 429', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ status: 429, body: ATLAS_ERRORS.rateLimited(), headers: { 'Retry-After': '7' } });
    const runtime = instantRuntime();
    const log = recordingLogger();
    const result = await perform(settingsFor(baseUrl), log, runtime);
    expect(result).toMatchObject({ status: 'deleted', attempts: 2 });
    expect(runtime.sleeps).toEqual([7000]);
    expect(log.lines.join('\n')).toContain('Retrying in 7 s (the server asked for 7 s)');
  });

  it('fails with the rate-limit hint when 429 lasts through the last attempt', async () => {
    const [server, baseUrl] = await startStandIn();
    const limited = { status: 429, body: ATLAS_ERRORS.rateLimited() };
    server.script(limited, limited, limited);
    const runtime = instantRuntime();
    const result = await perform(settingsFor(baseUrl, { maxAttempts: 3 }), recordingLogger(), runtime);
    expect(result).toMatchObject({
      status: 'failed',
      httpStatus: 429,
      errorCode: 'RATE_LIMITED',
      attempts: 3,
    });
    expect(server.requests).toHaveLength(4);
    expect(result.hint).toMatch(/rate-limited/);
    expect(runtime.sleeps).toHaveLength(2); // no pointless wait after the last attempt
  });

  it('sends again on a fresh connection when a kept-alive one is reset, and says a 404 may follow from it', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ action: 'reset' }, { status: 404, body: ATLAS_ERRORS.notFound() });
    const result = await perform(settingsFor(baseUrl, { maxAttempts: 1 }), recordingLogger(), instantRuntime());
    // One attempt for the delete, one for the check of the organization that proves the 404.
    expect(result).toMatchObject({ status: 'not-found', httpStatus: 404, errorCode: 'UNEXPECTED_ERROR', attempts: 2 });
    expect(result.message).toBe(
      `Nothing to delete: organization "Stand-in Org" (${ORG_ID}) has no link-token. An earlier request that timed out, was cut off or failed inside Atlas may have deleted it.`,
    );
    expect(server.requests.map((r) => r.answer)).toEqual(['401', 'reset', '404', '200']);
  });

  it.each([
    ['a reset after sending', { action: 'reset' as const }, 'network error: ECONNRESET: socket hang up'],
    ['500', { status: 500, body: ATLAS_ERRORS.serverError() }, 'HTTP 500 UNEXPECTED_ERROR'],
    [
      '502',
      { status: 502, body: '<html><title>502 Bad Gateway</title></html>' },
      'HTTP 502 (the answer was an HTML page, not Atlas JSON (it may come from a proxy or load balancer))',
    ],
    ['504', { status: 504 }, 'HTTP 504'],
  ])(
    'notes on a later 404 that an earlier attempt ending in %s may have deleted the token',
    async (_name, step, outcome) => {
      const [server, baseUrl] = await startStandIn();
      // A reset of a fresh connection costs the attempt; the stand-in closes the kept-alive one first.
      server.script({ status: 503, body: ATLAS_ERRORS.unavailable(), headers: { Connection: 'close' } }, step, {
        status: 404,
        body: ATLAS_ERRORS.notFound(),
      });
      const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
      expect(result.attemptLog.map((a) => a.outcome)).toEqual([
        'HTTP 503 SERVICE_UNAVAILABLE',
        outcome,
        'HTTP 404 UNEXPECTED_ERROR',
        'HTTP 200',
      ]);
      expect(result.status).toBe('not-found');
      expect(result.message).toBe(
        `Nothing to delete: organization "Stand-in Org" (${ORG_ID}) has no link-token. An earlier request that timed out, was cut off or failed inside Atlas may have deleted it.`,
      );
    },
  );

  it.each([
    ['503', { status: 503, body: ATLAS_ERRORS.unavailable() }],
    ['429', { status: 429, body: ATLAS_ERRORS.rateLimited() }],
  ])('says nothing of an earlier %s before a 404: Atlas did not act on it', async (_name, step) => {
    const [server, baseUrl] = await startStandIn();
    server.script(step, { status: 404, body: ATLAS_ERRORS.notFound() });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result.message).toBe(`Nothing to delete: organization "Stand-in Org" (${ORG_ID}) has no link-token.`);
  });

  it('says nothing of earlier attempts that never reached the server', async () => {
    const port = await freePort();
    const log = recordingLogger();
    const runtime = instantRuntime();
    const result = await perform(settingsFor(`http://127.0.0.1:${port}`, { maxAttempts: 2 }), log, runtime);
    expect(result.message).not.toContain('may have deleted');
  });

  it('ends a hanging attempt at timeout-seconds and retries', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ action: 'hang' });
    const result = await perform(settingsFor(baseUrl, { timeoutMs: 300 }), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'deleted', attempts: 2 });
    expect(result.attemptLog[0]?.outcome).toBe('timed out after 300 ms');
    expect(server.requests).toHaveLength(3);
  });

  it('retries a connection refused and names the cause', async () => {
    const port = await freePort();
    const runtime = instantRuntime();
    const result = await perform(
      settingsFor(`http://127.0.0.1:${port}`, { maxAttempts: 2 }),
      recordingLogger(),
      runtime,
    );
    expect(result).toMatchObject({ status: 'failed', attempts: 2 });
    expect(result.httpStatus).toBeUndefined();
    expect(result.message).toMatch(/failed after 2 attempts: network error: .*ECONNREFUSED/);
    expect(runtime.sleeps).toHaveLength(1);
  });

  it('re-authenticates within the attempt when the nonce is stale', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ action: 'stale' });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'deleted', attempts: 1 });
    expect(server.requests.map((r) => r.answer)).toEqual(['401', 'stale', '204']);
    expect(server.requests).toHaveLength(3);
    const nonces = server.requests.slice(1).map((r) => /nonce="([^"]+)"/.exec(r.headers.authorization ?? '')?.[1]);
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(server.requests[2]?.headers.authorization).toContain('nc=00000001');
  });

  it('still succeeds when the nonce expired during the back-off', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ status: 503, body: ATLAS_ERRORS.unavailable() });
    const runtime = instantRuntime();
    runtime.sleep = () => Promise.resolve(server.expireNonces());
    const result = await perform(settingsFor(baseUrl), recordingLogger(), runtime);
    expect(result).toMatchObject({ status: 'deleted', attempts: 2 });
    expect(server.requests.map((r) => [r.answer, r.rejection])).toEqual([
      ['401', 'no Authorization header'],
      ['503', undefined],
      ['401', 'stale nonce'],
      ['204', undefined],
    ]);
  });

  it('gives up after two stale renewals within one attempt', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ action: 'stale' }, { action: 'stale' }, { action: 'stale' });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'failed', httpStatus: 401, attempts: 1 });
    expect(result.message).toBe(
      'Deleting the link-token failed: HTTP 401 UNEXPECTED_ERROR: the server declared the nonce stale 3 times in a row. The keys are not the problem: the server kept declaring its nonces stale. Re-run later; if it persists, check for a proxy that replays requests.',
    );
    expect(server.requests).toHaveLength(4);
  });
});

describe('final answers', () => {
  it('never retries wrong credentials', async () => {
    const [server, baseUrl] = await startStandIn();
    const result = await perform(
      settingsFor(baseUrl, { credentials: { ...DIGEST, privateKey: 'wrong-private-key' } }),
      recordingLogger(),
      instantRuntime(),
    );
    expect(result).toMatchObject({ status: 'failed', httpStatus: 401, attempts: 1, stepFails: true });
    expect(result.errorCode).toBe('UNEXPECTED_ERROR');
    expect(server.requests).toHaveLength(2);
    expect(result.message).toBe(
      'Deleting the link-token failed: HTTP 401 UNEXPECTED_ERROR: You are not authorized for this resource. Check the key pair: the public and private key must belong together, and the key must be an API key of this organization.',
    );
    expect(server.requests[1]?.rejection).toBe('wrong response (credentials)');
  });

  it('quotes the runner IP for IP_ADDRESS_NOT_ON_ACCESS_LIST', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ status: 403, body: ATLAS_ERRORS.ipNotOnAccessList('203.0.113.7') });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({
      status: 'failed',
      httpStatus: 403,
      errorCode: 'IP_ADDRESS_NOT_ON_ACCESS_LIST',
      attempts: 1,
    });
    expect(result.hint).toContain('203.0.113.7');
    expect(result.message).toContain('HTTP 403 IP_ADDRESS_NOT_ON_ACCESS_LIST: IP address 203.0.113.7 is not allowed');
  });

  it('points a plain 403 at the Organization Owner role', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ status: 403, body: ATLAS_ERRORS.forbidden() });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'failed', errorCode: 'USER_UNAUTHORIZED' });
    expect(result.hint).toMatch(/Organization Owner/);
  });

  it('says to run after cutover, or to wait, when Atlas names an active migration (without the wait)', async () => {
    const [, baseUrl] = await startStandIn({ activeMigration: { projects: ['60c4fd418ebe251047c50554'], checks: 1 } });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({
      status: 'failed',
      httpStatus: 409,
      errorCode: 'CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK',
      attempts: 1,
    });
    expect(result.message).toBe(
      'Deleting the link-token failed: HTTP 409 CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK: Cannot delete organization link while there is active migration in following project ids: 60c4fd418ebe251047c50554. A live migration is still active in project 60c4fd418ebe251047c50554: run this step after every migration of the organization has been cut over, or let it wait for the cutover with migration-wait-seconds.',
    );
    expect(result.migrationWait).toBeUndefined();
  });

  it('gives no active-migration hint to a 409 without that error code', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ status: 409, body: { detail: 'Conflict.', error: 409, errorCode: 'CONFLICT' } });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    const hint =
      "Check org-id, the credentials and api-version against Atlas's message: nothing else in the request comes from the inputs.";
    expect(result.hint).toBe(hint);
    expect(result.message).toBe(`Deleting the link-token failed: HTTP 409 CONFLICT: Conflict. ${hint}`);
  });

  it.each([
    [
      'an HTML page',
      '<html><title>404 Not Found</title></html>',
      ': 404 Not Found (the answer was an HTML page, not Atlas JSON (it may come from a proxy or load balancer))',
    ],
    ['an empty body', undefined, ''],
    ['JSON that is not Atlas', { message: 'no route' }, ''],
  ])('fails on a 404 with %s: only Atlas can say the token is gone', async (_name, body, problem) => {
    const [server, baseUrl] = await startStandIn();
    server.script({ status: 404, ...(body === undefined ? {} : { body }) });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'failed', stepFails: true, httpStatus: 404 });
    expect(result.message).toBe(
      `Deleting the link-token failed: HTTP 404${problem}. The answer did not come from the Atlas API (no Atlas error body): check base-url, and any proxy between the runner and Atlas.`,
    );
  });

  it('treats 404 as not-found, failing the step only with fail-on-not-found', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ status: 404, body: ATLAS_ERRORS.notFound() });
    const lenient = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(lenient).toMatchObject({ status: 'not-found', stepFails: false, attempts: 2, httpStatus: 404 });
    expect(lenient.message).toBe(`Nothing to delete: organization "Stand-in Org" (${ORG_ID}) has no link-token.`);
    server.script({ status: 404, body: ATLAS_ERRORS.notFound() });
    const strict = await perform(settingsFor(baseUrl, { failOnNotFound: true }), recordingLogger(), instantRuntime());
    expect(strict).toMatchObject({ status: 'not-found', stepFails: true });
  });

  it('never follows a redirect', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ action: 'redirect', location: `${baseUrl}/elsewhere` });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'failed', httpStatus: 302, attempts: 1 });
    expect(server.requests.map((r) => r.path)).toEqual([PATH_V1, PATH_V1]);
    expect(server.requests).toHaveLength(2);
    expect(result.hint).toMatch(/never follows/);
  });

  it('does not take 200 without an envelope as a deletion', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ status: 200, body: {} });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'failed', httpStatus: 200 });
    expect(result.message).toBe(
      'Deleting the link-token failed: HTTP 200; Atlas documents 204 as the only success of this endpoint. Atlas never answers this request that way: check base-url, and any proxy between the runner and Atlas.',
    );
  });
});

describe('enveloped answers', () => {
  it.each([
    [204, 'deleted'],
    [404, 'not-found'],
    [403, 'failed'],
  ] as const)('reads status %i from the envelope', async (status, expected) => {
    const [server, baseUrl] = await startStandIn();
    const body = { 204: undefined, 404: ATLAS_ERRORS.notFound(), 403: ATLAS_ERRORS.forbidden() }[status];
    server.script({ status, ...(body === undefined ? {} : { body }) });
    const result = await perform(settingsFor(baseUrl, { envelope: true }), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: expected, httpStatus: status });
    expect(server.requests[1]?.answer).toBe('200');
    if (status === 403) expect(result.errorCode).toBe('USER_UNAUTHORIZED');
  });

  it('retries a transient status found inside the envelope', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ status: 503, body: ATLAS_ERRORS.unavailable() });
    const result = await perform(settingsFor(baseUrl, { envelope: true }), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'deleted', attempts: 2 });
  });
});

describe('authentication the action refuses', () => {
  it('refuses a server that offers only Basic, sending no credentials', async () => {
    const [server, baseUrl] = await startStandIn({ challengeHeader: 'Basic realm="MMS Public API"' });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'failed', attempts: 1, httpStatus: 401 });
    expect(result.message).toBe(
      'Deleting the link-token failed: HTTP 401 UNEXPECTED_ERROR: authentication refused: the server did not offer Digest authentication (offered: Basic); the action sends API keys only with Digest, never in a readable form. Atlas challenges with HTTP Digest (MD5, qop=auth): this server asks for something else, so it is not the Atlas API. Check base-url, and any proxy between the runner and Atlas.',
    );
    expect(result.attemptLog.map((record) => record.outcome)).toEqual([
      'HTTP 401 UNEXPECTED_ERROR: authentication refused: the server did not offer Digest authentication (offered: Basic); the action sends API keys only with Digest, never in a readable form',
    ]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it('refuses a Digest challenge without qop=auth', async () => {
    const [server, baseUrl] = await startStandIn({
      challengeHeader: 'Digest realm="MMS Public API", nonce="abc", qop="auth-int"',
    });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'failed', attempts: 1 });
    expect(result.message).toMatch(/does not offer qop=auth/);
    expect(server.requests).toHaveLength(1);
  });
});

describe('success needs proof: an answer to a request with credentials', () => {
  it.each([
    ['a 204', { status: 204 }, 'HTTP 204'],
    ['an Atlas-shaped 404', { status: 404, body: ATLAS_ERRORS.notFound() }, 'HTTP 404 UNEXPECTED_ERROR'],
  ])('%s to the unauthenticated first request fails, pointing at base-url', async (_name, step, answer) => {
    const [server, baseUrl] = await startStandIn();
    server.scriptUnauthenticated(step);
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'failed', stepFails: true, attempts: 1 });
    expect(result.message).toBe(
      `Deleting the link-token failed: ${answer} to a request without authentication. Atlas always asks for credentials before it answers: this server is not the Atlas API. Check base-url, and any proxy between the runner and Atlas.`,
    );
    expect(server.requests.map((r) => r.authorized)).toEqual([false]);
  });

  it.each([
    [
      'a gateway’s passing failure',
      { status: 503, body: ATLAS_ERRORS.unavailable() },
      'Deleting the link-token failed: HTTP 503 SERVICE_UNAVAILABLE: Service temporarily unavailable. This is usually temporary: re-run the step later, or raise max-attempts or retry-delay-seconds.',
    ],
    [
      'a redirect',
      { status: 302, headers: { Location: 'https://elsewhere.example/' } },
      'Deleting the link-token failed: HTTP 302. Atlas answered with a redirect, which the action never follows so that credentials only go to base-url: check base-url.',
    ],
  ])('reads %s to the unauthenticated request as itself', async (_name, step, message) => {
    const [server, baseUrl] = await startStandIn();
    server.scriptUnauthenticated(step);
    const result = await perform(settingsFor(baseUrl, { maxAttempts: 1 }), recordingLogger(), instantRuntime());
    expect(result.message).toBe(message);
    expect(server.requests).toHaveLength(1);
  });

  it('takes a refusal of the unauthenticated request for a server that is not Atlas', async () => {
    const [server, baseUrl] = await startStandIn();
    server.scriptUnauthenticated({ status: 403, body: ATLAS_ERRORS.forbidden() });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result.message).toBe(
      'Deleting the link-token failed: HTTP 403 USER_UNAUTHORIZED to a request without authentication. Atlas always asks for credentials before it answers: this server is not the Atlas API. Check base-url, and any proxy between the runner and Atlas.',
    );
    expect(result.cause).toEqual({ kind: 'not-atlas' });
    expect(server.requests).toHaveLength(1);
  });

  it('takes a 404 that is not Atlas speaking for a failure even when authorized', async () => {
    const [, baseUrl] = await startStandIn();
    standIn?.script({ status: 404, body: '{"message":"no route"}' });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'failed', httpStatus: 404 });
  });
});

describe('what a cancellation says of the link-token', () => {
  it('nothing that could delete it was sent: cancelled during the challenge round trip', async () => {
    const [server, baseUrl] = await startStandIn();
    server.scriptUnauthenticated({ action: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime(controller.signal));
    expect(result.message).toBe(
      'Cancelled: the job was cancelled during the request; no request that could delete the link-token was sent.',
    );
  });

  it('it may or may not be gone: cancelled while an authorized DELETE was on its way', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ action: 'hang' });
    const controller = new AbortController();
    const poll = setInterval(() => {
      if (server.requests.length === 2) {
        clearInterval(poll);
        controller.abort();
      }
    }, 5);
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime(controller.signal));
    expect(result.message).toBe(
      'Cancelled: the job was cancelled during the request; the link-token may or may not have been deleted.',
    );
  });

  it('it may or may not be gone: cancelled in the back-off after a 502', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ status: 502 });
    const controller = new AbortController();
    const runtime = instantRuntime(controller.signal);
    runtime.sleep = () => Promise.resolve(controller.abort());
    const result = await perform(settingsFor(baseUrl), recordingLogger(), runtime);
    expect(result).toMatchObject({ httpStatus: 502, attempts: 1 });
    expect(result.message).toBe(
      'Cancelled: the job was cancelled while waiting to retry; the link-token may or may not have been deleted.',
    );
  });
});

describe('odd bodies', () => {
  it('explains an HTML error page from a proxy', async () => {
    const [server, baseUrl] = await startStandIn();
    const page = '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';
    server.script(
      ...Array.from({ length: 2 }, () => ({ status: 502, body: page, headers: { 'Content-Type': 'text/html' } })),
    );
    const result = await perform(settingsFor(baseUrl, { maxAttempts: 2 }), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'failed', httpStatus: 502, attempts: 2 });
    expect(result.message).toContain('HTTP 502: 502 Bad Gateway (the answer was an HTML page, not Atlas JSON');
  });

  it('reads at most 64 KiB of a huge body', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ status: 400, body: 'x'.repeat(5 * 1024 * 1024) });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'failed', httpStatus: 400 });
    expect(result.message).toContain('larger than 64 KiB');
  });
});

describe('cancellation', () => {
  it('aborts the request in flight at once', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ action: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const result = await perform(
      settingsFor(baseUrl, { timeoutMs: 20_000 }),
      recordingLogger(),
      instantRuntime(controller.signal),
    );
    expect(result).toMatchObject({ status: 'failed', cause: { kind: 'cancelled' }, attempts: 1, stepFails: true });
    expect(result.message).toMatch(/^Cancelled/);
    expect(Date.now() - started).toBeLessThan(10_000); // generous: it is the 20 s timeout that must not be waited for
  });

  it('stops waiting for a retry when cancelled during the back-off', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ status: 503 });
    const controller = new AbortController();
    const runtime = instantRuntime(controller.signal);
    runtime.sleep = () => Promise.resolve(controller.abort());
    const result = await perform(settingsFor(baseUrl), recordingLogger(), runtime);
    expect(result).toMatchObject({ status: 'failed', cause: { kind: 'cancelled' }, attempts: 1 });
    expect(server.requests).toHaveLength(2);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the details of a delete: retries, nonces, envelopes, clock and log', () => {
  it('retries a 503 to the first, unauthenticated request instead of calling it a missing challenge', async () => {
    const [server, baseUrl] = await startStandIn();
    server.scriptUnauthenticated({ status: 503, body: ATLAS_ERRORS.unavailable() });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'deleted', attempts: 2 });
    expect(server.requests.map((r) => r.answer)).toEqual(['503', '401', '204']);
  });

  it('resets the stale-nonce allowance at every attempt', async () => {
    const [server, baseUrl] = await startStandIn();
    // Attempt 1: two stale renewals, then 503. Attempt 2: one more stale is still answered.
    server.script({ action: 'stale' }, { action: 'stale' }, { status: 503 }, { action: 'stale' });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'deleted', attempts: 2 });
    expect(server.requests.map((r) => r.answer)).toEqual(['401', 'stale', 'stale', '503', 'stale', '204']);
  });

  it('reads an enveloped 204 without content as a deletion', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ status: 200, body: { status: 204 } });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'failed', httpStatus: 200 });
    const enveloped = await perform(settingsFor(baseUrl, { envelope: true }), recordingLogger(), instantRuntime());
    expect(enveloped).toMatchObject({ status: 'deleted', httpStatus: 204 });
  });

  it('logs every retry with its reason and wait, in one line each', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script(
      { status: 503, body: ATLAS_ERRORS.unavailable(), headers: { 'Retry-After': '3' } },
      { status: 502, body: '<html><title>Bad\nGateway</title></html>' },
    );
    const log = recordingLogger();
    await perform(settingsFor(baseUrl), log, instantRuntime());
    expect(log.lines.filter((line) => line.startsWith('info: Attempt'))).toEqual([
      'info: Attempt 1 of 5: HTTP 503 SERVICE_UNAVAILABLE. Retrying in 3 s (the server asked for 3 s).',
      'info: Attempt 2 of 5: HTTP 502 (the answer was an HTML page, not Atlas JSON (it may come from a proxy or load balancer)). Retrying in 2 s.',
    ]);
  });
});

describe('attempts, measured and cut short', () => {
  it('answers once a 401 to a nonce carried over from an earlier attempt, then calls a fresh refusal final', async () => {
    const [server, baseUrl] = await startStandIn({ forgetsNoncesSilently: true });
    server.script({ status: 503, body: ATLAS_ERRORS.unavailable() });
    const runtime = instantRuntime();
    runtime.sleep = () => Promise.resolve(server.expireNonces());
    const log = recordingLogger();
    const result = await perform(settingsFor(baseUrl), log, runtime);
    expect(result).toMatchObject({ status: 'deleted', attempts: 2 });
    expect(log.lines).toContain(
      'debug: The server refused a nonce from an earlier attempt: answering its new challenge (algorithm MD5).',
    );
    // Wrong keys on a retry: the carried-over nonce is renewed once, the fresh one's 401 is final.
    const [wrongServer, wrongBase] = await startStandIn({ forgetsNoncesSilently: true });
    const wrong = await perform(
      settingsFor(wrongBase, { credentials: { ...DIGEST, privateKey: 'wrong' } }),
      recordingLogger(),
      instantRuntime(),
    );
    expect(wrong).toMatchObject({ status: 'failed', httpStatus: 401, attempts: 1 });
    expect(wrongServer.requests).toHaveLength(2);
    await wrongServer.close();
  });

  it('keeps the facts of the last answer when cancelled during the back-off', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ status: 503, body: ATLAS_ERRORS.unavailable() });
    const controller = new AbortController();
    const runtime = instantRuntime(controller.signal);
    runtime.sleep = () => Promise.resolve(controller.abort());
    const result = await perform(settingsFor(baseUrl), recordingLogger(), runtime);
    expect(result).toMatchObject({
      status: 'failed',
      cause: { kind: 'cancelled' },
      httpStatus: 503,
      errorCode: 'SERVICE_UNAVAILABLE',
      attempts: 1,
    });
    expect(result.message).toBe(
      'Cancelled: the job was cancelled while waiting to retry; the link-token was not deleted.',
    );
  });

  it('keeps no status when the attempt before the cancelled wait had none', async () => {
    const port = await freePort();
    const controller = new AbortController();
    const runtime = instantRuntime(controller.signal);
    runtime.sleep = () => Promise.resolve(controller.abort());
    const result = await perform(settingsFor(`http://127.0.0.1:${port}`), recordingLogger(), runtime);
    expect(result.httpStatus).toBeUndefined();
    expect(result.errorCode).toBeUndefined();
    expect(result.cause).toMatchObject({ kind: 'cancelled' });
  });

  it('measures each attempt and the whole run on the injected clock', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ status: 503, body: ATLAS_ERRORS.unavailable() });
    const runtime = instantRuntime();
    let clock = 1_000_000;
    runtime.now = () => (clock += 10);
    runtime.sleep = (ms) => {
      clock += ms;
      return Promise.resolve();
    };
    const result = await perform(settingsFor(baseUrl), recordingLogger(), runtime);
    expect(result.attemptLog.map((a) => a.durationMs)).toEqual([10, 10]);
    expect(result.durationMs).toBeGreaterThan(1000); // the 1 s back-off is inside the run
    expect(result.durationMs).toBeLessThan(1200);
  });
});

describe('what a delete says of itself', () => {
  it('announces the request, then says what it deleted', async () => {
    const [, baseUrl] = await startStandIn();
    const log = recordingLogger();
    const result = await perform(settingsFor(baseUrl), log, instantRuntime());
    expect(log.lines.slice(0, 2)).toEqual([
      `info: Deleting the live-migration link-token: DELETE ${baseUrl}${PATH_V1} (directly).`,
      'info: Authenticating with API key (HTTP Digest).',
    ]);
    expect(result.message).toBe(`Deleted the live-migration link-token of organization ${ORG_ID} (HTTP 204).`);
    expect(result.migrationWait).toBeUndefined();
    expect(result.requests).toEqual([`DELETE ${baseUrl}${PATH_V1}`]);
  });

  it('counts the attempts it took', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ status: 503, body: ATLAS_ERRORS.unavailable() }, { status: 503, body: ATLAS_ERRORS.unavailable() });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result.message).toBe(
      `Deleted the live-migration link-token of organization ${ORG_ID} (HTTP 204 after 3 attempts).`,
    );
  });

  it('reads a 404 without credentials as no proof of anything, and never checks the organization', async () => {
    const [server, baseUrl] = await startStandIn();
    server.scriptUnauthenticated({ status: 404, body: ATLAS_ERRORS.notFound() });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'failed', httpStatus: 404, cause: { kind: 'not-atlas' } });
    expect(server.requests.map((r) => r.method)).toEqual(['DELETE']);
  });

  it('fails on a 200 after retries, counting them', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ status: 503, body: ATLAS_ERRORS.unavailable() }, { status: 200, body: {} });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result.message).toBe(
      'Deleting the link-token failed after 2 attempts: HTTP 200; Atlas documents 204 as the only success of this endpoint. Atlas never answers this request that way: check base-url, and any proxy between the runner and Atlas.',
    );
  });

  it('names the service account in the hint for a refusal of the delete', async () => {
    const [server, baseUrl] = await startStandIn({
      serviceAccount: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    });
    server.script({ status: 403, body: ATLAS_ERRORS.forbidden() });
    const result = await perform(
      settingsFor(baseUrl, {
        credentials: { method: 'service-account', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      }),
      recordingLogger(),
      instantRuntime(),
    );
    expect(result.hint).toBe('The service account needs the Organization Owner role in this organization.');
  });

  it('under api-version v2, says to update the action when the version is gone', async () => {
    const [server, baseUrl] = await startStandIn();
    server.script({ status: 410, body: ATLAS_ERRORS.versionGone() });
    const result = await perform(settingsFor(baseUrl, { apiVersion: 'v2' }), recordingLogger(), instantRuntime());
    expect(result.hint).toBe(
      'Atlas says this version of its API is gone: update this action to a release that uses a current version.',
    );
  });
});
