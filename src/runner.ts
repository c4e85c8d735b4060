// Everything the action says to the GitHub runner goes through here: inputs, masks, log lines,
// outputs, the job summary and the failure. The rest of the code never touches the runner.
import * as core from '@actions/core';

export const OUTPUT_NAMES = ['status', 'http-status', 'attempts', 'error-code'] as const;

export type RunnerOutputs = Record<(typeof OUTPUT_NAMES)[number], string>;

export const runner = {
  getInput: (name: string): string => core.getInput(name),
  /**
   * Masks a value in every later log line; call before anything can print it. Each line of a
   * multi-line value is masked too, since the runner matches masks line by line.
   */
  setSecret: (value: string): void => {
    const parts = new Set([value, ...value.split(/\r?\n/).map((line) => line.trim())]);
    for (const part of parts) if (part !== '') core.setSecret(part);
  },
  info: (message: string): void => core.info(message),
  warning: (message: string): void => core.warning(message),
  debug: (message: string): void => core.debug(message),
  setFailed: (message: string): void => core.setFailed(message),
  setOutputs: (outputs: RunnerOutputs): void => {
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
  },
  /** Appends to the job summary; returns false when the runner offers none. */
  writeSummary: async (html: string): Promise<boolean> => {
    if (!process.env['GITHUB_STEP_SUMMARY']) return false;
    await core.summary.addRaw(html).write();
    return true;
  },
};

export type Runner = typeof runner;
