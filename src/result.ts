// What a run came to, as data: the outputs, the summary and the log line are all rendered from it.
import type { AttemptOutcome } from './attempt-outcome.ts';
import type { AttemptRecord, AttemptsReport } from './attempts.ts';
import type { AuthMethod } from './auth/authenticator.ts';
import { endSentence } from './text.ts';

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
  errorCode?: string;
  detail?: string;
  hint?: string;
  /** One line for the log: what happened and, on failure, why. */
  message: string;
  /** `DELETE https://…` */
  endpoint: string;
  durationMs: number;
  attemptLog: AttemptRecord[];
  cancelled: boolean;
  /** A dry run: a GET of the organization instead of the DELETE. */
  dryRun: boolean;
  /** The organization's name, when a dry run reached it. */
  organizationName?: string;
}

/** The judgement of one operation on its final outcome. */
export interface Verdict {
  status: ResultStatus;
  stepFails: boolean;
  message: string;
  hint?: string | undefined;
  organizationName?: string | undefined;
}

/** The one place a result is assembled: the facts from the attempts, the verdict from the operation. */
export function buildResult(
  report: AttemptsReport,
  verdict: Verdict,
  context: { authMethod: AuthMethod; endpoint: string; durationMs: number; dryRun: boolean },
): RunResult {
  const { final } = report;
  const httpStatus = final.kind === 'answer' ? final.answer.status : final.httpStatus;
  const errorCode = final.kind === 'answer' ? final.answer.errorCode : final.errorCode;
  const detail = final.kind === 'answer' ? final.answer.detail : undefined;
  return {
    status: verdict.status,
    authMethod: context.authMethod,
    stepFails: verdict.stepFails,
    ...(httpStatus === undefined ? {} : { httpStatus }),
    attempts: report.attempts,
    ...(errorCode ? { errorCode } : {}),
    ...(detail ? { detail } : {}),
    ...(verdict.hint ? { hint: verdict.hint } : {}),
    message: verdict.message,
    endpoint: context.endpoint,
    durationMs: context.durationMs,
    attemptLog: report.attemptLog,
    cancelled: final.kind === 'error' && final.cancelled,
    dryRun: context.dryRun,
    ...(verdict.organizationName === undefined ? {} : { organizationName: verdict.organizationName }),
  };
}

/** `after 3 attempts`, or nothing for one. */
export function afterAttempts(attempts: number): string {
  return attempts > 1 ? ` after ${attempts} attempts` : '';
}

/** A failure: `<what> failed[ after n attempts]: <why>. <hint>` */
export function failedVerdict(what: string, why: string, attempts: number, hint: string | undefined): Verdict {
  return {
    status: 'failed',
    stepFails: true,
    message: `${endSentence(`${what} failed${afterAttempts(attempts)}: ${why}`)}${hint ? ` ${hint}` : ''}`,
    hint,
  };
}

/** The verdict on an attempt that ended without an answer: cancelled, or failed with its hint. */
export function errorVerdict(
  final: Extract<AttemptOutcome, { kind: 'error' }>,
  attempts: number,
  wording: { what: string; uncertainty: string },
): Verdict {
  if (final.cancelled) {
    return {
      status: 'failed',
      stepFails: true,
      message: `Cancelled: the job was cancelled (${final.description}); ${wording.uncertainty}.`,
    };
  }
  return failedVerdict(wording.what, final.description, attempts, final.hint);
}
