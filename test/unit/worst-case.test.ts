// The documented worst case, from the settings: what the README promises and the deadline enforces.
import { describe, expect, it } from 'vitest';
import { requestBudgetMs, requestsInSequence, worstCaseMs } from '../../src/worst-case.ts';
import { SERVICE_ACCOUNT, settingsFor } from '../support/fixtures.ts';

describe('worstCaseMs', () => {
  const defaults = settingsFor('https://cloud.mongodb.com', { timeoutMs: 30_000, maxAttempts: 5 });

  it('is 6.5 min for a delete with the defaults: 5 × 30 s + 4 × 60 s', () => {
    expect(requestBudgetMs(defaults)).toBe(390_000);
    expect(worstCaseMs(defaults)).toBe(390_000);
  });

  it('adds the 5 s revoke of a service account', () => {
    expect(worstCaseMs({ ...defaults, credentials: SERVICE_ACCOUNT })).toBe(395_000);
  });

  it('counts two requests for a dry run, and the migration wait for the delete only', () => {
    expect(requestsInSequence({ dryRun: true })).toBe(2);
    expect(requestsInSequence({ dryRun: false })).toBe(1);
    expect(worstCaseMs({ ...defaults, dryRun: true, migrationWaitMs: 600_000 })).toBe(780_000);
    expect(worstCaseMs({ ...defaults, migrationWaitMs: 600_000 })).toBe(990_000);
  });

  it('is one attempt and no wait with max-attempts 1', () => {
    expect(worstCaseMs({ ...defaults, maxAttempts: 1, timeoutMs: 1_500 })).toBe(1_500);
  });
});
