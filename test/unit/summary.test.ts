import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/result.ts';
import { escapeHtml, renderNoRequestSummary, renderResultSummary } from '../../src/summary.ts';
import { ATLAS_ERRORS, AtlasStandIn } from '../support/atlas-stand-in.ts';
import {
  instantRuntime,
  ORG_ID,
  perform,
  type ResultOverrides,
  runResult,
  PRIVATE_KEY,
  safe,
  PUBLIC_KEY,
  recordingLogger,
  settingsFor,
} from '../support/fixtures.ts';

const ENDPOINT = `DELETE https://cloud.mongodb.com/api/atlas/v1.0/orgs/${ORG_ID}/liveMigrations/linkTokens`;

function result(overrides: ResultOverrides): RunResult {
  return runResult({ attemptLog: [{ attempt: 1, outcome: 'HTTP 204', durationMs: 1234 }], ...overrides });
}

describe('renderResultSummary', () => {
  it('shows the organization, result, status, attempts, duration and endpoint', () => {
    const html = renderResultSummary(ORG_ID, result({}));
    expect(html).toContain('<h2>Atlas live-migration link-token</h2>');
    for (const [name, value] of [
      ['Organization ID', ORG_ID],
      ['Result', '✅ deleted'],
      ['HTTP status', '204'],
      ['Attempts', '1'],
      ['Duration', '1.23 s'],
      ['Endpoint', ENDPOINT],
    ]) {
      expect(html).toContain(`<tr><th align="left">${name}</th><td>${value}</td></tr>`);
    }
    expect(html).not.toContain('Error code');
    expect(html).toContain('<details><summary>Attempts (1)</summary>');
  });

  it('adds the error code, the escaped detail and the hint on failure, and one row per attempt', () => {
    const html = renderResultSummary(
      ORG_ID,
      result({
        status: 'failed',
        stepFails: true,
        httpStatus: 403,
        attempts: 2,
        errorCode: 'USER_UNAUTHORIZED',
        detail: '<script>alert("x")</script> & more',
        hint: 'The API key needs the Organization Owner role in this organization.',
        attemptLog: [
          { attempt: 1, outcome: 'HTTP 503', durationMs: 20, waitMs: 1500 },
          { attempt: 2, outcome: 'HTTP 403 USER_UNAUTHORIZED', durationMs: 30 },
        ],
      }),
    );
    expect(html).toContain('<td>USER_UNAUTHORIZED</td>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Organization Owner role');
    expect(html).toContain('<tr><td>1</td><td>HTTP 503</td><td>20 ms</td><td>1.5 s</td></tr>');
    expect(html).toContain('<tr><td>2</td><td>HTTP 403 USER_UNAUTHORIZED</td><td>30 ms</td><td>—</td></tr>');
    expect(html).toContain('❌ failed');
  });

  it('says when a run was cancelled, and when not-found failed the step', () => {
    expect(renderResultSummary(ORG_ID, result({ status: 'failed', cancelled: true, httpStatus: undefined }))).toContain(
      '❌ cancelled',
    );
    expect(renderResultSummary(ORG_ID, result({ status: 'not-found', stepFails: true, httpStatus: 404 }))).toContain(
      'not found (nothing to delete) (fail-on-not-found)',
    );
    expect(renderResultSummary(ORG_ID, result({ status: 'failed', httpStatus: undefined }))).toContain(
      '<tr><th align="left">HTTP status</th><td>—</td></tr>',
    );
  });

  it('renders a whole failed result, row by row', () => {
    const html = renderResultSummary(
      ORG_ID,
      result({
        status: 'not-found',
        stepFails: true,
        httpStatus: 404,
        errorCode: 'UNEXPECTED_ERROR',
        detail: 'Could not find the requested external organization link.',
        hint: 'No link-token exists.',
        message: 'No link-token to delete <here>.',
        attemptLog: [{ attempt: 1, outcome: 'HTTP 404 UNEXPECTED_ERROR', durationMs: 999 }],
      }),
    );
    expect(html).toBe(
      [
        '<h2>Atlas live-migration link-token</h2>',
        '<table>',
        `<tr><th align="left">Organization ID</th><td>${ORG_ID}</td></tr>`,
        '<tr><th align="left">Result</th><td>ℹ️ not found (nothing to delete) (fail-on-not-found)</td></tr>',
        '<tr><th align="left">Authentication</th><td>API key (HTTP Digest)</td></tr>',
        '<tr><th align="left">HTTP status</th><td>404</td></tr>',
        '<tr><th align="left">Attempts</th><td>1</td></tr>',
        '<tr><th align="left">Duration</th><td>1.23 s</td></tr>',
        `<tr><th align="left">Endpoint</th><td>${ENDPOINT}</td></tr>`,
        '<tr><th align="left">Error code</th><td>UNEXPECTED_ERROR</td></tr>',
        '<tr><th align="left">Detail</th><td>Could not find the requested external organization link.</td></tr>',
        '<tr><th align="left">Hint</th><td>No link-token exists.</td></tr>',
        '</table>',
        '<p>No link-token to delete &lt;here&gt;.</p>',
        '<details><summary>Attempts (1)</summary>',
        '<table>',
        '<tr><th>#</th><th>Outcome</th><th>Duration</th><th>Wait before next</th></tr>',
        '<tr><td>1</td><td>HTTP 404 UNEXPECTED_ERROR</td><td>999 ms</td><td>—</td></tr>',
        '</table>',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('labels a lenient not-found without the fail-on-not-found mark, and omits the attempts of a run that made none', () => {
    const html = renderResultSummary(ORG_ID, result({ status: 'not-found', stepFails: false, attemptLog: [] }));
    expect(html).toContain('<tr><th align="left">Result</th><td>ℹ️ not found (nothing to delete)</td></tr>');
    expect(html).not.toContain('<details>');
  });

  it('lists what a passed dry run verified, with the organization by name', () => {
    const html = renderResultSummary(
      ORG_ID,
      result({
        status: 'dry-run-passed',
        dryRun: true,
        organizationName: 'Acme <Prod>',
        httpStatus: 200,
        checks: [
          { what: safe('the credentials were accepted'), verified: true },
          { what: safe('the organization is reachable: Acme <Prod>'), verified: true },
          { what: safe('the API key has the role'), verified: false, note: safe('HTTP 404 <odd>') },
        ],
      }),
    );
    expect(html).toContain('<tr><th align="left">Organization</th><td>Acme &lt;Prod&gt;</td></tr>');
    expect(html).toContain('<tr><th align="left">Result</th><td>✅ dry run passed (nothing was deleted)</td></tr>');
    expect(html).toContain(
      '<h3>Dry run: nothing was deleted</h3>\n<p>Checked:</p>\n<ul>\n<li>✅ the credentials were accepted</li>\n<li>✅ the organization is reachable: Acme &lt;Prod&gt;</li>\n<li>⚠️ not verified: the API key has the role — HTTP 404 &lt;odd&gt;</li>\n</ul>\n<p>Not verified by a dry run: whether a link-token exists.</p>',
    );
    expect(renderResultSummary(ORG_ID, result({ status: 'failed', stepFails: true }))).not.toContain('dry run');
  });

  it('marks a failed dry run, and lists nothing as verified', () => {
    const html = renderResultSummary(ORG_ID, result({ status: 'failed', dryRun: true, stepFails: true }));
    expect(html).toContain('<tr><th align="left">Result</th><td>❌ failed (dry run: nothing was deleted)</td></tr>');
    expect(html).toContain(
      '<h3>Dry run: nothing was deleted</h3>\n<p>Not verified by a dry run: whether a link-token exists.</p>',
    );
    expect(html).not.toContain('Checked:');
  });

  it('shows no error rows for a success, even when the result carries them', () => {
    const html = renderResultSummary(ORG_ID, result({ errorCode: 'X', detail: 'Y', hint: 'Z' }));
    expect(html).not.toMatch(/Error code|Detail|Hint/);
  });

  it('never contains a key, rendering real results of a retried, refused run', async () => {
    // A real result, so that anything the core ever copies into it (messages, attempts) is checked.
    const standIn = new AtlasStandIn({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY });
    const baseUrl = await standIn.start();
    standIn.script({ status: 503, body: ATLAS_ERRORS.unavailable() }, { status: 403, body: ATLAS_ERRORS.forbidden() });
    try {
      const real = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
      expect(real.attemptLog).toHaveLength(2);
      const html = renderResultSummary(ORG_ID, real);
      expect(html).toContain('USER_UNAUTHORIZED');
      expect(html).not.toContain(PUBLIC_KEY);
      expect(html).not.toContain(PRIVATE_KEY);
    } finally {
      await standIn.close();
    }
  });
});

describe('renderNoRequestSummary', () => {
  it('says no request was sent, with the escaped message', () => {
    const html = renderNoRequestSummary(
      safe('inputs rejected, no request sent'),
      safe("Invalid input 'org-id': character 1 is '<'"),
    );
    expect(html).toBe(
      '<h2>Atlas live-migration link-token</h2>\n<table>\n<tr><th align="left">Result</th><td>❌ failed: inputs rejected, no request sent</td></tr>\n</table>\n<p>Invalid input &#39;org-id&#39;: character 1 is &#39;&lt;&#39;</p>\n',
    );
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
