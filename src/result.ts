// What a run came to, as data: the outputs, the summary and the log line are all rendered from it.
import type { AtlasAnswer } from './atlas/answer.ts';
import { DURING, type ErrorOutcome, type Proof } from './attempt-outcome.ts';
import type { AttemptRecord, AttemptsReport } from './attempts.ts';
import type { AuthMethod } from './auth/authenticator.ts';
import { endSentence, line, type SafeText } from './text.ts';

/**
 * Why a run did not succeed, as the summary's heading names it. Decided where the answer or the
 * error is read (hints.ts, attempt-outcome.ts), never inferred from the wording of a message.
 */
export type Cause =
  | { kind: 'access-list'; ip?: SafeText | undefined }
  | { kind: 'credentials' }
  | { kind: 'role' }
  | { kind: 'active-migration'; projects: readonly SafeText[] }
  | { kind: 'organization' }
  | { kind: 'not-atlas' }
  | { kind: 'authentication-refused' }
  | { kind: 'rate-limited' }
  | { kind: 'timeout' }
  | { kind: 'network' }
  | { kind: 'tls' }
  | { kind: 'proxy' }
  | { kind: 'version-gone' }
  | { kind: 'answer'; status: number }
  /** `outcome`: what the cancellation means for the link-token, once the verdict knows it. */
  | { kind: 'cancelled'; outcome?: SafeText }
  | { kind: 'stopped'; why: SafeText; outcome: SafeText }
  | { kind: 'bug' };

/** What a failure comes to: its cause, and what to do about it. */
export interface Diagnosis {
  cause: Cause;
  hint?: SafeText | undefined;
}

/** Every value of the `status` output. */
export const RESULT_STATUSES = ['deleted', 'not-found', 'failed', 'dry-run-passed'] as const;

export type ResultStatus = (typeof RESULT_STATUSES)[number];

export interface RunResult {
  status: ResultStatus;
  authMethod: AuthMethod;
  /** Whether the step fails: `failed`, or `not-found` with fail-on-not-found. */
  stepFails: boolean;
  /**
   * The status of the last attempt's answer from the Atlas API (the envelope's when enveloped);
   * undefined when that attempt got none (timeout, network, or the token endpoint failed).
   */
  httpStatus?: number;
  attempts: number;
  /** Atlas's errorCode; `oauth:<code>` when the token endpoint failed. */
  errorCode?: SafeText;
  detail?: SafeText;
  hint?: SafeText;
  /** One line for the log: what happened and, on failure, why. */
  message: SafeText;
  durationMs: number;
  attemptLog: AttemptRecord[];
  /** A dry run: a GET of the organization instead of the DELETE. */
  dryRun: boolean;
  /** The organization's name, when a dry run reached it. */
  organizationName?: SafeText;
  /** What a dry run verified (or could not), in order. */
  checks?: Check[];
  /** How long the delete waited for an active live migration to end. */
  migrationWait?: MigrationWait;
  /** Warnings that belong with the result (logged before it). */
  warnings?: SafeText[];
  /** Why the run failed (absent on success). */
  cause?: Cause;
  /** A sentence for under the summary's heading. */
  note?: SafeText;
  /** The Atlas API requests that were sent (`GET https://…`), in order. */
  requests?: SafeText[];
}

/** One thing a dry run set out to verify. */
export interface Check {
  what: SafeText;
  verified: boolean;
  /** Why it could not be verified. */
  note?: SafeText;
}

export interface MigrationWait {
  waitedMs: number;
  limitMs: number;
  /** Requests that found the migration still active. */
  checks: number;
  projects: SafeText[];
}

/** What an operation adds to its result besides the verdict. */
export interface ResultExtras {
  checks?: Check[];
  migrationWait?: MigrationWait;
  warnings?: SafeText[];
  requests?: SafeText[];
}

interface VerdictText {
  message: SafeText;
  /** A sentence the summary shows under its heading (the message carries it too). */
  note?: SafeText | undefined;
  hint?: SafeText | undefined;
  organizationName?: SafeText | undefined;
}

/**
 * The judgement of one operation on its final outcome. A success must carry the Proof of an
 * answer to a request with credentials: a success answered to anything else cannot be built.
 */
export type Verdict =
  | (VerdictText & { status: 'failed'; stepFails: true; cause: Cause })
  | (VerdictText & { status: 'deleted' | 'dry-run-passed'; stepFails: false; proof: Proof })
  | (VerdictText & { status: 'not-found'; stepFails: boolean; proof: Proof });

/** The one place a result is assembled: the facts from the attempts, the verdict from the operation. */
export function buildResult(
  report: AttemptsReport,
  verdict: Verdict,
  context: {
    authMethod: AuthMethod;
    durationMs: number;
    dryRun: boolean;
    attempts: number;
    attemptLog: AttemptRecord[];
  } & ResultExtras,
): RunResult {
  const { final } = report;
  const answer: AtlasAnswer | undefined = final.kind === 'answer' ? final.answer : undefined;
  const httpStatus = answer ? answer.status : final.kind === 'error' ? final.httpStatus : undefined;
  const errorCode = answer ? answer.errorCode : final.kind === 'error' ? final.errorCode : undefined;
  const detail = answer?.detail;
  return {
    status: verdict.status,
    authMethod: context.authMethod,
    stepFails: verdict.stepFails,
    ...(httpStatus === undefined ? {} : { httpStatus }),
    attempts: context.attempts,
    ...(errorCode ? { errorCode } : {}),
    ...(detail ? { detail } : {}),
    ...(verdict.hint ? { hint: verdict.hint } : {}),
    message: verdict.message,
    durationMs: context.durationMs,
    attemptLog: context.attemptLog,
    dryRun: context.dryRun,
    ...(verdict.organizationName === undefined ? {} : { organizationName: verdict.organizationName }),
    ...(verdict.note === undefined ? {} : { note: verdict.note }),
    ...(context.checks ? { checks: context.checks } : {}),
    ...(context.migrationWait ? { migrationWait: context.migrationWait } : {}),
    ...(context.warnings && context.warnings.length > 0 ? { warnings: context.warnings } : {}),
    ...(verdict.status === 'failed' ? { cause: verdict.cause } : {}),
    ...(context.requests && context.requests.length > 0 ? { requests: context.requests } : {}),
  };
}

/** `after 3 attempts`, or nothing for one. */
export function afterAttempts(attempts: number): SafeText {
  return attempts > 1 ? line` after ${attempts} attempts` : line``;
}

/** A failure: `<what> failed[ after n attempts]: <why>. <hint>` */
export function failedVerdict(what: SafeText, why: SafeText, attempts: number, diagnosis: Diagnosis): Verdict {
  const { hint, cause } = diagnosis;
  const sentence = endSentence(line`${what} failed${afterAttempts(attempts)}: ${why}`);
  return { status: 'failed', stepFails: true, message: hint ? line`${sentence} ${hint}` : sentence, hint, cause };
}

/** What may have happened to the link-token when a run ends without a result. */
export function uncertainty(dryRun: boolean, facts: { deleteSent: boolean; fateUnknown: boolean }): SafeText {
  if (dryRun) return line`nothing was deleted`;
  if (!facts.deleteSent) return line`no request that could delete the link-token was sent`;
  if (facts.fateUnknown) return line`the link-token may or may not have been deleted`;
  return line`the link-token was not deleted`;
}

/** The verdict on an attempt that ended without an answer: cancelled, or failed with its hint. */
export function errorVerdict(final: ErrorOutcome, report: AttemptsReport, what: SafeText, dryRun: boolean): Verdict {
  if (final.cancelled) {
    return {
      status: 'failed',
      stepFails: true,
      cause: { kind: 'cancelled', outcome: uncertainty(dryRun, report) },
      message: line`Cancelled: the job was cancelled ${DURING[final.phase]}; ${uncertainty(dryRun, report)}.`,
    };
  }
  return failedVerdict(what, final.description, report.attempts, final);
}
