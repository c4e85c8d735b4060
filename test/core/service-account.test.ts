// Service-account (OAuth 2.0 client credentials) authentication in the core, against the loopback
// stand-in's token, revoke and DELETE endpoints.
import { basicCredentials, parseExpiresIn, REVOKE_TIMEOUT_MS } from '../../src/auth/service-account.ts';
import { USER_AGENT } from '../../src/version.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { ATLAS_ERRORS, AtlasStandIn, type Step } from '../support/atlas-stand-in.ts';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  clockedRuntime,
  instantRuntime,
  ORG_ID,
  PRIVATE_KEY,
  PUBLIC_KEY,
  perform,
  recordingLogger,
  SERVICE_ACCOUNT,
  settingsFor,
} from '../support/fixtures.ts';

const LINK_TOKENS = `/api/atlas/v1.0/orgs/${ORG_ID}/liveMigrations/linkTokens`;
const BASIC = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;

let standIn: AtlasStandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

async function start(
  steps: { delete?: Step[]; token?: Step[]; revoke?: Step[] } = {},
): Promise<[AtlasStandIn, string]> {
  const server = new AtlasStandIn({
    publicKey: PUBLIC_KEY,
    privateKey: PRIVATE_KEY,
    serviceAccount: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
  });
  standIn = server;
  const baseUrl = await server.start();
  server.script(...(steps.delete ?? []));
  server.scriptToken(...(steps.token ?? []));
  server.scriptRevoke(...(steps.revoke ?? []));
  return [server, baseUrl];
}

/** The tokens the revoke requests named are the tokens the DELETEs carried: every one issued. */
function expectEveryIssuedTokenRevoked(server: AtlasStandIn): void {
  const carried = new Set(
    server.requests.flatMap((r) =>
      r.headers.authorization?.startsWith('Bearer ') ? [r.headers.authorization.slice(7)] : [],
    ),
  );
  const revoked = server.requests
    .filter((r) => r.path === '/api/oauth/revoke')
    .map((r) => new URLSearchParams(r.body).get('token'));
  expect(new Set(revoked)).toEqual(carried);
  expect(carried.size).toBe(2);
}

const serviceAccount = (baseUrl: string, overrides = {}) =>
  settingsFor(baseUrl, { credentials: SERVICE_ACCOUNT, ...overrides });

describe('service account', () => {
  it('gets a token, deletes with it, and revokes it', async () => {
    const [server, baseUrl] = await start();
    const log = recordingLogger();
    const result = await perform(serviceAccount(baseUrl), log, instantRuntime());

    expect(result).toMatchObject({ status: 'deleted', authMethod: 'service-account', attempts: 1 });
    const [token, del, revoke] = server.requests;
    expect(token).toMatchObject({
      method: 'POST',
      path: '/api/oauth/token',
      body: 'grant_type=client_credentials',
      answer: '200',
    });
    expect(server.requests).toHaveLength(3);
    expect(token?.headers).toMatchObject({
      'user-agent': USER_AGENT,
      authorization: BASIC,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    });
    expect(del).toMatchObject({ method: 'DELETE', path: LINK_TOKENS, verified: true, answer: '204' });
    expect(del?.headers.authorization).toMatch(/^Bearer [\w-]+$/);
    const accessToken = del?.headers.authorization?.slice('Bearer '.length) ?? '';
    expect(revoke).toMatchObject({ method: 'POST', path: '/api/oauth/revoke', answer: '200' });
    expect(revoke?.body).toBe(`token=${accessToken}&token_type_hint=access_token`);
    expect(server.liveTokens.size).toBe(0);
    expect(server.revokedTokens.has(accessToken)).toBe(true);
    // The token was masked the moment it existed; the log names the method, never a value.
    expect(log.masked).toContain(accessToken);
    expect(log.lines).toContain('info: Authenticating with service account (OAuth 2.0 client credentials).');
    expect(log.lines.join('\n')).not.toContain(accessToken);
    expect(log.lines.join('\n')).not.toContain(CLIENT_SECRET);
  });

  it('reuses one token across retries', async () => {
    const [server, baseUrl] = await start({
      delete: [{ status: 503, body: ATLAS_ERRORS.unavailable() }, { status: 502 }],
    });
    const result = await perform(serviceAccount(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'deleted', attempts: 3 });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/oauth/token',
      `DELETE ${LINK_TOKENS}`,
      `DELETE ${LINK_TOKENS}`,
      `DELETE ${LINK_TOKENS}`,
      'POST /api/oauth/revoke',
    ]);
    const bearers = new Set(server.requests.filter((r) => r.method === 'DELETE').map((r) => r.headers.authorization));
    expect(bearers.size).toBe(1);
  });

  it('retries a 503 from the token endpoint within the same attempt budget', async () => {
    const [server, baseUrl] = await start({ token: [{ status: 503, body: ATLAS_ERRORS.unavailable() }] });
    const runtime = instantRuntime();
    const result = await perform(serviceAccount(baseUrl), recordingLogger(), runtime);
    expect(result).toMatchObject({ status: 'deleted', attempts: 2 });
    expect(result.attemptLog[0]?.outcome).toBe('token request failed: the token endpoint answered HTTP 503');
    expect(runtime.sleeps).toHaveLength(1);
    expect(server.requests.map((r) => r.answer)).toEqual(['503', '200', '204', '200']);
  });

  it('fails at once on wrong client credentials, with the hint', async () => {
    const [server, baseUrl] = await start();
    const settings = settingsFor(baseUrl, { credentials: { ...SERVICE_ACCOUNT, clientSecret: 'wrong-secret' } });
    const result = await perform(settings, recordingLogger(), instantRuntime());
    expect(result).toMatchObject({
      status: 'failed',
      authMethod: 'service-account',
      attempts: 1,
      errorCode: 'oauth:invalid_client',
    });
    // No answer from the Atlas API: a refused token is not a refused DELETE.
    expect(result.httpStatus).toBeUndefined();
    expect(result.message).toContain(
      'token request failed: the token endpoint answered HTTP 401 (invalid_client: Invalid client credentials.)',
    );
    expect(result.hint).toMatch(/client-id and client-secret/);
    expect(server.requests).toHaveLength(1); // no DELETE, nothing to revoke
  });

  it('treats a 401 to the DELETE as final', async () => {
    const [server, baseUrl] = await start({ delete: [{ status: 401, body: ATLAS_ERRORS.unauthorized() }] });
    const result = await perform(serviceAccount(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'failed', httpStatus: 401, attempts: 1 });
    expect(result.hint).toMatch(/service account belongs to this organization/);
    expect(server.requests.map((r) => r.path)).toEqual(['/api/oauth/token', LINK_TOKENS, '/api/oauth/revoke']);
  });

  it('only warns when revocation fails', async () => {
    const [, baseUrl] = await start({ revoke: [{ status: 500, body: 'oops' }] });
    const log = recordingLogger();
    const result = await perform(serviceAccount(baseUrl), log, instantRuntime());
    expect(result).toMatchObject({ status: 'deleted', stepFails: false });
    expect(log.lines).toContain(
      'warning: Could not revoke the access token (HTTP 500); it expires by itself within the hour.',
    );
  });

  it('waits the Retry-After of the token endpoint, as for the DELETE', async () => {
    const [, baseUrl] = await start({ token: [{ status: 503, headers: { 'Retry-After': '3' } }] });
    const runtime = instantRuntime();
    const result = await perform(serviceAccount(baseUrl), recordingLogger(), runtime);
    expect(result).toMatchObject({ status: 'deleted', attempts: 2 });
    expect(runtime.sleeps).toEqual([3000]);
  });

  it('replaces a token that expires within a minute before the next attempt', async () => {
    const [server, baseUrl] = await start({ delete: [{ status: 503, body: ATLAS_ERRORS.unavailable() }] });
    server.tokenLifetime(90);
    // 90 s lifetime - 60 s margin: after one 30 s wait the token is exactly at the margin, and replaced.
    const runtime = clockedRuntime(30_000);
    const log = recordingLogger();
    const settings = serviceAccount(baseUrl);
    const result = await perform(settings, log, runtime);
    expect(result).toMatchObject({ status: 'deleted', attempts: 2 });
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.answer}`)).toEqual([
      'POST /api/oauth/token 200',
      `DELETE ${LINK_TOKENS} 503`,
      'POST /api/oauth/token 200',
      `DELETE ${LINK_TOKENS} 204`,
      'POST /api/oauth/revoke 200',
      'POST /api/oauth/revoke 200',
    ]);
    expect(log.lines).toContain('debug: The access token expires within a minute: requesting a new one.');
    expectEveryIssuedTokenRevoked(server);
  });

  it('keeps a token with time to spare', async () => {
    const [server, baseUrl] = await start({ delete: [{ status: 503, body: ATLAS_ERRORS.unavailable() }] });
    server.tokenLifetime(92);
    const runtime = clockedRuntime(31_000); // 61 s left: more than the margin
    await perform(serviceAccount(baseUrl), recordingLogger(), runtime);
    expect(server.requests.filter((r) => r.path === '/api/oauth/token')).toHaveLength(1);
  });

  it('answers a 401 to a token from an earlier attempt once with a fresh token', async () => {
    const [server, baseUrl] = await start({ delete: [{ status: 503, body: ATLAS_ERRORS.unavailable() }] });
    const runtime = instantRuntime();
    runtime.sleep = () => Promise.resolve(server.expireTokens());
    const log = recordingLogger();
    const result = await perform(serviceAccount(baseUrl), log, runtime);
    expect(result).toMatchObject({ status: 'deleted', attempts: 2 });
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.answer}`)).toEqual([
      'POST /api/oauth/token 200',
      `DELETE ${LINK_TOKENS} 503`,
      `DELETE ${LINK_TOKENS} 401`,
      'POST /api/oauth/token 200',
      `DELETE ${LINK_TOKENS} 204`,
      'POST /api/oauth/revoke 200',
      'POST /api/oauth/revoke 200',
    ]);
    expect(log.lines).toContain('debug: Atlas refused the access token of an earlier attempt: requesting a new one.');
    expectEveryIssuedTokenRevoked(server);
  });

  it('does not count a failed token request after a refused token as a DELETE of unknown fate', async () => {
    const [server, baseUrl] = await start({
      delete: [
        { status: 503, body: ATLAS_ERRORS.unavailable() },
        { status: 404, body: ATLAS_ERRORS.notFound() },
      ],
    });
    const runtime = instantRuntime();
    let waits = 0;
    runtime.sleep = () => {
      // Before attempt 2: the token expires, and the token request that replaces it is cut off.
      if (waits++ === 0) {
        server.expireTokens();
        server.scriptToken({ action: 'reset' });
      }
      return Promise.resolve();
    };
    const result = await perform(serviceAccount(baseUrl), recordingLogger(), runtime);
    expect(result.attemptLog.map((a) => a.outcome)).toEqual([
      'HTTP 503 SERVICE_UNAVAILABLE',
      expect.stringMatching(/^network error: /) as unknown as string,
      'HTTP 404 UNEXPECTED_ERROR',
      'HTTP 200',
    ]);
    expect(result.message).toBe(`Nothing to delete: organization "Stand-in Org" (${ORG_ID}) has no link-token.`);
  });

  it('calls a 401 to a token fresh from this attempt a refusal', async () => {
    const [server, baseUrl] = await start({ delete: [{ status: 503, body: ATLAS_ERRORS.unavailable() }] });
    const runtime = instantRuntime();
    // Every token is refused: the fresh one of the second attempt must end it.
    runtime.sleep = () => Promise.resolve(server.refuseTokens());
    const result = await perform(serviceAccount(baseUrl), recordingLogger(), runtime);
    expect(result).toMatchObject({ status: 'failed', httpStatus: 401, attempts: 2 });
    expect(server.requests.filter((r) => r.path === LINK_TOKENS).map((r) => r.answer)).toEqual(['503', '401', '401']);
  });

  it('gives the revoke a budget of its own, and says what happened when it runs out', async () => {
    const [, baseUrl] = await start({ revoke: [{ action: 'hang' }] });
    const log = recordingLogger();
    const started = Date.now();
    const result = await perform(serviceAccount(baseUrl, { timeoutMs: 60_000 }), log, instantRuntime());
    expect(Date.now() - started).toBeLessThan(REVOKE_TIMEOUT_MS + 2000);
    expect(result.status).toBe('deleted');
    expect(log.lines).toContain(
      'warning: Could not revoke the access token (no answer within 5 s); it expires by itself within the hour.',
    );
  }, 15_000);

  it('says once how many tokens it had no time left to revoke, after the first revoke ran out', async () => {
    const unavailable = { status: 503, body: ATLAS_ERRORS.unavailable() };
    const [server, baseUrl] = await start({ delete: [unavailable, unavailable], revoke: [{ action: 'hang' }] });
    server.tokenLifetime(90);
    const log = recordingLogger();
    const result = await perform(serviceAccount(baseUrl), log, clockedRuntime(30_000)); // a new token per attempt
    expect(result).toMatchObject({ status: 'deleted', attempts: 3 });
    expect(server.requests.filter((r) => r.path === '/api/oauth/token')).toHaveLength(3);
    expect(server.requests.filter((r) => r.path === '/api/oauth/revoke')).toHaveLength(1);
    expect(log.lines.filter((line) => line.startsWith('warning:'))).toEqual([
      'warning: Could not revoke the access token (no answer within 5 s); it expires by itself within the hour.',
      "warning: Did not revoke 2 more access tokens: the revocations' 5 s had run out; they expire by themselves within the hour.",
    ]);
  }, 15_000);

  it('takes a token only from a 200: a 201 with a token in it is refused', async () => {
    const [server, baseUrl] = await start({
      token: [{ status: 201, body: { access_token: 'from-a-201', token_type: 'Bearer', expires_in: 3600 } }],
    });
    const log = recordingLogger();
    const result = await perform(serviceAccount(baseUrl), log, instantRuntime());
    expect(result).toMatchObject({ status: 'failed', attempts: 1, errorCode: 'oauth:http-201' });
    expect(result.message).toBe(
      "Deleting the link-token failed: token request failed: the token endpoint answered HTTP 201. Atlas's token endpoint never answers that way: check base-url, and any proxy between the runner and Atlas.",
    );
    expect(server.requests.map((r) => r.path)).toEqual(['/api/oauth/token']);
    expect(log.masked).not.toContain('from-a-201');
  });

  it('refuses a 200 without an access token, naming what was missing', async () => {
    const [, baseUrl] = await start({ token: [{ status: 200, body: { token_type: 'Bearer' } }] });
    const result = await perform(serviceAccount(baseUrl), recordingLogger(), instantRuntime());
    expect(result.message).toBe(
      "Deleting the link-token failed: token request failed: the token endpoint answered without an access token. Atlas's token endpoint never answers that way: check base-url, and any proxy between the runner and Atlas.",
    );
  });

  it('warns of nothing on a clean run: the revoke answered 200', async () => {
    const [, baseUrl] = await start();
    const log = recordingLogger();
    await perform(serviceAccount(baseUrl), log, instantRuntime());
    expect(log.lines.filter((line) => line.startsWith('warning:'))).toEqual([]);
    expect(log.lines).toContain('debug: Revoked the access token.');
  });

  it('does not revoke once the job is cancelled, and says the token expires by itself', async () => {
    const [server, baseUrl] = await start({ delete: [{ action: 'hang' }] });
    const controller = new AbortController();
    const log = recordingLogger();
    const pending = perform(serviceAccount(baseUrl), log, instantRuntime(controller.signal));
    setTimeout(() => controller.abort(), 100);
    const result = await pending;
    expect(result.cause).toMatchObject({ kind: 'cancelled' });
    expect(log.lines).toContain(
      'warning: Did not revoke the access token: the job was cancelled; it expires by itself within the hour.',
    );
    expect(server.requests.map((r) => r.path)).toEqual(['/api/oauth/token', LINK_TOKENS]);
  });

  it.each([
    ['deadline', 'the run was stopped without a result'],
    ['drained', 'the run was stopped without a result'],
    ['cancelled', 'the job was cancelled'],
  ])('stopped for %s: says why the token was not revoked', async (reason, why) => {
    const [, baseUrl] = await start({ delete: [{ action: 'hang' }] });
    const controller = new AbortController();
    const log = recordingLogger();
    const pending = perform(serviceAccount(baseUrl), log, instantRuntime(controller.signal));
    setTimeout(() => controller.abort(reason), 100);
    await pending;
    expect(log.lines.filter((line) => line.startsWith('warning:'))).toEqual([
      `warning: Did not revoke the access token: ${why}; it expires by itself within the hour.`,
    ]);
  });

  it('says nothing of revoking when no token was ever issued', async () => {
    const [server, baseUrl] = await start({ token: [{ action: 'hang' }] });
    const controller = new AbortController();
    const log = recordingLogger();
    const pending = perform(serviceAccount(baseUrl), log, instantRuntime(controller.signal));
    setTimeout(() => controller.abort(), 100);
    await pending;
    expect(log.lines.filter((line) => line.startsWith('warning:'))).toEqual([]);
    expect(server.requests.map((r) => r.path)).toEqual(['/api/oauth/token']);
  });

  it('says a revoke cut short by a cancellation was cut short by it', async () => {
    const [server, baseUrl] = await start({ revoke: [{ action: 'hang' }] });
    const controller = new AbortController();
    const log = recordingLogger();
    const pending = perform(serviceAccount(baseUrl), log, instantRuntime(controller.signal));
    const poll = setInterval(() => {
      if (server.requests.some((r) => r.path === '/api/oauth/revoke')) {
        clearInterval(poll);
        controller.abort();
      }
    }, 5);
    await pending;
    expect(log.lines.filter((line) => line.startsWith('warning:'))).toEqual([
      'warning: Could not revoke the access token (the job was cancelled); it expires by itself within the hour.',
    ]);
  });

  it('takes a 204 from the revoke endpoint as done', async () => {
    const [, baseUrl] = await start({ revoke: [{ status: 204 }] });
    const log = recordingLogger();
    await perform(serviceAccount(baseUrl), log, instantRuntime());
    expect(log.lines).toContain('debug: Revoked the access token.');
    expect(log.lines.filter((line) => line.startsWith('warning:'))).toEqual([]);
  });

  it('masks the Basic credentials it builds, and the token it gets', async () => {
    const [server, baseUrl] = await start();
    const log = recordingLogger();
    await perform(serviceAccount(baseUrl), log, instantRuntime());
    const token = server.requests[1]?.headers.authorization?.slice('Bearer '.length);
    expect(log.masked).toEqual([BASIC.slice('Basic '.length), token]);
  });

  it('names the service account in access-list and role hints', async () => {
    const [, baseUrl] = await start({
      delete: [{ status: 403, body: ATLAS_ERRORS.ipNotOnAccessList('198.51.100.2') }],
    });
    const result = await perform(serviceAccount(baseUrl), recordingLogger(), instantRuntime());
    expect(result.hint).toMatch(/198\.51\.100\.2 is not on the service account's API access list/);
  });
});

describe('the token type', () => {
  it.each(['Bearer', 'bearer', 'BEARER', ' Bearer ', 'Bearer\t'])('uses a %j token', async (type) => {
    const [server, baseUrl] = await start({
      token: [{ status: 200, body: { access_token: 'tok-0001', token_type: type, expires_in: 3600 } }],
    });
    const result = await perform(serviceAccount(baseUrl), recordingLogger(), instantRuntime());
    expect(result.status).toBe('deleted');
    expect(server.requests[1]?.headers.authorization).toBe('Bearer tok-0001');
  });

  it.each([['N_A'], ['mac'], [undefined]])(
    'refuses a token of type %s before any DELETE, and still revokes it',
    async (type) => {
      const body = { access_token: 'tok-0002', expires_in: 3600, ...(type === undefined ? {} : { token_type: type }) };
      const [server, baseUrl] = await start({ token: [{ status: 200, body }] });
      const log = recordingLogger();
      const result = await perform(serviceAccount(baseUrl), log, instantRuntime());
      expect(result).toMatchObject({ status: 'failed', attempts: 1 });
      expect(result.httpStatus).toBeUndefined();
      expect(result.message).toBe(
        `Deleting the link-token failed: the token endpoint issued a token of type '${type ?? '(none)'}', which the action cannot use (only Bearer tokens are defined for this flow). Atlas's token endpoint issues only Bearer tokens of printable characters: check base-url, and any proxy between the runner and Atlas.`,
      );
      expect(server.requests.map((r) => r.path)).toEqual(['/api/oauth/token', '/api/oauth/revoke']);
      expect(server.requests[1]?.body).toBe('token=tok-0002&token_type_hint=access_token');
      expect(log.masked).toContain('tok-0002');
    },
  );
});

describe('what the token endpoint answered', () => {
  it.each([['Bearerx'], ['xBearer'], ['Bearer Bearer']])('takes a token_type of %j for no Bearer', async (type) => {
    const [server, baseUrl] = await start({
      token: [{ status: 200, body: { access_token: 'tok-00001', token_type: type, expires_in: 3600 } }],
    });
    const result = await perform(serviceAccount(baseUrl), recordingLogger(), instantRuntime());
    expect(result.message).toMatch(/^Deleting the link-token failed: the token endpoint issued a token of type '/);
    expect(server.requests.map((r) => r.path)).toEqual(['/api/oauth/token', '/api/oauth/revoke']);
  });

  it('calls an empty access token none', async () => {
    const [, baseUrl] = await start({ token: [{ status: 200, body: { access_token: '', token_type: 'Bearer' } }] });
    const result = await perform(serviceAccount(baseUrl), recordingLogger(), instantRuntime());
    expect(result.message).toMatch(
      /^Deleting the link-token failed: token request failed: the token endpoint answered without an access token\./,
    );
  });

  it('logs each token obtained, in debug', async () => {
    const [, baseUrl] = await start();
    const log = recordingLogger();
    await perform(serviceAccount(baseUrl), log, instantRuntime());
    expect(log.lines).toContain('debug: Obtained an access token for the service account.');
  });

  it('quotes the OAuth error and its description, leaving out an empty one', async () => {
    const [, baseUrl] = await start({
      token: [{ status: 401, body: { error: '', error_description: 'Bad client.' } }],
    });
    const result = await perform(serviceAccount(baseUrl), recordingLogger(), instantRuntime());
    expect(result.message).toMatch(
      /^Deleting the link-token failed: token request failed: the token endpoint answered HTTP 401 \(Bad client\.\)\./,
    );
  });
});

describe('an access token the action cannot use', () => {
  const HEADER =
    'the token endpoint issued an access token that cannot be sent in a header (a space, a line break or a character outside printable ASCII)';
  const SHORT = 'the token endpoint issued an access token of fewer than 8 characters, which is none Atlas issues';
  it.each([
    ['tok en', HEADER],
    ['tok\nen', HEADER],
    ['tök', HEADER],
    ['a', SHORT],
    ['tok-001', SHORT],
  ])('%j is refused before any request, and still revoked', async (value, why) => {
    const [server, baseUrl] = await start({
      token: [{ status: 200, body: { access_token: value, token_type: 'Bearer', expires_in: 3600 } }],
    });
    const log = recordingLogger();
    const result = await perform(serviceAccount(baseUrl), log, instantRuntime());
    expect(result).toMatchObject({ status: 'failed', attempts: 1 });
    expect(result.message).toBe(
      `Deleting the link-token failed: ${why}. Atlas's token endpoint issues only Bearer tokens of printable characters: check base-url, and any proxy between the runner and Atlas.`,
    );
    // Left unmasked, being short: masking a letter or a word would blank it out of the job's log.
    expect(log.masked).not.toContain(value);
    expect(server.requests.map((r) => r.path)).toEqual(['/api/oauth/token', '/api/oauth/revoke']);
    expect(new URLSearchParams(server.requests[1]?.body).get('token')).toBe(value);
  });
});

describe('basicCredentials', () => {
  it('form-urlencodes the client ID and secret before base64, as RFC 6749 §2.3.1 says', () => {
    const decoded = (id: string, secret: string) => Buffer.from(basicCredentials(id, secret), 'base64').toString();
    expect(decoded('mdb_sa_id_1', 's3cr%t+x/y')).toBe('mdb_sa_id_1:s3cr%25t%2Bx%2Fy');
    expect(decoded('a b:c', 'é=&')).toBe('a+b%3Ac:%C3%A9%3D%26');
    expect(decoded(CLIENT_ID, CLIENT_SECRET)).toBe(`${CLIENT_ID}:${CLIENT_SECRET}`);
  });
});

describe('parseExpiresIn', () => {
  it.each([
    [3600, 3_600_000],
    ['3600', 3_600_000],
    [' 90 ', 90_000],
    [0.5, 500],
    ['12a', undefined],
    ['a12', undefined],
    ['1.5', undefined],
    [0, undefined],
    [-5, undefined],
    [Infinity, undefined],
    [null, undefined],
  ])('%j -> %j', (value, expected) => {
    expect(parseExpiresIn(value)).toBe(expected);
  });
});
