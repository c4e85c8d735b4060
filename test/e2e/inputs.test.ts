// Inputs as the runner passes them, through dist/index.js: what is accepted and what is refused
// before any request.
import { describe, expect, it } from 'vitest';
import { apiKeyInputs as apiKey } from '../support/fixtures.ts';
import { errorLine, useE2E } from '../support/e2e.ts';

const { standIn, run } = useE2E();

describe('decimal timeout-seconds and retry-delay-seconds', () => {
  it.each(['16.1', '2.01', '1.005', '0.3'])('timeout-seconds %s runs and deletes', async (timeout) => {
    const [server, baseUrl] = await standIn();
    const result = await run(apiKey(baseUrl, { 'timeout-seconds': timeout, 'retry-delay-seconds': '0.015' }));
    expect(result.stdout).not.toContain('Unexpected error');
    expect(result.outputs).toEqual({
      status: 'deleted',
      'auth-method': 'digest',
      'http-status': '204',
      attempts: '1',
      'error-code': '',
    });
    expect(server.requests).toHaveLength(2);
  });
});

describe('credentials that cannot be sent', () => {
  it('rejects a public key outside printable ASCII before any request', async () => {
    const [server, baseUrl] = await standIn();
    const result = await run(apiKey(baseUrl, { 'public-key': 'p€bkey' }));
    expect(errorLine(result)).toBe(
      "Invalid input 'public-key': character 2 cannot be sent in an HTTP header field (a quote, a backslash, or not printable ASCII); expected an Atlas API public key",
    );
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '0' });
    expect(server.requests).toHaveLength(0);
  });

  it('sends any private key and client secret: they are only hashed or base64-encoded', async () => {
    const [server, baseUrl] = await standIn({ privateKey: 'pr€vate-ключ' });
    const result = await run(apiKey(baseUrl, { 'private-key': 'pr€vate-ключ' }));
    expect(result.outputs['status']).toBe('deleted');
    expect(server.requests[1]?.verified).toBe(true);
  });
});
