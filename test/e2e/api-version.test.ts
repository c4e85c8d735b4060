// The API version through dist/index.js: a word before it goes away (Deprecation and Sunset
// headers, one warning per run, the result unchanged), and a 410 once it has gone.
import { describe, expect, it } from 'vitest';
import { ATLAS_ERRORS } from '../support/atlas-stand-in.ts';
import { apiKeyInputs as apiKey, ORG_ID } from '../support/fixtures.ts';
import { errorLine, useE2E } from '../support/e2e.ts';

const { standIn, run } = useE2E();
const warnings = (stdout: string): string[] => stdout.split('\n').filter((line) => line.startsWith('::warning::'));

describe('Deprecation and Sunset headers', () => {
  it('on v1.0: one warning for the run, with the dates and the link; the delete still succeeds', async () => {
    const [, baseUrl] = await standIn({
      deprecation: {
        version: 'v1.0',
        deprecation: 'Mon, 5 Aug 2024 00:00:00 GMT',
        sunset: 'Thu, 1 Jul 2027 00:00:00 GMT',
        link: '<https://www.mongodb.com/docs/atlas/api/versioning-overview/>; rel="deprecation"',
      },
    });
    const result = await run(apiKey(baseUrl));
    expect(result.outputs['status']).toBe('deleted');
    expect(result.code).toBe(0);
    expect(warnings(result.stdout)).toEqual([
      `::warning::Atlas marks this API as deprecated since 2024-08-05; it will be removed on 2027-07-01 (DELETE ${baseUrl}/api/atlas/v1.0/orgs/${ORG_ID}/liveMigrations/linkTokens). Read more: https://www.mongodb.com/docs/atlas/api/versioning-overview/. Set api-version: v2 to move to the current Atlas Administration API. The step's result is not affected.`,
    ]);
  });

  it('on v2 (RFC 9745 form): says to update the action', async () => {
    const [, baseUrl] = await standIn({ deprecation: { version: 'v2', deprecation: '@1722816000' } });
    const result = await run(apiKey(baseUrl, { 'api-version': 'v2' }));
    expect(result.outputs['status']).toBe('deleted');
    expect(warnings(result.stdout)).toEqual([
      `::warning::Atlas marks this API as deprecated since 2024-08-05 (DELETE ${baseUrl}/api/atlas/v2/orgs/${ORG_ID}/liveMigrations/linkTokens). Update this action to a release that uses a current version of the API. The step's result is not affected.`,
    ]);
  });

  it('is silent for a version Atlas does not deprecate, and for values it cannot read', async () => {
    const [, baseUrl] = await standIn({ deprecation: { version: 'v2', deprecation: 'soon', sunset: 'never' } });
    const v2 = await run(apiKey(baseUrl, { 'api-version': 'v2' }));
    const v1 = await run(apiKey(baseUrl));
    expect(warnings(v2.stdout)).toEqual([]);
    expect(warnings(v1.stdout)).toEqual([]);
  });
});

describe('a version that is gone', () => {
  it.each([
    ['v1.0', 'set api-version: v2.'],
    ['v2', 'update this action to a release that uses a current version.'],
  ])('%s: a 410 is final, with what to do', async (version, advice) => {
    const [server, baseUrl] = await standIn({}, [{ status: 410, body: ATLAS_ERRORS.versionGone() }]);
    const result = await run(apiKey(baseUrl, { 'api-version': version }));
    expect(result.outputs).toMatchObject({
      status: 'failed',
      'http-status': '410',
      'error-code': 'VERSION_GONE',
      attempts: '1',
    });
    expect(errorLine(result)).toBe(
      `Deleting the link-token failed: HTTP 410 VERSION_GONE: This happens when a resource is marked for sunset and the sunset date is in the past. Atlas says this version of its API is gone: ${advice}`,
    );
    expect(server.requests).toHaveLength(2);
  });
});
