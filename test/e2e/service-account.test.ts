// Service accounts through dist/index.js: token, DELETE with the bearer token, revoke; secrets
// masked; the outputs when the token endpoint fails.
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, CLIENT_SECRET, ORG_ID } from '../support/fixtures.ts';
import { errorLine, serviceAccountInputs as serviceAccount, useE2E } from '../support/e2e.ts';
import { visibleOutput } from '../support/run-action.ts';

const { standIn, run, closeAll } = useE2E();
const BASIC = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;

describe('a delete as a service account', () => {
  it('deletes with client-id and client-secret; masks the secret and the token; says which method', async () => {
    const [server, baseUrl] = await standIn();
    const result = await run(serviceAccount(baseUrl), { env: { RUNNER_DEBUG: '1' } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({
      status: 'deleted',
      'auth-method': 'service-account',
      'http-status': '204',
      attempts: '1',
      'error-code': '',
    });
    expect(result.summary).toContain(
      '<tr><th align="left">Authentication</th><td>service account (OAuth 2.0 client credentials)</td></tr>',
    );
    const accessToken = server.requests[1]?.headers.authorization?.slice('Bearer '.length) ?? 'missing';
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`::add-mask::${CLIENT_SECRET}`);
    expect(result.stdout).toContain(`::add-mask::${accessToken}`);
    const visible = visibleOutput(result);
    for (const secret of [CLIENT_SECRET, accessToken, BASIC.slice('Basic '.length)])
      expect(visible).not.toContain(secret);
    expect(visible).not.toMatch(/Bearer|Basic /);
    expect(server.liveTokens.size).toBe(0);
  });

  it('rejects half a pair before any request', async () => {
    const [server, baseUrl] = await standIn();
    const result = await run({ 'org-id': ORG_ID, 'client-id': CLIENT_ID, 'base-url': baseUrl });
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'failed', 'auth-method': '', attempts: '0' });
    expect(result.stdout).toMatch(/::error::Invalid input 'client-secret': it is missing, but 'client-id' is set/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('the token endpoint', () => {
  it('waits what the token endpoint asked for', async () => {
    const [server, baseUrl] = await standIn();
    server.scriptToken({ status: 429, body: { error: 'rate_limited' }, headers: { 'Retry-After': '2' } });
    const result = await run(serviceAccount(baseUrl));
    expect(result.outputs['status']).toBe('deleted');
    expect(result.stdout).toContain(
      'Attempt 1 of 5: token request failed: the token endpoint answered HTTP 429 (rate_limited). Retrying in 2 s (the server asked for 2 s).',
    );
  });

  it('a refused token leaves http-status empty and names the OAuth error in error-code', async () => {
    const [server, baseUrl] = await standIn();
    const result = await run(serviceAccount(baseUrl, { 'client-secret': 'wrong-secret' }));
    expect(result.outputs).toEqual({
      status: 'failed',
      'auth-method': 'service-account',
      'http-status': '',
      attempts: '1',
      'error-code': 'oauth:invalid_client',
    });
    expect(server.requests.map((r) => r.path)).toEqual(['/api/oauth/token']);
  });
});

describe('a token endpoint that quotes the credentials back', () => {
  it('never shows any part of the client secret, wherever the quote would be cut', async () => {
    const withFiller = `${CLIENT_SECRET.slice(0, 12)}\u200B${CLIENT_SECRET.slice(12)}`; // flattened to a space
    for (const [preamble, quoted] of [
      [254, CLIENT_SECRET],
      [255, CLIENT_SECRET],
      [256, CLIENT_SECRET],
      [290, CLIENT_SECRET],
      [10, withFiller],
      [10, CLIENT_SECRET.slice(0, -1)],
    ] as const) {
      const [server, baseUrl] = await standIn();
      const description = `${'y'.repeat(preamble)} ${quoted}`;
      server.scriptToken({ status: 400, body: { error: 'invalid_client', error_description: description } });
      const result = await run(serviceAccount(baseUrl, { 'max-attempts': '1' }));
      expect(result.outputs['error-code']).toBe('oauth:invalid_client');
      const visible = visibleOutput(result);
      expect(visible, `preamble ${preamble}`).toContain(`${'y'.repeat(10)}`);
      // Not the secret, nor its first or last 12 characters (a cut or split quote would show those).
      expect(visible, `preamble ${preamble}`).not.toContain(CLIENT_SECRET.slice(0, 12));
      expect(visible, `preamble ${preamble}`).not.toContain(CLIENT_SECRET.slice(13, 25));
      await closeAll();
    }
  });
});

describe('the revoke', () => {
  it('revokes with token_type_hint=access_token', async () => {
    const [server, baseUrl] = await standIn();
    await run(serviceAccount(baseUrl));
    expect(server.requests.at(-1)?.body).toMatch(/^token=[\w-]+&token_type_hint=access_token$/);
  });
});

describe('the token type', () => {
  it.each(['Bearer', 'bearer', 'BEARER'])('%s is used', async (type) => {
    const [server, baseUrl] = await standIn();
    server.scriptToken({ status: 200, body: { access_token: 'issued-token-1', token_type: type, expires_in: 3600 } });
    const result = await run(serviceAccount(baseUrl));
    expect(server.requests[1]?.headers.authorization).toBe('Bearer issued-token-1');
    expect(result.outputs['status']).toBe('deleted');
  });

  it('anything but Bearer is a final failure, and the token is still revoked', async () => {
    const [server, baseUrl] = await standIn();
    server.scriptToken({ status: 200, body: { access_token: 'issued-token-2', token_type: 'N_A', expires_in: 3600 } });
    const result = await run(serviceAccount(baseUrl));
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '1', 'http-status': '' });
    expect(errorLine(result)).toBe(
      "Deleting the link-token failed: the token endpoint issued a token of type 'N_A', which the action cannot use (only Bearer tokens are defined for this flow). Atlas's token endpoint issues only Bearer tokens of printable characters: check base-url, and any proxy between the runner and Atlas.",
    );
    expect(server.requests.map((r) => r.path)).toEqual(['/api/oauth/token', '/api/oauth/revoke']);
    expect(server.requests[1]?.body).toBe('token=issued-token-2&token_type_hint=access_token');
    expect(visibleOutput(result)).not.toContain('issued-token-2');
  });
});

describe('client credentials in HTTP Basic', () => {
  it('are form-urlencoded before base64, as RFC 6749 §2.3.1 says', async () => {
    const secret = 's3cr%t+x/y';
    const [server, baseUrl] = await standIn({ serviceAccount: { clientId: CLIENT_ID, clientSecret: secret } });
    const result = await run(serviceAccount(baseUrl, { 'client-secret': secret }));
    expect(result.outputs['status']).toBe('deleted');
    expect(server.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${CLIENT_ID}:s3cr%25t%2Bx%2Fy`).toString('base64')}`,
    );
    expect(visibleOutput(result)).not.toContain(secret);
  });

  it("are sent unchanged when they hold only Atlas's own characters", async () => {
    const [server, baseUrl] = await standIn();
    await run(serviceAccount(baseUrl));
    expect(server.requests[0]?.headers.authorization).toBe(BASIC);
  });
});
