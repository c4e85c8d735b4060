// An active live migration through dist/index.js: the delete that waits it out with
// migration-wait-seconds, the one that gives up, the one cancelled while waiting, and bad values
// of the input.
import { describe, expect, it } from 'vitest';
import { apiKeyInputs as apiKey } from '../support/fixtures.ts';
import { errorLine, serviceAccountInputs as serviceAccount, signalAfter, useE2E } from '../support/e2e.ts';

const { standIn, run } = useE2E();
const PROJECTS = ['60c4fd418ebe251047c50554', '60c4fd418ebe251047c50555'];
const CODE = 'CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK';

describe('migration-wait-seconds', () => {
  it('waits out a migration that ends after three checks, then deletes', async () => {
    const [server, baseUrl] = await standIn({ activeMigration: { projects: PROJECTS, checks: 3 } });
    const result = await run(apiKey(baseUrl, { 'migration-wait-seconds': '60' }));
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({
      status: 'deleted',
      'auth-method': 'digest',
      'http-status': '204',
      attempts: '4',
      'error-code': '',
    });
    const waits = result.stdout.split('\n').filter((line) => line.startsWith('A live migration is still active'));
    expect(waits).toHaveLength(3);
    for (const wait of waits) {
      expect(wait).toMatch(
        new RegExp(
          `^A live migration is still active in projects ${PROJECTS.join(', ')}: checking again in 1 s \\(waited [\\d.]+ m?s of 1 min\\)\\.$`,
        ),
      );
    }
    expect(result.summary).toMatch(
      new RegExp(
        `<tr><th align="left">Waited for a live migration</th><td>[\\d.]+ s of 1 min; 3 checks found a migration active in projects ${PROJECTS.join(', ')}</td></tr>`,
      ),
    );
    expect(server.requests.map((r) => r.answer)).toEqual(['401', '409', '409', '409', '204']);
    expect(result.durationMs).toBeGreaterThanOrEqual(3_000);
  });

  it('as a service account too: one token for every check, revoked at the end', async () => {
    const [server, baseUrl] = await standIn({ activeMigration: { projects: PROJECTS, checks: 1 } });
    const result = await run(serviceAccount(baseUrl, { 'migration-wait-seconds': '30' }));
    expect(result.outputs).toMatchObject({ status: 'deleted', attempts: '2' });
    expect(server.requests.map((r) => `${r.method} ${r.answer}`)).toEqual([
      'POST 200',
      'DELETE 409',
      'DELETE 204',
      'POST 200',
    ]);
    expect(server.liveTokens.size).toBe(0);
  });

  it('gives up when the wait runs out: fails with the error code, the projects and the time waited', async () => {
    const [, baseUrl] = await standIn({ activeMigration: { projects: PROJECTS, checks: Infinity } });
    const result = await run(apiKey(baseUrl, { 'migration-wait-seconds': '2.5' }));
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'failed', 'http-status': '409', 'error-code': CODE });
    expect(errorLine(result)).toMatch(
      new RegExp(
        `^Deleting the link-token failed( after \\d+ attempts)?: a live migration was still active in projects ${PROJECTS.join(', ')} after waiting 2\\.5\\d? s \\(migration-wait-seconds allows 2\\.5 s\\): HTTP 409 ${CODE}: Cannot delete organization link while there is active migration in following project ids: ${PROJECTS.join(', ')}\\. Raise migration-wait-seconds, or run this step once every migration of the organization has been cut over\\.$`,
      ),
    );
    expect(result.durationMs).toBeLessThan(8_000);
  });

  it('without it, fails at once and points at it, naming the projects', async () => {
    const [server, baseUrl] = await standIn({ activeMigration: { projects: PROJECTS, checks: 1 } });
    const result = await run(apiKey(baseUrl));
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '1', 'error-code': CODE });
    expect(errorLine(result)).toBe(
      `Deleting the link-token failed: HTTP 409 ${CODE}: Cannot delete organization link while there is active migration in following project ids: ${PROJECTS.join(', ')}. A live migration is still active in projects ${PROJECTS.join(', ')}: run this step after every migration of the organization has been cut over, or let it wait for the cutover with migration-wait-seconds.`,
    );
    expect(server.requests).toHaveLength(2);
  });

  it('reports within 2 s of a cancellation during the wait, saying nothing was deleted', async () => {
    const [server, baseUrl] = await standIn({ activeMigration: { projects: PROJECTS, checks: Infinity } });
    const sent = { at: 0 };
    const result = await run(apiKey(baseUrl, { 'migration-wait-seconds': '600', 'retry-delay-seconds': '20' }), {
      onStart: signalAfter(server, 2, 'SIGINT', sent, 200),
    });
    expect(Date.now() - sent.at).toBeLessThan(2_000);
    expect(result.code).toBe(1);
    expect(result.outputs).toEqual({
      status: 'failed',
      'auth-method': 'digest',
      'http-status': '409',
      attempts: '1',
      'error-code': CODE,
    });
    expect(errorLine(result)).toBe(
      'Cancelled: the job was cancelled while waiting for the live migration to end; the link-token was not deleted.',
    );
    expect(result.summary).toMatch(/^<h2>❌ Cancelled: the link-token was not deleted<\/h2>\n/);
  });

  it.each([
    ['-1', "'-1' is not a number of seconds; expected from 0 up to 21600 (decimals allowed)"],
    ['21600.5', '21600.5 is out of range; expected from 0 up to 21600'],
    ['10m', "'10m' is not a number of seconds; expected from 0 up to 21600 (decimals allowed)"],
    ['1e3', "'1e3' is not a number of seconds; expected from 0 up to 21600 (decimals allowed)"],
  ])('refuses %j before any request, naming the input', async (value, problem) => {
    const [server, baseUrl] = await standIn();
    const result = await run(apiKey(baseUrl, { 'migration-wait-seconds': value }));
    expect(result.code).toBe(1);
    expect(errorLine(result)).toBe(`Invalid input 'migration-wait-seconds': ${problem}`);
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '0' });
    expect(server.requests).toHaveLength(0);
  });
});
