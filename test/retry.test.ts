import { describe, expect, it } from 'vitest';
import { isTransientStatus, MAX_WAIT_MS, nextDelay, parseRetryAfter } from '../src/retry.ts';

describe('isTransientStatus', () => {
  it.each([408, 429, 500, 502, 503, 504])('%i is transient', (status) => {
    expect(isTransientStatus(status)).toBe(true);
  });
  it.each([200, 204, 301, 302, 400, 401, 403, 404, 406, 409, 501, 505])('%i is final', (status) => {
    expect(isTransientStatus(status)).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });
  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter('Mon, 30 Nov 2026 12:00:09 GMT', now)).toBe(9000);
    expect(parseRetryAfter('Mon, 30 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });
  it.each([undefined, '', 'soon', '-5', '1.5', '2026-11-30'])('ignores %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe('nextDelay', () => {
  const delay = (retry: number, random: number, retryAfterMs?: number, initialDelayMs = 2000) =>
    nextDelay({ retry, initialDelayMs, retryAfterMs, random: () => random });

  it('is a random time up to initial × 2^(n-1)', () => {
    expect(delay(1, 0.999999)).toBe(2000);
    expect(delay(2, 0.5)).toBe(2000);
    expect(delay(3, 0.25)).toBe(2000);
    expect(delay(1, 0)).toBe(0);
  });
  it('caps the back-off at 30 s', () => {
    expect(delay(10, 0.999999)).toBe(30_000);
    expect(delay(5, 1, undefined, 30_000)).toBe(30_000);
  });
  it('waits at least Retry-After, but not more than needed', () => {
    expect(delay(1, 0.1, 7000)).toBe(7000);
    expect(delay(3, 0.999999, 1000)).toBe(8000);
  });
  it('never waits more than 60 s, whatever Retry-After says', () => {
    expect(delay(1, 0.5, 3_600_000)).toBe(MAX_WAIT_MS);
  });
});
