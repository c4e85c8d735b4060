// Everything the action says to the GitHub runner goes through here: inputs, masks, log lines,
// outputs, the job summary and the failure, all by @actions/core's public API (so tools that
// stand in for it, such as GitHub's local-action, see them). The rest of the code never touches
// the runner.
import * as core from '@actions/core';
import type { SafeText } from './text.ts';

export const OUTPUT_NAMES = ['status', 'auth-method', 'http-status', 'attempts', 'error-code'] as const;

export type RunnerOutputs = Record<(typeof OUTPUT_NAMES)[number], string>;

export interface Runner {
  /** The input's value, trimmed; '' when it is not set. */
  getInput: (name: string) => string;
  /** Masks a value in every later log line; call before anything can print it. */
  setSecret: (value: string) => void;
  /** Log lines and the failure accept only SafeText: one printable line, bounded. */
  info: (message: SafeText) => void;
  warning: (message: SafeText) => void;
  debug: (message: SafeText) => void;
  setFailed: (message: SafeText) => void;
  setOutputs: (outputs: RunnerOutputs) => void;
  /** Appends to the job summary; returns false when the runner offers none. */
  writeSummary: (html: string) => Promise<boolean>;
}

// A reader that has closed stdout (EPIPE) costs the log, not the run: the outputs and the summary
// are files, and the exit code still says how it ended. Any other stdout error stays fatal.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

export const runner: Runner = {
  getInput: (name) => core.getInput(name),
  setSecret: (value) => {
    // The runner matches masks line by line: a multi-line value is masked line by line, since a
    // mask that spans lines would never match.
    const parts = new Set(value.split(/\r\n|\r|\n/).map((line) => line.trim()));
    for (const part of parts) if (part !== '') core.setSecret(part);
  },
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  debug: (message) => core.debug(message),
  setFailed: (message) => core.setFailed(message),
  setOutputs: (outputs) => {
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
  },
  writeSummary: async (html) => {
    if (!process.env['GITHUB_STEP_SUMMARY']) return false;
    await core.summary.addRaw(html).write();
    return true;
  },
};
