// What a run came to, as data: the outputs, the summary and the log line are all rendered from it.
import type { AttemptRecord, AttemptsReport } from './attempts.ts';
import type { AuthMethod } from './auth/authenticator.ts';

export type ResultStatus = 'deleted' | 'not-found' | 'failed';

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
}

/** The judgement of one operation on its final outcome. */
export interface Verdict {
  status: ResultStatus;
  stepFails: boolean;
  message: string;
  hint?: string | undefined;
}

/** The one place a result is assembled: the facts from the attempts, the verdict from the operation. */
export function buildResult(
  report: AttemptsReport,
  verdict: Verdict,
  context: { authMethod: AuthMethod; endpoint: string; durationMs: number },
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
  };
}
