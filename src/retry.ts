// Which failures are worth another attempt, and how long to wait before it.

/** HTTP answers that say "try again later" rather than "no". */
const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

export const MAX_BACKOFF_MS = 30_000;
export const MAX_WAIT_MS = 60_000;

export function isTransientStatus(status: number): boolean {
  return TRANSIENT_STATUSES.has(status);
}

/**
 * Parses a `Retry-After` value (delta-seconds or an HTTP date) into milliseconds from `nowMs`.
 * Returns undefined when absent or unreadable; a date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date always names a weekday and GMT; Date.parse alone accepts far too much.
  if (!/^[A-Za-z]{3},? .*GMT$/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * The wait before retry number `retry` (1 for the first retry): "full jitter" up to
 * initialDelay × 2^(retry-1), capped at 30 s; at least Retry-After when the server sent one;
 * never more than 60 s.
 */
export function nextDelay(options: {
  retry: number;
  initialDelayMs: number;
  retryAfterMs?: number | undefined;
  random: () => number;
}): number {
  const ceiling = Math.min(options.initialDelayMs * 2 ** (options.retry - 1), MAX_BACKOFF_MS);
  const jittered = options.random() * ceiling;
  const wait = Math.max(jittered, options.retryAfterMs ?? 0);
  return Math.round(Math.min(wait, MAX_WAIT_MS));
}

/** The longest a run can take: every attempt timing out, each followed by the longest wait. */
export function worstCaseMs(maxAttempts: number, timeoutMs: number): number {
  return maxAttempts * timeoutMs + (maxAttempts - 1) * MAX_WAIT_MS;
}
