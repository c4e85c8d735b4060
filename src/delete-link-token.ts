// The action's core: send the authenticated DELETE, retry what is transient, and describe what
// happened as data. It never touches the runner; logging and time are injected.
import { readAtlasAnswer } from './atlas/answer.ts';
import { acceptHeader, linkTokenUrl } from './atlas/endpoint.ts';
import { hintFor } from './atlas/hints.ts';
import { type HttpAnswer, Transport, TransportError } from './atlas/transport.ts';
import { type AttemptOutcome, describeAnswer, describeError } from './attempt-outcome.ts';
import { type AuthMethod, METHOD_LABELS, type RequestAuthenticator } from './auth/authenticator.ts';
import { DigestRequestAuthenticator } from './auth/digest-auth.ts';
import { ServiceAccountAuthenticator } from './auth/service-account.ts';
import type { Settings } from './inputs.ts';
import { isTransientStatus, nextDelay, parseRetryAfter } from './retry.ts';
import { formatDuration } from './text.ts';
import { USER_AGENT } from './version.ts';

export type DeletionStatus = 'deleted' | 'not-found' | 'failed';

export interface AttemptRecord {
  attempt: number;
  /** What happened, e.g. "HTTP 503 SERVICE_UNAVAILABLE" or "timed out after 30 s". */
  outcome: string;
  httpStatus?: number;
  durationMs: number;
  /** The wait that followed this attempt before the next one. */
  waitMs?: number;
}

export interface DeletionResult {
  status: DeletionStatus;
  authMethod: AuthMethod;
  /** Whether the step should fail: `failed`, or `not-found` with fail-on-not-found. */
  stepFails: boolean;
  /** The final status (the envelope's when enveloped); undefined when no answer came. */
  httpStatus?: number;
  attempts: number;
  /** HTTP requests sent: challenge round trips and token requests included. */
  requests: number;
  errorCode?: string;
  detail?: string;
  hint?: string;
  /** One line for the log: what happened and, on failure, why. */
  message: string;
  /** `DELETE https://…` */
  endpoint: string;
  durationMs: number;
  attemptLog: AttemptRecord[];
  cancelled: boolean;
  /** A timed-out or reset authorized request may have deleted the token before a later 404. */
  mayHaveDeletedEarlier: boolean;
}

export interface Logger {
  info: (message: string) => void;
  warning: (message: string) => void;
  debug: (message: string) => void;
  /** Registers a secret that exists only at run time (an access token) with the runner's masking. */
  mask: (secret: string) => void;
}

export interface Runtime {
  now: () => number;
  /** In [0, 1); drives the retry jitter. */
  random: () => number;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Aborted when the job is cancelled. */
  cancelSignal: AbortSignal;
}

function createAuthenticator(settings: Settings, url: URL, transport: Transport, log: Logger): RequestAuthenticator {
  const { credentials } = settings;
  if (credentials.method === 'digest') return new DigestRequestAuthenticator(credentials, url, log.debug);
  return new ServiceAccountAuthenticator(credentials, {
    baseUrl: settings.baseUrl,
    transport,
    headers: { 'User-Agent': USER_AGENT },
    mask: log.mask,
    log,
    timeoutMs: settings.timeoutMs,
  });
}

export async function deleteLinkToken(settings: Settings, log: Logger, runtime: Runtime): Promise<DeletionResult> {
  const url = linkTokenUrl(settings);
  const endpoint = `DELETE ${url.href}`;
  const started = runtime.now();
  const transport = new Transport();
  const auth = createAuthenticator(settings, url, transport, log);
  const attemptLog: AttemptRecord[] = [];
  let mayHaveReachedAtlas = false;

  const baseHeaders = { 'User-Agent': USER_AGENT, Accept: acceptHeader(settings.apiVersion) };

  /** One attempt: the request, plus the authentication round trips it needs. */
  async function exchange(signal: AbortSignal): Promise<HttpAnswer> {
    auth.startAttempt();
    for (;;) {
      const authorization = await auth.authorize(signal);
      const headers = authorization ? { ...baseHeaders, Authorization: authorization } : baseHeaders;
      let answer: HttpAnswer;
      try {
        answer = await transport.send({ method: 'DELETE', url, headers, signal });
      } catch (error) {
        if (authorization && error instanceof TransportError && error.requestSent) mayHaveReachedAtlas = true;
        throw error;
      }
      if (answer.status !== 401 || !auth.retryUnauthorized(answer, authorization)) return answer;
    }
  }

  async function attemptOnce(): Promise<AttemptOutcome> {
    const timeout = AbortSignal.timeout(settings.timeoutMs);
    const signal = AbortSignal.any([runtime.cancelSignal, timeout]);
    try {
      const http = await exchange(signal);
      return { kind: 'answer', http, answer: readAtlasAnswer(http, settings.envelope) };
    } catch (error) {
      return describeError(error, runtime.cancelSignal.aborted, settings.timeoutMs);
    }
  }

  log.info(`Deleting the live-migration link-token: ${endpoint} (${transport.route(url)}).`);
  log.info(`Authenticating with ${METHOD_LABELS[auth.method]}.`);
  let result: DeletionResult;
  try {
    result = await attemptUntilFinal();
  } finally {
    await auth.finish(); // revokes a service account's token, whatever happened
    transport.close();
  }
  return { ...result, requests: transport.requestsSent };

  async function attemptUntilFinal(): Promise<DeletionResult> {
    for (let attempt = 1; ; attempt++) {
      const attemptStarted = runtime.now();
      const outcome = await attemptOnce();
      const record: AttemptRecord = {
        attempt,
        outcome: outcome.kind === 'answer' ? describeAnswer(outcome.answer) : outcome.description,
        durationMs: runtime.now() - attemptStarted,
        ...(outcome.kind === 'answer' ? { httpStatus: outcome.answer.status } : {}),
      };
      attemptLog.push(record);

      const transient = outcome.kind === 'answer' ? isTransientStatus(outcome.answer.status) : outcome.transient;
      const cancelled = outcome.kind === 'error' && outcome.cancelled;
      if (!transient || cancelled || attempt >= settings.maxAttempts) {
        return conclude(outcome, attempt);
      }

      const retryAfterMs =
        outcome.kind === 'answer'
          ? parseRetryAfter(firstHeader(outcome.http.headers['retry-after']), runtime.now())
          : undefined;
      const waitMs = nextDelay({
        retry: attempt,
        initialDelayMs: settings.retryDelayMs,
        retryAfterMs,
        random: runtime.random,
      });
      record.waitMs = waitMs;
      const because = retryAfterMs === undefined ? '' : ` (the server asked for ${formatDuration(retryAfterMs)})`;
      log.info(
        `Attempt ${attempt} of ${settings.maxAttempts}: ${record.outcome}. Retrying in ${formatDuration(waitMs)}${because}.`,
      );
      await runtime.sleep(waitMs, runtime.cancelSignal);
      if (runtime.cancelSignal.aborted) {
        return conclude(
          {
            kind: 'error',
            description: 'cancelled while waiting to retry',
            transient: false,
            cancelled: true,
          },
          attempt,
        );
      }
    }
  }

  function conclude(outcome: AttemptOutcome, attempts: number): DeletionResult {
    const common = {
      authMethod: auth.method,
      attempts,
      requests: transport.requestsSent,
      endpoint,
      durationMs: runtime.now() - started,
      attemptLog,
    };
    const after = attempts > 1 ? ` after ${attempts} attempts` : '';
    if (outcome.kind === 'error') {
      const { hint } = outcome;
      return {
        ...common,
        ...(outcome.httpStatus === undefined ? {} : { httpStatus: outcome.httpStatus }),
        ...(outcome.errorCode === undefined ? {} : { errorCode: outcome.errorCode }),
        status: 'failed',
        stepFails: true,
        cancelled: outcome.cancelled,
        mayHaveDeletedEarlier: false,
        message: outcome.cancelled
          ? `Cancelled: the job was cancelled (${outcome.description}); the link-token may or may not have been deleted.`
          : `Deleting the link-token failed${after}: ${outcome.description}.${hint ? ` ${hint}` : ''}`,
        ...(hint ? { hint } : {}),
      };
    }

    const { answer } = outcome;
    const fields = {
      httpStatus: answer.status,
      ...(answer.errorCode ? { errorCode: answer.errorCode } : {}),
      ...(answer.detail ? { detail: answer.detail } : {}),
    };
    if (answer.status === 204) {
      return {
        ...common,
        ...fields,
        status: 'deleted',
        stepFails: false,
        cancelled: false,
        mayHaveDeletedEarlier: false,
        message: `Deleted the live-migration link-token of organization ${settings.orgId} (HTTP 204${after}).`,
      };
    }
    const hint = hintFor(answer, auth.method);
    if (answer.status === 404) {
      const earlier = mayHaveReachedAtlas
        ? ' An earlier attempt that timed out or was cut off may have deleted it.'
        : '';
      return {
        ...common,
        ...fields,
        ...(hint ? { hint } : {}),
        status: 'not-found',
        stepFails: settings.failOnNotFound,
        cancelled: false,
        mayHaveDeletedEarlier: mayHaveReachedAtlas,
        message: `No link-token to delete for organization ${settings.orgId} (${describeAnswer(answer)}${after}).${earlier}`,
      };
    }
    return {
      ...common,
      ...fields,
      ...(hint ? { hint } : {}),
      status: 'failed',
      stepFails: true,
      cancelled: false,
      mayHaveDeletedEarlier: false,
      message: `Deleting the link-token failed${after}: ${describeAnswer(answer, true)}.${hint ? ` ${hint}` : ''}`,
    };
  }
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
