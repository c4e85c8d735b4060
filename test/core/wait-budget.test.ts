// The wait budget, with an injected clock and random source (no real sleeping): the whole run stays
// within the bound the README documents, Retry-After is honoured without over-waiting, and the last
// attempt is not followed by a wait.
import { afterEach, describe, expect, it } from 'vitest';

import { MAX_WAIT_MS, nextDelay } from '../../src/retry.ts';

/** The README's worst case for an API key: every attempt times out, each followed by the longest wait. */
const worstCaseMs = (attempts: number, timeoutMs: number): number =>
  attempts * timeoutMs + (attempts - 1) * MAX_WAIT_MS;
import { ATLAS_ERRORS, AtlasStandIn } from '../support/atlas-stand-in.ts';
import { instantRuntime, PRIVATE_KEY, PUBLIC_KEY, perform, recordingLogger, settingsFor } from '../support/fixtures.ts';

let standIn: AtlasStandIn | undefined;
afterEach(async () => standIn?.close());

/** A small deterministic generator, so every run explores the same random sequences. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('nextDelay over many retries and random draws', () => {
  it('never exceeds its ceiling, 60 s, or (without Retry-After) 30 s', () => {
    const random = seeded(42);
    for (let retry = 1; retry <= 10; retry++) {
      for (const initialDelayMs of [0, 50, 2000, 30_000]) {
        for (let draw = 0; draw < 200; draw++) {
          const wait = nextDelay({ retry, initialDelayMs, random });
          expect(wait).toBeGreaterThanOrEqual(0);
          expect(wait).toBeLessThanOrEqual(Math.min(initialDelayMs * 2 ** (retry - 1), 30_000));
          const withRetryAfter = nextDelay({ retry, initialDelayMs, retryAfterMs: 45_000 + draw * 100, random });
          expect(withRetryAfter).toBeLessThanOrEqual(MAX_WAIT_MS);
          expect(withRetryAfter).toBeGreaterThanOrEqual(Math.min(45_000 + draw * 100, MAX_WAIT_MS));
        }
      }
    }
  });
});

describe('a whole run against a server that keeps failing', () => {
  it.each([
    ['503 without Retry-After', {}],
    ['503 with Retry-After: 3600', { 'Retry-After': '3600' }],
    ['429 with an HTTP-date far ahead', { 'Retry-After': 'Fri, 31 Dec 2100 23:59:59 GMT' }],
  ])('%s stays within attempts × timeout + (attempts − 1) × 60 s', async (_name, headers) => {
    for (const seed of [1, 2, 3]) {
      standIn = new AtlasStandIn({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY });
      const baseUrl = await standIn.start();
      standIn.script(...Array.from({ length: 10 }, () => ({ status: 503, body: ATLAS_ERRORS.unavailable(), headers })));
      const runtime = { ...instantRuntime(), random: seeded(seed) };
      const sleeps: number[] = [];
      let clock = 0;
      runtime.now = () => clock;
      runtime.sleep = (ms) => {
        sleeps.push(ms);
        clock += ms;
        return Promise.resolve();
      };
      const settings = settingsFor(baseUrl, { maxAttempts: 10, retryDelayMs: 30_000, timeoutMs: 300_000 });
      const result = await perform(settings, recordingLogger(), runtime);

      expect(result).toMatchObject({ status: 'failed', attempts: 10, httpStatus: 503 });
      expect(sleeps).toHaveLength(9); // none after the last attempt
      expect(result.durationMs).toBeLessThanOrEqual(worstCaseMs(10, 300_000));
      for (const wait of sleeps) expect(wait).toBeLessThanOrEqual(MAX_WAIT_MS);
      await standIn.close();
      standIn = undefined;
    }
  });

  it('waits exactly Retry-After when the back-off would be shorter', async () => {
    standIn = new AtlasStandIn({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY });
    const baseUrl = await standIn.start();
    standIn.script(
      { status: 429, body: ATLAS_ERRORS.rateLimited(), headers: { 'Retry-After': '7' } },
      { status: 503, body: ATLAS_ERRORS.unavailable(), headers: { 'Retry-After': '1' } },
    );
    const runtime = { ...instantRuntime(), random: () => 0.999 };
    const result = await perform(settingsFor(baseUrl, { retryDelayMs: 1000 }), recordingLogger(), runtime);
    expect(result.status).toBe('deleted');
    // Retry 1: back-off up to 1 s < 7 s → 7 s. Retry 2: back-off up to 2 s ≈ 1998 ms > 1 s → the back-off.
    expect(runtime.sleeps).toEqual([7000, 1998]);
  });
});
