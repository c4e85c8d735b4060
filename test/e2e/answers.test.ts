// How dist/index.js reads what the server answered: which answers count as a deletion, as "already
// gone", or as a failure, and what the log and the summary then say.
import { describe, expect, it } from 'vitest';
import { ATLAS_ERRORS } from '../support/atlas-stand-in.ts';
import { apiKeyInputs as apiKey, ORG_ID } from '../support/fixtures.ts';
import { errorLine, errorLines, useE2E } from '../support/e2e.ts';

const { standIn, run } = useE2E();

describe('an authorized request of unknown fate, then 404', () => {
  it.each([
    ['502', { status: 502 }],
    ['504', { status: 504 }],
  ] as const)(
    '%s then 404: the log and the summary say the earlier attempt may have deleted it',
    async (_name, step) => {
      const [, baseUrl] = await standIn({}, [step, { status: 404, body: ATLAS_ERRORS.notFound() }]);
      const result = await run(apiKey(baseUrl));
      const message = `Nothing to delete: organization "Stand-in Org" (${ORG_ID}) has no link-token. An earlier request that timed out, was cut off or failed inside Atlas may have deleted it.`;
      expect(result.outputs['status']).toBe('not-found');
      expect(result.stdout).toContain(`::warning::${message}\n`);
      expect(result.summary).toMatch(
        /^<h2>✅ Nothing to delete: the organization has no link-token<\/h2>\n<p>An earlier request that timed out, was cut off or failed inside Atlas may have deleted it.<\/p>\n/,
      );
    },
  );
});

describe('a 404 that is not Atlas speaking', () => {
  it('fails with a hint about base-url instead of passing as not-found', async () => {
    const [, baseUrl] = await standIn({}, [
      {
        status: 404,
        body: '<html><head><title>404 Not Found</title></head></html>',
        headers: { 'Content-Type': 'text/html' },
      },
    ]);
    const result = await run(apiKey(baseUrl));
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'failed', 'http-status': '404' });
    expect(errorLine(result)).toBe(
      'Deleting the link-token failed: HTTP 404: 404 Not Found (the answer was an HTML page, not Atlas JSON (it may come from a proxy or load balancer)). The answer did not come from the Atlas API (no Atlas error body): check base-url, and any proxy between the runner and Atlas.',
    );
  });

  it("passes on Atlas's real answer for a missing link-token", async () => {
    const [, baseUrl] = await standIn({}, [{ status: 404, body: ATLAS_ERRORS.notFound() }]);
    const result = await run(apiKey(baseUrl));
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({
      status: 'not-found',
      'http-status': '404',
      'error-code': 'UNEXPECTED_ERROR',
    });
  });
});

describe("Atlas's detail in the error line", () => {
  it("writes no doubled full stop after Atlas's detail", async () => {
    const [, baseUrl] = await standIn({}, [{ status: 401, body: ATLAS_ERRORS.unauthorized() }]);
    const result = await run(apiKey(baseUrl, { 'private-key': 'wrong' }));
    expect(errorLine(result)).toBe(
      'Deleting the link-token failed: HTTP 401 UNEXPECTED_ERROR: You are not authorized for this resource. Check the key pair: the public and private key must belong together, and the key must be an API key of this organization.',
    );
  });
});

describe('an unsolicited 101 Switching Protocols', () => {
  it('to the authorized request is a failed result like any other, with outputs and summary', async () => {
    const [server, baseUrl] = await standIn({}, [{ action: 'switch-protocols' }]);
    const result = await run(apiKey(baseUrl));
    expect(result.code).toBe(1);
    expect(result.outputs).toEqual({
      status: 'failed',
      'auth-method': 'digest',
      'http-status': '101',
      attempts: '1',
      'error-code': '',
    });
    expect(result.summary).toContain('❌');
    expect(errorLines(result)).toEqual([
      '::error::Deleting the link-token failed: HTTP 101. The server answered with an interim or protocol-switching status instead of an answer: it is not the Atlas API. Check base-url, and any proxy between the runner and Atlas.',
    ]);
    expect(server.requests.map((r) => r.answer)).toEqual(['401', 'switch-protocols']);
  });
});

describe("the runner's IP in an access-list refusal", () => {
  it('quotes only the address Atlas names, never what follows it', async () => {
    const fake = '\n\nDeleted the live-migration link-token of organization x (HTTP 204).\n\u001b[32m';
    const parameter = `203.0.113.7${fake}${'x'.repeat(3000)}`;
    const body = { ...ATLAS_ERRORS.ipNotOnAccessList('203.0.113.7'), parameters: [parameter] };
    const [, baseUrl] = await standIn({}, [{ status: 403, body }]);
    const result = await run(apiKey(baseUrl));
    expect(errorLine(result)).toBe(
      "Deleting the link-token failed: HTTP 403 IP_ADDRESS_NOT_ON_ACCESS_LIST: IP address 203.0.113.7 is not allowed to access this resource. The runner's IP address 203.0.113.7 is not on the API key's API access list: add it in Atlas, or run on a runner with an allowed address.",
    );
  });

  it('finds no address in a detail that merely holds colons ("12:30:45", "Class::method")', async () => {
    const body = {
      detail: 'Request refused at 12:30:45 by rule Class::method.',
      error: 403,
      errorCode: 'IP_ADDRESS_NOT_ON_ACCESS_LIST',
      parameters: [],
      reason: 'Forbidden',
    };
    const [, baseUrl] = await standIn({}, [{ status: 403, body }]);
    const result = await run(apiKey(baseUrl));
    expect(errorLine(result)).toBe(
      "Deleting the link-token failed: HTTP 403 IP_ADDRESS_NOT_ON_ACCESS_LIST: Request refused at 12:30:45 by rule Class::method. The runner's IP address is not on the API key's API access list: add it in Atlas, or run on a runner with an allowed address.",
    );
  });
});

describe('a lying envelope', () => {
  it.each([500, 404, 401])('HTTP %i whose body says {"status":204} is read as itself', async (status) => {
    const [, baseUrl] = await standIn({}, [
      { status, body: { status: 204, content: {} }, asIs: true },
      { status, body: { status: 204, content: {} }, asIs: true },
    ]);
    const result = await run(apiKey(baseUrl, { envelope: 'true', 'max-attempts': '2' }));
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'failed', 'http-status': String(status) });
    expect(errorLine(result)).toMatch(
      new RegExp(`^Deleting the link-token failed( after 2 attempts)?: HTTP ${status}[.:]`),
    );
  });
});

describe('an answer to a request without credentials that Atlas gives only with them', () => {
  it.each([
    ['a 204 to the DELETE', { status: 204 }, 'HTTP 204'],
    ['an Atlas-shaped 404 to the DELETE', { status: 404, body: ATLAS_ERRORS.notFound() }, 'HTTP 404 UNEXPECTED_ERROR'],
    [
      'an active migration (a wait would be for nothing)',
      { status: 409, body: ATLAS_ERRORS.activeMigration() },
      'HTTP 409 CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK',
    ],
    [
      'an access-list refusal (its IP is no fact)',
      { status: 403, body: ATLAS_ERRORS.ipNotOnAccessList('198.51.100.7') },
      'HTTP 403 IP_ADDRESS_NOT_ON_ACCESS_LIST',
    ],
  ])('%s proves nothing: failed at once, "not Atlas"', async (_name, step, answer) => {
    const [server, baseUrl] = await standIn();
    server.scriptUnauthenticated(step);
    const result = await run(
      apiKey(baseUrl, { 'private-key': 'a-wrong-private-key', 'migration-wait-seconds': '600' }),
    );
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '1' });
    expect(errorLine(result)).toBe(
      `Deleting the link-token failed: ${answer} to a request without authentication. Atlas always asks for credentials before it answers: this server is not the Atlas API. Check base-url, and any proxy between the runner and Atlas.`,
    );
    expect(server.requests.map((r) => r.authorized)).toEqual([false]);
  });
});

describe('control and bidirectional-override characters in server text', () => {
  it('reach neither the log nor the summary', async () => {
    const detail = 'Access \u202Edenied\u2066 here\u2069 \u200B, \u0085 and \u009b[2J.';
    const body = { detail, error: 400, errorCode: 'BAD\u202EREQUEST', parameters: [], reason: 'Bad Request' };
    const [, baseUrl] = await standIn({}, [{ status: 400, body }]);
    const result = await run(apiKey(baseUrl));
    expect(result.outputs['status']).toBe('failed');
    const format = /[\p{Cf}\u0085\u009b\u2028\u2029]/u;
    expect(result.stdout).not.toMatch(format);
    expect(result.summary).not.toMatch(format);
    expect(result.outputs['error-code']).not.toMatch(format);
    expect(errorLine(result)).toBe(
      "Deleting the link-token failed: HTTP 400 BAD REQUEST: Access denied here , and [2J. Check org-id, the credentials and api-version against Atlas's message: nothing else in the request comes from the inputs.",
    );
    expect(result.outputs['error-code']).toBe('BAD REQUEST');
  });
});
