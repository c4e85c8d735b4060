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
      "Deleting the link-token failed: authentication refused: the server's Digest realm contains a quote, backslash or control character, which cannot be sent back faithfully.",
    );
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '1', 'http-status': '' });
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
