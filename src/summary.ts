// The job summary, rendered as HTML from a result object. Every value is escaped: some of it
// (detail, error codes) is text from the network.
import { METHOD_LABELS } from './auth/authenticator.ts';
import type { RunResult } from './result.ts';
import { formatDuration, type SafeText } from './text.ts';

const HEADING = 'Atlas live-migration link-token';

const RESULT_LABELS: Record<RunResult['status'], string> = {
  deleted: '✅ deleted',
  'not-found': 'ℹ️ not found (nothing to delete)',
  failed: '❌ failed',
  'dry-run-passed': '✅ dry run passed (nothing was deleted)',
};

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function table(rows: [string, string][]): string {
  const body = rows.map(
    ([name, value]) => `<tr><th align="left">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`,
  );
  return `<table>\n${body.join('\n')}\n</table>`;
}

/** What a dry run proved, and what it cannot. */
function dryRunSection(result: RunResult): string {
  const items = (result.checks ?? []).map((check) =>
    check.verified
      ? `<li>✅ ${escapeHtml(check.what)}</li>`
      : `<li>⚠️ not verified: ${escapeHtml(check.what)}${check.note ? ` — ${escapeHtml(check.note)}` : ''}</li>`,
  );
  return [
    '<h3>Dry run: nothing was deleted</h3>',
    ...(items.length > 0 ? [`<p>Checked:</p>\n<ul>\n${items.join('\n')}\n</ul>`] : []),
    '<p>Not verified by a dry run: whether a link-token exists.</p>',
  ].join('\n');
}

export function renderResultSummary(orgId: string, result: RunResult): string {
  const label = result.cancelled ? '❌ cancelled' : RESULT_LABELS[result.status];
  const qualifier =
    result.status === 'not-found' && result.stepFails
      ? ' (fail-on-not-found)'
      : result.dryRun && result.status === 'failed'
        ? ' (dry run: nothing was deleted)'
        : '';
  const rows: [string, string][] = [
    ['Organization ID', orgId],
    ...(result.organizationName === undefined ? [] : [['Organization', result.organizationName] as [string, string]]),
    ['Result', label + qualifier],
    ['Authentication', METHOD_LABELS[result.authMethod]],
    ['HTTP status', result.httpStatus === undefined ? '—' : String(result.httpStatus)],
    ['Attempts', String(result.attempts)],
    ['Duration', formatDuration(result.durationMs)],
    ['Endpoint', result.endpoint],
  ];
  if (result.migrationWait) {
    const wait = result.migrationWait;
    const projects = wait.projects.length > 0 ? ` (projects: ${wait.projects.join(', ')})` : '';
    rows.push([
      'Waited for a live migration',
      `${formatDuration(wait.waitedMs)} of ${formatDuration(wait.limitMs)}, ${wait.checks} check${wait.checks === 1 ? '' : 's'} found it active${projects}`,
    ]);
  }
  if (result.status === 'failed' || result.status === 'not-found') {
    if (result.errorCode) rows.push(['Error code', result.errorCode]);
    if (result.detail) rows.push(['Detail', result.detail]);
    if (result.hint) rows.push(['Hint', result.hint]);
  }
  const parts = [`<h2>${escapeHtml(HEADING)}</h2>`, table(rows), `<p>${escapeHtml(result.message)}</p>`];
  if (result.dryRun) parts.push(dryRunSection(result));
  if (result.attemptLog.length > 0) {
    const header = '<tr><th>#</th><th>Outcome</th><th>Duration</th><th>Wait before next</th></tr>';
    const attemptRows = result.attemptLog.map(
      (record) =>
        `<tr><td>${record.attempt}</td><td>${escapeHtml(record.outcome)}</td><td>${formatDuration(record.durationMs)}</td><td>${record.waitMs === undefined ? '—' : formatDuration(record.waitMs)}</td></tr>`,
    );
    parts.push(
      `<details><summary>Attempts (${result.attemptLog.length})</summary>\n<table>\n${header}\n${attemptRows.join('\n')}\n</table>\n</details>`,
    );
  }
  return `${parts.join('\n')}\n`;
}

/** A run that ended without a result from Atlas: rejected inputs or environment, or a bug. */
export function renderNoRequestSummary(reason: SafeText, message: SafeText): string {
  return `<h2>${escapeHtml(HEADING)}</h2>\n${table([['Result', `❌ failed: ${reason}`]])}\n<p>${escapeHtml(message)}</p>\n`;
}
