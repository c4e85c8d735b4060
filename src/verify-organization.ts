// The dry run: authenticate exactly as the delete would, but read instead of deleting. First
// "Return One Organization" (any organization role may read it): a pass proves the credentials,
// the runner's place on the API access list and the org-id. Then "Return All Projects Available
// for Migration", which requires the Organization Owner role the DELETE needs: a 200 proves the
// role, a 403 disproves it, and any other answer leaves it unverified with a warning. A dry run
// cannot tell whether a link-token exists, and it never sends a DELETE.
import type { AtlasAnswer } from './atlas/answer.ts';
import { availableProjectsUrl, organizationUrl, V2_MEDIA_TYPE } from './atlas/endpoint.ts';
import { answersOnlyAfterAuthentication, diagnose, UNAUTHENTICATED_ANSWER } from './atlas/hints.ts';
import { describeAnswer, type Proof } from './attempt-outcome.ts';
import { type AtlasCall, attemptUntilFinal, type AttemptsReport } from './attempts.ts';
import { announce, conclude, endpointOf } from './operation.ts';
import { afterAttempts, type Check, errorVerdict, failedVerdict, type RunResult, type Verdict } from './result.ts';
import { isTransientStatus } from './retry.ts';
import type { Session } from './session.ts';
import { fromServer, fromSettings, line, type SafeText } from './text.ts';

const WHAT = line`Dry run`;
const OWNER_ROLE = line`the Organization Owner role the delete needs`;
const NO_LINK_TOKEN_CHECK = line`Nothing was deleted; a dry run cannot tell whether a link-token exists.`;

/** The organization check passed: with what proof, and which organization. */
interface Organization {
  proof: Proof;
  name: SafeText;
}

function judgeOrganization(report: AttemptsReport, session: Session, call: AtlasCall): Verdict | Organization {
  const { final, attempts } = report;
  const orgId = fromSettings(session.settings.orgId);
  if (final.kind === 'error') return errorVerdict(final, report, WHAT, true);
  const { answer, proof, refusal } = final;
  if (refusal) return failedVerdict(WHAT, refusal.description, attempts, refusal);
  if (proof === undefined && answersOnlyAfterAuthentication(answer.status)) {
    const why = line`${describeAnswer(answer, call.success)} to a request without authentication`;
    return failedVerdict(WHAT, why, attempts, UNAUTHENTICATED_ANSWER);
  }
  if (proof && answer.status === call.success) {
    const id = answer.json?.['id'];
    const name = answer.json?.['name'];
    if (typeof id === 'string' && id.toLowerCase() === orgId) {
      return { proof, name: typeof name === 'string' && name.trim() !== '' ? fromServer(name, 100) : line`(unnamed)` };
    }
    const names = typeof id === 'string' ? line` (it names ${fromServer(id, 40)})` : line``;
    const why = line`HTTP ${answer.status}, but the body is not the organization ${orgId}${names}`;
    const hint = line`Check base-url: only the Atlas API answers with the organization.`;
    return failedVerdict(WHAT, why, attempts, { cause: { kind: 'not-atlas' }, hint });
  }
  const diagnosis = diagnose(answer, {
    method: session.auth.method,
    target: 'organization',
    apiVersion: session.settings.apiVersion,
  });
  return failedVerdict(WHAT, describeAnswer(answer, call.success, true), attempts, diagnosis);
}

/** The role check's verdict, and the checks to show, given the organization that passed. */
function judgeRole(
  report: AttemptsReport,
  session: Session,
  call: AtlasCall,
  organization: Organization,
): { verdict: Verdict; checks: Check[]; warnings: SafeText[] } {
  const { final, attempts } = report;
  const orgId = fromSettings(session.settings.orgId);
  const credential = session.auth.method === 'digest' ? line`API key` : line`service account`;
  const credentialsCheck: Check = { what: line`the credentials were accepted`, verified: true };
  const ipCheck: Check = { what: line`the IP address of this runner is allowed (API access list)`, verified: true };
  const organizationCheck: Check = { what: line`the organization is reachable: ${organization.name}`, verified: true };
  const passedChecks = [credentialsCheck, ipCheck, organizationCheck];
  const fail = (verdict: Verdict): { verdict: Verdict; checks: Check[]; warnings: SafeText[] } => ({
    verdict,
    checks: passedChecks,
    warnings: [],
  });
  if (final.kind === 'error') return fail(errorVerdict(final, report, line`Dry run (role check)`, true));
  const { answer, proof, refusal } = final;
  if (refusal) return fail(failedVerdict(WHAT, refusal.description, attempts, refusal));
  if (proof === undefined && answersOnlyAfterAuthentication(answer.status)) {
    const why = line`${describeAnswer(answer, 200)} to a request without authentication`;
    return fail(failedVerdict(WHAT, why, attempts, UNAUTHENTICATED_ANSWER));
  }
  const reached = line`organization "${organization.name}" (${orgId}) is reachable`;
  // Atlas answers the role check with the list of projects; anything else at 200 proves nothing.
  if (answer.status === 200 && proof && answer.list !== undefined) {
    return {
      verdict: {
        status: 'dry-run-passed',
        stepFails: false,
        proof,
        organizationName: organization.name,
        message: line`Dry run passed: the credentials were accepted, the runner's IP address is allowed, ${reached}, and the ${credential} has ${OWNER_ROLE} (HTTP 200${afterAttempts(attempts)}). ${NO_LINK_TOKEN_CHECK}`,
      },
      checks: [...passedChecks, { what: line`the ${credential} has ${OWNER_ROLE}`, verified: true }],
      warnings: [],
    };
  }
  if (answer.status === 403 && answer.errorCode !== 'IP_ADDRESS_NOT_ON_ACCESS_LIST') {
    const why = line`the credentials work, but the ${credential} lacks ${OWNER_ROLE} (${describeAnswer(answer, 200, true)})`;
    const hint = line`Give the ${credential} the Organization Owner role in this organization, or use one that has it.`;
    return {
      verdict: failedVerdict(WHAT, why, attempts, { cause: { kind: 'role' }, hint }),
      checks: [
        ...passedChecks,
        {
          what: line`the ${credential} has ${OWNER_ROLE}`,
          verified: false,
          note: line`Atlas refused: ${describeAnswer(answer, 200)}`,
        },
      ],
      warnings: [],
    };
  }
  const diagnosis = (): ReturnType<typeof diagnose> =>
    diagnose(answer, { method: session.auth.method, target: 'role' });
  if (answer.status === 403) {
    // The access list of the API the delete uses refused it: the first check's pass does not hold.
    const why = line`the role check was refused: ${describeAnswer(answer, 200, true)}`;
    const refused: Check = {
      ...ipCheck,
      verified: false,
      note: line`Atlas refused the role check: ${describeAnswer(answer, 200)}`,
    };
    return {
      verdict: failedVerdict(WHAT, why, attempts, diagnosis()),
      checks: [credentialsCheck, refused, organizationCheck],
      warnings: [],
    };
  }
  if (isTransientStatus(answer.status)) {
    const why = line`the role check got no usable answer: ${describeAnswer(answer, 200, true)}`;
    return fail(failedVerdict(WHAT, why, attempts, diagnosis()));
  }
  const note = roleNotVerified(answer, call);
  return {
    verdict: {
      status: 'dry-run-passed',
      stepFails: false,
      proof: organization.proof,
      organizationName: organization.name,
      message: line`Dry run passed: the credentials were accepted, the runner's IP address is allowed and ${reached}; ${OWNER_ROLE} could not be verified (see the warning). ${NO_LINK_TOKEN_CHECK}`,
    },
    checks: [...passedChecks, { what: line`the ${credential} has ${OWNER_ROLE}`, verified: false, note }],
    warnings: [
      line`Could not verify ${OWNER_ROLE}: ${note}. The delete may still be refused for want of it (HTTP 403).`,
    ],
  };
}

/** Why a role check's answer neither proves nor disproves the role. */
function roleNotVerified(answer: AtlasAnswer, call: AtlasCall): SafeText {
  const what = answer.status === 200 && answer.list === undefined ? line`, not the list of projects` : line``;
  return line`${endpointOf(call)} answered ${describeAnswer(answer, 200)}${what}, which Atlas does not document as a verdict on the role`;
}

export async function verifyOrganization(session: Session): Promise<RunResult> {
  const { settings, log } = session;
  const organizationCall: AtlasCall = { method: 'GET', url: organizationUrl(settings), success: 200 };
  const startedAt = announce(
    session,
    organizationCall,
    (endpoint, route) =>
      line`Dry run: nothing will be deleted. Checking the credentials and the organization: ${endpoint} (${route}).`,
  );
  const organizationReport = await attemptUntilFinal(organizationCall, session);
  const organization = judgeOrganization(organizationReport, session, organizationCall);
  if ('status' in organization) return conclude(session, organizationReport, organization, startedAt);

  // The operation exists only under v2: its media type, whatever api-version says.
  const roleCall: AtlasCall = {
    method: 'GET',
    url: availableProjectsUrl(settings),
    success: 200,
    headers: { Accept: V2_MEDIA_TYPE },
  };
  log.info(line`The organization "${organization.name}" answered. Checking ${OWNER_ROLE}: ${endpointOf(roleCall)}.`);
  const roleReport = await attemptUntilFinal(roleCall, session);
  const { verdict, checks, warnings } = judgeRole(roleReport, session, roleCall, organization);
  return conclude(session, roleReport, verdict, startedAt, { checks, warnings });
}
