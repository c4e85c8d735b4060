// The action's operation: DELETE the link-token, and judge what Atlas answered. It never touches
// the runner; the session carries logging, time and credentials.
import { linkTokenUrl } from './atlas/endpoint.ts';
import { hintFor } from './atlas/hints.ts';
import { type AtlasCall, attemptUntilFinal, type AttemptsReport } from './attempts.ts';
import { describeAnswer } from './attempt-outcome.ts';
import { METHOD_LABELS } from './auth/authenticator.ts';
import { afterAttempts, buildResult, errorVerdict, failedVerdict, type RunResult, type Verdict } from './result.ts';
import type { Session } from './session.ts';

const MAY_HAVE_DELETED = 'An earlier request that timed out, was cut off or failed inside Atlas may have deleted it.';

const WORDING = {
  what: 'Deleting the link-token',
  uncertainty: 'the link-token may or may not have been deleted',
};

function judge(report: AttemptsReport, session: Session, call: AtlasCall): Verdict {
  const { final, attempts } = report;
  const { orgId, failOnNotFound } = session.settings;
  if (final.kind === 'error') return errorVerdict(final, attempts, WORDING);
  const { answer } = final;
  const after = afterAttempts(attempts);
  if (answer.status === call.success) {
    return {
      status: 'deleted',
      stepFails: false,
      message: `Deleted the live-migration link-token of organization ${orgId} (HTTP ${answer.status}${after}).`,
    };
  }
  const hint = hintFor(answer, session.auth.method);
  if (answer.status === 404 && answer.fromAtlas) {
    const note = report.fateUnknown ? ` ${MAY_HAVE_DELETED}` : '';
    return {
      status: 'not-found',
      stepFails: failOnNotFound,
      message: `No link-token to delete for organization ${orgId} (${describeAnswer(answer, call.success)}${after}).${note}`,
      hint,
    };
  }
  return failedVerdict(WORDING.what, describeAnswer(answer, call.success, true), attempts, hint);
}

export async function deleteLinkToken(session: Session): Promise<RunResult> {
  const { settings, log, runtime, transport, auth } = session;
  const call: AtlasCall = { method: 'DELETE', url: linkTokenUrl(settings), success: 204 };
  const endpoint = `${call.method} ${call.url.href}`;
  const started = runtime.now();
  log.info(`Deleting the live-migration link-token: ${endpoint} (${transport.route(call.url)}).`);
  log.info(`Authenticating with ${METHOD_LABELS[auth.method]}.`);
  const report = await attemptUntilFinal(call, session);
  return buildResult(report, judge(report, session, call), {
    authMethod: auth.method,
    endpoint,
    durationMs: runtime.now() - started,
    dryRun: false,
  });
}
