// API keys through dist/index.js: the Digest challenge and how it is answered, nonces carried over
// between attempts, kept-alive connections.
import { describe, expect, it } from 'vitest';
import { ATLAS_ERRORS } from '../support/atlas-stand-in.ts';
import { apiKeyInputs as apiKey } from '../support/fixtures.ts';
import { errorLine, useE2E } from '../support/e2e.ts';

const { standIn, run } = useE2E();

describe('the challenge handed over as parsed', () => {
  it.each([
    ['a realm holding a parameter', { realm: 'Atlas, nonce=evil' }],
    ['a nonce with a space', { makeNonce: () => 'ab cd' }],
  ])('answers %s faithfully', async (_name, options) => {
    const [server, baseUrl] = await standIn(options);
    const result = await run(apiKey(baseUrl));
    expect(result.outputs['status']).toBe('deleted');
    expect(server.requests[1]?.verified).toBe(true);
  });

  it('fails before sending a digest it cannot carry (a quote in the realm)', async () => {
    const [server, baseUrl] = await standIn({ realm: 'Atlas "prod"' });
    const result = await run(apiKey(baseUrl));
    expect(errorLine(result)).toBe(
      "Deleting the link-token failed: HTTP 401 UNEXPECTED_ERROR: authentication refused: the server's Digest realm contains a quote, backslash or control character, which cannot be sent back faithfully. Atlas challenges with HTTP Digest (MD5, qop=auth): this server asks for something else, so it is not the Atlas API. Check base-url, and any proxy between the runner and Atlas.",
    );
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '1', 'http-status': '401' });
    expect(server.requests.map((r) => r.authorized)).toEqual([false]);
  });
});

describe('a nonce carried over from an earlier attempt, forgotten without stale=true', () => {
  it('is answered once with the new challenge, not called wrong keys', async () => {
    const [server, baseUrl] = await standIn({ forgetsNoncesSilently: true }, [
      { status: 503, body: ATLAS_ERRORS.unavailable() },
    ]);
    const result = await run(apiKey(baseUrl, { 'retry-delay-seconds': '0.3' }), {
      onStart: () => {
        const poll = setInterval(() => {
          if (server.requests.length === 2) {
            clearInterval(poll);
            server.expireNonces();
          }
        }, 5);
      },
    });
    expect(server.requests.map((r) => [r.answer, r.rejection])).toEqual([
      ['401', 'no Authorization header'],
      ['503', undefined],
      ['401', 'stale nonce'],
      ['204', undefined],
    ]);
    expect(result.outputs).toMatchObject({ status: 'deleted', attempts: '2' });
  });
});

describe('a reset on a reused kept-alive connection', () => {
  it('is sent again on a fresh connection within the attempt (max-attempts 1)', async () => {
    const [server, baseUrl] = await standIn({}, [{ action: 'reset' }]);
    const result = await run(apiKey(baseUrl, { 'max-attempts': '1' }));
    expect(result.outputs).toMatchObject({ status: 'deleted', attempts: '1' });
    expect(server.requests.map((r) => r.answer)).toEqual(['401', 'reset', '204']);
  });
});

describe('a challenge the action refuses', () => {
  const body = {
    detail: 'You are not authorized for this resource.',
    error: 401,
    errorCode: 'UNEXPECTED_ERROR',
    reason: 'Unauthorized',
  };
  it.each([
    [
      'only Basic',
      'Basic realm="MMS Public API"',
      'authentication refused: the server did not offer Digest authentication (offered: Basic); the action sends API keys only with Digest, never in a readable form.',
    ],
    [
      'Digest with qop=auth-int only',
      'Digest realm="MMS Public API", nonce="abc", qop="auth-int"',
      "authentication refused: the server's Digest challenge does not offer qop=auth (offered: auth-int).",
    ],
  ])('%s: reports the 401 and its errorCode', async (_name, challenge, why) => {
    const [server, baseUrl] = await standIn();
    server.scriptUnauthenticated({ status: 401, body, headers: { 'WWW-Authenticate': challenge } });
    const result = await run(apiKey(baseUrl));
    expect(result.code).toBe(1);
    expect(result.outputs).toEqual({
      status: 'failed',
      'auth-method': 'digest',
      'http-status': '401',
      attempts: '1',
      'error-code': 'UNEXPECTED_ERROR',
    });
    const hint =
      'Atlas challenges with HTTP Digest (MD5, qop=auth): this server asks for something else, so it is not the Atlas API. Check base-url, and any proxy between the runner and Atlas.';
    expect(errorLine(result)).toBe(`Deleting the link-token failed: HTTP 401 UNEXPECTED_ERROR: ${why} ${hint}`);
    expect(result.summary).toContain(`<p><strong>What to do:</strong> ${hint}</p>`);
    expect(result.summary).toContain(
      '<h2>❌ Not deleted: the server asked for authentication the action will not give</h2>',
    );
    expect(result.summary).toContain(
      `<tr><th align="left">Last attempt</th><td>HTTP 401 UNEXPECTED_ERROR: ${why.replace(/'/g, '&#39;').slice(0, -1)}</td></tr>`,
    );
    expect(server.requests.map((r) => r.authorized)).toEqual([false]);
  });
});

describe('server text in a challenge', () => {
  it('is flattened and cut before it reaches the log', async () => {
    const [server, baseUrl] = await standIn();
    const algorithm = `MD\u0085\u009b[31m${'A'.repeat(3000)}`;
    server.scriptUnauthenticated({
      status: 401,
      body: ATLAS_ERRORS.unauthorized(),
      headers: { 'WWW-Authenticate': `Digest realm="MMS Public API", nonce="abc", qop="auth", algorithm=${algorithm}` },
    });
    const result = await run(apiKey(baseUrl));
    // Control characters become spaces, and the value is cut to 40 characters.
    expect(errorLine(result)).toBe(
      `Deleting the link-token failed: HTTP 401 UNEXPECTED_ERROR: authentication refused: the server asked for an unsupported Digest algorithm (MD [31m${'A'.repeat(32)}…). Atlas challenges with HTTP Digest (MD5, qop=auth): this server asks for something else, so it is not the Atlas API. Check base-url, and any proxy between the runner and Atlas.`,
    );
    expect(result.stdout).not.toMatch(/[\u0085\u009b]/);
    expect(result.summary).not.toMatch(/[\u0085\u009b]/);
    expect(result.stdout).not.toContain('A'.repeat(300));
  });
});

describe('the nonce count', () => {
  it('is hexadecimal: the tenth request on one nonce sends nc=0000000a', async () => {
    const busy = { status: 503, body: ATLAS_ERRORS.unavailable() };
    const [server, baseUrl] = await standIn(
      {},
      Array.from({ length: 9 }, () => busy),
    );
    const result = await run(apiKey(baseUrl, { 'max-attempts': '10', 'retry-delay-seconds': '0' }));
    expect(result.outputs).toMatchObject({ status: 'deleted', attempts: '10' });
    const counts = server.requests.slice(1).map((r) => /\bnc=([0-9a-f]+)/.exec(r.headers.authorization ?? '')?.[1]);
    expect(counts).toEqual([
      '00000001',
      '00000002',
      '00000003',
      '00000004',
      '00000005',
      '00000006',
      '00000007',
      '00000008',
      '00000009',
      '0000000a',
    ]);
  });
});
