// Everything the action says to the GitHub runner goes through here: inputs, masks, log lines,
// outputs, the job summary and the failure. The rest of the code never touches the runner.
//
// It uses @actions/core's own command modules rather than its entry point: the entry point also
// loads the OIDC client, and with it @actions/http-client and undici (about 1 MB of code and a
// dozen Node built-ins), which the action never uses and which cost more start-up time than
// everything else it does. The package's `exports` map hides these modules, hence the paths (and
// the exact version pin in package.json: a moved file fails the type check and the build).
import { issueCommand } from '../node_modules/@actions/core/lib/command.js';
import { issueFileCommand, prepareKeyValueMessage } from '../node_modules/@actions/core/lib/file-command.js';
import { summary } from '../node_modules/@actions/core/lib/summary.js';

export const OUTPUT_NAMES = ['status', 'auth-method', 'http-status', 'attempts', 'error-code'] as const;

export type RunnerOutputs = Record<(typeof OUTPUT_NAMES)[number], string>;

export const runner = {
  /** As core.getInput: INPUT_<NAME> with spaces as underscores, trimmed. */
  getInput: (name: string): string => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
  /**
   * Masks a value in every later log line; call before anything can print it. Each line of a
   * multi-line value is masked too, since the runner matches masks line by line.
   */
  setSecret: (value: string): void => {
    const parts = new Set([value, ...value.split(/\r?\n/).map((line) => line.trim())]);
    for (const part of parts) if (part !== '') issueCommand('add-mask', {}, part);
  },
  info: (message: string): void => {
    process.stdout.write(`${message}\n`);
  },
  warning: (message: string): void => issueCommand('warning', {}, message),
  debug: (message: string): void => issueCommand('debug', {}, message),
  setFailed: (message: string): void => {
    process.exitCode = 1;
    issueCommand('error', {}, message);
  },
  setOutputs: (outputs: RunnerOutputs): void => {
    for (const [name, value] of Object.entries(outputs)) {
      if (process.env['GITHUB_OUTPUT']) {
        issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
      } else {
        issueCommand('set-output', { name }, value); // runners without output files
      }
    }
  },
  /** Appends to the job summary; returns false when the runner offers none. */
  writeSummary: async (html: string): Promise<boolean> => {
    if (!process.env['GITHUB_STEP_SUMMARY']) return false;
    await summary.addRaw(html).write();
    return true;
  },
};

export type Runner = typeof runner;
