// run() with a recording runner in place of @actions/core: what reaches the runner, in which order,
// on the paths the black-box tests cannot reach (a bug inside the operation).
import { describe, expect, it } from 'vitest';
import { run } from '../src/main.ts';
import type { Runner, RunnerOutputs } from '../src/runner.ts';
import { instantRuntime, ORG_ID, PRIVATE_KEY, PUBLIC_KEY } from './support/fixtures.ts';

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

const INPUTS = { 'org-id': ORG_ID, 'public-key': PUBLIC_KEY, 'private-key': PRIVATE_KEY };

describe('run()', () => {
  it('turns a bug in the operation into one error line, numeric outputs and a summary', async () => {
    const { runner, events, outputs, summaries } = recordingRunner(INPUTS);
    await run({
      runner,
      env: {},
      makeRuntime: () => instantRuntime(),
      operation: () => Promise.reject(new Error('boom')),
    });
    expect(outputs).toEqual([
      { status: 'failed', 'auth-method': '', 'http-status': '', attempts: '0', 'error-code': '' },
    ]);
    expect(summaries).toEqual([
      '<h2>Atlas live-migration link-token</h2>\n<table>\n<tr><th align="left">Result</th><td>❌ failed: unexpected error</td></tr>\n</table>\n<p>Unexpected error: boom</p>\n',
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
      makeRuntime: () => instantRuntime(),
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
