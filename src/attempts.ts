// The attempt loop shared by every request the action makes to Atlas: send it with credentials,
// answer authentication round trips within the attempt, and retry what retry.ts calls transient.
import { readAtlasAnswer } from './atlas/answer.ts';
import { acceptHeader } from './atlas/endpoint.ts';
import { type HttpAnswer, TransportError } from './atlas/transport.ts';
import { type AttemptOutcome, describeAnswer, describeError } from './attempt-outcome.ts';
import { type Failure, fateUnknown, isTransient, nextDelay, requestedWaitMs } from './retry.ts';
import type { Session } from './session.ts';
import { endSentence, formatDuration } from './text.ts';
import { USER_AGENT } from './version.ts';

/** One request to the Atlas API. */
export interface AtlasCall {
  method: 'DELETE' | 'GET';
  url: URL;
  /** The status Atlas documents as this call's success. */
  success: number;
}

export interface AttemptRecord {
  attempt: number;
  /** What happened, e.g. "HTTP 503 SERVICE_UNAVAILABLE" or "timed out after 30 s". */
  outcome: string;
  durationMs: number;
  /** The wait that followed this attempt before the next one. */
  waitMs?: number;
}

export interface AttemptsReport {
  /** How the last attempt ended (or the wait after it, when the job was cancelled then). */
  final: AttemptOutcome;
  attempts: number;
  attemptLog: AttemptRecord[];
  /** Some authorized request may have been carried out without a success to show for it. */
  fateUnknown: boolean;
}

function describeOutcome(outcome: AttemptOutcome, call: AtlasCall): string {
  return outcome.kind === 'answer' ? describeAnswer(outcome.answer, call.success) : outcome.description;
}

/** One attempt: the request, plus the authentication round trips it needs, within one time limit. */
async function attemptOnce(call: AtlasCall, session: Session): Promise<AttemptOutcome> {
  const { settings, auth, transport, runtime } = session;
  const headers = { 'User-Agent': USER_AGENT, Accept: acceptHeader(settings.apiVersion) };
  let fateIsUnknown = false;
  let resentOnFreshConnection = false;
  /** An authorized request is on its way: if it fails now, Atlas may have acted on it. */
  let authorizedInFlight = false;
  try {
    const signal = AbortSignal.any([runtime.cancelSignal, AbortSignal.timeout(settings.timeoutMs)]);
    auth.startAttempt();
    for (;;) {
      const authorization = await auth.authorize(call.method, call.url, signal);
      authorizedInFlight = authorization !== undefined;
      let http: HttpAnswer;
      try {
        http = await transport.send({
          method: call.method,
          url: call.url,
          headers: authorization ? { ...headers, Authorization: authorization } : headers,
          signal,
        });
      } catch (error) {
        // Node's documented pattern: a kept-alive connection the server had closed is retried once
        // on a fresh one, within the attempt (DELETE and GET are idempotent).
        if (!(error instanceof TransportError) || !error.staleConnection || resentOnFreshConnection) throw error;
        resentOnFreshConnection = true;
        if (authorizedInFlight && error.requestSent) fateIsUnknown = true;
        session.log.debug('The kept-alive connection was closed by the server: sending again on a fresh one.');
        continue;
      }
      authorizedInFlight = false; // answered: its fate is in the answer
      if (http.status === 401 && auth.answerUnauthorized(http, authorization)) continue;
      const answer = readAtlasAnswer(http, settings.envelope);
      const failure: Failure = { kind: 'answer', status: answer.status, retryAfter: http.headers['retry-after'] };
      if (authorization && fateUnknown(failure, true)) fateIsUnknown = true;
      return { kind: 'answer', answer, failure, fateUnknown: fateIsUnknown };
    }
  } catch (error) {
    const outcome = describeError(error, {
      cancelled: runtime.cancelSignal.aborted,
      timeoutMs: settings.timeoutMs,
      fateUnknown: fateIsUnknown,
    });
    if (authorizedInFlight && error instanceof TransportError && fateUnknown(outcome.failure, error.requestSent)) {
      outcome.fateUnknown = true;
    }
    return outcome;
  }
}

/** After a cancellation during the back-off: the last answer's facts stay, the result is "cancelled". */
function cancelledWhileWaiting(last: AttemptOutcome): AttemptOutcome {
  const lastStatus = last.kind === 'answer' ? last.answer.status : last.httpStatus;
  const lastCode = last.kind === 'answer' ? last.answer.errorCode : last.errorCode;
  return {
    kind: 'error',
    failure: { kind: 'final' },
    description: 'cancelled while waiting to retry',
    cancelled: true,
    fateUnknown: last.fateUnknown,
    ...(lastStatus === undefined ? {} : { httpStatus: lastStatus }),
    ...(lastCode === undefined ? {} : { errorCode: lastCode }),
  };
}

export async function attemptUntilFinal(call: AtlasCall, session: Session): Promise<AttemptsReport> {
  const { settings, log, runtime } = session;
  const attemptLog: AttemptRecord[] = [];
  let anyFateUnknown = false;
  const report = (final: AttemptOutcome, attempts: number): AttemptsReport => ({
    final,
    attempts,
    attemptLog,
    fateUnknown: anyFateUnknown || final.fateUnknown,
  });

  for (let attempt = 1; ; attempt++) {
    const attemptStarted = runtime.now();
    const outcome = await attemptOnce(call, session);
    const record: AttemptRecord = {
      attempt,
      outcome: describeOutcome(outcome, call),
      durationMs: runtime.now() - attemptStarted,
    };
    attemptLog.push(record);
    anyFateUnknown ||= outcome.fateUnknown;
    const cancelled = outcome.kind === 'error' && outcome.cancelled;
    if (cancelled || !isTransient(outcome.failure) || attempt >= settings.maxAttempts) {
      return report(outcome, attempt);
    }

    const retryAfterMs = requestedWaitMs(outcome.failure, runtime.now());
    const waitMs = nextDelay({
      retry: attempt,
      initialDelayMs: settings.retryDelayMs,
      retryAfterMs,
      random: runtime.random,
    });
    record.waitMs = waitMs;
    const because = retryAfterMs === undefined ? '' : ` (the server asked for ${formatDuration(retryAfterMs)})`;
    log.info(
      `Attempt ${attempt} of ${settings.maxAttempts}: ${endSentence(record.outcome)} Retrying in ${formatDuration(waitMs)}${because}.`,
    );
    await runtime.sleep(waitMs, runtime.cancelSignal);
    if (runtime.cancelSignal.aborted) return report(cancelledWhileWaiting(outcome), attempt);
  }
}
