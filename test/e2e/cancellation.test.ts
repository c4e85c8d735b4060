// Cancellation through dist/index.js: SIGINT and SIGTERM abort what is in flight, the result is
// reported first, and the process exits within 2 s of the signal.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATLAS_ERRORS } from '../support/atlas-stand-in.ts';
import { apiKeyInputs as apiKey } from '../support/fixtures.ts';
import { errorLine, errorLines, serviceAccountInputs as serviceAccount, signalAfter, useE2E } from '../support/e2e.ts';

const { standIn, run } = useE2E();

describe('a request or back-off in flight', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'on %s aborts the request, writes outputs and summary, exits non-zero promptly',
    async (signal) => {
      const [server, baseUrl] = await standIn({}, [{ action: 'hang' }]);
      let signalledAt = 0;
      const result = await run(apiKey(baseUrl, { 'timeout-seconds': '60' }), {
        onStart: (child) => {
          const poll = setInterval(() => {
            if (server.requests.length === 2) {
              clearInterval(poll);
              signalledAt = Date.now();
              child.kill(signal);
            }
          }, 10);
        },
      });
      const exitAfterMs = Date.now() - signalledAt;
      expect(result.code).toBe(1);
      expect(result.outputs).toEqual({
        status: 'failed',
        'auth-method': 'digest',
        'http-status': '',
        attempts: '1',
        'error-code': '',
      });
      expect(result.summary).toMatch(/^<h2>❌ Cancelled: the link-token may or may not have been deleted<\/h2>\n/);
      expect(result.stdout).toMatch(/^::error::Cancelled: the job was cancelled/m);
      // Far below the 60 s attempt timeout: the request was aborted, not waited out.
      expect(exitAfterMs).toBeLessThan(10_000);
    },
  );

  it.each([
    ['SIGINT', 'SIGINT'],
    ['SIGINT', 'SIGTERM'],
  ] as const)('on %s then %s a moment later: reported once, never ended by the second', async (first, second) => {
    const [server, baseUrl] = await standIn({}, [{ action: 'hang' }]);
    const result = await run(apiKey(baseUrl, { 'timeout-seconds': '60' }), {
      onStart: (child) => {
        const poll = setInterval(() => {
          if (server.requests.length < 2) return;
          clearInterval(poll);
          child.kill(first);
          setTimeout(() => child.kill(second), 1);
        }, 10);
      },
    });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '1' });
    expect(errorLines(result)).toEqual([
      '::error::Cancelled: the job was cancelled during the request; the link-token may or may not have been deleted.',
    ]);
  });

  it('stops a back-off at once when cancelled between attempts', async () => {
    const [server, baseUrl] = await standIn({}, [{ status: 503, headers: { 'Retry-After': '50' } }]);
    const result = await run(apiKey(baseUrl), {
      onStart: (child) => {
        const poll = setInterval(() => {
          if (server.requests.length === 2) {
            clearInterval(poll);
            setTimeout(() => child.kill('SIGINT'), 100);
          }
        }, 10);
      },
    });
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '1' });
    expect(result.stdout).toContain('cancelled while waiting to retry');
    expect(result.durationMs).toBeLessThan(40_000);
  });
});

describe('a service-account run with a slow revoke', () => {
  it('reports first (outputs, summary, error line), abandons the revoke, exits within 2 s of SIGINT', async () => {
    const [server, baseUrl] = await standIn({}, [{ action: 'hang' }]);
    server.scriptRevoke({ action: 'hang' });
    const sent = { at: 0 };
    const result = await run(serviceAccount(baseUrl, { 'timeout-seconds': '60' }), {
      onStart: signalAfter(server, 2, 'SIGINT', sent),
    });
    expect(Date.now() - sent.at).toBeLessThan(2000);
    expect(result.code).toBe(1);
    expect(result.outputs).toEqual({
      status: 'failed',
      'auth-method': 'service-account',
      'http-status': '',
      attempts: '1',
      'error-code': '',
    });
    expect(errorLine(result)).toBe(
      'Cancelled: the job was cancelled during the request; the link-token may or may not have been deleted.',
    );
    expect(result.summary).toMatch(/^<h2>❌ Cancelled: the link-token may or may not have been deleted<\/h2>\n/);
    expect(result.stdout).toContain(
      '::warning::Did not revoke the access token: the job was cancelled; it expires by itself within the hour.',
    );
    expect(server.requests.map((r) => r.path)).not.toContain('/api/oauth/revoke');
  });
});

describe('the last answer before a cancelled back-off', () => {
  it("a job cancelled during the back-off keeps the last answer's status", async () => {
    const [server, baseUrl] = await standIn({}, [
      { status: 503, body: ATLAS_ERRORS.unavailable(), headers: { 'Retry-After': '30' } },
    ]);
    const sent = { at: 0 };
    const result = await run(apiKey(baseUrl), { onStart: signalAfter(server, 2, 'SIGTERM', sent, 200) });
    expect(result.outputs).toEqual({
      status: 'failed',
      'auth-method': 'digest',
      'http-status': '503',
      attempts: '1',
      'error-code': 'SERVICE_UNAVAILABLE',
    });
    expect(errorLine(result)).toBe(
      // A 503 is an answer that Atlas did not act on: nothing was deleted.
      'Cancelled: the job was cancelled while waiting to retry; the link-token was not deleted.',
    );
    expect(Date.now() - sent.at).toBeLessThan(2000);
  });
});

describe('a cancellation before any authorized request', () => {
  it('during the token request: says nothing that could delete was sent', async () => {
    const [server, baseUrl] = await standIn();
    server.scriptToken({ action: 'hang' });
    const sent = { at: 0 };
    const result = await run(serviceAccount(baseUrl, { 'timeout-seconds': '60' }), {
      onStart: signalAfter(server, 1, 'SIGINT', sent),
    });
    expect(Date.now() - sent.at).toBeLessThan(2000);
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '1' });
    expect(errorLine(result)).toBe(
      'Cancelled: the job was cancelled during the token request; no request that could delete the link-token was sent.',
    );
  });

  it("during the digest challenge's round trip: the same", async () => {
    const [server, baseUrl] = await standIn();
    server.scriptUnauthenticated({ action: 'hang' });
    const sent = { at: 0 };
    const result = await run(apiKey(baseUrl, { 'timeout-seconds': '60' }), {
      onStart: signalAfter(server, 1, 'SIGINT', sent),
    });
    expect(Date.now() - sent.at).toBeLessThan(2000);
    expect(errorLine(result)).toBe(
      'Cancelled: the job was cancelled during the request; no request that could delete the link-token was sent.',
    );
  });
});

describe('a cancellation during the check of the organization after a 404', () => {
  it('says the link-token was not deleted: only a GET was on its way', async () => {
    const [server, baseUrl] = await standIn({}, [{ status: 404, body: ATLAS_ERRORS.notFound() }, { action: 'hang' }]);
    const sent = { at: 0 };
    const result = await run(apiKey(baseUrl, { 'timeout-seconds': '60' }), {
      onStart: signalAfter(server, 3, 'SIGINT', sent),
    });
    expect(server.requests.map((r) => `${r.method} ${r.answer}`)).toEqual(['DELETE 401', 'DELETE 404', 'GET hang']);
    expect(errorLines(result)).toEqual([
      '::error::Cancelled: the job was cancelled during the request; the link-token was not deleted.',
    ]);
    expect(result.summary).toMatch(/^<h2>❌ Cancelled: the link-token was not deleted<\/h2>\n/);
  });
});

describe('a cancellation while the action is still loading', () => {
  it('is held until the run listens, then reported like any other: nothing that could delete sent, outputs written', async () => {
    const [server, baseUrl] = await standIn();
    const result = await run(apiKey(baseUrl), {
      nodeArgs: ['--require', join(import.meta.dirname, '..', 'support', 'faults', 'cancelled-while-loading.cjs')],
    });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(1);
    expect(result.outputs).toEqual({
      status: 'failed',
      'auth-method': 'digest',
      'http-status': '',
      attempts: '1',
      'error-code': '',
    });
    expect(errorLine(result)).toBe(
      'Cancelled: the job was cancelled during the request; no request that could delete the link-token was sent.',
    );
    // Node dispatches the signal once the bundle has loaded: at most the unsigned challenge request went out.
    expect(server.requests.filter((request) => request.authorized)).toEqual([]);
  });
});
