// The action's operation: DELETE the link-token, and judge what Atlas answered. It never touches
// the runner; the session carries logging, time and credentials.
import { linkTokenUrl } from './atlas/endpoint.ts';
import { hintFor, UNAUTHENTICATED_SUCCESS_HINT } from './atlas/hints.ts';
import { describeAnswer } from './attempt-outcome.ts';
import type { AtlasCall, AttemptsReport } from './attempts.ts';
import { runOperation } from './operation.ts';
import { afterAttempts, errorVerdict, failedVerdict, type RunResult, type Verdict } from './result.ts';
import type { Session } from './session.ts';
import { fromSettings, line } from './text.ts';

const MAY_HAVE_DELETED = line`An earlier request that timed out, was cut off or failed inside Atlas may have deleted it.`;
const WHAT = line`Deleting the link-token`;

function judge(report: AttemptsReport, session: Session, call: AtlasCall): Verdict {
  const { final, attempts } = report;
  const { failOnNotFound } = session.settings;
  const orgId = fromSettings(session.settings.orgId);
  if (final.kind === 'error') return errorVerdict(final, report, WHAT, false);
  const { answer, proof, refusal } = final;
  if (refusal) return failedVerdict(WHAT, refusal.description, attempts, refusal.hint);
  const after = afterAttempts(attempts);
  const looksLikeSuccess = answer.status === call.success || (answer.status === 404 && answer.fromAtlas === true);
  if (looksLikeSuccess && proof === undefined) {
    const why = line`${describeAnswer(answer, call.success)} to a request without authentication`;
    return failedVerdict(WHAT, why, attempts, UNAUTHENTICATED_SUCCESS_HINT);
  }
  if (proof && answer.status === call.success) {
    return {
      status: 'deleted',
      stepFails: false,
      proof,
      message: line`Deleted the live-migration link-token of organization ${orgId} (HTTP ${answer.status}${after}).`,
    };
  }
  const hint = hintFor(answer, session.auth.method);
  if (proof && answer.status === 404 && answer.fromAtlas) {
    const note = report.fateUnknown ? line` ${MAY_HAVE_DELETED}` : line``;
    return {
      status: 'not-found',
      stepFails: failOnNotFound,
      proof,
      message: line`No link-token to delete for organization ${orgId} (${describeAnswer(answer, call.success)}${after}).${note}`,
      hint,
    };
  }
  return failedVerdict(WHAT, describeAnswer(answer, call.success, true), attempts, hint);
}

export function deleteLinkToken(session: Session): Promise<RunResult> {
  const call: AtlasCall = { method: 'DELETE', url: linkTokenUrl(session.settings), success: 204 };
  return runOperation(session, {
    call,
    announce: (endpoint, route) => line`Deleting the live-migration link-token: ${endpoint} (${route}).`,
    judge: (report) => judge(report, session, call),
    dryRun: false,
  });
}
