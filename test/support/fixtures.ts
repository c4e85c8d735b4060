// Shared test values and helpers for driving the core with plain objects.
import type { AtlasAnswer, Json } from '../../src/atlas/answer.ts';
import { readNetworkEnvironment } from '../../src/atlas/network-env.ts';
import { deleteLinkToken } from '../../src/delete-link-token.ts';
import type { Settings } from '../../src/inputs.ts';
import type { RunResult } from '../../src/result.ts';
import { closeSession, type Logger, openSession, type Runtime, type Session } from '../../src/session.ts';
import { fromSettings, type SafeText } from '../../src/text.ts';

/** A test's own literal as SafeText (flattened like any other). */
export const safe = (text: string): SafeText => fromSettings(text);

/** An Atlas answer with these fields, as answer.ts would have read it (text flattened, string parameters). */
export function atlasAnswer(fields: {
  status: number;
  httpStatus?: number;
  errorCode?: string;
  detail?: string;
  parameters?: unknown[];
  fromAtlas?: boolean;
  bodyProblem?: string;
  json?: Json;
}): AtlasAnswer {
  const { errorCode, detail, parameters, bodyProblem, ...rest } = fields;
  return {
    httpStatus: fields.status,
    headers: {},
    ...rest,
    ...(errorCode === undefined ? {} : { errorCode: safe(errorCode) }),
    ...(detail === undefined ? {} : { detail: safe(detail) }),
    ...(bodyProblem === undefined ? {} : { bodyProblem: safe(bodyProblem) }),
    ...(parameters === undefined
      ? {}
      : { parameters: parameters.filter((value): value is string => typeof value === 'string').map(safe) }),
  };
}

export const ORG_ID = '5f1e2d3c4b5a69788796a5b4';
export const PUBLIC_KEY = 'pubkeyab';
export const PRIVATE_KEY = '9d3c1f2e-7a6b-4c5d-8e9f-0a1b2c3d4e5f';
export const CLIENT_ID = 'mdb_sa_id_6a1b2c3d4e5f60718293a4b5';
export const CLIENT_SECRET = 'mdb_sa_sk_q7Rw3eT9yU1iO5pA8sD2fG6hJ0kL4zX';
/** Credentials of an Organization Member (the stand-in's `memberKey` and `memberServiceAccount`). */
export const MEMBER_PUBLIC_KEY = 'memberkq';
export const MEMBER_PRIVATE_KEY = '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9';
export const MEMBER_CLIENT_ID = 'mdb_sa_id_7b2c3d4e5f60718293a4b5c6';
export const MEMBER_CLIENT_SECRET = 'mdb_sa_sk_M3mb3rS3cr3tW1thoutOwn3rR0l3x';

export const DIGEST = { method: 'digest', publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY } as const;
export const SERVICE_ACCOUNT = { method: 'service-account', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } as const;

/** Inputs of an API-key run against `baseUrl`, with a short back-off, as INPUT_* for dist/index.js. */
export function apiKeyInputs(baseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'org-id': ORG_ID,
    'public-key': PUBLIC_KEY,
    'private-key': PRIVATE_KEY,
    'base-url': baseUrl,
    'retry-delay-seconds': '0.01',
    ...extra,
  };
}

export function settingsFor(baseUrl: string, overrides: Partial<Settings> = {}): Settings {
  return {
    orgId: ORG_ID,
    credentials: DIGEST,
    baseUrl,
    apiVersion: 'v1.0',
    maxAttempts: 5,
    retryDelayMs: 2000,
    timeoutMs: 5000,
    failOnNotFound: false,
    pretty: false,
    envelope: false,
    dryRun: false,
    migrationWaitMs: 0,
    ...overrides,
  };
}

export interface RecordingLogger extends Logger {
  lines: string[];
  masked: string[];
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  const masked: string[] = [];
  return {
    lines,
    masked,
    mask: (secret) => masked.push(secret),
    info: (message) => lines.push(`info: ${message}`),
    warning: (message) => lines.push(`warning: ${message}`),
    debug: (message) => lines.push(`debug: ${message}`),
  };
}

/** A runtime whose sleeps return at once and are recorded; the clock advances by each sleep. */
export function instantRuntime(
  cancelSignal: AbortSignal = new AbortController().signal,
): Runtime & { sleeps: number[] } {
  const sleeps: number[] = [];
  let offset = 0;
  return {
    sleeps,
    now: () => Date.now() + offset,
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      offset += ms;
      return Promise.resolve();
    },
    cancelSignal,
  };
}

/**
 * Runs an operation as run() does, minus the runner: open a session, perform, close (revoke).
 * `env` stands in for the process environment (proxy variables); none by default.
 */
export async function perform(
  settings: Settings,
  log: Logger,
  runtime: Runtime,
  options: { env?: NodeJS.ProcessEnv; operation?: (session: Session) => Promise<RunResult> } = {},
): Promise<RunResult> {
  const session = openSession(settings, readNetworkEnvironment(options.env ?? {}), log, runtime);
  try {
    return await (options.operation ?? deleteLinkToken)(session);
  } finally {
    await closeSession(session);
  }
}

/** Overrides of a result, with plain strings where the result holds SafeText. */
export interface ResultOverrides extends Omit<
  Partial<RunResult>,
  'message' | 'errorCode' | 'detail' | 'hint' | 'organizationName' | 'attemptLog' | 'note'
> {
  note?: string;
  message?: string;
  errorCode?: string;
  detail?: string;
  hint?: string;
  organizationName?: string;
  attemptLog?: { attempt: number; outcome: string; durationMs: number; waitMs?: number }[];
}

/** A result as the core builds them, for rendering and reporting tests: a clean delete by default. */
export function runResult(overrides: ResultOverrides = {}): RunResult {
  const { message, errorCode, detail, hint, organizationName, attemptLog, note, ...rest } = overrides;
  const texts = { errorCode, detail, hint, organizationName, note };
  return {
    status: 'deleted',
    authMethod: 'digest',
    stepFails: false,
    httpStatus: 204,
    attempts: 1,
    message: safe(message ?? 'Deleted.'),
    durationMs: 1234,
    attemptLog: (attemptLog ?? []).map((record) => ({ ...record, outcome: safe(record.outcome) })),
    dryRun: false,
    ...rest,
    ...Object.fromEntries(
      Object.entries(texts)
        .filter((entry): entry is [string, string] => entry[1] !== undefined)
        .map(([name, value]) => [name, safe(value)]),
    ),
  };
}

/** A runtime whose clock moves on by `advanceMs` at every wait (and records the waits). */
export function clockedRuntime(advanceMs: number): Runtime & { sleeps: number[] } {
  const runtime = instantRuntime();
  const clock = { now: Date.now() };
  runtime.now = () => clock.now;
  runtime.sleep = (ms) => {
    runtime.sleeps.push(ms);
    clock.now += advanceMs;
    return Promise.resolve();
  };
  return runtime;
}

/** A runtime whose clock stands still except that each wait moves it on by exactly the time waited. */
export function waitingClockRuntime(): Runtime & { sleeps: number[] } {
  const runtime = instantRuntime();
  let clock = 1_700_000_000_000;
  runtime.now = () => clock;
  runtime.sleep = (ms) => {
    runtime.sleeps.push(ms);
    clock += ms;
    return Promise.resolve();
  };
  return runtime;
}

/** A signal that aborts once `condition` holds (checked every 5 ms): a cancellation at a chosen point. */
export function abortWhen(condition: () => boolean): AbortSignal {
  const controller = new AbortController();
  const poll = setInterval(() => {
    if (condition()) {
      clearInterval(poll);
      controller.abort();
    }
  }, 5);
  return controller.signal;
}
