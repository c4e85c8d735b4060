// The dry run (`dry-run: true`): dist/index.js as the runner runs it, against the stand-in's
// Return One Organization. Whatever happens, no DELETE may reach Atlas.
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ATLAS_ERRORS, AtlasStandIn, ORGANIZATION_NAME, type Step } from '../support/atlas-stand-in.ts';
import { CLIENT_ID, CLIENT_SECRET, ORG_ID, PRIVATE_KEY, PUBLIC_KEY } from '../support/fixtures.ts';
import { type ActionRun, runAction, stageAction } from '../support/run-action.ts';

const ORG_PATH = `/api/atlas/v1.0/orgs/${ORG_ID}`;
const LIMITS = 'A dry run cannot verify the Organization Owner role the DELETE needs, nor whether a link-token exists.';

let actionDir: string;
let standIn: AtlasStandIn;
beforeAll(() => {
  actionDir = stageAction();
});
afterAll(() => rmSync(actionDir, { recursive: true, force: true }));
afterEach(async () => {
  // The one promise a dry run makes above all: whatever the answers, no DELETE was sent.
  expect(standIn.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
  await standIn.close();
});

async function start(steps: Step[] = []): Promise<string> {
  standIn = new AtlasStandIn({
    publicKey: PUBLIC_KEY,
    privateKey: PRIVATE_KEY,
    serviceAccount: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
  });
  const baseUrl = await standIn.start();
  standIn.script(...steps);
  return baseUrl;
}

function dryRun(baseUrl: string, credentials: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(actionDir, {
    inputs: {
      'org-id': ORG_ID,
      ...(credentials['client-id'] ? {} : { 'public-key': PUBLIC_KEY, 'private-key': PRIVATE_KEY }),
      ...credentials,
      'base-url': baseUrl,
      'retry-delay-seconds': '0.01',
      'dry-run': 'true',
    },
  });
}

const errorLine = (run: ActionRun): string | undefined => /^::error::(.*)$/m.exec(run.stdout)?.[1];

describe('dry run through dist/index.js', () => {
  it('passes with an API key: GET the organization, say what was and was not verified', async () => {
    const baseUrl = await start();
    const run = await dryRun(baseUrl);
    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({
      status: 'dry-run-passed',
      'auth-method': 'digest',
      'http-status': '200',
      attempts: '1',
      'error-code': '',
    });
    expect(standIn.requests.map((r) => `${r.method} ${r.path} ${r.answer}`)).toEqual([
      `GET ${ORG_PATH} 401`,
      `GET ${ORG_PATH} 200`,
    ]);
    expect(run.stdout).toContain(
      `Dry run: nothing will be deleted. Checking the credentials and the organization: GET ${baseUrl}${ORG_PATH} (directly).`,
    );
    expect(run.stdout).toContain(
      `Dry run passed: the credentials were accepted, the runner's IP address is allowed, and organization "${ORGANIZATION_NAME}" (${ORG_ID}) is reachable (HTTP 200). Nothing was deleted. ${LIMITS}\n`,
    );
    expect(run.summary).toContain(
      '<tr><th align="left">Result</th><td>✅ dry run passed (nothing was deleted)</td></tr>',
    );
    expect(run.summary).toContain(`<tr><th align="left">Organization</th><td>${ORGANIZATION_NAME}</td></tr>`);
    expect(run.summary).toContain(
      '<h3>Dry run: nothing was deleted</h3>\n<p>Verified:</p>\n<ul>\n<li>✅ the credentials were accepted</li>\n<li>✅ the runner&#39;s IP address is allowed (API access list)</li>\n<li>✅ the organization is reachable: Stand-in Org</li>\n</ul>\n<p>Not verified by a dry run: the Organization Owner role the DELETE needs, and whether a link-token exists.</p>',
    );
  });

  it('passes as a service account: token, GET with the bearer token, revoke', async () => {
    const baseUrl = await start();
    const run = await dryRun(baseUrl, { 'client-id': CLIENT_ID, 'client-secret': CLIENT_SECRET });
    expect(run.outputs).toMatchObject({ status: 'dry-run-passed', 'auth-method': 'service-account' });
    expect(standIn.requests.map((r) => `${r.method} ${r.path} ${r.answer}`)).toEqual([
      'POST /api/oauth/token 200',
      `GET ${ORG_PATH} 200`,
      'POST /api/oauth/revoke 200',
    ]);
    expect(standIn.liveTokens.size).toBe(0);
  });

  it('fails on a wrong key, with the key-pair hint', async () => {
    const baseUrl = await start();
    const run = await dryRun(baseUrl, { 'public-key': PUBLIC_KEY, 'private-key': 'wrong' });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'failed', 'http-status': '401', attempts: '1' });
    expect(errorLine(run)).toBe(
      'Dry run failed: HTTP 401: You are not authorized for this resource. Check the key pair: the public and private key must belong together, and the key must be an API key of this organization.',
    );
    expect(run.summary).toContain('❌ failed (dry run: nothing was deleted)');
  });

  it("fails when the runner's IP is not on the access list, quoting it", async () => {
    const baseUrl = await start([{ status: 403, body: ATLAS_ERRORS.ipNotOnAccessList('203.0.113.9') }]);
    const run = await dryRun(baseUrl);
    expect(run.outputs).toMatchObject({
      status: 'failed',
      'http-status': '403',
      'error-code': 'IP_ADDRESS_NOT_ON_ACCESS_LIST',
    });
    expect(errorLine(run)).toBe(
      "Dry run failed: HTTP 403 IP_ADDRESS_NOT_ON_ACCESS_LIST: IP address 203.0.113.9 is not allowed to access this resource. The runner's IP address 203.0.113.9 is not on the API key's API access list: add it in Atlas, or run on a runner with an allowed address.",
    );
  });

  it('fails on an organization Atlas does not know', async () => {
    const baseUrl = await start([{ status: 404, body: ATLAS_ERRORS.orgNotFound(ORG_ID) }]);
    const run = await dryRun(baseUrl);
    expect(run.outputs).toMatchObject({ status: 'failed', 'http-status': '404', 'error-code': 'ORG_NOT_FOUND' });
    expect(errorLine(run)).toBe(
      `Dry run failed: HTTP 404 ORG_NOT_FOUND: No organization with ID ${ORG_ID} exists. Atlas knows no organization with this org-id that the API key can see: check org-id, and that the API key belongs to this organization.`,
    );
  });

  it('retries a 503, then passes', async () => {
    const baseUrl = await start([{ status: 503, body: ATLAS_ERRORS.unavailable() }]);
    const run = await dryRun(baseUrl);
    expect(run.outputs).toMatchObject({ status: 'dry-run-passed', attempts: '2', 'http-status': '200' });
    expect(run.stdout).toMatch(/^Attempt 1 of 5: HTTP 503 SERVICE_UNAVAILABLE\. Retrying in \d+ m?s\.$/m);
  });

  it('sends no DELETE whatever it is answered (the afterEach checks every test; here, every kind of answer)', async () => {
    const baseUrl = await start([{ status: 503 }, { status: 404, body: ATLAS_ERRORS.notFound() }]);
    const run = await dryRun(baseUrl);
    expect(run.outputs['status']).toBe('failed');
    expect(standIn.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
  });
});

describe('a dry run answered without authentication', () => {
  it('does not pass: the organization sent to a request without credentials proves nothing', async () => {
    const baseUrl = await start();
    standIn.scriptUnauthenticated({ status: 200, body: { id: ORG_ID, name: 'Anyone' } });
    const result = await dryRun(baseUrl, { 'private-key': 'a-wrong-private-key' });
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '1' });
    expect(errorLine(result)).toBe(
      'Dry run failed: HTTP 200 to a request without authentication. Atlas always asks for credentials before it answers: this server is not the Atlas API. Check base-url, and any proxy between the runner and Atlas.',
    );
    expect(result.stdout).not.toContain('the credentials were accepted');
    expect(standIn.requests.map((r) => r.authorized)).toEqual([false]);
  });
});
