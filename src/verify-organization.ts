// The dry run: authenticate exactly as the delete would, but GET the organization ("Return One
// Organization") instead of deleting anything. A pass proves the credentials, the runner's place
// on the API access list and the org-id; it cannot prove the Organization Owner role or that a
// link-token exists. It never sends a DELETE.
import { organizationUrl } from './atlas/endpoint.ts';
import { hintFor, UNAUTHENTICATED_SUCCESS_HINT } from './atlas/hints.ts';
import { describeAnswer } from './attempt-outcome.ts';
import type { AtlasCall, AttemptsReport } from './attempts.ts';
import { runOperation } from './operation.ts';
import { afterAttempts, errorVerdict, failedVerdict, type RunResult, type Verdict } from './result.ts';
import type { Session } from './session.ts';
import { fromServer, fromSettings, line } from './text.ts';

const WHAT = line`Dry run`;

const DRY_RUN_LIMITS = line`A dry run cannot verify the Organization Owner role the DELETE needs, nor whether a link-token exists.`;

function judge(report: AttemptsReport, session: Session, call: AtlasCall): Verdict {
  const { final, attempts } = report;
  const orgId = fromSettings(session.settings.orgId);
  if (final.kind === 'error') return errorVerdict(final, report, WHAT, true);
  const { answer, proof, refusal } = final;
  if (refusal) return failedVerdict(WHAT, refusal.description, attempts, refusal.hint);
  if (answer.status === call.success && proof === undefined) {
    const why = line`${describeAnswer(answer, call.success)} to a request without authentication`;
    return failedVerdict(WHAT, why, attempts, UNAUTHENTICATED_SUCCESS_HINT);
  }
  if (proof && answer.status === call.success) {
    const id = answer.json?.['id'];
    const name = answer.json?.['name'];
    if (typeof id === 'string' && id.toLowerCase() === orgId) {
      const organizationName = typeof name === 'string' && name.trim() !== '' ? fromServer(name, 100) : line`(unnamed)`;
      return {
        status: 'dry-run-passed',
        stepFails: false,
        proof,
        message: line`Dry run passed: the credentials were accepted, the runner's IP address is allowed, and organization "${organizationName}" (${orgId}) is reachable (HTTP ${answer.status}${afterAttempts(attempts)}). Nothing was deleted. ${DRY_RUN_LIMITS}`,
        organizationName,
      };
    }
    const names = typeof id === 'string' ? line` (it names ${fromServer(id, 40)})` : line``;
    const why = line`HTTP ${answer.status}, but the body is not the organization ${orgId}${names}`;
    return failedVerdict(WHAT, why, attempts, line`Check base-url: only the Atlas API answers with the organization.`);
  }
  const hint = hintFor(answer, session.auth.method, 'organization');
  return failedVerdict(WHAT, describeAnswer(answer, call.success, true), attempts, hint);
}

export function verifyOrganization(session: Session): Promise<RunResult> {
  const call: AtlasCall = { method: 'GET', url: organizationUrl(session.settings), success: 200 };
  return runOperation(session, {
    call,
    announce: (endpoint, route) =>
      line`Dry run: nothing will be deleted. Checking the credentials and the organization: ${endpoint} (${route}).`,
    judge: (report) => judge(report, session, call),
    dryRun: true,
  });
}
