// The dry run in the core: what it reads from the organization's answer, and that it never
// sends a DELETE.
import { afterEach, describe, expect, it } from 'vitest';
import { verifyOrganization } from '../../src/verify-organization.ts';
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

async function start(steps: Step[] = [], options: Partial<StandInOptions> = {}): Promise<string> {
  standIn = new AtlasStandIn({
    publicKey: PUBLIC_KEY,
    privateKey: PRIVATE_KEY,
    serviceAccount: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    ...options,
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

describe('the check of the organization, in the core', () => {
  const verify = (baseUrl: string, overrides = {}) =>
    perform(settingsFor(baseUrl, { dryRun: true, ...overrides }), recordingLogger(), instantRuntime(), {
      operation: verifyOrganization,
    });
  const SERVICE_ACCOUNT = { method: 'service-account', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } as const;

  it('fails on an organization sent to a request without credentials, and never asks for the role', async () => {
    const baseUrl = await start();
    standIn.scriptUnauthenticated({ status: 200, body: { id: ORG_ID, name: 'Anyone' } });
    const result = await verify(baseUrl);
    expect(result).toMatchObject({
      status: 'failed',
      stepFails: true,
      httpStatus: 200,
      attempts: 1,
      cause: { kind: 'not-atlas' },
    });
    expect(result.message).toBe(
      'Dry run failed: HTTP 200 to a request without authentication. Atlas always asks for credentials before it answers: this server is not the Atlas API. Check base-url, and any proxy between the runner and Atlas.',
    );
    expect(result.checks).toBeUndefined();
    expect(standIn.requests).toHaveLength(1);
  });

  it('reads a 503 to the request without credentials as itself, and retries it', async () => {
    const baseUrl = await start();
    standIn.scriptUnauthenticated({ status: 503, body: ATLAS_ERRORS.unavailable() });
    const result = await verify(baseUrl);
    expect(result).toMatchObject({ status: 'dry-run-passed', attempts: 3 });
  });

  it('fails when the server asks for anything but Digest', async () => {
    const baseUrl = await start([], { challengeHeader: 'Basic realm="MMS Public API"' });
    const result = await verify(baseUrl);
    expect(result).toMatchObject({
      status: 'failed',
      httpStatus: 401,
      attempts: 1,
      cause: { kind: 'authentication-refused' },
    });
    expect(result.message).toBe(
      'Dry run failed: HTTP 401 UNEXPECTED_ERROR: authentication refused: the server did not offer Digest authentication (offered: Basic); the action sends API keys only with Digest, never in a readable form. Atlas challenges with HTTP Digest (MD5, qop=auth): this server asks for something else, so it is not the Atlas API. Check base-url, and any proxy between the runner and Atlas.',
    );
  });

  it('takes the organization only from the status Atlas documents, 200', async () => {
    const baseUrl = await start([{ status: 201, body: { id: ORG_ID, name: 'Acme' } }]);
    const result = await verify(baseUrl);
    expect(result).toMatchObject({ status: 'failed', httpStatus: 201, cause: { kind: 'not-atlas' } });
    expect(result.message).toBe(
      'Dry run failed: HTTP 201; Atlas documents 200 as the only success of this endpoint. Atlas never answers this request that way: check base-url, and any proxy between the runner and Atlas.',
    );
  });

  it.each([
    ['an API key', {}, 'API key'],
    ['a service account', { credentials: SERVICE_ACCOUNT }, 'service account'],
  ])('says for %s that reading the organization needs any role', async (_name, overrides, noun) => {
    const baseUrl = await start([{ status: 403, body: ATLAS_ERRORS.forbidden() }]);
    const result = await verify(baseUrl, overrides);
    expect(result).toMatchObject({ status: 'failed', httpStatus: 403, cause: { kind: 'organization' } });
    expect(result.message).toBe(
      `Dry run failed: HTTP 403 USER_UNAUTHORIZED: You are not authorized for this resource. The ${noun} has no role in this organization: any organization role lets it read the organization (the delete itself needs Organization Owner).`,
    );
  });

  it.each([
    ['v1.0', 'Atlas says this version of its API is gone: set api-version: v2.'],
    ['v2', 'Atlas says this version of its API is gone: update this action to a release that uses a current version.'],
  ] as const)('under api-version %s, says what to do when the version is gone', async (apiVersion, hint) => {
    const baseUrl = await start([{ status: 410, body: ATLAS_ERRORS.versionGone() }]);
    const result = await verify(baseUrl, { apiVersion });
    expect(result).toMatchObject({ status: 'failed', httpStatus: 410, cause: { kind: 'version-gone' }, hint });
  });

  it('after retries, counts the attempts of the organization check', async () => {
    const busy: Step = { status: 503, body: ATLAS_ERRORS.unavailable() };
    const baseUrl = await start([busy, busy]);
    const result = await verify(baseUrl, { maxAttempts: 2 });
    expect(result.message).toBe(
      'Dry run failed after 2 attempts: HTTP 503 SERVICE_UNAVAILABLE: Service temporarily unavailable. This is usually temporary: re-run the step later, or raise max-attempts or retry-delay-seconds.',
    );
  });

  it('fails, naming the dry run, when the organization check gets no answer', async () => {
    const baseUrl = await start([{ action: 'hang' }]);
    const result = await verify(baseUrl, { maxAttempts: 1, timeoutMs: 200 });
    expect(result).toMatchObject({ status: 'failed', cause: { kind: 'timeout' } });
    expect(result.message).toBe(
      'Dry run failed: timed out after 200 ms. No answer came within timeout-seconds: re-run the step later, or raise timeout-seconds or max-attempts.',
    );
  });

  it('cuts a long organization name at 100 characters and a long foreign id at 40', async () => {
    const name = 'N'.repeat(150);
    const id = 'f'.repeat(60);
    const named = await start([{ status: 200, body: { id: ORG_ID, name } }]);
    const passed = await verify(named);
    expect(passed.organizationName).toBe(`${'N'.repeat(99)}…`);
    await standIn.close();
    const foreign = await start([{ status: 200, body: { id, name: 'Other' } }]);
    const failed = await verify(foreign);
    expect(failed.message).toBe(
      `Dry run failed: HTTP 200, but the body is not the organization ${ORG_ID} (it names ${'f'.repeat(39)}…). Check base-url: only the Atlas API answers with the organization.`,
    );
    expect(failed.cause).toEqual({ kind: 'not-atlas' });
  });
});
