// The mistakes a hurried user makes, through dist/index.js: a misspelled input, swapped
// credentials, a secret in the wrong input, a URL where an ID belongs. Each is refused before any
// request, says what to do, and never shows the secret.
import { describe, expect, it } from 'vitest';
import { ATLAS_ERRORS } from '../support/atlas-stand-in.ts';
import {
  apiKeyInputs as apiKey,
  CLIENT_ID,
  CLIENT_SECRET,
  ORG_ID,
  PRIVATE_KEY,
  PUBLIC_KEY,
} from '../support/fixtures.ts';
import { errorLine, serviceAccountInputs as serviceAccount, useE2E } from '../support/e2e.ts';
import { visibleOutput } from '../support/run-action.ts';

const { standIn, run } = useE2E();

const REJECTED = { status: 'failed', 'auth-method': '', 'http-status': '', attempts: '0', 'error-code': '' };

describe('an input the action does not have', () => {
  it.each([
    ['dry_run', 'yes', "did you mean 'dry-run'?"],
    ['org_id', ORG_ID, "did you mean 'org-id'?"],
    ['fail-on-notfound', 'true', "did you mean 'fail-on-not-found'?"],
    ['privat-key', 'x', "did you mean 'private-key'?"],
    ['colour', 'blue', 'its inputs are listed in action.yml and the README'],
  ])('%s is refused before any request, naming it and the nearest real input', async (name, value, advice) => {
    const [server, baseUrl] = await standIn();
    const result = await run({ ...apiKey(baseUrl), [name]: value });
    expect(result.code).toBe(1);
    expect(result.outputs).toEqual(REJECTED);
    expect(errorLine(result)).toBe(`Invalid input '${name}': it is not an input of this action; ${advice}`);
    expect(result.summary).toMatch(new RegExp(`^<h2>❌ Not run: invalid input &#39;${name}&#39;</h2>\n`));
    expect(server.requests).toHaveLength(0);
  });
});

describe('an input under a name the runner would not give it', () => {
  it('a mixed-case variable (from a .env file, say) is refused rather than silently ignored', async () => {
    const [server, baseUrl] = await standIn();
    const result = await run(apiKey(baseUrl), { env: { 'INPUT_Dry-Run': 'true' } });
    expect(result.code).toBe(1);
    expect(result.outputs).toEqual(REJECTED);
    expect(errorLine(result)).toBe(
      "Invalid input 'dry-run': it is given as INPUT_Dry-Run, which is not read: name it INPUT_DRY-RUN",
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('a secret in an input that is no secret', () => {
  it('is masked and never quoted: the error names the input only', async () => {
    const [server, baseUrl] = await standIn();
    const result = await run(apiKey(baseUrl, { 'api-version': CLIENT_SECRET }));
    expect(result.outputs).toEqual(REJECTED);
    expect(result.stdout).toContain(`::add-mask::${CLIENT_SECRET}\n`);
    expect(errorLine(result)).toBe(
      "Invalid input 'api-version': it looks like a service-account client secret (mdb_sa_sk_…), which belongs in client-secret; the value is masked and not shown",
    );
    expect(visibleOutput(result)).not.toContain(CLIENT_SECRET.slice(0, 12));
    expect(server.requests).toHaveLength(0);
  });
});

describe('credentials in the wrong input', () => {
  it('swapped API keys: refused before the private key could be sent as the user name', async () => {
    const [server, baseUrl] = await standIn();
    const result = await run(apiKey(baseUrl, { 'public-key': PRIVATE_KEY, 'private-key': PUBLIC_KEY }));
    expect(result.outputs).toEqual(REJECTED);
    expect(errorLine(result)).toBe(
      "Invalid input 'public-key': it looks like an API private key (a UUID), not an API public key (8 lower-case letters): are public-key and private-key swapped?",
    );
    expect(server.requests).toHaveLength(0);
    expect(visibleOutput(result)).not.toContain(PRIVATE_KEY);
  });

  it('a client secret in client-id: refused, and masked although client-id is no secret', async () => {
    const [server, baseUrl] = await standIn();
    const result = await run(serviceAccount(baseUrl, { 'client-id': CLIENT_SECRET, 'client-secret': CLIENT_ID }));
    expect(result.outputs).toEqual(REJECTED);
    expect(errorLine(result)).toBe(
      "Invalid input 'client-id': it looks like a service-account client secret (mdb_sa_sk_…), not a service-account client ID (mdb_sa_id_…): are client-id and client-secret swapped?",
    );
    expect(result.stdout).toContain(`::add-mask::${CLIENT_SECRET}\n`);
    expect(visibleOutput(result)).not.toContain(CLIENT_SECRET);
    expect(server.requests).toHaveLength(0);
  });

  it('service-account credentials in the API-key inputs: says where they go', async () => {
    const [server, baseUrl] = await standIn();
    const result = await run(apiKey(baseUrl, { 'public-key': CLIENT_ID, 'private-key': CLIENT_SECRET }));
    expect(errorLine(result)).toBe(
      "Invalid input 'public-key': it looks like a service-account client ID (mdb_sa_id_…), not an API public key (8 lower-case letters): service-account credentials go in client-id and client-secret",
    );
    expect(server.requests).toHaveLength(0);
  });

  it('lets an unusual value through: key formats are MongoDB’s to change', async () => {
    const [, baseUrl] = await standIn({ publicKey: 'OPS-MANAGER-KEY-01', privateKey: 'not-a-uuid-at-all' });
    const result = await run(
      apiKey(baseUrl, { 'public-key': 'OPS-MANAGER-KEY-01', 'private-key': 'not-a-uuid-at-all' }),
    );
    expect(result.outputs['status']).toBe('deleted');
  });
});

describe('a URL where the organization ID belongs', () => {
  it('an organization URL: refused, quoting the ID it holds', async () => {
    const [server, baseUrl] = await standIn();
    const result = await run(apiKey(baseUrl, { 'org-id': `https://cloud.mongodb.com/v2#/org/${ORG_ID}/projects` }));
    expect(result.outputs).toEqual(REJECTED);
    expect(errorLine(result)).toBe(
      `Invalid input 'org-id': it is a URL, not an ID; the organization ID in it is ${ORG_ID}: set org-id to that`,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('any other URL: says where the ID is', async () => {
    const [, baseUrl] = await standIn();
    const result = await run(
      apiKey(baseUrl, { 'org-id': 'https://cloud.mongodb.com/v2/5f1e2d3c4b5a69788796a5b4#/overview' }),
    );
    expect(errorLine(result)).toBe(
      "Invalid input 'org-id': it is a URL, not an ID; expected the Atlas organization ID: exactly 24 hexadecimal characters (0-9, a-f): in Atlas it is under Organization Settings, and in the address of any organization page after /org/",
    );
  });
});

describe('"nothing to delete" is proven', () => {
  it('for the real organization: not-found, with two requests for the delete and one for the check', async () => {
    const [server, baseUrl] = await standIn({}, [{ status: 404, body: ATLAS_ERRORS.notFound() }]);
    const result = await run(apiKey(baseUrl));
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({
      status: 'not-found',
      'auth-method': 'digest',
      'http-status': '404',
      attempts: '2',
      'error-code': 'UNEXPECTED_ERROR',
    });
    expect(server.requests.map((r) => `${r.method} ${r.answer}`)).toEqual(['DELETE 401', 'DELETE 404', 'GET 200']);
    expect(result.stdout).toContain(
      `::warning::Nothing to delete: organization "Stand-in Org" (${ORG_ID}) has no link-token.\n`,
    );
  });

  it('for a wrong org-id (a project ID has the same shape): fails, pointing at org-id', async () => {
    const projectId = '32b6e34b3d91647abb20e7b8';
    const [server, baseUrl] = await standIn();
    const result = await run(apiKey(baseUrl, { 'org-id': projectId }));
    expect(result.code).toBe(1);
    expect(result.outputs).toEqual({
      status: 'failed',
      'auth-method': 'digest',
      'http-status': '404',
      attempts: '2',
      'error-code': 'ORG_NOT_FOUND',
    });
    expect(errorLine(result)).toBe(
      `Deleting the link-token failed: Atlas answered the delete with 404, and the organization ${projectId} did not answer with itself (HTTP 404 ORG_NOT_FOUND: No organization with ID ${projectId} exists.). Check org-id: it must be the ID of the organization (Organization Settings in Atlas); a project ID has the same 24-character shape. The link-token of the right organization may still exist.`,
    );
    expect(server.requests.map((r) => `${r.method} ${r.answer}`)).toEqual(['DELETE 401', 'DELETE 404', 'GET 404']);
  });
});
