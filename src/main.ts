// inputs -> operation -> report (outputs, summary, the step's result) -> clean up. Reporting comes
// before cleanup, so a slow token revocation or a cancellation can never lose the result; and the
// run's guard (run-guard.ts) reports for an operation that does not end by itself, so the step
// always ends with its outputs, its summary and, on failure, one error line.
import { NetworkConfigError, readNetworkEnvironment } from './atlas/network-env.ts';
import type { AuthMethod } from './auth/authenticator.ts';
import { deleteLinkToken } from './delete-link-token.ts';
import { looksSecret } from './credential-shapes.ts';
import { checkInputNames, InputError, readSettings, type Settings } from './inputs.ts';
import { type RunResult, uncertainty } from './result.ts';
import { guardRun, type ProcessHooks, processHooks, type StopReason, DEADLINE_MARGIN_MS } from './run-guard.ts';
import { type Runner, type RunnerOutputs, runner as defaultRunner } from './runner.ts';
import { closeSession, type Logger, openSession, type Runtime, type Session } from './session.ts';
import { renderNoRequestSummary, renderResultSummary } from './summary.ts';
import { formatDuration, fromServer, fromSettings, hideSecret, line, type SafeText } from './text.ts';
import { verifyOrganization } from './verify-organization.ts';
import { worstCaseMs } from './worst-case.ts';
import { setTimeout as sleepTimer } from 'node:timers/promises';

/** Inputs masked before anything is printed (a client ID is an identifier, not a secret). */
const SECRET_INPUTS = ['public-key', 'private-key', 'client-secret'] as const;

export interface Dependencies {
  runner: Runner;
  env: NodeJS.ProcessEnv;
  /** Clock, randomness and sleep, around the run's stop signal (cancellation or deadline). */
  makeRuntime: (stopSignal: AbortSignal) => Runtime;
  /** Timers, signals and exit of the process around the run. */
  hooks: ProcessHooks;
  /** What the run does with Atlas once the inputs are valid (by default: delete, or the dry run). */
  operation: ((session: Session) => Promise<RunResult>) | undefined;
}

// Stryker disable all: real timers, exercised end to end (back-off, cancellation)
async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  await sleepTimer(ms, undefined, { signal }).catch(() => undefined);
}
// Stryker restore all

const DEFAULTS: Dependencies = {
  runner: defaultRunner,
  env: process.env,
  makeRuntime: (stopSignal) => ({ now: Date.now, random: Math.random, sleep, cancelSignal: stopSignal }),
  hooks: processHooks,
  operation: undefined,
};

function outputsOf(result: RunResult): RunnerOutputs {
  return {
    status: result.status,
    'auth-method': result.authMethod,
    'http-status': result.httpStatus === undefined ? '' : String(result.httpStatus),
    attempts: String(result.attempts),
    'error-code': result.errorCode ?? '',
  };
}

function noResultOutputs(authMethod: AuthMethod | undefined): RunnerOutputs {
  return { status: 'failed', 'auth-method': authMethod ?? '', 'http-status': '', attempts: '0', 'error-code': '' };
}

function errorText(error: unknown): SafeText {
  return fromServer(error instanceof Error ? error.message : String(error));
}

/** A broken output file must not hide the result itself: warn and go on. */
function writeOutputs(out: Runner, outputs: RunnerOutputs): void {
  try {
    out.setOutputs(outputs);
  } catch (error) {
    out.warning(line`Could not set the outputs: ${errorText(error)}`);
  }
}

async function writeSummary(out: Runner, html: string): Promise<void> {
  try {
    if (!(await out.writeSummary(html))) {
      out.debug(line`No job summary file (GITHUB_STEP_SUMMARY unset): summary skipped.`);
    }
  } catch (error) {
    out.warning(line`Could not write the job summary: ${errorText(error)}`);
  }
}

async function reportResult(out: Runner, settings: Settings, result: RunResult): Promise<void> {
  writeOutputs(out, outputsOf(result));
  await writeSummary(out, renderResultSummary(settings.orgId, result));
  for (const warning of result.warnings ?? []) out.warning(warning);
  if (result.stepFails) out.setFailed(result.message);
  else if (result.status === 'not-found') out.warning(result.message);
  else out.info(result.message);
}

async function reportNoRequest(
  out: Runner,
  reason: SafeText,
  message: SafeText,
  authMethod?: AuthMethod,
): Promise<void> {
  writeOutputs(out, noResultOutputs(authMethod));
  await writeSummary(out, renderNoRequestSummary(reason, message));
  out.setFailed(message);
}

/** What the run says when it stops without the operation's own result. */
function stoppedResult(reason: StopReason, session: Session, startedAt: number): RunResult {
  const { settings, progress, auth, runtime } = session;
  // A request still on its way when the run stopped may have been carried out.
  const facts = uncertainty(settings.dryRun, {
    deleteSent: progress.deleteSent,
    fateUnknown: progress.fateUnknown || progress.deleteInFlight,
  });
  const messages: Record<StopReason, SafeText> = {
    cancelled: line`Cancelled: the job was cancelled; ${facts}.`,
    deadline: line`No result within the documented worst case of ${formatDuration(worstCaseMs(settings))}: the run was stopped; ${facts}.`,
    drained: line`The run ended without a result: a request never settled; ${facts}.`,
  };
  const last = progress.last;
  return {
    status: 'failed',
    authMethod: auth.method,
    stepFails: true,
    ...(last === undefined ? {} : { httpStatus: last.status }),
    attempts: progress.attempts,
    ...(last?.errorCode ? { errorCode: last.errorCode } : {}),
    message: messages[reason],
    durationMs: runtime.now() - startedAt,
    attemptLog: progress.attemptLog,
    dryRun: settings.dryRun,
    cause:
      reason === 'cancelled'
        ? { kind: 'cancelled', outcome: facts }
        : {
            kind: 'stopped',
            why:
              reason === 'deadline'
                ? line`no result within the documented worst case of ${formatDuration(worstCaseMs(settings))}`
                : line`a request never settled`,
            outcome: facts,
          },
    ...(progress.requestsSent.length > 0 ? { requests: progress.requestsSent } : {}),
  };
}

export async function run(overrides: Partial<Dependencies> = {}): Promise<void> {
  const { runner: out, env, makeRuntime, hooks, operation } = { ...DEFAULTS, ...overrides };
  let reported = false;
  try {
    // Masks first: nothing may print a secret before the runner knows to hide it.
    const network = readNetworkEnvironment(env);
    // Masked, and hidden from server text: a server that echoes one never shows a part of it.
    const protect = (secret: string): void => {
      out.setSecret(secret);
      hideSecret(secret);
    };
    // Any input that looks like a secret (a client ID, an API version pasted wrong) is one too.
    const secretLooking = Object.keys(env)
      .filter((name) => name.toUpperCase().startsWith('INPUT_'))
      // Stryker disable next-line StringLiteral: Object.keys names only variables that are set
      .map((name) => env[name] ?? '')
      .filter(looksSecret);
    const secrets = [...SECRET_INPUTS.map((name) => out.getInput(name)), ...secretLooking, ...network.secrets];
    for (const secret of new Set(secrets)) if (secret !== '') protect(secret);

    let settings: Settings;
    try {
      checkInputNames(Object.keys(env));
      settings = readSettings(out.getInput);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      reported = true;
      await reportNoRequest(out, line`invalid input '${fromSettings(error.input)}'`, error.text);
      return;
    }
    try {
      network.proxyFor(new URL(settings.baseUrl)); // an unusable proxy variable fails before any request
    } catch (error) {
      if (!(error instanceof NetworkConfigError)) throw error;
      reported = true;
      const title = line`invalid environment variable '${fromSettings(error.variable)}'`;
      await reportNoRequest(out, title, error.text, settings.credentials.method);
      return;
    }
    if (network.tlsOverrideIgnored) {
      out.warning(line`NODE_TLS_REJECT_UNAUTHORIZED=0 is ignored: the action always verifies TLS certificates.`);
      // Node would warn at the first TLS connection that verification is off, which it is not here.
      delete env['NODE_TLS_REJECT_UNAUTHORIZED'];
    }

    const guard = guardRun(hooks, worstCaseMs(settings) + DEADLINE_MARGIN_MS);
    try {
      const log: Logger = { info: out.info, warning: out.warning, debug: out.debug, mask: protect };
      const runtime = makeRuntime(guard.signal);
      const session = openSession(settings, network, log, runtime);
      const startedAt = runtime.now();
      try {
        const work = operation ?? (settings.dryRun ? verifyOrganization : deleteLinkToken);
        const first = await Promise.race([
          work(session).then((result) => ({ result })),
          guard.stopped.then((reason) => ({ reason })),
        ]);
        const result = 'result' in first ? first.result : stoppedResult(first.reason, session, startedAt);
        reported = true;
        await reportResult(out, settings, result);
      } finally {
        await closeSession(session);
      }
    } finally {
      guard.dispose();
    }
  } catch (error) {
    // A bug, not a user error: still one clear line, numeric outputs and a summary.
    const message = line`Unexpected error: ${errorText(error)}`;
    if (reported) {
      out.warning(message);
      return;
    }
    await reportNoRequest(out, line`unexpected error`, message);
  }
}
