// What one attempt came to: Atlas's answer, or an error, turned into facts for the retry policy
// (retry.ts decides), a one-line description for the log and, for errors, a hint.
import { type AtlasAnswer } from './atlas/answer.ts';
import {
  BUG_HINT,
  CHALLENGE_REFUSED_HINT,
  HOST_MISMATCH_HINT,
  NOT_TLS_HINT,
  PROXY_AUTH_HINT,
  PROXY_REFUSED_HINT,
  PROXY_UNREACHABLE_HINT,
  STALE_NONCE_HINT,
  TEMPORARY_HINT,
  TIMEOUT_HINT,
  TOKEN_ENDPOINT_HINT,
  TOKEN_REFUSED_HINT,
  UNRESOLVED_HOST_HINT,
  UNTRUSTED_CERTIFICATE_HINT,
  UNUSABLE_TOKEN_HINT,
} from './atlas/hints.ts';
import { TransportError } from './atlas/transport.ts';
import { StaleNonceError } from './auth/api-key.ts';
import type { ChallengeError } from './auth/digest-protocol.ts';
import { TokenEndpointError, UnusableTokenError } from './auth/service-account.ts';
import type { Cause } from './result.ts';
import { type Failure, isTransientStatus } from './retry.ts';
import { formatDuration, fromServer, line, type SafeText } from './text.ts';

declare const proofBrand: unique symbol;

/**
 * An answer to a request that carried the run's credentials: the only thing a success (deleted,
 * not-found, dry-run-passed) may rest on. Only the attempt loop (attempts.ts) makes one.
 */
export interface Proof {
  readonly [proofBrand]: true;
  readonly answer: AtlasAnswer;
}

/** Where an attempt was when it ended: what a cancellation message names. */
export type Phase = 'token request' | 'request' | 'wait' | 'migration wait';

export const DURING: Record<Phase, SafeText> = {
  'token request': line`during the token request`,
  request: line`during the request`,
  wait: line`while waiting to retry`,
  'migration wait': line`while waiting for the live migration to end`,
};

export interface AnswerOutcome {
  kind: 'answer';
  answer: AtlasAnswer;
  /** Present exactly when the request this answers carried the run's credentials. */
  proof: Proof | undefined;
  failure: Failure;
  /** An authorized request of this attempt may have been carried out without a success to show. */
  fateUnknown: boolean;
  /** The authenticator would not meet this 401's demand (a challenge it refuses, stale nonces). */
  refusal?: { description: SafeText; hint?: SafeText | undefined; cause: Cause };
}

export interface ErrorOutcome {
  kind: 'error';
  failure: Failure;
  description: SafeText;
  hint?: SafeText;
  cause: Cause;
  cancelled: boolean;
  fateUnknown: boolean;
  phase: Phase;
  /** After a cancelled back-off: the status of the answer before it. */
  httpStatus?: number;
  /** `oauth:<code>` when the token endpoint failed; after a cancelled back-off, the last errorCode. */
  errorCode?: SafeText;
}

export type AttemptOutcome = AnswerOutcome | ErrorOutcome;

export function describeAnswer(answer: AtlasAnswer, success: number, withDetail = false): SafeText {
  let text = answer.errorCode ? line`HTTP ${answer.status} ${answer.errorCode}` : line`HTTP ${answer.status}`;
  if (withDetail && answer.detail) text = line`${text}: ${answer.detail}`;
  if (answer.bodyProblem) text = line`${text} (${answer.bodyProblem})`;
  if (answer.status !== answer.httpStatus) text = line`${text} (enveloped in HTTP ${answer.httpStatus})`;
  if (answer.status >= 200 && answer.status < 300 && answer.status !== success) {
    text = line`${text}; Atlas documents ${success} as the only success of this endpoint`;
  }
  return text;
}

/** Why the authenticator would not answer a 401 (`answer`), and what to do about it. */
export function describeRefusal(
  error: ChallengeError | StaleNonceError,
  answer: AtlasAnswer,
): { description: SafeText; hint?: SafeText; cause: Cause } {
  const status = describeAnswer(answer, 0);
  const cause: Cause = { kind: 'authentication-refused' };
  if (error instanceof StaleNonceError) {
    return { description: line`${status}: ${error.text}`, hint: STALE_NONCE_HINT, cause };
  }
  return { description: line`${status}: authentication refused: ${error.text}`, hint: CHALLENGE_REFUSED_HINT, cause };
}

/** `oauth:invalid_client`, or `oauth:http-503` when the endpoint named no error: never an Atlas code. */
function tokenErrorCode(error: TokenEndpointError): SafeText {
  return error.oauthError ? line`oauth:${error.oauthError}` : line`oauth:http-${error.status}`;
}

export function describeError(
  error: unknown,
  context: { cancelled: boolean; timeoutMs: number; fateUnknown: boolean; phase: Phase },
): ErrorOutcome {
  const final: Failure = { kind: 'final' };
  const base = { kind: 'error' as const, cancelled: false, fateUnknown: context.fateUnknown, phase: context.phase };
  if (error instanceof TransportError && error.kind === 'aborted') {
    return context.cancelled
      ? {
          ...base,
          failure: final,
          description: line`cancelled ${DURING[context.phase]}`,
          cancelled: true,
          cause: { kind: 'cancelled' },
        }
      : {
          ...base,
          failure: { kind: 'timeout' },
          description: line`timed out after ${formatDuration(context.timeoutMs)}`,
          hint: TIMEOUT_HINT,
          cause: { kind: 'timeout' },
        };
  }
  if (error instanceof UnusableTokenError) {
    return {
      ...base,
      failure: final,
      description: error.text,
      hint: UNUSABLE_TOKEN_HINT,
      cause: { kind: 'not-atlas' },
    };
  }
  if (error instanceof TokenEndpointError) {
    const refused = error.status === 400 || error.status === 401;
    const cause: Cause = refused
      ? { kind: 'credentials' }
      : error.status === 429
        ? { kind: 'rate-limited' }
        : { kind: 'answer', status: error.status };
    return {
      ...base,
      failure: { kind: 'answer', status: error.status, retryAfter: error.retryAfter },
      description: line`token request failed: ${error.text}`,
      errorCode: tokenErrorCode(error),
      cause,
      hint: refused ? TOKEN_REFUSED_HINT : isTransientStatus(error.status) ? TEMPORARY_HINT : TOKEN_ENDPOINT_HINT,
    };
  }
  if (error instanceof TransportError) return describeTransportError(error, base, final);
  const message = error instanceof Error ? error.message : String(error);
  return {
    ...base,
    failure: final,
    description: line`unexpected error: ${fromServer(message)}`,
    hint: BUG_HINT,
    cause: { kind: 'bug' },
  };
}

function describeTransportError(
  error: TransportError,
  base: Pick<ErrorOutcome, 'kind' | 'cancelled' | 'fateUnknown' | 'phase'>,
  final: Failure,
): ErrorOutcome {
  switch (error.kind) {
    case 'tls': {
      const hint = error.code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? HOST_MISMATCH_HINT : UNTRUSTED_CERTIFICATE_HINT;
      return { ...base, failure: final, description: line`TLS failure: ${error.text}`, hint, cause: { kind: 'tls' } };
    }
    case 'not-tls':
      // OpenSSL's own text here is a file path and line number: the code says it all.
      return {
        ...base,
        failure: final,
        description: line`TLS failure: the server did not answer the TLS handshake in TLS (${fromServer(error.code ?? 'EPROTO', 40)})`,
        hint: NOT_TLS_HINT,
        cause: { kind: 'tls' },
      };
    case 'proxy': {
      const status = error.proxyStatus ?? 0;
      const hint = status === 407 ? PROXY_AUTH_HINT : status >= 500 ? PROXY_UNREACHABLE_HINT : PROXY_REFUSED_HINT;
      return {
        ...base,
        failure: { kind: 'proxy', status },
        description: line`proxy failure: ${error.text}`,
        cause: { kind: 'proxy' },
        hint,
      };
    }
    default:
      return {
        ...base,
        failure: { kind: 'network', code: error.code },
        description: line`network error: ${error.text}`,
        hint: error.code === 'ENOTFOUND' ? UNRESOLVED_HOST_HINT : TEMPORARY_HINT,
        cause: { kind: 'network' },
      };
  }
}
