// The delete waiting out an active live migration, in the core against the stand-in: the schedule
// of the checks (back-off, Retry-After, at least 1 s, never past the wait's end), the retry budget
// that stays whole for each check, and what the result says of the wait.
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_MIGRATION_CHECK_MS } from '../../src/delete-link-token.ts';
import { ATLAS_ERRORS, AtlasStandIn, type Step } from '../support/atlas-stand-in.ts';
import {
  instantRuntime,
  PRIVATE_KEY,
  PUBLIC_KEY,
  perform,
  recordingLogger,
  settingsFor,
  waitingClockRuntime,
} from '../support/fixtures.ts';

const PROJECTS = ['60c4fd418ebe251047c50554', '60c4fd418ebe251047c50555'];
const ACTIVE: Step = { status: 409, body: ATLAS_ERRORS.activeMigration(PROJECTS) };

let standIn: AtlasStandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

async function start(checks: number, steps: Step[] = []): Promise<string> {
  standIn = new AtlasStandIn({
    publicKey: PUBLIC_KEY,
    privateKey: PRIVATE_KEY,
    activeMigration: { projects: PROJECTS, checks },
  });
  const baseUrl = await standIn.start();
  standIn.script(...steps);
  return baseUrl;
}

describe('waiting out an active live migration', () => {
  it('checks again on the back-off schedule until the migration ends, then deletes', async () => {
    const baseUrl = await start(3);
    const runtime = waitingClockRuntime();
    const log = recordingLogger();
    const result = await perform(settingsFor(baseUrl, { migrationWaitMs: 600_000 }), log, runtime);
    expect(result).toMatchObject({ status: 'deleted', httpStatus: 204, attempts: 4 });
    // retry-delay-seconds 2: 2 s, 4 s, 8 s, no jitter.
    expect(runtime.sleeps).toEqual([2_000, 4_000, 8_000]);
    // The summary's table of attempts shows each pause after the check it followed.
    expect(result.attemptLog.map((record) => record.waitMs)).toEqual([2_000, 4_000, 8_000, undefined]);
    // The wait runs up to the check that found the migration over: 2 + 4 + 8 s.
    expect(result.migrationWait).toEqual({ waitedMs: 14_000, limitMs: 600_000, checks: 3, projects: PROJECTS });
    expect(log.lines.filter((line) => line.includes('still active'))).toEqual([
      `info: A live migration is still active in projects ${PROJECTS.join(', ')}: checking again in 2 s (waited 0 ms of 10 min).`,
      `info: A live migration is still active in projects ${PROJECTS.join(', ')}: checking again in 4 s (waited 2 s of 10 min).`,
      `info: A live migration is still active in projects ${PROJECTS.join(', ')}: checking again in 8 s (waited 6 s of 10 min).`,
    ]);
    expect(standIn?.requests.map((r) => r.answer)).toEqual(['401', '409', '409', '409', '204']);
  });

  it('caps the pause at 30 s, and waits at least 1 s whatever retry-delay-seconds says', async () => {
    const slow = await start(7);
    const runtime = waitingClockRuntime();
    await perform(settingsFor(slow, { migrationWaitMs: 3_600_000, retryDelayMs: 10_000 }), recordingLogger(), runtime);
    expect(runtime.sleeps).toEqual([10_000, 20_000, 30_000, 30_000, 30_000, 30_000, 30_000]);
    await standIn?.close();
    const fast = await start(2);
    const quick = waitingClockRuntime();
    await perform(settingsFor(fast, { migrationWaitMs: 60_000, retryDelayMs: 0 }), recordingLogger(), quick);
    expect(quick.sleeps).toEqual([MIN_MIGRATION_CHECK_MS, MIN_MIGRATION_CHECK_MS]);
  });

  it("follows Atlas's Retry-After instead of the schedule", async () => {
    const baseUrl = await start(0, [{ ...ACTIVE, headers: { 'Retry-After': '7' } }]);
    const runtime = waitingClockRuntime();
    const result = await perform(settingsFor(baseUrl, { migrationWaitMs: 60_000 }), recordingLogger(), runtime);
    expect(result.status).toBe('deleted');
    expect(runtime.sleeps).toEqual([7_000]);
  });

  it('never waits past the end of migration-wait-seconds, then fails with the error code and the time waited', async () => {
    const baseUrl = await start(Infinity);
    const runtime = waitingClockRuntime();
    const result = await perform(settingsFor(baseUrl, { migrationWaitMs: 10_000 }), recordingLogger(), runtime);
    expect(runtime.sleeps).toEqual([2_000, 4_000, 4_000]);
    expect(result).toMatchObject({
      status: 'failed',
      httpStatus: 409,
      errorCode: 'CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK',
      attempts: 4,
    });
    expect(result.message).toBe(
      `Deleting the link-token failed: a live migration was still active in projects ${PROJECTS.join(', ')} after waiting 10 s (migration-wait-seconds allows 10 s): HTTP 409 CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK: Cannot delete organization link while there is active migration in following project ids: ${PROJECTS.join(', ')}. Raise migration-wait-seconds, or run this step once every migration of the organization has been cut over.`,
    );
    expect(result.migrationWait).toMatchObject({ waitedMs: 10_000, checks: 4 });
  });

  it('gives each check its whole retry budget: transient failures between checks do not use up the wait', async () => {
    const busy: Step = { status: 503, body: ATLAS_ERRORS.unavailable() };
    const baseUrl = await start(0, [ACTIVE, busy, ACTIVE, busy, ACTIVE]);
    const result = await perform(
      settingsFor(baseUrl, { migrationWaitMs: 600_000, maxAttempts: 2 }),
      recordingLogger(),
      waitingClockRuntime(),
    );
    expect(result).toMatchObject({ status: 'deleted', attempts: 6 });
  });

  it('is not asked for: an active migration fails at once, with the hint that names the input', async () => {
    const baseUrl = await start(1);
    const runtime = instantRuntime();
    const result = await perform(settingsFor(baseUrl), recordingLogger(), runtime);
    expect(result.status).toBe('failed');
    expect(runtime.sleeps).toEqual([]);
    expect(result.hint).toMatch(/migration-wait-seconds\.$/);
    expect(result.migrationWait).toBeUndefined();
  });

  it('stops at once when cancelled during a pause, saying the link-token was not deleted', async () => {
    const baseUrl = await start(Infinity);
    const controller = new AbortController();
    const runtime = instantRuntime(controller.signal);
    runtime.sleep = () => Promise.resolve(controller.abort());
    const result = await perform(settingsFor(baseUrl, { migrationWaitMs: 600_000 }), recordingLogger(), runtime);
    expect(result).toMatchObject({
      status: 'failed',
      cause: { kind: 'cancelled' },
      httpStatus: 409,
      errorCode: 'CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK',
      attempts: 1,
    });
    expect(result.message).toBe(
      'Cancelled: the job was cancelled while waiting for the live migration to end; the link-token was not deleted.',
    );
  });

  it('keys on the error code whatever the status, and waits only for an authorized answer', async () => {
    const baseUrl = await start(0, [{ status: 400, body: { ...ATLAS_ERRORS.activeMigration(PROJECTS), error: 400 } }]);
    const runtime = waitingClockRuntime();
    const result = await perform(settingsFor(baseUrl, { migrationWaitMs: 60_000 }), recordingLogger(), runtime);
    expect(result.status).toBe('deleted');
    expect(runtime.sleeps).toEqual([2_000]);
    await standIn?.close();
    const unauthenticated = await start(0);
    standIn?.scriptUnauthenticated(ACTIVE);
    const refused = await perform(
      settingsFor(unauthenticated, { migrationWaitMs: 60_000 }),
      recordingLogger(),
      waitingClockRuntime(),
    );
    expect(refused).toMatchObject({ status: 'failed', httpStatus: 409 });
    expect(refused.migrationWait).toBeUndefined();
  });
});

describe('what the wait keeps track of', () => {
  it('names the projects of each answer in its log, and gathers them all in the result', async () => {
    const [first, second] = PROJECTS as [string, string];
    const baseUrl = await start(0, [
      { status: 409, body: ATLAS_ERRORS.activeMigration([first]) },
      { status: 409, body: ATLAS_ERRORS.activeMigration([second, first]) },
      { status: 409, body: { ...ATLAS_ERRORS.activeMigration([]), detail: 'Cannot delete organization link.' } },
    ]);
    const log = recordingLogger();
    const result = await perform(settingsFor(baseUrl, { migrationWaitMs: 600_000 }), log, waitingClockRuntime());
    expect(result).toMatchObject({ status: 'deleted', attempts: 4 });
    expect(result.migrationWait).toMatchObject({ limitMs: 600_000, checks: 3, projects: [first, second] });
    expect(log.lines.filter((line) => line.includes('still active'))).toEqual([
      `info: A live migration is still active in project ${first}: checking again in 2 s (waited 0 ms of 10 min).`,
      `info: A live migration is still active in projects ${second}, ${first}: checking again in 4 s (waited 2 s of 10 min).`,
      'info: A live migration is still active: checking again in 8 s (waited 6 s of 10 min).',
    ]);
  });

  it('measures the wait up to a cancellation during a pause', async () => {
    const baseUrl = await start(Infinity);
    const controller = new AbortController();
    const runtime = waitingClockRuntime();
    runtime.cancelSignal = controller.signal;
    const sleep = runtime.sleep;
    runtime.sleep = async (ms, signal) => {
      await sleep(ms, signal);
      controller.abort();
    };
    const result = await perform(settingsFor(baseUrl, { migrationWaitMs: 600_000 }), recordingLogger(), runtime);
    expect(result).toMatchObject({ status: 'failed', cause: { kind: 'cancelled' }, attempts: 1 });
    expect(result.migrationWait).toEqual({ waitedMs: 2_000, limitMs: 600_000, checks: 1, projects: PROJECTS });
    expect(result.durationMs).toBe(2_000);
  });

  it('gives up at the first check past the limit, with the time it waited', async () => {
    const baseUrl = await start(Infinity);
    const runtime = waitingClockRuntime();
    const result = await perform(settingsFor(baseUrl, { migrationWaitMs: 3_000 }), recordingLogger(), runtime);
    expect(runtime.sleeps).toEqual([2_000, 1_000]);
    expect(result).toMatchObject({
      status: 'failed',
      attempts: 3,
      cause: { kind: 'active-migration', projects: PROJECTS },
    });
    expect(result.migrationWait).toEqual({ waitedMs: 3_000, limitMs: 3_000, checks: 3, projects: PROJECTS });
    expect(result.attemptLog.map((record) => record.waitMs)).toEqual([2_000, 1_000, undefined]);
  });

  it('fails at once, without waiting, on an active migration that ends after the limit of a tiny wait', async () => {
    const baseUrl = await start(Infinity);
    const runtime = waitingClockRuntime();
    const result = await perform(settingsFor(baseUrl, { migrationWaitMs: 1 }), recordingLogger(), runtime);
    expect(runtime.sleeps).toEqual([1]);
    expect(result.message).toMatch(
      /^Deleting the link-token failed: a live migration was still active in projects .* after waiting 1 ms \(migration-wait-seconds allows 1 ms\): /,
    );
  });
});
