// The documented worst case of a run, computed from its settings: what the README promises and
// what the run's deadline (run-guard.ts) enforces.
import { REVOKE_TIMEOUT_MS } from './auth/service-account.ts';
import type { Settings } from './inputs.ts';
import { MAX_WAIT_MS } from './retry.ts';

type Budget = Pick<Settings, 'maxAttempts' | 'timeoutMs' | 'credentials'>;

/** The longest one request to Atlas can take: every attempt at its time limit, every wait at its cap. */
export function requestBudgetMs(settings: Budget): number {
  return settings.maxAttempts * settings.timeoutMs + (settings.maxAttempts - 1) * MAX_WAIT_MS;
}

/** The whole run: its request, plus a service account's token revocation, which has a budget of its own. */
export function worstCaseMs(settings: Budget): number {
  const revoke = settings.credentials.method === 'service-account' ? REVOKE_TIMEOUT_MS : 0;
  return requestBudgetMs(settings) + revoke;
}
