// How dist/index.js reads what the server answered: which answers count as a deletion, as "already
// gone", or as a failure, and what the log and the summary then say.
import { describe, expect, it } from 'vitest';
import { ATLAS_ERRORS } from '../support/atlas-stand-in.ts';
import { apiKeyInputs as apiKey, ORG_ID } from '../support/fixtures.ts';
import { errorLine, useE2E } from '../support/e2e.ts';

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
      const message = `No link-token to delete for organization ${ORG_ID} (HTTP 404 UNEXPECTED_ERROR after 2 attempts). An earlier request that timed out, was cut off or failed inside Atlas may have deleted it.`;
      expect(result.outputs['status']).toBe('not-found');
      expect(result.stdout).toContain(`::warning::${message}\n`);
      expect(result.summary).toContain(`<p>${message}</p>`);
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
      'Deleting the link-token failed: HTTP 401: You are not authorized for this resource. Check the key pair: the public and private key must belong together, and the key must be an API key of this organization.',
    );
  });
});
