// What every operation against Atlas (the delete, the dry run) shares: announcing itself, the
// context of its result, and assembling that result from its verdict on how the requests ended.
import { describeRequest } from './atlas/endpoint.ts';
import type { AtlasCall, AttemptsReport } from './attempts.ts';
import { METHOD_LABELS } from './auth/authenticator.ts';
import { buildResult, type ResultExtras, type RunResult, type Verdict } from './result.ts';
import type { Session } from './session.ts';
import { line, type SafeText } from './text.ts';

/** `DELETE https://cloud.mongodb.com/api/…`: built from validated settings only. */
export function endpointOf(call: AtlasCall): SafeText {
  return describeRequest(call.method, call.url);
}

/** Logs the operation's first lines; returns when it started, for its duration. */
export function announce(
  session: Session,
  call: AtlasCall,
  what: (endpoint: SafeText, route: SafeText) => SafeText,
): number {
  const { log, transport, auth, runtime } = session;
  log.info(what(endpointOf(call), transport.route(call.url)));
  log.info(line`Authenticating with ${METHOD_LABELS[auth.method]}.`);
  return runtime.now();
}

/** The result of an operation: the last request's facts, the run's attempts, the operation's verdict. */
export function conclude(
  session: Session,
  report: AttemptsReport,
  verdict: Verdict,
  startedAt: number,
  extras: ResultExtras = {},
): RunResult {
  return buildResult(report, verdict, {
    authMethod: session.auth.method,
    durationMs: session.runtime.now() - startedAt,
    dryRun: session.settings.dryRun,
    attempts: session.progress.attempts,
    attemptLog: session.progress.attemptLog,
    requests: session.progress.requestsSent,
    ...extras,
  });
}
