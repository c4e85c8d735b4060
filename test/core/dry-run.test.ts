// The dry run in the core: what it reads from the organization's answer, and that it never
// sends a DELETE.
import { afterEach, describe, expect, it } from 'vitest';
import { verifyOrganization } from '../../src/verify-organization.ts';
import { AtlasStandIn, ORGANIZATION_NAME, type Step } from '../support/atlas-stand-in.ts';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  instantRuntime,
  ORG_ID,
  perform,
  PRIVATE_KEY,
  PUBLIC_KEY,
  recordingLogger,
  settingsFor,
} from '../support/fixtures.ts';

const ORG_PATH = `/api/atlas/v1.0/orgs/${ORG_ID}`;
const LIMITS = 'Nothing was deleted; a dry run cannot tell whether a link-token exists.';

let standIn: AtlasStandIn;
afterEach(async () => {
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

describe('dry run in the core', () => {
  const verify = (baseUrl: string, overrides = {}) =>
    perform(settingsFor(baseUrl, { dryRun: true, ...overrides }), recordingLogger(), instantRuntime(), {
      operation: verifyOrganization,
    });

  it('fails on a 200 that is not this organization', async () => {
    const baseUrl = await start([{ status: 200, body: { id: 'aaaaaaaaaaaaaaaaaaaaaaaa', name: 'Other' } }]);
    const result = await verify(baseUrl);
    expect(result).toMatchObject({ status: 'failed', httpStatus: 200, dryRun: true });
    expect(result.message).toBe(
      `Dry run failed: HTTP 200, but the body is not the organization ${ORG_ID} (it names aaaaaaaaaaaaaaaaaaaaaaaa). Check base-url: only the Atlas API answers with the organization.`,
    );
  });

  it('uses the v2 path and media type, and reads the organization inside an envelope', async () => {
    const baseUrl = await start();
    const result = await verify(baseUrl, { apiVersion: 'v2', envelope: true });
    expect(result).toMatchObject({ status: 'dry-run-passed', organizationName: ORGANIZATION_NAME, httpStatus: 200 });
    expect(standIn.requests[1]?.path).toBe(`/api/atlas/v2/orgs/${ORG_ID}`);
    expect(standIn.requests[1]?.headers.accept).toBe('application/vnd.atlas.2023-01-01+json');
    expect(standIn.requests[1]?.query).toEqual({ envelope: 'true' });
  });

  it('names an unnamed organization as such, and matches the id in any letter case', async () => {
    const baseUrl = await start([{ status: 200, body: { id: ORG_ID.toUpperCase(), name: '  ' } }]);
    const log = recordingLogger();
    const result = await perform(settingsFor(baseUrl, { dryRun: true }), log, instantRuntime(), {
      operation: verifyOrganization,
    });
    expect(result).toMatchObject({ status: 'dry-run-passed', stepFails: false, organizationName: '(unnamed)' });
    expect(result.message).toBe(
      `Dry run passed: the credentials were accepted, the runner's IP address is allowed, organization "(unnamed)" (${ORG_ID}) is reachable, and the API key has the Organization Owner role the delete needs (HTTP 200). ${LIMITS}`,
    );
    expect(log.lines[0]).toBe(
      `info: Dry run: nothing will be deleted. Checking the credentials and the organization: GET ${baseUrl}${ORG_PATH} (directly).`,
    );
  });

  it('fails on a 200 without an organization id, and on a 404 that is not Atlas', async () => {
    const baseUrl = await start([
      { status: 200, body: { name: 'x' } },
      { status: 404, body: '<html></html>' },
    ]);
    const first = await verify(baseUrl);
    expect(first.message).toBe(
      `Dry run failed: HTTP 200, but the body is not the organization ${ORG_ID}. Check base-url: only the Atlas API answers with the organization.`,
    );
    const second = await verify(baseUrl);
    expect(second.hint).toBe(
      'The answer did not come from the Atlas API (no Atlas error body): check base-url, and any proxy between the runner and Atlas.',
    );
    expect(second.stepFails).toBe(true);
  });

  it('says a cancelled dry run deleted nothing', async () => {
    const baseUrl = await start([{ action: 'hang' }]);
    const controller = new AbortController();
    const pending = perform(
      settingsFor(baseUrl, { dryRun: true }),
      recordingLogger(),
      instantRuntime(controller.signal),
      {
        operation: verifyOrganization,
      },
    );
    setTimeout(() => controller.abort(), 100);
    const result = await pending;
    expect(result.message).toBe('Cancelled: the job was cancelled during the request; nothing was deleted.');
  });
});
