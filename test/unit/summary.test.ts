// The job summary: a heading that says the result and its cause, what to do, and only the facts.
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

const DELETE = safe(ENDPOINT);
const GET_ORG = safe(`GET https://cloud.mongodb.com/api/atlas/v1.0/orgs/${ORG_ID}`);
const GET_ROLE = safe(`GET https://cloud.mongodb.com/api/atlas/v2/orgs/${ORG_ID}/liveMigrations/availableProjects`);
const row = (name: string, value: string): string => `<tr><th align="left">${name}</th><td>${value}</td></tr>`;

describe('renderResultSummary', () => {
  it('a deletion: the heading says it, then only the facts', () => {
    expect(renderResultSummary(ORG_ID, result({ requests: [DELETE] }))).toBe(
      [
        '<h2>✅ Link-token deleted</h2>',
        '<table>',
        row('Organization', ORG_ID),
        row('Authentication', 'API key (HTTP Digest)'),
        row('Request', ENDPOINT),
        row('HTTP status', '204'),
        row('Attempts', '1 attempt in 1.23 s'),
        '</table>',
        '',
      ].join('\n'),
    );
  });

  it('an access-list refusal: the IP in the heading, what to do with its Atlas page, what Atlas said', () => {
    const html = renderResultSummary(
      ORG_ID,
      result({
        status: 'failed',
        stepFails: true,
        authMethod: 'service-account',
        httpStatus: 403,
        errorCode: 'IP_ADDRESS_NOT_ON_ACCESS_LIST',
        detail: 'IP address 203.0.113.7 is not allowed to access this resource.',
        hint: "The runner's IP address 203.0.113.7 is not on the service account's API access list: add it in Atlas, or run on a runner with an allowed address.",
        cause: { kind: 'access-list', ip: safe('203.0.113.7') },
        requests: [DELETE],
        attemptLog: [{ attempt: 1, outcome: 'HTTP 403 IP_ADDRESS_NOT_ON_ACCESS_LIST', durationMs: 20 }],
      }),
    );
    expect(html).toBe(
      [
        '<h2>❌ Not deleted: runner IP 203.0.113.7 is not on the service account&#39;s access list</h2>',
        '<p><strong>What to do:</strong> The runner&#39;s IP address 203.0.113.7 is not on the service account&#39;s API access list: add it in Atlas, or run on a runner with an allowed address. <a href="https://www.mongodb.com/docs/atlas/configure-api-access/">Atlas: API access lists</a></p>',
        '<table>',
        row('Organization', ORG_ID),
        row('Authentication', 'service account (OAuth 2.0 client credentials)'),
        row('Request', ENDPOINT),
        row('Last attempt', 'HTTP 403 IP_ADDRESS_NOT_ON_ACCESS_LIST'),
        row('Atlas said', 'IP address 203.0.113.7 is not allowed to access this resource.'),
        row('Attempts', '1 attempt in 1.23 s'),
        '</table>',
        '',
      ].join('\n'),
    );
  });

  it.each([
    [
      { kind: 'credentials' },
      'digest',
      'Atlas refused the API key',
      'https://www.mongodb.com/docs/atlas/configure-api-access/">Atlas: API keys',
    ],
    [
      { kind: 'credentials' },
      'service-account',
      'Atlas refused the service account',
      'https://www.mongodb.com/docs/atlas/api/service-accounts-overview">Atlas: service accounts',
    ],
    [
      { kind: 'role' },
      'digest',
      'the API key lacks the Organization Owner role',
      'https://www.mongodb.com/docs/atlas/reference/user-roles/">Atlas: organization roles',
    ],
    [
      { kind: 'access-list' },
      'digest',
      'this runner&#39;s IP address is not on the API key&#39;s access list',
      'https://www.mongodb.com/docs/atlas/configure-api-access/">Atlas: API access lists',
    ],
    [
      { kind: 'active-migration', projects: [safe('60c4fd418ebe251047c50554')] },
      'digest',
      'a live migration is still active in project 60c4fd418ebe251047c50554',
      'https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-cutovergrouplivemigration">Atlas: cut over a live migration',
    ],
    [
      { kind: 'active-migration', projects: [safe('a'), safe('b')] },
      'digest',
      'a live migration is still active in projects a, b',
      'https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-cutovergrouplivemigration">Atlas: cut over a live migration',
    ],
    [
      { kind: 'active-migration', projects: [] },
      'digest',
      'a live migration is still active',
      'https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-cutovergrouplivemigration">Atlas: cut over a live migration',
    ],
    [
      { kind: 'version-gone' },
      'digest',
      'this version of the Atlas API is gone',
      'https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-deleteorglivemigrationlinktokens">Atlas Administration API: Remove One Link-Token',
    ],
    [{ kind: 'organization' }, 'digest', 'org-id names no organization this API key can see', undefined],
    [{ kind: 'not-atlas' }, 'digest', 'the server at base-url is not the Atlas API', undefined],
    [
      { kind: 'authentication-refused' },
      'digest',
      'the server asked for authentication the action will not give',
      undefined,
    ],
    [{ kind: 'rate-limited' }, 'digest', 'Atlas rate-limited every attempt', undefined],
    [{ kind: 'timeout' }, 'digest', 'no answer within timeout-seconds', undefined],
    [{ kind: 'network' }, 'digest', 'the network failed', undefined],
    [{ kind: 'tls' }, 'digest', 'the server&#39;s TLS certificate or protocol was refused', undefined],
    [{ kind: 'proxy' }, 'digest', 'the proxy refused the tunnel to Atlas', undefined],
    [{ kind: 'answer', status: 500 }, 'digest', 'Atlas answered HTTP 500', undefined],
    [{ kind: 'bug' }, 'digest', 'unexpected error', undefined],
  ] as const)('names the cause %j in the heading, with its Atlas page', (cause, authMethod, text, docs) => {
    const failed = result({ status: 'failed', stepFails: true, authMethod, hint: 'Do this.', cause });
    const html = renderResultSummary(ORG_ID, failed);
    expect(html).toContain(`<h2>❌ Not deleted: ${text}</h2>`);
    const what = docs === undefined ? '' : ` <a href="${docs}</a>`;
    expect(html).toContain(`<p><strong>What to do:</strong> Do this.${what}</p>`);
    if (docs === undefined) expect(html).not.toContain('<a ');
    expect(renderResultSummary(ORG_ID, { ...failed, dryRun: true })).toContain(`<h2>❌ Dry run failed: ${text}</h2>`);
  });

  it('a cancellation or a stop: the heading says what it means for the link-token', () => {
    const cancelled = result({
      status: 'failed',
      stepFails: true,
      cause: { kind: 'cancelled', outcome: safe('the link-token may or may not have been deleted') },
    });
    expect(renderResultSummary(ORG_ID, cancelled)).toMatch(
      /^<h2>❌ Cancelled: the link-token may or may not have been deleted<\/h2>\n<table>/,
    );
    const early = result({ status: 'failed', stepFails: true, cause: { kind: 'cancelled' } });
    expect(renderResultSummary(ORG_ID, early)).toMatch(/^<h2>❌ Cancelled: nothing is known of the link-token<\/h2>/);
    const stopped = result({
      status: 'failed',
      stepFails: true,
      cause: {
        kind: 'stopped',
        why: safe('a request never settled'),
        outcome: safe('no request that could delete the link-token was sent'),
      },
    });
    expect(renderResultSummary(ORG_ID, stopped)).toMatch(
      /^<h2>❌ Stopped: a request never settled; no request that could delete the link-token was sent<\/h2>/,
    );
  });

  it('nothing to delete: the heading, the note of an earlier attempt, and fail-on-not-found', () => {
    const lenient = result({
      status: 'not-found',
      httpStatus: 404,
      errorCode: 'UNEXPECTED_ERROR',
      note: 'An earlier request may have deleted it.',
      requests: [DELETE, GET_ORG],
      attempts: 2,
      attemptLog: [
        { attempt: 1, outcome: 'HTTP 404 UNEXPECTED_ERROR', durationMs: 10 },
        { attempt: 1, outcome: 'HTTP 200', durationMs: 10 },
      ],
    });
    expect(renderResultSummary(ORG_ID, lenient)).toBe(
      [
        '<h2>✅ Nothing to delete: the organization has no link-token</h2>',
        '<p>An earlier request may have deleted it.</p>',
        '<table>',
        row('Organization', ORG_ID),
        row('Authentication', 'API key (HTTP Digest)'),
        row('Requests', `${ENDPOINT}<br>GET https://cloud.mongodb.com/api/atlas/v1.0/orgs/${ORG_ID}`),
        row('HTTP status', '404'),
        row('Attempts', '2 attempts in 1.23 s'),
        '</table>',
        '<details><summary>Every attempt (2)</summary>',
        '<table>',
        '<tr><th>#</th><th>Outcome</th><th>Duration</th><th>Wait before next</th></tr>',
        '<tr><td>1</td><td>HTTP 404 UNEXPECTED_ERROR</td><td>10 ms</td><td>—</td></tr>',
        '<tr><td>2</td><td>HTTP 200</td><td>10 ms</td><td>—</td></tr>',
        '</table>',
        '</details>',
        '',
      ].join('\n'),
    );
    const strict = renderResultSummary(ORG_ID, { ...lenient, stepFails: true });
    expect(strict).toMatch(/^<h2>❌ Nothing to delete, and fail-on-not-found is set<\/h2>/);
  });

  it('a dry run: what it checked, the organization by name, and that it proves only this runner', () => {
    const html = renderResultSummary(
      ORG_ID,
      result({
        status: 'dry-run-passed',
        dryRun: true,
        httpStatus: 200,
        organizationName: 'Acme <Prod>',
        requests: [GET_ORG, GET_ROLE],
        attempts: 2,
        checks: [
          { what: safe('the credentials were accepted'), verified: true },
          { what: safe('the API key has the role'), verified: false, note: safe('HTTP 404 <odd>') },
        ],
      }),
    );
    expect(html).toContain(
      '<h2>✅ Dry run passed — nothing deleted; the Organization Owner role was not verified</h2>',
    );
    expect(html).toContain(row('Organization', `Acme &lt;Prod&gt; (${ORG_ID})`));
    expect(html).toContain(
      '<ul>\n<li>✅ the credentials were accepted</li>\n<li>⚠️ not verified: the API key has the role — HTTP 404 &lt;odd&gt;</li>\n</ul>\n<p>A dry run deletes nothing, and cannot tell whether a link-token exists. It proves the access list for this runner only: run it in the job that deletes.</p>',
    );
    const verified = renderResultSummary(
      ORG_ID,
      result({ status: 'dry-run-passed', dryRun: true, checks: [{ what: safe('all'), verified: true }] }),
    );
    expect(verified).toContain('<h2>✅ Dry run passed — nothing deleted</h2>');
    const failed = renderResultSummary(
      ORG_ID,
      result({ status: 'failed', stepFails: true, dryRun: true, cause: { kind: 'timeout' } }),
    );
    expect(failed).not.toContain('<ul>');
    expect(failed).not.toContain('A dry run deletes nothing');
  });

  it('shows only what happened: no request row when none was sent, no error rows on success', () => {
    const tokenRefused = renderResultSummary(
      ORG_ID,
      result({
        status: 'failed',
        stepFails: true,
        httpStatus: undefined,
        authMethod: 'service-account',
        errorCode: 'oauth:invalid_client',
        cause: { kind: 'credentials' },
        attemptLog: [
          { attempt: 1, outcome: 'token request failed: the token endpoint answered HTTP 401', durationMs: 5 },
        ],
      }),
    );
    expect(tokenRefused).not.toMatch(/Request|DELETE/);
    expect(tokenRefused).toContain(row('Last attempt', 'token request failed: the token endpoint answered HTTP 401'));
    const success = renderResultSummary(ORG_ID, result({ errorCode: 'X', detail: 'Y', hint: 'Z' }));
    expect(success).not.toMatch(/Atlas said|What to do|Last attempt/);
  });

  it('writes no empty rows or lists: no requests, no status, no checks', () => {
    const bare = renderResultSummary(ORG_ID, result({ requests: [], httpStatus: undefined }));
    expect(bare).not.toMatch(/Request|HTTP status/);
    const noChecks = renderResultSummary(ORG_ID, result({ status: 'dry-run-passed', dryRun: true, checks: [] }));
    expect(noChecks).not.toContain('<ul>');
    expect(noChecks).toContain('<p>A dry run deletes nothing');
    const passedUnchecked = renderResultSummary(ORG_ID, result({ status: 'dry-run-passed', dryRun: true }));
    expect(passedUnchecked).toContain('<p>A dry run deletes nothing');
    const roleRefused = renderResultSummary(
      ORG_ID,
      result({
        status: 'failed',
        stepFails: true,
        dryRun: true,
        cause: { kind: 'role' },
        checks: [{ what: safe('the credentials were accepted'), verified: true }],
      }),
    );
    expect(roleRefused).toContain('<ul>\n<li>✅ the credentials were accepted</li>\n</ul>');
    const deleteWithChecks = renderResultSummary(
      ORG_ID,
      result({ checks: [{ what: safe('the credentials were accepted'), verified: true }] }),
    );
    expect(deleteWithChecks).not.toContain('<ul>');
  });

  it('says how long a delete waited for a live migration, for how many checks and which projects', () => {
    const html = renderResultSummary(
      ORG_ID,
      result({ migrationWait: { waitedMs: 75_000, limitMs: 900_000, checks: 1, projects: [] } }),
    );
    expect(html).toContain(
      row('Waited for a live migration', '1 min 15 s of 15 min; 1 check found a migration active'),
    );
    const one = renderResultSummary(
      ORG_ID,
      result({
        migrationWait: { waitedMs: 2_000, limitMs: 60_000, checks: 3, projects: [safe('60c4fd418ebe251047c50554')] },
      }),
    );
    expect(one).toContain(
      row(
        'Waited for a live migration',
        '2 s of 1 min; 3 checks found a migration active in project 60c4fd418ebe251047c50554',
      ),
    );
    const two = renderResultSummary(
      ORG_ID,
      result({
        migrationWait: {
          waitedMs: 2_000,
          limitMs: 60_000,
          checks: 2,
          projects: [safe('<a>'), safe('60c4fd418ebe251047c50555')],
        },
      }),
    );
    expect(two).toContain(
      row(
        'Waited for a live migration',
        '2 s of 1 min; 2 checks found a migration active in projects &lt;a&gt;, 60c4fd418ebe251047c50555',
      ),
    );
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
      expect(html).toContain('<h2>❌ Not deleted: the API key lacks the Organization Owner role</h2>');
      expect(html).not.toContain(PUBLIC_KEY);
      expect(html).not.toContain(PRIVATE_KEY);
    } finally {
      await standIn.close();
    }
  });
});

describe('renderNoRequestSummary', () => {
  it('says what was refused, with the escaped message, and that no request was sent', () => {
    const html = renderNoRequestSummary(
      safe("invalid input 'org-id'"),
      safe("Invalid input 'org-id': character 1 is '<'"),
    );
    expect(html).toBe(
      '<h2>❌ Not run: invalid input &#39;org-id&#39;</h2>\n<p>Invalid input &#39;org-id&#39;: character 1 is &#39;&lt;&#39;</p>\n<p>No request was sent to Atlas.</p>\n',
    );
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
