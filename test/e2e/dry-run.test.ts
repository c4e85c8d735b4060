// The dry run (`dry-run: true`): dist/index.js as the runner runs it, against the stand-in's Return
// One Organization and Return All Projects Available for Migration, with Owner and Member
// credentials of both kinds. Whatever happens, no DELETE may reach Atlas.
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ATLAS_ERRORS,
  AtlasStandIn,
  ORGANIZATION_NAME,
  type StandInOptions,
  type Step,
} from '../support/atlas-stand-in.ts';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  MEMBER_CLIENT_ID,
  MEMBER_CLIENT_SECRET,
  MEMBER_PRIVATE_KEY,
  MEMBER_PUBLIC_KEY,
  ORG_ID,
  PRIVATE_KEY,
  PUBLIC_KEY,
} from '../support/fixtures.ts';
import { type ActionRun, runAction, stageAction } from '../support/run-action.ts';

const ORG_PATH = `/api/atlas/v1.0/orgs/${ORG_ID}`;
const ORG_PATH_V2 = `/api/atlas/v2/orgs/${ORG_ID}`;
const ROLE_PATH = `/api/atlas/v2/orgs/${ORG_ID}/liveMigrations/availableProjects`;
const LIMITS = 'Nothing was deleted; a dry run cannot tell whether a link-token exists.';

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

async function start(steps: Step[] = [], options: Partial<StandInOptions> = {}): Promise<string> {
  standIn = new AtlasStandIn({
    publicKey: PUBLIC_KEY,
    privateKey: PRIVATE_KEY,
    serviceAccount: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    memberKey: { publicKey: MEMBER_PUBLIC_KEY, privateKey: MEMBER_PRIVATE_KEY },
    memberServiceAccount: { clientId: MEMBER_CLIENT_ID, clientSecret: MEMBER_CLIENT_SECRET },
    ...options,
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
  it('passes with an Owner API key: the organization, then the role, and says what it verified', async () => {
    const baseUrl = await start();
    const run = await dryRun(baseUrl);
    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({
      status: 'dry-run-passed',
      'auth-method': 'digest',
      'http-status': '200',
      attempts: '2',
      'error-code': '',
    });
    expect(standIn.requests.map((r) => `${r.method} ${r.path} ${r.answer}`)).toEqual([
      `GET ${ORG_PATH} 401`,
      `GET ${ORG_PATH} 200`,
      `GET ${ROLE_PATH} 200`,
    ]);
    expect(standIn.requests[2]?.headers.accept).toBe('application/vnd.atlas.2023-01-01+json');
    expect(run.stdout).toContain(
      `Dry run: nothing will be deleted. Checking the credentials and the organization: GET ${baseUrl}${ORG_PATH} (directly).`,
    );
    expect(run.stdout).toContain(
      `The organization "${ORGANIZATION_NAME}" answered. Checking the Organization Owner role the delete needs: GET ${baseUrl}${ROLE_PATH}.`,
    );
    expect(run.stdout).toContain(
      `Dry run passed: the credentials were accepted, the runner's IP address is allowed, organization "${ORGANIZATION_NAME}" (${ORG_ID}) is reachable, and the API key has the Organization Owner role the delete needs (HTTP 200). ${LIMITS}\n`,
    );
    expect(run.stdout).not.toContain('::warning::');
    expect(run.summary).toMatch(/^<h2>✅ Dry run passed — nothing deleted<\/h2>\n<table>\n/);
    expect(run.summary).toContain(
      `<tr><th align="left">Organization</th><td>${ORGANIZATION_NAME} (${ORG_ID})</td></tr>`,
    );
    expect(run.summary).toContain(
      '<ul>\n<li>✅ the credentials were accepted</li>\n<li>✅ the IP address of this runner is allowed (API access list)</li>\n<li>✅ the organization is reachable: Stand-in Org</li>\n<li>✅ the API key has the Organization Owner role the delete needs</li>\n</ul>\n<p>A dry run deletes nothing, and cannot tell whether a link-token exists. It proves the access list for this runner only: run it in the job that deletes.</p>',
    );
  });

  it('passes as an Owner service account: token, both GETs with the bearer token, revoke', async () => {
    const baseUrl = await start();
    const run = await dryRun(baseUrl, { 'client-id': CLIENT_ID, 'client-secret': CLIENT_SECRET });
    expect(run.outputs).toMatchObject({ status: 'dry-run-passed', 'auth-method': 'service-account', attempts: '2' });
    expect(standIn.requests.map((r) => `${r.method} ${r.path} ${r.answer}`)).toEqual([
      'POST /api/oauth/token 200',
      `GET ${ORG_PATH} 200`,
      `GET ${ROLE_PATH} 200`,
      'POST /api/oauth/revoke 200',
    ]);
    expect(run.stdout).toContain(
      'and the service account has the Organization Owner role the delete needs (HTTP 200).',
    );
    expect(standIn.liveTokens.size).toBe(0);
  });

  it.each([
    ['an API key', { 'public-key': MEMBER_PUBLIC_KEY, 'private-key': MEMBER_PRIVATE_KEY }, 'API key'],
    ['a service account', { 'client-id': MEMBER_CLIENT_ID, 'client-secret': MEMBER_CLIENT_SECRET }, 'service account'],
  ])('fails for %s with only the Member role, naming the role the delete needs', async (_name, credentials, noun) => {
    const baseUrl = await start();
    const run = await dryRun(baseUrl, credentials);
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'failed', 'http-status': '403', 'error-code': 'USER_UNAUTHORIZED' });
    expect(errorLine(run)).toBe(
      `Dry run failed: the credentials work, but the ${noun} lacks the Organization Owner role the delete needs (HTTP 403 USER_UNAUTHORIZED: You are not authorized for this resource.). Give the ${noun} the Organization Owner role in this organization, or use one that has it.`,
    );
    expect(run.summary).toContain(
      `<li>⚠️ not verified: the ${noun} has the Organization Owner role the delete needs — Atlas refused: HTTP 403 USER_UNAUTHORIZED</li>`,
    );
  });

  it('asks for the role under v2 with api-version v1.0 too, and under v2 with v2', async () => {
    const baseUrl = await start();
    const v2 = await dryRun(baseUrl, { 'api-version': 'v2' });
    expect(v2.outputs['status']).toBe('dry-run-passed');
    expect(standIn.requests.map((r) => r.path)).toEqual([ORG_PATH_V2, ORG_PATH_V2, ROLE_PATH]);
    expect(standIn.requests.map((r) => r.headers.accept)).toEqual(
      Array(3).fill('application/vnd.atlas.2023-01-01+json'),
    );
  });

  it('passes with one warning when the role check answers something Atlas does not document', async () => {
    const baseUrl = await start([
      { status: 200, body: { id: ORG_ID, name: 'Acme' } },
      { status: 404, body: { detail: 'Not found', error: 404, errorCode: 'RESOURCE_NOT_FOUND', reason: 'Not Found' } },
    ]);
    const run = await dryRun(baseUrl);
    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({
      status: 'dry-run-passed',
      'auth-method': 'digest',
      'http-status': '404',
      attempts: '2',
      'error-code': 'RESOURCE_NOT_FOUND',
    });
    const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning::'));
    expect(warnings).toEqual([
      `::warning::Could not verify the Organization Owner role the delete needs: GET ${baseUrl}${ROLE_PATH} answered HTTP 404 RESOURCE_NOT_FOUND, which Atlas does not document as a verdict on the role. The delete may still be refused for want of it (HTTP 403).`,
    ]);
    expect(run.stdout).toContain(
      `Dry run passed: the credentials were accepted, the runner's IP address is allowed and organization "Acme" (${ORG_ID}) is reachable; the Organization Owner role the delete needs could not be verified (see the warning). ${LIMITS}\n`,
    );
    expect(run.summary).toContain(
      '<li>⚠️ not verified: the API key has the Organization Owner role the delete needs — GET',
    );
  });

  it.each([
    [
      'an HTML page',
      '<html><title>Blocked</title></html>',
      'HTTP 200 (the answer was an HTML page, not Atlas JSON (it may come from a proxy or load balancer))',
    ],
    [
      'an Atlas error body',
      { detail: 'No.', error: 403, errorCode: 'USER_UNAUTHORIZED' },
      'HTTP 200 USER_UNAUTHORIZED',
    ],
  ])(
    'proves no role with a 200 that is not the list of projects (%s): unverified, one warning',
    async (_name, body, answered) => {
      const baseUrl = await start([
        { status: 200, body: { id: ORG_ID, name: 'Acme' } },
        { status: 200, body },
      ]);
      const run = await dryRun(baseUrl);
      expect(run.outputs['status']).toBe('dry-run-passed');
      const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning::'));
      expect(warnings).toEqual([
        `::warning::Could not verify the Organization Owner role the delete needs: GET ${baseUrl}${ROLE_PATH} answered ${answered}, not the list of projects, which Atlas does not document as a verdict on the role. The delete may still be refused for want of it (HTTP 403).`,
      ]);
      expect(run.summary).not.toContain('✅ the API key has the Organization Owner role');
    },
  );

  it('fails when the access list refuses the role check: the delete would be refused too', async () => {
    const baseUrl = await start([
      { status: 200, body: { id: ORG_ID, name: 'Acme' } },
      { status: 403, body: ATLAS_ERRORS.ipNotOnAccessList('198.51.100.7') },
    ]);
    const run = await dryRun(baseUrl);
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({
      status: 'failed',
      'http-status': '403',
      'error-code': 'IP_ADDRESS_NOT_ON_ACCESS_LIST',
    });
    expect(errorLine(run)).toBe(
      "Dry run failed: the role check was refused: HTTP 403 IP_ADDRESS_NOT_ON_ACCESS_LIST: IP address 198.51.100.7 is not allowed to access this resource. The runner's IP address 198.51.100.7 is not on the API key's API access list: add it in Atlas, or run on a runner with an allowed address.",
    );
    expect(run.summary).toContain(
      '<li>⚠️ not verified: the IP address of this runner is allowed (API access list) — Atlas refused the role check: HTTP 403 IP_ADDRESS_NOT_ON_ACCESS_LIST</li>',
    );
  });

  it('fails when the role check keeps failing for a reason a retry could fix', async () => {
    const busy = { status: 503, body: ATLAS_ERRORS.unavailable() };
    const baseUrl = await start([{ status: 200, body: { id: ORG_ID, name: 'Acme' } }, busy, busy]);
    const run = await dryRun(baseUrl, { 'max-attempts': '2' });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'failed', 'http-status': '503', attempts: '3' });
    expect(errorLine(run)).toBe(
      'Dry run failed after 2 attempts: the role check got no usable answer: HTTP 503 SERVICE_UNAVAILABLE: Service temporarily unavailable. This is usually temporary: re-run the step later, or raise max-attempts or retry-delay-seconds.',
    );
  });

  it('fails on a wrong key, with the key-pair hint, and never asks for the role', async () => {
    const baseUrl = await start();
    const run = await dryRun(baseUrl, { 'public-key': PUBLIC_KEY, 'private-key': 'wrong' });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'failed', 'http-status': '401', attempts: '1' });
    expect(errorLine(run)).toBe(
      'Dry run failed: HTTP 401 UNEXPECTED_ERROR: You are not authorized for this resource. Check the key pair: the public and private key must belong together, and the key must be an API key of this organization.',
    );
    expect(run.summary).toMatch(/^<h2>❌ Dry run failed: Atlas refused the API key<\/h2>\n/);
    expect(standIn.requests.map((r) => r.path)).not.toContain(ROLE_PATH);
  });

  it('says that reading the organization needs any organization role, not Owner', async () => {
    const baseUrl = await start([{ status: 403, body: ATLAS_ERRORS.forbidden() }]);
    const run = await dryRun(baseUrl);
    expect(errorLine(run)).toBe(
      'Dry run failed: HTTP 403 USER_UNAUTHORIZED: You are not authorized for this resource. The API key has no role in this organization: any organization role lets it read the organization (the delete itself needs Organization Owner).',
    );
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
    expect(run.outputs).toMatchObject({ status: 'dry-run-passed', attempts: '3', 'http-status': '200' });
    expect(run.stdout).toMatch(/^Attempt 1 of 5: HTTP 503 SERVICE_UNAVAILABLE\. Retrying in \d+ m?s\.$/m);
  });

  it('sends no DELETE whatever it is answered (the afterEach checks every test; here, every kind of answer)', async () => {
    const baseUrl = await start([{ status: 503 }, { status: 404, body: ATLAS_ERRORS.notFound() }]);
    const run = await dryRun(baseUrl);
    expect(run.outputs['status']).toBe('failed');
    expect(standIn.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
  });

  it('never waits for an active migration: it sends no DELETE to be refused', async () => {
    const baseUrl = await start([], { activeMigration: { projects: ['60c4fd418ebe251047c50554'], checks: 5 } });
    const run = await dryRun(baseUrl, { 'migration-wait-seconds': '60' });
    expect(run.outputs['status']).toBe('dry-run-passed');
    expect(run.durationMs).toBeLessThan(10_000);
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
