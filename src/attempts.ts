// The attempt loop shared by every request the action makes to Atlas: send it with credentials,
// answer authentication round trips within the attempt, and retry what retry.ts calls transient.
// It is also the one place that can vouch for an answer: a Proof is made here, and only for an
// answer to a request that carried the run's credentials.
import { type AtlasAnswer, readAtlasAnswer } from './atlas/answer.ts';
import { describeDeprecation, readDeprecation } from './atlas/deprecation.ts';
import { acceptHeader, apiVersionOf, describeRequest } from './atlas/endpoint.ts';
import { type HttpAnswer, TransportError } from './atlas/transport.ts';
import {
  type AnswerOutcome,
  type AttemptOutcome,
  describeAnswer,
  describeError,
  describeRefusal,
  DURING,
  type ErrorOutcome,
  type Phase,
  type Proof,
} from './attempt-outcome.ts';
import { StaleNonceError } from './auth/api-key.ts';
import { ChallengeError } from './auth/digest-protocol.ts';
import { type Failure, fateUnknown, isTransient, nextDelay, requestedWaitMs } from './retry.ts';
import type { Session } from './session.ts';
import { endSentence, formatDuration, line, type SafeText } from './text.ts';
import { USER_AGENT } from './version.ts';

/** One request to the Atlas API. */
export interface AtlasCall {
  method: 'DELETE' | 'GET';
  url: URL;
  /** The status Atlas documents as this call's success. */
  success: number;
  /** Headers this call needs besides the usual ones (an Accept for a v2-only operation). */
  headers?: Record<string, string>;
}

export interface AttemptRecord {
  attempt: number;
  /** What happened, e.g. "HTTP 503 SERVICE_UNAVAILABLE" or "timed out after 30 s". */
  outcome: SafeText;
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
  /** An authorized DELETE was sent (so the server may have acted on one). */
  deleteSent: boolean;
}

/** The one way to vouch for an answer: it answered a request that carried credentials. */
function proofOf(answer: AtlasAnswer): Proof {
  return { answer } as Proof;
}

function describeOutcome(outcome: AttemptOutcome, call: AtlasCall): SafeText {
  if (outcome.kind === 'error') return outcome.description;
  return outcome.refusal?.description ?? describeAnswer(outcome.answer, call.success);
}

/** One attempt: the request, plus the authentication round trips it needs, within one time limit. */
async function attemptOnce(call: AtlasCall, session: Session): Promise<AttemptOutcome> {
  const { settings, auth, transport, runtime, progress } = session;
  const headers = { 'User-Agent': USER_AGENT, Accept: acceptHeader(settings.apiVersion), ...call.headers };
  let fateIsUnknown = false;
  let resentOnFreshConnection = false;
  let phase: Phase = 'request';
  try {
    const signal = AbortSignal.any([runtime.cancelSignal, AbortSignal.timeout(settings.timeoutMs)]);
    auth.startAttempt();
    for (;;) {
      // Stryker disable next-line ConditionalExpression: equivalent, an API key's authorize() cannot fail or wait
      phase = auth.method === 'service-account' ? 'token request' : 'request';
      const authorization = await auth.authorize(call.method, call.url, signal);
      phase = 'request';
      // Only an authorized DELETE can delete the link-token; the GETs (a dry run, the check of the
      // organization after a 404) leave its fate as it was.
      const couldDelete = authorization !== undefined && call.method === 'DELETE';
      progress.deleteInFlight = couldDelete;
      if (couldDelete) progress.deleteSent = true;
      let http: HttpAnswer;
      try {
        http = await transport.send({
          method: call.method,
          url: call.url,
          headers: authorization ? { ...headers, Authorization: authorization } : headers,
          signal,
        });
      } catch (error) {
        if (error instanceof TransportError && error.requestSent) noteSent(session, call);
        // Node's documented pattern: a kept-alive connection the server had closed is retried once
        // on a fresh one, within the attempt (DELETE and GET are idempotent).
        if (!(error instanceof TransportError) || !error.staleConnection || resentOnFreshConnection) throw error;
        resentOnFreshConnection = true;
        if (progress.deleteInFlight && error.requestSent) fateIsUnknown = true;
        session.log.debug(line`The kept-alive connection was closed by the server: sending again on a fresh one.`);
        continue;
      }
      progress.deleteInFlight = false; // answered: its fate is in the answer
      noteSent(session, call);
      noticeDeprecation(session, call, http);
      const answer = readAtlasAnswer(http, settings.envelope);
      if (http.status === 401) {
        try {
          if (auth.answerUnauthorized(http, authorization)) continue;
        } catch (error) {
          if (!(error instanceof ChallengeError || error instanceof StaleNonceError)) throw error;
          return refused(answer, describeRefusal(error, answer), fateIsUnknown);
        }
      }
      const failure: Failure = { kind: 'answer', status: answer.status, retryAfter: http.headers['retry-after'] };
      // Stryker disable next-line BooleanLiteral: equivalent, fateUnknown() reads its second argument only for errors
      if (couldDelete && fateUnknown(failure, true)) fateIsUnknown = true;
      return {
        kind: 'answer',
        answer,
        proof: authorization === undefined ? undefined : proofOf(answer),
        failure,
        fateUnknown: fateIsUnknown,
      };
    }
  } catch (error) {
    const cancelled = runtime.cancelSignal.aborted;
    const outcome = describeError(error, {
      cancelled,
      timeoutMs: settings.timeoutMs,
      fateUnknown: fateIsUnknown,
      phase,
    });
    const sent = error instanceof TransportError && error.requestSent;
    // An authorized DELETE that was on its way when the attempt ended may have been carried out.
    if (progress.deleteInFlight && sent && (cancelled || fateUnknown(outcome.failure, true))) {
      outcome.fateUnknown = true;
    }
    progress.deleteInFlight = false;
    return outcome;
  }
}

/** Records that a request to this endpoint reached the server, for the summary. */
function noteSent(session: Session, call: AtlasCall): void {
  const request = describeRequest(call.method, call.url);
  if (!session.progress.requestsSent.includes(request)) session.progress.requestsSent.push(request);
}

/** The first answer of a run that says its API is deprecated or going away gets one warning. */
function noticeDeprecation(session: Session, call: AtlasCall, http: HttpAnswer): void {
  const { progress, runtime, log } = session;
  if (
    progress.deprecationWarned ||
    (http.headers['deprecation'] === undefined && http.headers['sunset'] === undefined)
  ) {
    return;
  }
  const deprecation = readDeprecation(http.headers, runtime.now());
  if (deprecation === undefined) return;
  progress.deprecationWarned = true;
  const request = describeRequest(call.method, call.url);
  log.warning(describeDeprecation(deprecation, request, apiVersionOf(call.url), runtime.now()));
}

/** A 401 the authenticator will not answer: final, reported with the answer's own facts. */
function refused(answer: AtlasAnswer, refusal: AnswerOutcome['refusal'], fateIsUnknown: boolean): AnswerOutcome {
  return {
    kind: 'answer',
    answer,
    proof: undefined,
    failure: { kind: 'final' },
    fateUnknown: fateIsUnknown,
    ...(refusal ? { refusal } : {}),
  };
}

/** After a cancellation during a wait: the last answer's facts stay, the result is "cancelled". */
export function cancelledWhileWaiting(last: AttemptOutcome, phase: 'wait' | 'migration wait' = 'wait'): ErrorOutcome {
  const lastStatus = last.kind === 'answer' ? last.answer.status : last.httpStatus;
  const lastCode = last.kind === 'answer' ? last.answer.errorCode : last.errorCode;
  return {
    kind: 'error',
    failure: { kind: 'final' },
    description: line`cancelled ${DURING[phase]}`,
    cause: { kind: 'cancelled' },
    cancelled: true,
    fateUnknown: last.fateUnknown,
    phase,
    ...(lastStatus === undefined ? {} : { httpStatus: lastStatus }),
    ...(lastCode === undefined ? {} : { errorCode: lastCode }),
  };
}

export async function attemptUntilFinal(call: AtlasCall, session: Session): Promise<AttemptsReport> {
  const { settings, log, runtime, progress } = session;
  const attemptLog: AttemptRecord[] = [];
  let anyFateUnknown = false;
  const report = (final: AttemptOutcome, attempts: number): AttemptsReport => ({
    final,
    attempts,
    attemptLog,
    fateUnknown: anyFateUnknown || final.fateUnknown,
    deleteSent: progress.deleteSent,
  });

  for (let attempt = 1; ; attempt++) {
    const attemptStarted = runtime.now();
    progress.attempts++;
    const outcome = await attemptOnce(call, session);
    progress.last = outcome.kind === 'answer' ? outcome.answer : undefined;
    const record: AttemptRecord = {
      attempt,
      outcome: describeOutcome(outcome, call),
      durationMs: runtime.now() - attemptStarted,
    };
    attemptLog.push(record);
    progress.attemptLog.push(record);
    anyFateUnknown ||= outcome.fateUnknown;
    progress.fateUnknown ||= outcome.fateUnknown;
    // Stryker disable next-line ConditionalExpression: equivalent, a cancelled attempt's failure is final as well
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
    const because = retryAfterMs === undefined ? line`` : line` (the server asked for ${formatDuration(retryAfterMs)})`;
    log.info(
      line`Attempt ${attempt} of ${settings.maxAttempts}: ${endSentence(record.outcome)} Retrying in ${formatDuration(waitMs)}${because}.`,
    );
    await runtime.sleep(waitMs, runtime.cancelSignal);
    if (runtime.cancelSignal.aborted) return report(cancelledWhileWaiting(outcome), attempt);
  }
}
