// The one policy for what is retried and how long to wait. Errors and answers carry facts (what
// kind of failure, which status, which Retry-After); only this module turns them into decisions,
// for the Atlas request, the token endpoint and the proxy alike.

/** What one attempt ran into, as facts; never a decision. */
export type Failure =
  /** An HTTP answer from Atlas or its token endpoint. */
  | { kind: 'answer'; status: number; retryAfter?: string | undefined }
  /** The attempt ran out of time. */
  | { kind: 'timeout' }
  /** The connection failed (refused, reset, DNS), with Node's error code. */
  | { kind: 'network'; code?: string | undefined }
  /** The proxy answered the CONNECT with a status other than 200. */
  | { kind: 'proxy'; status: number }
  /** A failure no retry can change: TLS verification, a server that does not speak TLS, an
   * authentication demand the action will not meet, a cancelled job, a bug. */
  | { kind: 'final' };

/** HTTP answers that say "try again later" rather than "no". */
const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Answers after which the request may or may not have been carried out: the server failed while
 * handling it, or a gateway lost it on the way.
 */
const FATE_UNKNOWN_STATUSES = new Set([500, 502, 504]);

/** A proxy's own failures to reach Atlas; its refusals (403, 407) are policy, not chance. */
const TRANSIENT_PROXY_STATUSES = new Set([502, 503, 504]);

export const MAX_BACKOFF_MS = 30_000;
export const MAX_WAIT_MS = 60_000;

export function isTransientStatus(status: number): boolean {
  return TRANSIENT_STATUSES.has(status);
}

export function isTransient(failure: Failure): boolean {
  switch (failure.kind) {
    case 'answer':
      return isTransientStatus(failure.status);
    case 'timeout':
    case 'network':
      return true;
    case 'proxy':
      return TRANSIENT_PROXY_STATUSES.has(failure.status);
    case 'final':
      return false;
  }
}

/**
 * Whether an authorized request that ended this way may have been carried out although no
 * success came back: it was sent, and then timed out, was cut off, or failed inside the server.
 */
export function fateUnknown(failure: Failure, requestSent: boolean): boolean {
  if (failure.kind === 'answer') return FATE_UNKNOWN_STATUSES.has(failure.status);
  return requestSent && (failure.kind === 'timeout' || failure.kind === 'network');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(?<month>${MONTHS.join('|')})`;
const TIME = '(?<hour>\\d{2}):(?<minute>\\d{2}):(?<second>\\d{2})';
/** The three forms of RFC 9110 §5.6.7, which recipients must all accept. */
const HTTP_DATE_FORMS = [
  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT (Atlas writes Deprecation and Sunset with a
  // one-digit day, Mon, 5 Aug 2024 00:00:00 GMT, as MongoDB's own recordings show)
  new RegExp(`^${WEEKDAY}, (?<day>\\d{1,2}) ${MONTH} (?<year>\\d{4}) ${TIME} GMT$`),
  // obsolete RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
  new RegExp(`^${LONG_WEEKDAY}, (?<day>\\d{2})-${MONTH}-(?<shortYear>\\d{2}) ${TIME} GMT$`),
  // obsolete asctime: Sun Nov  6 08:49:37 1994
  new RegExp(`^${WEEKDAY} ${MONTH} (?<day>[ \\d]\\d) ${TIME} (?<year>\\d{4})$`),
];

/**
 * An HTTP date in any of its three forms as epoch milliseconds; undefined when it is none of them
 * or names an impossible day or time.
 */
export function parseHttpDate(text: string, nowMs: number): number | undefined {
  const fields = HTTP_DATE_FORMS.map((form) => form.exec(text)?.groups).find((groups) => groups !== undefined);
  if (!fields) return undefined;
  const year = fields['year'] === undefined ? twoDigitYear(Number(fields['shortYear']), nowMs) : Number(fields['year']);
  const day = Number(fields['day']);
  const [hour, minute, second] = [fields['hour'], fields['minute'], fields['second']].map(Number) as [
    number,
    number,
    number,
  ];
  // 60 allows a leap second; Date.UTC would roll an impossible day (31 Feb) into the next month.
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const date = new Date(0);
  // Stryker disable next-line StringLiteral: equivalent, the pattern has matched a month
  date.setUTCFullYear(year, MONTHS.indexOf(fields['month'] ?? ''), day); // not Date.UTC: it maps 0-99 to 19xx
  date.setUTCHours(hour, minute, Math.min(second, 59));
  return date.getUTCDate() === day ? date.getTime() : undefined;
}

/** RFC 9110: a two-digit year that would lie more than 50 years ahead is in the past century. */
function twoDigitYear(year: number, nowMs: number): number {
  const currentYear = new Date(nowMs).getUTCFullYear();
  let full = Math.floor(currentYear / 100) * 100 + year;
  if (full > currentYear + 50) full -= 100;
  return full;
}

/**
 * A `Retry-After` value (delta-seconds or an HTTP date) as milliseconds from `nowMs`; undefined
 * when absent or unreadable. A date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = parseHttpDate(text, nowMs);
  return at === undefined ? undefined : Math.max(0, at - nowMs);
}

/** The wait the server asked for with this failure, if any. */
export function requestedWaitMs(failure: Failure, nowMs: number): number | undefined {
  return failure.kind === 'answer' ? parseRetryAfter(failure.retryAfter, nowMs) : undefined;
}

/**
 * The wait before retry number `retry` (1 for the first retry): "full jitter" up to
 * initialDelay × 2^(retry-1), capped at 30 s; at least Retry-After when the server sent one;
 * never more than 60 s. Whole milliseconds.
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
