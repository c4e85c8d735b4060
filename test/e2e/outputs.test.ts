// The committed dist/index.js, run as the runner runs it, against the loopback Atlas stand-in.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { USER_AGENT } from '../../src/version.ts';
import { ATLAS_ERRORS, AtlasStandIn } from '../support/atlas-stand-in.ts';
import { apiKeyInputs, ORG_ID, PRIVATE_KEY, PUBLIC_KEY } from '../support/fixtures.ts';
import { type ActionRun, NODE_24, runAction, stageAction, visibleOutput } from '../support/run-action.ts';

let actionDir: string;
let standIn: AtlasStandIn;
let baseUrl: string;

beforeAll(() => {
  actionDir = stageAction();
});
afterAll(() => rmSync(actionDir, { recursive: true, force: true }));

async function freshStandIn(): Promise<void> {
  standIn = new AtlasStandIn({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY });
  baseUrl = await standIn.start();
}
afterEach(async () => standIn?.close());

function inputs(overrides: Record<string, string> = {}): Record<string, string> {
  return apiKeyInputs(baseUrl, overrides);
}

/** Both keys appear nowhere but in the ::add-mask:: commands, and those come first. */
function expectKeysOnlyMasked(run: ActionRun): void {
  expect(run.stdout.split('\n').slice(0, 2)).toEqual([`::add-mask::${PUBLIC_KEY}`, `::add-mask::${PRIVATE_KEY}`]);
  const rest = visibleOutput(run);
  expect(rest).not.toContain(PUBLIC_KEY);
  expect(rest).not.toContain(PRIVATE_KEY);
  expect(rest).not.toMatch(/authorization|response="/i);
}

describe('dist/index.js as the runner runs it', () => {
  it('runs on Node 24 from a directory with only action.yml and dist/', () => {
    expect(execFileSync(NODE_24, ['--version']).toString()).toMatch(/^v24\./);
    expect(readdirSync(actionDir).sort()).toEqual(['action.yml', 'dist']);
    for (let dir = actionDir; dir !== dirname(dir); dir = dirname(dir)) {
      expect(existsSync(join(dir, 'node_modules'))).toBe(false);
    }
  });

  it('deletes the token: exit 0, outputs, summary, two requests', async () => {
    await freshStandIn();
    const run = await runAction(actionDir, { inputs: inputs() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({
      status: 'deleted',
      'auth-method': 'digest',
      'http-status': '204',
      attempts: '1',
      'error-code': '',
    });
    expect(run.stdout).toContain(`Deleted the live-migration link-token of organization ${ORG_ID} (HTTP 204).`);
    expect(run.summary).toMatch(/^<h2>✅ Link-token deleted<\/h2>\n/);
    expect(run.summary).toContain(`<tr><th align="left">Organization</th><td>${ORG_ID}</td></tr>`);
    expect(run.summary).toContain(
      `<tr><th align="left">Request</th><td>DELETE ${baseUrl}/api/atlas/v1.0/orgs/${ORG_ID}/liveMigrations/linkTokens</td></tr>`,
    );
    expect(standIn.requests.map((r) => [r.method, r.answer, r.verified])).toEqual([
      ['DELETE', '401', false],
      ['DELETE', '204', true],
    ]);
    expect(standIn.requests[1]?.headers['user-agent']).toBe(USER_AGENT);
    expectKeysOnlyMasked(run);
  });

  it('fails on 403 with the error code, the hint and an error annotation', async () => {
    await freshStandIn();
    standIn.script({ status: 403, body: ATLAS_ERRORS.ipNotOnAccessList('203.0.113.9') });
    const run = await runAction(actionDir, { inputs: inputs() });
    expect(run.code).toBe(1);
    expect(run.outputs).toEqual({
      status: 'failed',
      'auth-method': 'digest',
      'http-status': '403',
      attempts: '1',
      'error-code': 'IP_ADDRESS_NOT_ON_ACCESS_LIST',
    });
    expect(run.stdout).toMatch(
      /^::error::Deleting the link-token failed: HTTP 403 IP_ADDRESS_NOT_ON_ACCESS_LIST: .*203\.0\.113\.9 is not on the API key's API access list/m,
    );
    expect(run.summary).toMatch(
      /^<h2>❌ Not deleted: runner IP 203\.0\.113\.9 is not on the API key&#39;s access list<\/h2>\n/,
    );
    expect(run.summary).not.toContain('<details>'); // one attempt: its facts are in the table
    expectKeysOnlyMasked(run);
  });

  it('succeeds with a warning on 404, and fails with fail-on-not-found', async () => {
    await freshStandIn();
    standIn.script({ status: 404, body: ATLAS_ERRORS.notFound() });
    const lenient = await runAction(actionDir, { inputs: inputs() });
    expect(lenient.code).toBe(0);
    expect(lenient.outputs).toMatchObject({
      status: 'not-found',
      'http-status': '404',
      'error-code': 'UNEXPECTED_ERROR',
    });
    const nothing = `Nothing to delete: organization "Stand-in Org" (${ORG_ID}) has no link-token.`;
    expect(lenient.stdout).toContain(`\n::warning::${nothing}\n`);
    standIn.script({ status: 404, body: ATLAS_ERRORS.notFound() });
    const strict = await runAction(actionDir, { inputs: inputs({ 'fail-on-not-found': 'true' }) });
    expect(strict.code).toBe(1);
    expect(strict.outputs['status']).toBe('not-found');
    expect(strict.stdout).toContain(`\n::error::${nothing}\n`);
  });

  it('retries 503 and reports the attempts', async () => {
    await freshStandIn();
    standIn.script({ status: 503, body: ATLAS_ERRORS.unavailable() });
    const run = await runAction(actionDir, { inputs: inputs() });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'deleted', attempts: '2' });
    expect(run.stdout).toMatch(/Attempt 1 of 5: HTTP 503 SERVICE_UNAVAILABLE\. Retrying in \d+ m?s\./);
    expect(standIn.requests).toHaveLength(3);
  });

  it('rejects bad input before any request, naming the input and never echoing a key', async () => {
    await freshStandIn();
    const run = await runAction(actionDir, {
      inputs: inputs({ 'org-id': 'not-an-org-id', 'private-key': `${PRIVATE_KEY}\nsecond-line` }),
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toEqual({
      status: 'failed',
      'auth-method': '',
      'http-status': '',
      attempts: '0',
      'error-code': '',
    });
    expect(run.stdout).toMatch(/^::error::Invalid input 'org-id': character 1 is 'n'/m);
    expect(run.summary).toMatch(/^<h2>❌ Not run: invalid input &#39;org-id&#39;<\/h2>\n/);
    expect(standIn.requests).toHaveLength(0);
    expect(visibleOutput(run)).not.toContain('second-line');
    expect(run.stdout).toContain('::add-mask::second-line');
  });

  it('skips the summary without failing when GITHUB_STEP_SUMMARY is unset', async () => {
    await freshStandIn();
    const run = await runAction(actionDir, { inputs: inputs(), noSummary: true });
    expect(run.code).toBe(0);
    expect(run.outputs['status']).toBe('deleted');
    expect(run.stderr).toBe('');
  });

  it('still deletes and reports when the reader of its log has gone (stdout closed: EPIPE)', async () => {
    await freshStandIn();
    const run = await runAction(actionDir, {
      inputs: inputs(),
      onStart: (child) => child.stdout?.once('data', () => child.stdout?.destroy()),
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'deleted', 'http-status': '204' });
    expect(run.summary).toMatch(/^<h2>✅ Link-token deleted<\/h2>/);
    expect(run.stderr).toBe('');
  });

  it('still reports the real result when the output file is broken', async () => {
    await freshStandIn();
    standIn.script({ status: 400, body: ATLAS_ERRORS.activeMigration() });
    const run = await runAction(actionDir, { inputs: inputs(), env: { GITHUB_OUTPUT: '/nonexistent/output' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::warning::Could not set the outputs: Missing file at path: \/nonexistent\/output$/m);
    expect(run.stdout).toMatch(
      /^::error::Deleting the link-token failed: HTTP 400 CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK/m,
    );
  });
});
