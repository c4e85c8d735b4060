import { describe, expect, it } from 'vitest';
import {
  fateUnknown,
  type Failure,
  isTransient,
  isTransientStatus,
  MAX_WAIT_MS,
  nextDelay,
  parseHttpDate,
  parseRetryAfter,
} from '../../src/retry.ts';

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
  it.each([
    ['IMF-fixdate', 'Mon, 30 Nov 2026 12:00:09 GMT'],
    ['RFC 850', 'Monday, 30-Nov-26 12:00:09 GMT'],
    ['asctime', 'Mon Nov 30 12:00:09 2026'],
  ])('reads the %s form (RFC 9110 §5.6.7: recipients accept all three)', (_form, value) => {
    expect(parseRetryAfter(value, now)).toBe(9000);
  });
  it('reads an asctime day padded with a space', () => {
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994', now)).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
  });
  it('puts a two-digit RFC 850 year more than 50 years ahead in the past century', () => {
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseHttpDate('Friday, 06-Nov-76 08:49:37 GMT', now)).toBe(Date.UTC(2076, 10, 6, 8, 49, 37));
    expect(parseHttpDate('Saturday, 06-Nov-77 08:49:37 GMT', now)).toBe(Date.UTC(1977, 10, 6, 8, 49, 37));
  });
  it.each([
    undefined,
    '',
    'soon',
    '-5',
    '1.5',
    '2026-11-30',
    'Mon, 31 Feb 2026 12:00:00 GMT', // no such day
    'Mon, 30 Nov 2026 24:00:00 GMT', // no such hour
    'Mon, 30 Nov 2026 12:60:00 GMT',
    'Mon, 30 Nov 2026 12:00:61 GMT',
    'Mon, 30 Nov 2026 12:00:09 UTC', // only GMT
    'Mon, 30 Nov 26 12:00:09 GMT',
    'Moonday, 30-Nov-26 12:00:09 GMT',
    'Mon Nov 30 12:00:09 2026 GMT',
  ])('ignores %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe('isTransient: the one table', () => {
  it.each<[Failure, boolean]>([
    [{ kind: 'answer', status: 503 }, true],
    [{ kind: 'answer', status: 401 }, false],
    [{ kind: 'timeout' }, true],
    [{ kind: 'network', code: 'ECONNRESET' }, true],
    [{ kind: 'proxy', status: 502 }, true],
    [{ kind: 'proxy', status: 503 }, true],
    [{ kind: 'proxy', status: 504 }, true],
    [{ kind: 'proxy', status: 403 }, false],
    [{ kind: 'proxy', status: 407 }, false],
    [{ kind: 'proxy', status: 500 }, false],
    [{ kind: 'final' }, false],
  ])('%j -> %s', (failure, expected) => {
    expect(isTransient(failure)).toBe(expected);
  });
});

describe('fateUnknown', () => {
  it.each<[Failure, boolean, boolean]>([
    [{ kind: 'answer', status: 500 }, true, true],
    [{ kind: 'answer', status: 502 }, true, true],
    [{ kind: 'answer', status: 504 }, true, true],
    [{ kind: 'answer', status: 503 }, true, false],
    [{ kind: 'answer', status: 429 }, true, false],
    [{ kind: 'answer', status: 404 }, true, false],
    [{ kind: 'timeout' }, true, true],
    [{ kind: 'timeout' }, false, false],
    [{ kind: 'network' }, true, true],
    [{ kind: 'network' }, false, false],
    [{ kind: 'proxy', status: 502 }, true, false],
    [{ kind: 'final' }, true, false],
  ])('%j, sent %s -> %s', (failure, sent, expected) => {
    expect(fateUnknown(failure, sent)).toBe(expected);
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

describe('HTTP dates at their edges', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');
  it('refuses an hour, minute or second past its range, each on its own', () => {
    expect(parseHttpDate('Wed, 31 Dec 2025 24:00:00 GMT', now)).toBeUndefined();
    expect(parseHttpDate('Wed, 31 Dec 2025 23:60:00 GMT', now)).toBeUndefined();
    expect(parseHttpDate('Wed, 31 Dec 2025 23:59:61 GMT', now)).toBeUndefined();
    expect(parseHttpDate('Wed, 31 Dec 2025 23:59:59 GMT', now)).toBe(Date.UTC(2025, 11, 31, 23, 59, 59));
  });
  it('takes a leap second as the last second of its minute, and midnight as 00:00:00', () => {
    expect(parseHttpDate('Wed, 31 Dec 2025 23:59:60 GMT', now)).toBe(Date.UTC(2025, 11, 31, 23, 59, 59));
    expect(parseHttpDate('Thu, 01 Jan 2026 00:00:00 GMT', now)).toBe(Date.UTC(2026, 0, 1));
  });
  it('keeps a four-digit year below 100 as written', () => {
    expect(new Date(parseHttpDate('Sat, 01 Jan 0094 00:00:00 GMT', now) ?? 0).getUTCFullYear()).toBe(94);
  });
});
