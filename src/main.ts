// inputs -> operation -> report (outputs, summary, the step's result) -> clean up. Reporting comes
// before cleanup, so a slow token revocation or a cancellation can never lose the result.
import { NetworkConfigError, readNetworkEnvironment } from './atlas/network-env.ts';
import { deleteLinkToken } from './delete-link-token.ts';
import { verifyOrganization } from './verify-organization.ts';
import { InputError, readSettings, type Settings } from './inputs.ts';

/** Inputs masked before anything is printed (a client ID is an identifier, not a secret). */
const SECRET_INPUTS = ['public-key', 'private-key', 'client-secret'] as const;
import type { RunResult } from './result.ts';
import { type Runner, type RunnerOutputs, runner as defaultRunner } from './runner.ts';
import { closeSession, type Logger, openSession, type Runtime, type Session } from './session.ts';
import { renderNoRequestSummary, renderResultSummary } from './summary.ts';
import { setTimeout as sleepTimer } from 'node:timers/promises';

/** After a cancellation, the process exits at the latest this long after the signal. */
export const CANCELLED_EXIT_MS = 1_500;

export interface Dependencies {
  runner: Runner;
  env: NodeJS.ProcessEnv;
  /** Clock, randomness, sleep and the job's cancellation signal. */
  makeRuntime: () => Runtime;
  /** What the run does with Atlas once the inputs are valid (by default: delete, or the dry run). */
  operation: ((session: Session) => Promise<RunResult>) | undefined;
}

// The process-level wiring below (real timers, signals, exit) runs only in a real process: the
// end-to-end tests of dist/ exercise it (cancellation on SIGINT and SIGTERM); in-process mutants
// of it cannot be observed there, hence:
// Stryker disable all
async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  await sleepTimer(ms, undefined, { signal }).catch(() => undefined);
}

/** Aborts on the runner's cancellation signals (SIGINT, then SIGTERM; only SIGINT on Windows). */
function cancellationSignal(): AbortSignal {
  const controller = new AbortController();
  const cancel = (): void => {
    controller.abort();
    // The result is reported right after the abort, and cleanup is abandoned; this only guards a
    // stuck exit.
    setTimeout(() => process.exit(1), CANCELLED_EXIT_MS).unref();
  };
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);
  return controller.signal;
}

const DEFAULTS: Dependencies = {
  runner: defaultRunner,
  env: process.env,
  makeRuntime: () => ({ now: Date.now, random: Math.random, sleep, cancelSignal: cancellationSignal() }),
  operation: undefined,
};
// Stryker restore all

function outputsOf(result: RunResult): RunnerOutputs {
  return {
    status: result.status,
    'auth-method': result.authMethod,
    'http-status': result.httpStatus === undefined ? '' : String(result.httpStatus),
    attempts: String(result.attempts),
    'error-code': result.errorCode ?? '',
  };
}

const NO_RESULT_OUTPUTS: RunnerOutputs = {
  status: 'failed',
  'auth-method': '',
  'http-status': '',
  attempts: '0',
  'error-code': '',
};

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A broken output file must not hide the result itself: warn and go on. */
function writeOutputs(out: Runner, outputs: RunnerOutputs): void {
  try {
    out.setOutputs(outputs);
  } catch (error) {
    out.warning(`Could not set the outputs: ${errorMessage(error)}`);
  }
}

async function writeSummary(out: Runner, html: string): Promise<void> {
  try {
    if (!(await out.writeSummary(html))) out.debug('No job summary file (GITHUB_STEP_SUMMARY unset): summary skipped.');
  } catch (error) {
    out.warning(`Could not write the job summary: ${errorMessage(error)}`);
  }
}

async function reportResult(out: Runner, settings: Settings, result: RunResult): Promise<void> {
  writeOutputs(out, outputsOf(result));
  await writeSummary(out, renderResultSummary(settings.orgId, result));
  if (result.stepFails) out.setFailed(result.message);
  else if (result.status === 'not-found') out.warning(result.message);
  else out.info(result.message);
}

async function reportNoRequest(out: Runner, reason: string, message: string): Promise<void> {
  writeOutputs(out, NO_RESULT_OUTPUTS);
  await writeSummary(out, renderNoRequestSummary(reason, message));
  out.setFailed(message);
}

export async function run(overrides: Partial<Dependencies> = {}): Promise<void> {
  const { runner: out, env, makeRuntime, operation } = { ...DEFAULTS, ...overrides };
  let reported = false;
  try {
    // Masks first: nothing may print a secret before the runner knows to hide it.
    const network = readNetworkEnvironment(env);
    const secrets = [...SECRET_INPUTS.map((name) => out.getInput(name)), ...network.secrets];
    for (const secret of secrets) if (secret !== '') out.setSecret(secret);

    let settings: Settings;
    try {
      settings = readSettings(out.getInput);
      network.proxyFor(new URL(settings.baseUrl)); // an unusable proxy variable fails before any request
    } catch (error) {
      if (!(error instanceof InputError || error instanceof NetworkConfigError)) throw error;
      reported = true;
      const reason = error instanceof InputError ? 'inputs rejected' : 'environment rejected';
      await reportNoRequest(out, `${reason}, no request sent`, error.message);
      return;
    }
    if (network.tlsOverrideIgnored) {
      out.warning('NODE_TLS_REJECT_UNAUTHORIZED=0 is ignored: the action always verifies TLS certificates.');
    }

    const log: Logger = { info: out.info, warning: out.warning, debug: out.debug, mask: out.setSecret };
    const session = openSession(settings, network, log, makeRuntime());
    try {
      const result = await (operation ?? (settings.dryRun ? verifyOrganization : deleteLinkToken))(session);
      reported = true;
      await reportResult(out, settings, result);
    } finally {
      await closeSession(session);
    }
  } catch (error) {
    // A bug, not a user error: still one clear line, numeric outputs and a summary.
    const message = `Unexpected error: ${errorMessage(error)}`;
    if (reported) {
      out.warning(message);
      return;
    }
    await reportNoRequest(out, 'unexpected error', message);
  }
}
