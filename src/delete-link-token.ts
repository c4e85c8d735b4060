// The action's operation: DELETE the link-token, waiting out an active live migration when asked
// to, and judge what Atlas answered. It never touches the runner; the session carries logging,
// time and credentials.
import type { AtlasAnswer } from './atlas/answer.ts';
import { linkTokenUrl, organizationUrl } from './atlas/endpoint.ts';
import {
  ACTIVE_MIGRATION_CODE,
  activeMigrationProjects,
  diagnose,
  projectList,
  UNAUTHENTICATED_ANSWER,
  answersOnlyAfterAuthentication,
} from './atlas/hints.ts';
import { describeAnswer, type Proof } from './attempt-outcome.ts';
import { type AtlasCall, attemptUntilFinal, type AttemptsReport, cancelledWhileWaiting } from './attempts.ts';
import { announce, conclude, endpointOf } from './operation.ts';
import {
  afterAttempts,
  errorVerdict,
  failedVerdict,
  type Diagnosis,
  type MigrationWait,
  type RunResult,
  type Verdict,
} from './result.ts';
import { isTransientStatus, MAX_BACKOFF_MS, requestedWaitMs } from './retry.ts';
import type { Session } from './session.ts';
import { formatDuration, fromServer, fromSettings, line, type SafeText } from './text.ts';

const MAY_HAVE_DELETED = line`An earlier request that timed out, was cut off or failed inside Atlas may have deleted it.`;
const WHAT = line`Deleting the link-token`;

/** The shortest pause between two checks of an active migration, whatever retry-delay-seconds says. */
export const MIN_MIGRATION_CHECK_MS = 1_000;

function judge(report: AttemptsReport, session: Session, call: AtlasCall): Verdict {
  const { final, attempts } = report;
  const { failOnNotFound, apiVersion } = session.settings;
  const orgId = fromSettings(session.settings.orgId);
  if (final.kind === 'error') return errorVerdict(final, report, WHAT, false);
  const { answer, proof, refusal } = final;
  if (refusal) return failedVerdict(WHAT, refusal.description, attempts, refusal);
  const after = afterAttempts(attempts);
  if (proof === undefined && answersOnlyAfterAuthentication(answer.status)) {
    const why = line`${describeAnswer(answer, call.success)} to a request without authentication`;
    return failedVerdict(WHAT, why, attempts, UNAUTHENTICATED_ANSWER);
  }
  if (proof && answer.status === call.success) {
    return {
      status: 'deleted',
      stepFails: false,
      proof,
      message: line`Deleted the live-migration link-token of organization ${orgId} (HTTP ${answer.status}${after}).`,
    };
  }
  if (proof && answer.status === 404 && answer.fromAtlas) {
    // Provisional: a 404 is "nothing to delete" only once the organization is confirmed.
    return { status: 'not-found', stepFails: failOnNotFound, proof, message: line`` };
  }
  const diagnosis = diagnose(answer, { method: session.auth.method, apiVersion });
  return failedVerdict(WHAT, describeAnswer(answer, call.success, true), attempts, diagnosis);
}

/**
 * "Nothing to delete" is proven, not assumed: a project ID has the same shape as an organization
 * ID, and Atlas answers the DELETE for a wrong org-id with the same 404. So the organization is
 * read with the same credentials; only its answer with this org-id makes the 404 a not-found.
 */
async function confirmNotFound(
  session: Session,
  deletion: { call: AtlasCall; report: AttemptsReport; proof: Proof },
  startedAt: number,
): Promise<RunResult> {
  const { settings, log } = session;
  const orgId = fromSettings(settings.orgId);
  const call: AtlasCall = { method: 'GET', url: organizationUrl(settings), success: 200 };
  log.info(
    line`Atlas answered the delete with 404: confirming the organization before calling it "nothing to delete": ${endpointOf(call)}.`,
  );
  const report = await attemptUntilFinal(call, session);
  const { final } = report;
  if (final.kind === 'error') {
    if (final.cancelled) return conclude(session, report, errorVerdict(final, report, WHAT, false), startedAt);
    const why = line`Atlas answered the delete with 404, and the organization could not be confirmed: ${final.description}`;
    return conclude(session, report, failedVerdict(WHAT, why, report.attempts, final), startedAt);
  }
  const { answer, proof } = final;
  const id = answer.json?.['id'];
  if (proof && answer.status === 200 && typeof id === 'string' && id.toLowerCase() === orgId) {
    const name = answer.json?.['name'];
    const named: SafeText = typeof name === 'string' && name.trim() !== '' ? line`"${fromServer(name, 100)}" ` : line``;
    const note = deletion.report.fateUnknown ? line` ${MAY_HAVE_DELETED}` : line``;
    return conclude(
      session,
      deletion.report,
      {
        status: 'not-found',
        stepFails: settings.failOnNotFound,
        proof: deletion.proof,
        message: line`Nothing to delete: organization ${named}(${orgId}) has no link-token.${note}`,
        ...(deletion.report.fateUnknown ? { note: MAY_HAVE_DELETED } : {}),
      },
      startedAt,
    );
  }
  const answered = describeAnswer(answer, 200, true);
  const transient = final.failure.kind === 'answer' && isTransientStatus(answer.status);
  const why = line`Atlas answered the delete with 404, and the organization ${orgId} did not answer with itself (${answered})`;
  const diagnosis: Diagnosis = transient
    ? { cause: { kind: 'answer', status: answer.status }, hint: line`Atlas did not answer the check: re-run the step.` }
    : {
        cause: { kind: 'organization' },
        hint: line`Check org-id: it must be the ID of the organization (Organization Settings in Atlas); a project ID has the same 24-character shape. The link-token of the right organization may still exist.`,
      };
  return conclude(session, report, failedVerdict(WHAT, why, report.attempts, diagnosis), startedAt);
}

/** The answer, when it is Atlas refusing the delete because a live migration is still active. */
function activeMigration(report: AttemptsReport): AtlasAnswer | undefined {
  const { final } = report;
  if (final.kind !== 'answer' || final.proof === undefined) return undefined;
  return final.answer.errorCode === ACTIVE_MIGRATION_CODE ? final.answer : undefined;
}

/** The pause before check number `check + 1`: the back-off schedule, or Atlas's Retry-After. */
function pauseBeforeNextCheck(session: Session, report: AttemptsReport, check: number): number {
  const { settings, runtime } = session;
  const backOff = Math.min(settings.retryDelayMs * 2 ** (check - 1), MAX_BACKOFF_MS);
  const asked = requestedWaitMs(report.final.failure, runtime.now());
  return Math.max(asked ?? backOff, MIN_MIGRATION_CHECK_MS);
}

export async function deleteLinkToken(session: Session): Promise<RunResult> {
  const { settings, runtime, log } = session;
  const call: AtlasCall = { method: 'DELETE', url: linkTokenUrl(settings), success: 204 };
  const startedAt = announce(
    session,
    call,
    (endpoint, route) => line`Deleting the live-migration link-token: ${endpoint} (${route}).`,
  );
  const limit = formatDuration(settings.migrationWaitMs);
  const wait: MigrationWait = { waitedMs: 0, limitMs: settings.migrationWaitMs, checks: 0, projects: [] };
  const extras = (): { migrationWait?: MigrationWait } => (wait.checks > 0 ? { migrationWait: wait } : {});

  for (let check = 1; ; check++) {
    const report = await attemptUntilFinal(call, session);
    const active = activeMigration(report);
    if (active === undefined || settings.migrationWaitMs === 0) {
      const verdict = judge(report, session, call);
      if (verdict.status === 'not-found')
        return confirmNotFound(session, { call, report, proof: verdict.proof }, startedAt);
      return conclude(session, report, verdict, startedAt, extras());
    }
    wait.checks = check;
    wait.projects = [...new Set([...wait.projects, ...activeMigrationProjects(active)])];
    wait.waitedMs = runtime.now() - startedAt;
    const remaining = settings.migrationWaitMs - wait.waitedMs;
    const where = projectList(activeMigrationProjects(active));
    if (remaining <= 0) {
      const why = line`a live migration was still active${where} after waiting ${formatDuration(wait.waitedMs)} (migration-wait-seconds allows ${limit}): ${describeAnswer(active, call.success, true)}`;
      const diagnosis: Diagnosis = {
        cause: { kind: 'active-migration', projects: wait.projects },
        hint: line`Raise migration-wait-seconds, or run this step once every migration of the organization has been cut over.`,
      };
      return conclude(session, report, failedVerdict(WHAT, why, report.attempts, diagnosis), startedAt, extras());
    }
    const pause = Math.min(pauseBeforeNextCheck(session, report, check), remaining);
    const lastAttempt = report.attemptLog.at(-1);
    if (lastAttempt) lastAttempt.waitMs = pause; // the summary's "wait before next", as for a retry
    log.info(
      line`A live migration is still active${where}: checking again in ${formatDuration(pause)} (waited ${formatDuration(wait.waitedMs)} of ${limit}).`,
    );
    await runtime.sleep(pause, runtime.cancelSignal);
    // The wait lasts until the next check (or the cancellation), not until the last refusal.
    wait.waitedMs = runtime.now() - startedAt;
    if (runtime.cancelSignal.aborted) {
      const cancelled = { ...report, final: cancelledWhileWaiting(report.final, 'migration wait') };
      return conclude(session, cancelled, judge(cancelled, session, call), startedAt, extras());
    }
  }
}
