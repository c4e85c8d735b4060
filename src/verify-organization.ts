// The dry run: authenticate exactly as the delete would, but GET the organization ("Return One
// Organization") instead of deleting anything. A pass proves the credentials, the runner's place
// on the API access list and the org-id; it cannot prove the Organization Owner role or that a
// link-token exists. It never sends a DELETE.
import { organizationUrl } from './atlas/endpoint.ts';
import { hintFor } from './atlas/hints.ts';
import { describeAnswer } from './attempt-outcome.ts';
import type { AtlasCall, AttemptsReport } from './attempts.ts';
import { runOperation } from './operation.ts';
import { afterAttempts, errorVerdict, failedVerdict, type RunResult, type Verdict } from './result.ts';
import type { Session } from './session.ts';
import { oneLine } from './text.ts';

const WORDING = { what: 'Dry run', uncertainty: 'nothing was deleted' };

const DRY_RUN_LIMITS =
  'A dry run cannot verify the Organization Owner role the DELETE needs, nor whether a link-token exists.';

function judge(report: AttemptsReport, session: Session, call: AtlasCall): Verdict {
  const { final, attempts } = report;
  const { orgId } = session.settings;
  if (final.kind === 'error') return errorVerdict(final, attempts, WORDING);
  const { answer } = final;
  if (answer.status === call.success) {
    const id = answer.json?.['id'];
    const name = answer.json?.['name'];
    if (typeof id === 'string' && id.toLowerCase() === orgId) {
      const organizationName = typeof name === 'string' && name.trim() !== '' ? oneLine(name, 100) : '(unnamed)';
      return {
        status: 'dry-run-passed',
        stepFails: false,
        message: `Dry run passed: the credentials were accepted, the runner's IP address is allowed, and organization "${organizationName}" (${orgId}) is reachable (HTTP ${answer.status}${afterAttempts(attempts)}). Nothing was deleted. ${DRY_RUN_LIMITS}`,
        organizationName,
      };
    }
    const why = `HTTP ${answer.status}, but the body is not the organization ${orgId}${typeof id === 'string' ? ` (it names ${oneLine(id, 40)})` : ''}`;
    return failedVerdict(
      WORDING.what,
      why,
      attempts,
      'Check base-url: only the Atlas API answers with the organization.',
    );
  }
  const hint = hintFor(answer, session.auth.method, 'organization');
  return failedVerdict(WORDING.what, describeAnswer(answer, call.success, true), attempts, hint);
}

export function verifyOrganization(session: Session): Promise<RunResult> {
  const call: AtlasCall = { method: 'GET', url: organizationUrl(session.settings), success: 200 };
  return runOperation(session, {
    call,
    announce: (endpoint, route) =>
      `Dry run: nothing will be deleted. Checking the credentials and the organization: ${endpoint} (${route}).`,
    judge: (report) => judge(report, session, call),
    dryRun: true,
  });
}
