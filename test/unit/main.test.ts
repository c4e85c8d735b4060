// run() with a recording runner in place of @actions/core and a fake process: what reaches the runner,
// in which order, on the paths the black-box tests cannot reach (a bug inside the operation, the
// run's guard).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Dependencies, run } from '../../src/main.ts';
import type { RunResult } from '../../src/result.ts';
import type { Runner, RunnerOutputs } from '../../src/runner.ts';
import { fakeProcess } from '../support/process-hooks.ts';
import type { Session } from '../../src/session.ts';
import { fromServer } from '../../src/text.ts';
import {
  atlasAnswer,
  instantRuntime,
  ORG_ID,
  PRIVATE_KEY,
  PUBLIC_KEY,
  type ResultOverrides,
  runResult,
  safe,
} from '../support/fixtures.ts';

/** run() with the given runner, no environment, an instant clock and a fake process, unless told otherwise. */
function runOn(runner: Runner, overrides: Partial<Dependencies> = {}): Promise<void> {
  return run({
    runner,
    env: {},
    makeRuntime: (signal) => instantRuntime(signal),
    hooks: fakeProcess().hooks,
    ...overrides,
  });
}

function recordingRunner(inputs: Record<string, string>) {
  const events: string[] = [];
  const outputs: RunnerOutputs[] = [];
  const summaries: string[] = [];
  const runner: Runner = {
    getInput: (name) => inputs[name] ?? '',
    setSecret: (value) => events.push(`mask ${value}`),
    info: (message) => events.push(`info ${message}`),
    warning: (message) => events.push(`warning ${message}`),
    debug: (message) => events.push(`debug ${message}`),
    setFailed: (message) => events.push(`failed ${message}`),
    setOutputs: (values) => {
      events.push('outputs');
      outputs.push(values);
    },
    writeSummary: (html) => {
      events.push('summary');
      summaries.push(html);
      return Promise.resolve(true);
    },
  };
  return { runner, events, outputs, summaries };
}

const EXTRA_REFUSED =
  "failed Invalid input 'extra': it is not an input of this action; its inputs are listed in action.yml and the README";

const INPUTS = { 'org-id': ORG_ID, 'public-key': PUBLIC_KEY, 'private-key': PRIVATE_KEY };

describe('run()', () => {
  it('turns a bug in the operation into one error line, numeric outputs and a summary', async () => {
    const { runner, events, outputs, summaries } = recordingRunner(INPUTS);
    await run({
      runner,
      env: {},
      makeRuntime: (signal) => instantRuntime(signal),
      hooks: fakeProcess().hooks,
      operation: () => Promise.reject(new Error('boom')),
    });
    expect(outputs).toEqual([
      { status: 'failed', 'auth-method': '', 'http-status': '', attempts: '0', 'error-code': '' },
    ]);
    expect(summaries).toEqual([
      '<h2>❌ Not run: unexpected error</h2>\n<p>Unexpected error: boom</p>\n<p>No request was sent to Atlas.</p>\n',
    ]);
    expect(events.slice(-3)).toEqual(['outputs', 'summary', 'failed Unexpected error: boom']);
  });

  it('masks the secrets first, the client ID not among them', async () => {
    const { runner, events } = recordingRunner({
      'org-id': ORG_ID,
      'client-id': 'mdb_sa_id_x',
      'client-secret': 'mdb_sa_sk_y',
    });
    await run({
      runner,
      env: { https_proxy: 'http://u:p%40ss@proxy.example:3128' },
      makeRuntime: (signal) => instantRuntime(signal),
      hooks: fakeProcess().hooks,
      operation: () => Promise.reject(new Error('stop here')),
    });
    expect(events.slice(0, 3)).toEqual(['mask mdb_sa_sk_y', 'mask p%40ss', 'mask p@ss']);
  });

  it('reports, then warns, when the output file is broken', async () => {
    const { runner, events } = recordingRunner({ ...INPUTS, 'org-id': 'x' });
    runner.setOutputs = () => {
      throw new Error('Missing file at path: /nowhere');
    };
    await run({ runner, env: {}, makeRuntime: () => instantRuntime() });
    expect(events).toContain('warning Could not set the outputs: Missing file at path: /nowhere');
    expect(events.at(-1)).toMatch(/^failed Invalid input 'org-id'/);
  });
});

function resultOf(overrides: ResultOverrides): RunResult {
  return runResult({ message: 'Deleted it.', durationMs: 5, ...overrides });
}

describe('run(): reporting a result', () => {
  const runWith = async (result: RunResult, inputs: Record<string, string> = INPUTS, env: NodeJS.ProcessEnv = {}) => {
    const recorded = recordingRunner(inputs);
    await run({
      runner: recorded.runner,
      env,
      makeRuntime: (signal) => instantRuntime(signal),
      hooks: fakeProcess().hooks,
      operation: () => Promise.resolve(result),
    });
    return recorded;
  };

  it('sets every output, writes the summary, then says the result as a log line', async () => {
    const { events, outputs, summaries } = await runWith(resultOf({}));
    expect(outputs).toEqual([
      { status: 'deleted', 'auth-method': 'digest', 'http-status': '204', attempts: '1', 'error-code': '' },
    ]);
    expect(summaries[0]).toMatch(/^<h2>✅ Link-token deleted<\/h2>\n/);
    expect(events.slice(-3)).toEqual(['outputs', 'summary', 'info Deleted it.']);
  });

  it('warns on a lenient not-found, fails a failing step, with empty outputs where nothing came', async () => {
    const notFound = await runWith(
      resultOf({ status: 'not-found', httpStatus: 404, errorCode: 'UNEXPECTED_ERROR', message: 'Gone.' }),
    );
    expect(notFound.events.at(-1)).toBe('warning Gone.');
    expect(notFound.outputs[0]).toMatchObject({ 'http-status': '404', 'error-code': 'UNEXPECTED_ERROR' });
    const strict = await runWith(resultOf({ status: 'not-found', stepFails: true, message: 'Gone.' }));
    expect(strict.events.at(-1)).toBe('failed Gone.');
    const failed = await runWith(
      resultOf({ status: 'failed', stepFails: true, httpStatus: undefined, attempts: 3, message: 'No.' }),
    );
    expect(failed.outputs[0]).toEqual({
      status: 'failed',
      'auth-method': 'digest',
      'http-status': '',
      attempts: '3',
      'error-code': '',
    });
    expect(failed.events.at(-1)).toBe('failed No.');
  });

  it('warns that NODE_TLS_REJECT_UNAUTHORIZED=0 is ignored, before any request', async () => {
    const { events } = await runWith(resultOf({}), INPUTS, { NODE_TLS_REJECT_UNAUTHORIZED: '0' });
    expect(events).toContain(
      'warning NODE_TLS_REJECT_UNAUTHORIZED=0 is ignored: the action always verifies TLS certificates.',
    );
    const quiet = await runWith(resultOf({}), INPUTS, { NODE_TLS_REJECT_UNAUTHORIZED: '1' });
    expect(quiet.events.filter((e) => e.startsWith('warning'))).toEqual([]);
  });

  it('rejects an unusable proxy variable like an input, before the operation runs', async () => {
    let ran = false;
    const recorded = recordingRunner(INPUTS);
    await run({
      runner: recorded.runner,
      env: { HTTPS_PROXY: 'socks5://proxy:1080' },
      makeRuntime: (signal) => instantRuntime(signal),
      hooks: fakeProcess().hooks,
      operation: () => {
        ran = true;
        return Promise.resolve(resultOf({}));
      },
    });
    expect(ran).toBe(false);
    expect(recorded.summaries[0]).toMatch(
      /^<h2>❌ Not run: invalid environment variable &#39;HTTPS_PROXY&#39;<\/h2>\n/,
    );
    expect(recorded.events.at(-1)).toBe(
      "failed Invalid environment variable 'HTTPS_PROXY': the proxy scheme 'socks5' is not supported; expected [http://|https://][user:password@]host[:port], e.g. http://proxy.example.com:3128",
    );
    expect(recorded.outputs[0]).toMatchObject({ status: 'failed', attempts: '0' });
  });

  it('says inputs were rejected, naming the input', async () => {
    const recorded = await runWith(resultOf({}), { ...INPUTS, 'max-attempts': '0' });
    expect(recorded.summaries[0]).toMatch(/^<h2>❌ Not run: invalid input &#39;max-attempts&#39;<\/h2>\n/);
  });

  it('keeps going when the summary cannot be written, and debugs a missing summary file', async () => {
    const recorded = recordingRunner(INPUTS);
    recorded.runner.writeSummary = () => Promise.reject(new Error('disk full'));
    await runOn(recorded.runner, { operation: () => Promise.resolve(resultOf({})) });
    expect(recorded.events.slice(-2)).toEqual([
      'warning Could not write the job summary: disk full',
      'info Deleted it.',
    ]);
    const missing = recordingRunner(INPUTS);
    missing.runner.writeSummary = () => Promise.resolve(false);
    await runOn(missing.runner, { operation: () => Promise.resolve(resultOf({})) });
    expect(missing.events).toContain('debug No job summary file (GITHUB_STEP_SUMMARY unset): summary skipped.');
  });

  it("says the operation's warnings before its result line", async () => {
    const { events } = await runWith(resultOf({ warnings: [safe('Atlas marks api-version v1.0 deprecated.')] }));
    expect(events.slice(-4)).toEqual([
      'outputs',
      'summary',
      'warning Atlas marks api-version v1.0 deprecated.',
      'info Deleted it.',
    ]);
  });

  it('hides an input secret in server text, not only in the log the runner masks', async () => {
    const privateKey = randomUUID();
    const recorded = recordingRunner({ ...INPUTS, 'private-key': privateKey });
    await runOn(recorded.runner, {
      operation: () => Promise.resolve({ ...resultOf({}), message: fromServer(`the server said ${privateKey}`) }),
    });
    expect(recorded.events.at(-1)).toBe('info the server said ***');
  });

  it('masks a secret-looking value of any input variable, whatever its case, and of no other variable', async () => {
    const { runner, events } = recordingRunner(INPUTS);
    await run({
      runner,
      env: {
        'INPUT_API-VERSION': 'mdb_sa_sk_in_api_version',
        input_extra: 'mdb_sa_sk_lower_case',
        NOT_AN_INPUT: 'mdb_sa_sk_elsewhere',
      },
      makeRuntime: (signal) => instantRuntime(signal),
      hooks: fakeProcess().hooks,
      operation: () => Promise.resolve(resultOf({})),
    });
    expect(events.filter((event) => event.startsWith('mask'))).toEqual([
      `mask ${PUBLIC_KEY}`,
      `mask ${PRIVATE_KEY}`,
      'mask mdb_sa_sk_in_api_version',
      'mask mdb_sa_sk_lower_case',
    ]);
    expect(events.at(-1)).toBe(EXTRA_REFUSED);
  });

  it('refuses an input variable the action does not have before the operation runs', async () => {
    let ran = false;
    const recorded = recordingRunner(INPUTS);
    await run({
      runner: recorded.runner,
      env: { input_extra: 'yes' },
      makeRuntime: (signal) => instantRuntime(signal),
      hooks: fakeProcess().hooks,
      operation: () => {
        ran = true;
        return Promise.resolve(resultOf({}));
      },
    });
    expect(ran).toBe(false);
    expect(recorded.events.at(-1)).toBe(EXTRA_REFUSED);
    expect(recorded.outputs).toEqual([
      { status: 'failed', 'auth-method': '', 'http-status': '', attempts: '0', 'error-code': '' },
    ]);
  });

  it.each([
    ['an input', { 'max-attempts': '0' }, {}],
    ['a proxy variable', {}, { HTTPS_PROXY: 'socks5://proxy:1080' }],
  ])('reports a refused %s once, even when failing the step throws', async (_what, inputs, env) => {
    const recorded = recordingRunner({ ...INPUTS, ...inputs });
    let failures = 0;
    recorded.runner.setFailed = () => {
      failures++;
      throw new Error('stdout closed');
    };
    await run({
      runner: recorded.runner,
      env,
      makeRuntime: (signal) => instantRuntime(signal),
      hooks: fakeProcess().hooks,
      operation: () => Promise.resolve(resultOf({})),
    });
    expect([recorded.outputs.length, recorded.summaries.length, failures]).toEqual([1, 1, 1]);
    expect(recorded.events.at(-1)).toBe('warning Unexpected error: stdout closed');
  });

  it('removes NODE_TLS_REJECT_UNAUTHORIZED=0 from the environment, so Node never warns that verification is off', async () => {
    const env: NodeJS.ProcessEnv = { NODE_TLS_REJECT_UNAUTHORIZED: '0' };
    const recorded = recordingRunner(INPUTS);
    await run({
      runner: recorded.runner,
      env,
      makeRuntime: (signal) => instantRuntime(signal),
      hooks: fakeProcess().hooks,
      operation: () => Promise.resolve(resultOf({})),
    });
    expect(env).toEqual({});
    const kept: NodeJS.ProcessEnv = { NODE_TLS_REJECT_UNAUTHORIZED: '1' };
    await runOn(recorded.runner, { env: kept, operation: () => Promise.resolve(resultOf({})) });
    expect(kept).toEqual({ NODE_TLS_REJECT_UNAUTHORIZED: '1' });
  });

  it('disarms its guard once the result is reported: no timer armed, no signal listener left', async () => {
    const process = fakeProcess();
    await runOn(recordingRunner(INPUTS).runner, {
      hooks: process.hooks,
      operation: () => Promise.resolve(resultOf({})),
    });
    expect(process.timers.map((timer) => timer.armed)).toEqual([false]);
    expect(process.listeners()).toBe(0);
  });

  it('only warns about a bug after the result was reported, never reports twice', async () => {
    const recorded = recordingRunner(INPUTS);
    recorded.runner.info = () => {
      throw new Error('late');
    };
    await runOn(recorded.runner, { operation: () => Promise.resolve(resultOf({})) });
    expect(recorded.outputs).toHaveLength(1);
    expect(recorded.events.at(-1)).toBe('warning Unexpected error: late');
  });
});

describe('run(): a run that does not end by itself', () => {
  const never = (): Promise<RunResult> => new Promise<RunResult>(() => undefined);

  function start(inputs: Record<string, string> = INPUTS) {
    const recorded = recordingRunner(inputs);
    const process = fakeProcess();
    const done = run({
      runner: recorded.runner,
      env: {},
      makeRuntime: (signal) => instantRuntime(signal),
      hooks: process.hooks,
      operation: never,
    });
    return { ...recorded, process, done };
  }

  it('arms the deadline at the documented worst case plus 3 s: 783 s by default, 788 s with a service account', async () => {
    const apiKey = start();
    expect(apiKey.process.timers.map((timer) => timer.ms)).toEqual([783_000]);
    apiKey.process.timers[0]?.fire();
    await apiKey.done;
    const serviceAccount = start({ 'org-id': ORG_ID, 'client-id': 'mdb_sa_id_x', 'client-secret': 'mdb_sa_sk_y' });
    expect(serviceAccount.process.timers.map((timer) => timer.ms)).toEqual([788_000]);
    serviceAccount.process.timers[0]?.fire();
    await serviceAccount.done;
  });

  it('reports at the deadline: outputs, summary, one error line, and the exit scheduled', async () => {
    const { events, outputs, summaries, process, done } = start({
      ...INPUTS,
      'timeout-seconds': '1.5',
      'max-attempts': '2',
    });
    process.timers[0]?.fire();
    await done;
    expect(outputs).toEqual([
      { status: 'failed', 'auth-method': 'digest', 'http-status': '', attempts: '0', 'error-code': '' },
    ]);
    const message =
      'No result within the documented worst case of 2 min 6 s: the run was stopped; no request that could delete the link-token was sent.';
    expect(events.filter((event) => event.startsWith('failed'))).toEqual([`failed ${message}`]);
    expect(summaries[0]).toMatch(
      /^<h2>❌ Stopped: no result within the documented worst case of 2 min 6 s; no request that could delete the link-token was sent<\/h2>\n/,
    );
    expect(process.exits).toEqual([1_500]);
    expect(process.timers[0]?.armed).toBe(false);
    expect(process.listeners()).toBe(0);
  });

  it('reports a cancellation the operation does not answer, after the grace', async () => {
    const { events, outputs, summaries, process, done } = start();
    process.cancel();
    await done;
    expect(outputs[0]).toMatchObject({ status: 'failed', attempts: '0' });
    expect(events.at(-1)).toBe(
      'failed Cancelled: the job was cancelled; no request that could delete the link-token was sent.',
    );
    expect(summaries[0]).toMatch(/^<h2>❌ Cancelled: no request that could delete the link-token was sent<\/h2>\n/);
  });

  it('reports when the event loop drains with the operation still pending', async () => {
    const { events, summaries, process, done } = start({ ...INPUTS, 'dry-run': 'true' });
    process.drain();
    await done;
    expect(events.at(-1)).toBe('failed The run ended without a result: a request never settled; nothing was deleted.');
    expect(summaries[0]).toMatch(/^<h2>❌ Stopped: a request never settled; nothing was deleted<\/h2>\n/);
  });

  // An operation that got as far as some attempts, then never ends: what the deadline reports is
  // made of the run's progress alone.
  function stuckAfter(progressed: (session: Session) => void, inputs: Record<string, string> = INPUTS) {
    const recorded = recordingRunner(inputs);
    const process = fakeProcess();
    const clock = { now: 1_000_000 };
    const done = run({
      runner: recorded.runner,
      env: {},
      makeRuntime: (signal) => ({ ...instantRuntime(signal), now: () => clock.now }),
      hooks: process.hooks,
      operation: (session) => {
        progressed(session);
        clock.now += 2_500;
        return never();
      },
    });
    return { ...recorded, process, done };
  }

  it('reports the last answer, the attempts and the requests the run got before its deadline', async () => {
    const stuck = stuckAfter(({ progress }) => {
      progress.attempts = 2;
      progress.last = atlasAnswer({ status: 503, errorCode: 'SERVICE_UNAVAILABLE' });
      progress.attemptLog.push(
        { attempt: 1, outcome: safe('HTTP 503 SERVICE_UNAVAILABLE'), durationMs: 40, waitMs: 2_000 },
        { attempt: 2, outcome: safe('timed out after 30 s'), durationMs: 30_000 },
      );
      progress.requestsSent.push(
        safe(`DELETE https://cloud.mongodb.com/api/atlas/v1.0/orgs/${ORG_ID}/liveMigrations/linkTokens`),
      );
      progress.deleteSent = true;
    });
    stuck.process.timers[0]?.fire();
    await stuck.done;
    expect(stuck.outputs).toEqual([
      {
        status: 'failed',
        'auth-method': 'digest',
        'http-status': '503',
        attempts: '2',
        'error-code': 'SERVICE_UNAVAILABLE',
      },
    ]);
    expect(stuck.events.at(-1)).toBe(
      'failed No result within the documented worst case of 13 min: the run was stopped; the link-token was not deleted.',
    );
    const summary = stuck.summaries[0] ?? '';
    expect(summary).toContain(
      `<tr><th align="left">Request</th><td>DELETE https://cloud.mongodb.com/api/atlas/v1.0/orgs/${ORG_ID}/liveMigrations/linkTokens</td></tr>`,
    );
    expect(summary).toContain('<tr><th align="left">Last attempt</th><td>timed out after 30 s</td></tr>');
    expect(summary).toContain('<tr><th align="left">Attempts</th><td>2 attempts in 2.5 s</td></tr>');
    expect(summary).toContain('<tr><td>1</td><td>HTTP 503 SERVICE_UNAVAILABLE</td><td>40 ms</td><td>2 s</td></tr>');
  });

  it('says a DELETE on its way when the run stopped may have deleted the link-token', async () => {
    const stuck = stuckAfter(({ progress }) => {
      progress.attempts = 1;
      progress.deleteSent = true;
      progress.deleteInFlight = true;
    });
    stuck.process.cancel();
    await stuck.done;
    expect(stuck.outputs).toEqual([
      { status: 'failed', 'auth-method': 'digest', 'http-status': '', attempts: '1', 'error-code': '' },
    ]);
    expect(stuck.events.at(-1)).toBe(
      'failed Cancelled: the job was cancelled; the link-token may or may not have been deleted.',
    );
    expect(stuck.summaries[0]).not.toContain('>Request');
  });

  it('says so too of an authorized request whose fate is unknown, and leaves the error code empty without one', async () => {
    const stuck = stuckAfter(({ progress }) => {
      progress.attempts = 3;
      progress.last = atlasAnswer({ status: 502 });
      progress.deleteSent = true;
      progress.fateUnknown = true;
    });
    stuck.process.drain();
    await stuck.done;
    expect(stuck.outputs).toEqual([
      { status: 'failed', 'auth-method': 'digest', 'http-status': '502', attempts: '3', 'error-code': '' },
    ]);
    expect(stuck.events.at(-1)).toBe(
      'failed The run ended without a result: a request never settled; the link-token may or may not have been deleted.',
    );
  });

  it("prefers the operation's own result when it comes within the grace", async () => {
    const recorded = recordingRunner(INPUTS);
    const process = fakeProcess();
    const done = run({
      runner: recorded.runner,
      env: {},
      makeRuntime: (signal) => instantRuntime(signal),
      hooks: process.hooks,
      operation: (session) =>
        new Promise<RunResult>((resolve) => {
          session.runtime.cancelSignal.addEventListener('abort', () =>
            resolve(
              resultOf({
                status: 'failed',
                stepFails: true,
                cause: { kind: 'cancelled' },
                message: 'Cancelled: its own words.',
              }),
            ),
          );
        }),
    });
    process.cancel();
    await done;
    expect(recorded.events.at(-1)).toBe('failed Cancelled: its own words.');
  });
});
