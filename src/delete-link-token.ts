// The action's operation: DELETE the link-token, and judge what Atlas answered. It never touches
// the runner; the session carries logging, time and credentials.
import { linkTokenUrl } from './atlas/endpoint.ts';
import { hintFor } from './atlas/hints.ts';
import type { AtlasCall, AttemptsReport } from './attempts.ts';
import { runOperation } from './operation.ts';
import { describeAnswer } from './attempt-outcome.ts';
import { afterAttempts, errorVerdict, failedVerdict, type RunResult, type Verdict } from './result.ts';
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

export function deleteLinkToken(session: Session): Promise<RunResult> {
  const call: AtlasCall = { method: 'DELETE', url: linkTokenUrl(session.settings), success: 204 };
  return runOperation(session, {
    call,
    announce: (endpoint, route) => `Deleting the live-migration link-token: ${endpoint} (${route}).`,
    judge: (report) => judge(report, session, call),
    dryRun: false,
  });
}
