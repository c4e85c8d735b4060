// The run's own guards through dist/index.js: whatever happens below it, the step ends within its
// documented worst case, and never without its outputs, its summary and one error line. Faults
// the network cannot cause any more are injected into the process with `node --require`.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiKeyInputs as apiKey } from '../support/fixtures.ts';
import { errorLines, useE2E } from '../support/e2e.ts';

const { standIn, run } = useE2E();
const fault = (name: string): string[] => ['--require', join(import.meta.dirname, '..', 'support', 'faults', name)];

describe('the run deadline', () => {
  it('stops a request that outlives its own time limit at the documented worst case plus 3 s, and reports', async () => {
    const [server, baseUrl] = await standIn({}, [{ action: 'hang' }]);
    const result = await run(apiKey(baseUrl, { 'timeout-seconds': '0.5', 'max-attempts': '1' }), {
      nodeArgs: fault('attempt-timeouts-never-fire.cjs'),
    });
    expect(result.code).toBe(1);
    // Worst case 1 s (two requests in sequence, each one attempt of 0.5 s) plus the 3 s margin.
    expect(result.durationMs).toBeGreaterThanOrEqual(4_000);
    expect(result.durationMs).toBeLessThan(8_000);
    expect(result.outputs).toEqual({
      status: 'failed',
      'auth-method': 'digest',
      'http-status': '',
      attempts: '1',
      'error-code': '',
    });
    expect(errorLines(result)).toEqual([
      '::error::No result within the documented worst case of 1 s: the run was stopped; the link-token may or may not have been deleted.',
    ]);
    expect(result.summary).toMatch(
      /^<h2>❌ Stopped: no result within the documented worst case of 1 s; the link-token may or may not have been deleted<\/h2>\n/,
    );
    expect(server.requests.map((r) => r.answer)).toEqual(['401', 'hang']);
  }, 20_000);
});

describe('no silent end', () => {
  it('reports when a request never settles and nothing is left to wait on', async () => {
    const [server, baseUrl] = await standIn();
    const result = await run(apiKey(baseUrl, { 'max-attempts': '1' }), {
      nodeArgs: fault('requests-vanish.cjs'),
    });
    expect(result.code).toBe(1);
    expect(result.outputs).toEqual({
      status: 'failed',
      'auth-method': 'digest',
      'http-status': '',
      attempts: '1',
      'error-code': '',
    });
    expect(errorLines(result)).toEqual([
      '::error::The run ended without a result: a request never settled; no request that could delete the link-token was sent.',
    ]);
    expect(result.summary).toMatch(
      /^<h2>❌ Stopped: a request never settled; no request that could delete the link-token was sent<\/h2>\n/,
    );
    expect(server.requests).toHaveLength(0);
  }, 20_000);
});
