// One operation against Atlas (the delete, or the dry run): announce it, run the attempts, and
// assemble the result from the operation's own verdict on how they ended.
import { type AtlasCall, attemptUntilFinal, type AttemptsReport } from './attempts.ts';
import { METHOD_LABELS } from './auth/authenticator.ts';
import { buildResult, type RunResult, type Verdict } from './result.ts';
import type { Session } from './session.ts';
import { fromSettings, line, type SafeText } from './text.ts';

export interface Operation {
  call: AtlasCall;
  /** The first log line, given the endpoint (`DELETE https://…`) and the route (`directly`). */
  announce: (endpoint: SafeText, route: SafeText) => SafeText;
  judge: (report: AttemptsReport) => Verdict;
  dryRun: boolean;
}

/** `DELETE https://cloud.mongodb.com/api/…`: built from validated settings only. */
export function endpointOf(call: AtlasCall): SafeText {
  return fromSettings(`${call.method} ${call.url.href}`);
}

export async function runOperation(session: Session, operation: Operation): Promise<RunResult> {
  const { log, runtime, transport, auth } = session;
  const { call } = operation;
  const endpoint = endpointOf(call);
  const started = runtime.now();
  log.info(operation.announce(endpoint, transport.route(call.url)));
  log.info(line`Authenticating with ${METHOD_LABELS[auth.method]}.`);
  const report = await attemptUntilFinal(call, session);
  return buildResult(report, operation.judge(report), {
    authMethod: auth.method,
    endpoint,
    durationMs: runtime.now() - started,
    dryRun: operation.dryRun,
    attempts: session.progress.attempts,
  });
}
