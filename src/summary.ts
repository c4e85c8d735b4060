// The job summary, rendered as HTML from a result object, to be read in five seconds: a heading
// that carries the result and its cause, what to do (with a link to the Atlas page that fixes
// the cause), then only the facts of what happened. Every value is escaped: some of it (detail,
// error codes) is text from the network.
import { METHOD_LABELS } from './auth/authenticator.ts';
import type { Cause, RunResult } from './result.ts';
import { formatDuration, joinText, line, type SafeText } from './text.ts';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** MongoDB's documentation for each cause a user can fix in Atlas. */
export const DOCS = {
  apiAccess: 'https://www.mongodb.com/docs/atlas/configure-api-access/',
  serviceAccounts: 'https://www.mongodb.com/docs/atlas/api/service-accounts-overview',
  roles: 'https://www.mongodb.com/docs/atlas/reference/user-roles/',
  cutover: 'https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-cutovergrouplivemigration',
  deleteLinkToken:
    'https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-deleteorglivemigrationlinktokens',
} as const;

function credentialOf(result: RunResult): SafeText {
  return result.authMethod === 'digest' ? line`API key` : line`service account`;
}

/** The cause, as the end of a heading: `❌ Not deleted: <this>`. */
function causeText(cause: Cause, result: RunResult): SafeText {
  const credential = credentialOf(result);
  switch (cause.kind) {
    case 'access-list':
      return cause.ip
        ? line`runner IP ${cause.ip} is not on the ${credential}'s access list`
        : line`this runner's IP address is not on the ${credential}'s access list`;
    case 'credentials':
      return line`Atlas refused the ${credential}`;
    case 'role':
      return line`the ${credential} lacks the Organization Owner role`;
    case 'active-migration':
      return cause.projects.length === 0
        ? line`a live migration is still active`
        : line`a live migration is still active in ${cause.projects.length === 1 ? line`project` : line`projects`} ${joinText(cause.projects, ', ')}`;
    case 'organization':
      return line`org-id names no organization this ${credential} can see`;
    case 'not-atlas':
      return line`the server at base-url is not the Atlas API`;
    case 'authentication-refused':
      return line`the server asked for authentication the action will not give`;
    case 'rate-limited':
      return line`Atlas rate-limited every attempt`;
    case 'timeout':
      return line`no answer within timeout-seconds`;
    case 'network':
      return line`the network failed`;
    case 'tls':
      return line`the server's TLS certificate or protocol was refused`;
    case 'proxy':
      return line`the proxy refused the tunnel to Atlas`;
    case 'version-gone':
      return line`this version of the Atlas API is gone`;
    case 'answer':
      return line`Atlas answered HTTP ${cause.status}`;
    case 'cancelled':
    case 'stopped':
    case 'bug':
      return line`unexpected error`;
  }
}

/** The page that fixes the cause, when there is one. */
function docsFor(cause: Cause | undefined, result: RunResult): [string, string] | undefined {
  switch (cause?.kind) {
    case 'access-list':
      return [DOCS.apiAccess, 'Atlas: API access lists'];
    case 'credentials':
      return result.authMethod === 'digest'
        ? [DOCS.apiAccess, 'Atlas: API keys']
        : [DOCS.serviceAccounts, 'Atlas: service accounts'];
    case 'role':
      return [DOCS.roles, 'Atlas: organization roles'];
    case 'active-migration':
      return [DOCS.cutover, 'Atlas: cut over a live migration'];
    case 'version-gone':
      return [DOCS.deleteLinkToken, 'Atlas Administration API: Remove One Link-Token'];
    default:
      return undefined;
  }
}

/** The heading: the result and, on failure, its cause. */
export function heading(result: RunResult): SafeText {
  const ownerUnverified = result.checks?.some((check) => !check.verified) === true;
  switch (result.status) {
    case 'deleted':
      return line`✅ Link-token deleted`;
    case 'not-found':
      return result.stepFails
        ? line`❌ Nothing to delete, and fail-on-not-found is set`
        : line`✅ Nothing to delete: the organization has no link-token`;
    case 'dry-run-passed':
      return ownerUnverified
        ? line`✅ Dry run passed — nothing deleted; the Organization Owner role was not verified`
        : line`✅ Dry run passed — nothing deleted`;
    case 'failed': {
      const cause = result.cause ?? { kind: 'bug' };
      if (cause.kind === 'cancelled')
        return line`❌ Cancelled: ${cause.outcome ?? line`nothing is known of the link-token`}`;
      if (cause.kind === 'stopped') return line`❌ Stopped: ${cause.why}; ${cause.outcome}`;
      return line`${result.dryRun ? line`❌ Dry run failed` : line`❌ Not deleted`}: ${causeText(cause, result)}`;
    }
  }
}

/** A row's value: one line, or several (each escaped, one per line). */
type Cell = string | string[];

function table(rows: [string, Cell][]): string {
  const body = rows.map(([name, value]) => {
    const html = typeof value === 'string' ? escapeHtml(value) : value.map(escapeHtml).join('<br>');
    return `<tr><th align="left">${escapeHtml(name)}</th><td>${html}</td></tr>`;
  });
  return `<table>\n${body.join('\n')}\n</table>`;
}

/** The facts of what happened, and only those. */
function facts(orgId: string, result: RunResult): [string, Cell][] {
  const rows: [string, Cell][] = [
    ['Organization', result.organizationName ? `${result.organizationName} (${orgId})` : orgId],
    ['Authentication', METHOD_LABELS[result.authMethod]],
  ];
  if (result.requests && result.requests.length > 0) {
    rows.push([result.requests.length === 1 ? 'Request' : 'Requests', result.requests]);
  }
  const last = result.attemptLog.at(-1);
  if (result.status === 'failed' && last) rows.push(['Last attempt', last.outcome]);
  else if (result.httpStatus !== undefined) rows.push(['HTTP status', String(result.httpStatus)]);
  if (result.status === 'failed' && result.detail) rows.push(['Atlas said', result.detail]);
  if (result.migrationWait) {
    const wait = result.migrationWait;
    const where =
      wait.projects.length === 0
        ? ''
        : ` in project${wait.projects.length === 1 ? '' : 's'} ${joinText(wait.projects, ', ')}`;
    const checks = `${wait.checks} check${wait.checks === 1 ? '' : 's'} found a migration active${where}`;
    rows.push([
      'Waited for a live migration',
      `${formatDuration(wait.waitedMs)} of ${formatDuration(wait.limitMs)}; ${checks}`,
    ]);
  }
  const attempts = `${result.attempts} attempt${result.attempts === 1 ? '' : 's'}`;
  rows.push(['Attempts', `${attempts} in ${formatDuration(result.durationMs)}`]);
  return rows;
}

/** What a dry run checked, and what it cannot. */
function dryRunSection(result: RunResult): string {
  const items = (result.checks ?? []).map((check) =>
    check.verified
      ? `<li>✅ ${escapeHtml(check.what)}</li>`
      : `<li>⚠️ not verified: ${escapeHtml(check.what)}${check.note ? ` — ${escapeHtml(check.note)}` : ''}</li>`,
  );
  return [
    ...(items.length > 0 ? [`<ul>\n${items.join('\n')}\n</ul>`] : []),
    '<p>A dry run deletes nothing, and cannot tell whether a link-token exists. It proves the access list for this runner only: run it in the job that deletes.</p>',
  ].join('\n');
}

function attemptsSection(result: RunResult): string {
  const header = '<tr><th>#</th><th>Outcome</th><th>Duration</th><th>Wait before next</th></tr>';
  const rows = result.attemptLog.map(
    (record, index) =>
      `<tr><td>${index + 1}</td><td>${escapeHtml(record.outcome)}</td><td>${formatDuration(record.durationMs)}</td><td>${record.waitMs === undefined ? '—' : formatDuration(record.waitMs)}</td></tr>`,
  );
  return `<details><summary>Every attempt (${result.attemptLog.length})</summary>\n<table>\n${header}\n${rows.join('\n')}\n</table>\n</details>`;
}

export function renderResultSummary(orgId: string, result: RunResult): string {
  const parts = [`<h2>${escapeHtml(heading(result))}</h2>`];
  if (result.note) parts.push(`<p>${escapeHtml(result.note)}</p>`);
  if (result.status === 'failed' && result.hint) {
    const docs = docsFor(result.cause, result);
    const link = docs ? ` <a href="${escapeHtml(docs[0])}">${escapeHtml(docs[1])}</a>` : '';
    parts.push(`<p><strong>What to do:</strong> ${escapeHtml(result.hint)}${link}</p>`);
  }
  parts.push(table(facts(orgId, result)));
  if (result.dryRun && (result.checks || result.status === 'dry-run-passed')) parts.push(dryRunSection(result));
  if (result.attemptLog.length > 1) parts.push(attemptsSection(result));
  return `${parts.join('\n')}\n`;
}

/** A run that sent no request: rejected inputs or environment, or a bug before any request. */
export function renderNoRequestSummary(title: SafeText, message: SafeText): string {
  return `<h2>${escapeHtml(line`❌ Not run: ${title}`)}</h2>\n<p>${escapeHtml(message)}</p>\n<p>No request was sent to Atlas.</p>\n`;
}
