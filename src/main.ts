// inputs -> delete -> outputs + summary. It decides the step's result (index.ts only catches bugs).
import { type DeletionResult, deleteLinkToken, type Runtime } from './delete-link-token.ts';
import { InputError, readSettings } from './inputs.ts';
import { type Runner, type RunnerOutputs, runner as defaultRunner } from './runner.ts';
import { renderRejectedSummary, renderResultSummary } from './summary.ts';
import { setTimeout as sleepTimer } from 'node:timers/promises';

function outputsOf(result: DeletionResult): RunnerOutputs {
  return {
    status: result.status,
    'auth-method': result.authMethod,
    'http-status': result.httpStatus === undefined ? '' : String(result.httpStatus),
    attempts: String(result.attempts),
    'error-code': result.errorCode ?? '',
  };
}

async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  await sleepTimer(ms, undefined, { signal }).catch(() => undefined);
}

/** Aborts on the runner's cancellation signals (SIGINT, then SIGTERM). */
function cancellationSignal(): AbortSignal {
  const controller = new AbortController();
  const cancel = (): void => {
    controller.abort();
    // Outputs and summary are written right after the abort; this only guards a stuck exit.
    setTimeout(() => process.exit(1), 900).unref();
  };
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);
  return controller.signal;
}

/** A broken output file must not hide the result itself: warn and go on. */
function writeOutputs(run: Runner, outputs: RunnerOutputs): void {
  try {
    run.setOutputs(outputs);
  } catch (error) {
    run.warning(`Could not set the outputs: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function writeSummary(run: Runner, html: string): Promise<void> {
  try {
    if (!(await run.writeSummary(html))) run.debug('No job summary file (GITHUB_STEP_SUMMARY unset): summary skipped.');
  } catch (error) {
    run.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Passwords inside proxy URLs from the environment: secrets too, whatever prints them. */
function proxyPasswords(env: NodeJS.ProcessEnv): string[] {
  const passwords: string[] = [];
  for (const name of ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']) {
    const value = env[name];
    if (!value) continue;
    try {
      const { password } = new URL(value.includes('://') ? value : `http://${value}`);
      if (password) passwords.push(password, decodeURIComponent(password));
    } catch {
      // Not a URL: there is no password to find in it.
    }
  }
  return passwords;
}

export async function main(run: Runner = defaultRunner): Promise<void> {
  // Masks first: nothing may print a key before the runner knows to hide it.
  run.setSecret(run.getInput('public-key'));
  run.setSecret(run.getInput('private-key'));
  run.setSecret(run.getInput('client-secret'));
  for (const password of new Set(proxyPasswords(process.env))) run.setSecret(password);

  let settings;
  try {
    settings = readSettings(run.getInput);
  } catch (error) {
    const message = error instanceof InputError ? error.message : `Invalid inputs: ${String(error)}`;
    writeOutputs(run, { status: 'failed', 'auth-method': '', 'http-status': '', attempts: '0', 'error-code': '' });
    await writeSummary(run, renderRejectedSummary(message));
    run.setFailed(message);
    return;
  }

  const runtime: Runtime = { now: Date.now, random: Math.random, sleep, cancelSignal: cancellationSignal() };
  const log = { info: run.info, warning: run.warning, debug: run.debug, mask: run.setSecret };
  const result = await deleteLinkToken(settings, log, runtime);

  writeOutputs(run, outputsOf(result));
  await writeSummary(run, renderResultSummary(settings.orgId, result));
  if (result.stepFails) {
    run.setFailed(result.message);
  } else if (result.status === 'not-found') {
    run.warning(result.message);
  } else {
    run.info(result.message);
  }
}
