// The documented worst case, from the settings: what the README promises and the deadline enforces.
import { describe, expect, it } from 'vitest';
import { requestBudgetMs, requestsInSequence, worstCaseMs } from '../../src/worst-case.ts';
import { SERVICE_ACCOUNT, settingsFor } from '../support/fixtures.ts';

describe('worstCaseMs', () => {
  const defaults = settingsFor('https://cloud.mongodb.com', { timeoutMs: 30_000, maxAttempts: 5 });

  it('is 13 min with the defaults: two requests in sequence, each 5 × 30 s + 4 × 60 s', () => {
    expect(requestBudgetMs(defaults)).toBe(390_000);
    expect(requestsInSequence()).toBe(2);
    expect(worstCaseMs(defaults)).toBe(780_000);
  });

  it('adds the 5 s revoke of a service account', () => {
    expect(worstCaseMs({ ...defaults, credentials: SERVICE_ACCOUNT })).toBe(785_000);
  });

  it('adds the migration wait to the delete only', () => {
    expect(worstCaseMs({ ...defaults, dryRun: true, migrationWaitMs: 600_000 })).toBe(780_000);
    expect(worstCaseMs({ ...defaults, migrationWaitMs: 600_000 })).toBe(1_380_000);
  });

  it('is two attempts and no wait with max-attempts 1', () => {
    expect(worstCaseMs({ ...defaults, maxAttempts: 1, timeoutMs: 1_500 })).toBe(3_000);
  });
});
