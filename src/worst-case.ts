// The documented worst case of a run, computed from its settings: what the README promises and
// what the run's deadline (run-guard.ts) enforces.
import { REVOKE_TIMEOUT_MS } from './auth/service-account.ts';
import type { Settings } from './inputs.ts';
import { MAX_WAIT_MS } from './retry.ts';

type Budget = Pick<Settings, 'maxAttempts' | 'timeoutMs' | 'credentials' | 'dryRun' | 'migrationWaitMs'>;

/**
 * Requests a run makes one after the other, at most: the dry run's organization and role checks;
 * the delete and, after its 404, the check of the organization.
 */
export function requestsInSequence(): number {
  return 2;
}

/** The longest one request to Atlas can take: every attempt at its time limit, every wait at its cap. */
export function requestBudgetMs(settings: Budget): number {
  return settings.maxAttempts * settings.timeoutMs + (settings.maxAttempts - 1) * MAX_WAIT_MS;
}

/**
 * The whole run: each of its requests at its budget; for the delete, the wait for an active live
 * migration (a check started before the wait's end takes at most one request's budget, counted
 * above); and a service account's token revocation, which has a budget of its own.
 */
export function worstCaseMs(settings: Budget): number {
  const revoke = settings.credentials.method === 'service-account' ? REVOKE_TIMEOUT_MS : 0;
  const migrationWait = settings.dryRun ? 0 : settings.migrationWaitMs;
  return requestsInSequence() * requestBudgetMs(settings) + migrationWait + revoke;
}
