// Service accounts through dist/index.js: token, DELETE with the bearer token, revoke; secrets
// masked; the outputs when the token endpoint fails.
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, CLIENT_SECRET, ORG_ID } from '../support/fixtures.ts';
import { serviceAccountInputs as serviceAccount, useE2E } from '../support/e2e.ts';
import { visibleOutput } from '../support/run-action.ts';

const { standIn, run } = useE2E();
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

describe('the revoke', () => {
  it('revokes with token_type_hint=access_token', async () => {
    const [server, baseUrl] = await standIn();
    await run(serviceAccount(baseUrl));
    expect(server.requests.at(-1)?.body).toMatch(/^token=[\w-]+&token_type_hint=access_token$/);
  });
});
