// What one attempt came to: Atlas's answer, or an error, turned into facts for the retry policy
// (retry.ts decides), a one-line description for the log and, for errors, a hint.
import { type AtlasAnswer } from './atlas/answer.ts';
import {
  HOST_MISMATCH_HINT,
  NOT_TLS_HINT,
  PROXY_AUTH_HINT,
  PROXY_REFUSED_HINT,
  STALE_NONCE_HINT,
  TOKEN_REFUSED_HINT,
  UNTRUSTED_CERTIFICATE_HINT,
} from './atlas/hints.ts';
import { TransportError } from './atlas/transport.ts';
import { StaleNonceError } from './auth/api-key.ts';
import { ChallengeError } from './auth/digest-protocol.ts';
import { TokenEndpointError } from './auth/service-account.ts';
import type { Failure } from './retry.ts';
import { formatDuration, oneLine } from './text.ts';

export type AttemptOutcome =
  | {
      kind: 'answer';
      answer: AtlasAnswer;
      failure: Failure;
      /** An authorized request of this attempt may have been carried out without a success to show. */
      fateUnknown: boolean;
    }
  | {
      kind: 'error';
      failure: Failure;
      description: string;
      hint?: string;
      cancelled: boolean;
      fateUnknown: boolean;
      /** For errors that came with an answer: the 401 of a stale nonce. */
      httpStatus?: number;
      /** `oauth:<code>` when the token endpoint failed. */
      errorCode?: string;
    };

export function describeAnswer(answer: AtlasAnswer, success: number, withDetail = false): string {
  const parts = [`HTTP ${answer.status}`];
  if (answer.errorCode) parts.push(answer.errorCode);
  let text = parts.join(' ');
  if (withDetail && answer.detail) text += `: ${answer.detail}`;
  if (answer.bodyProblem) text += ` (${answer.bodyProblem})`;
  if (answer.status !== answer.httpStatus) text += ` (enveloped in HTTP ${answer.httpStatus})`;
  if (answer.status >= 200 && answer.status < 300 && answer.status !== success) {
    text += `; Atlas documents ${success} as the only success of this endpoint`;
  }
  return text;
}

/** `oauth:invalid_client`, or `oauth:http-503` when the endpoint named no error: never an Atlas code. */
function tokenErrorCode(error: TokenEndpointError): string {
  return `oauth:${error.oauthError ?? `http-${error.status}`}`;
}

export function describeError(
  error: unknown,
  context: { cancelled: boolean; timeoutMs: number; fateUnknown: boolean },
): AttemptOutcome {
  const final: Failure = { kind: 'final' };
  const base = { kind: 'error' as const, cancelled: false, fateUnknown: context.fateUnknown };
  if (error instanceof TransportError && error.kind === 'aborted') {
    return context.cancelled
      ? { ...base, failure: final, description: 'cancelled during the request', cancelled: true }
      : { ...base, failure: { kind: 'timeout' }, description: `timed out after ${formatDuration(context.timeoutMs)}` };
  }
  if (error instanceof ChallengeError) {
    return { ...base, failure: final, description: `authentication refused: ${error.message}` };
  }
  if (error instanceof StaleNonceError) {
    return {
      ...base,
      failure: final,
      description: `HTTP 401: ${error.message}`,
      hint: STALE_NONCE_HINT,
      httpStatus: 401,
    };
  }
  if (error instanceof TokenEndpointError) {
    const refused = error.status === 400 || error.status === 401;
    return {
      ...base,
      failure: { kind: 'answer', status: error.status, retryAfter: error.retryAfter },
      description: `token request failed: ${error.message}`,
      errorCode: tokenErrorCode(error),
      ...(refused ? { hint: TOKEN_REFUSED_HINT } : {}),
    };
  }
  if (error instanceof TransportError) return describeTransportError(error, base, final);
  const message = error instanceof Error ? error.message : String(error);
  return { ...base, failure: final, description: `unexpected error: ${oneLine(message)}` };
}

function describeTransportError(
  error: TransportError,
  base: { kind: 'error'; cancelled: boolean; fateUnknown: boolean },
  final: Failure,
): AttemptOutcome {
  switch (error.kind) {
    case 'tls': {
      const hint = error.code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? HOST_MISMATCH_HINT : UNTRUSTED_CERTIFICATE_HINT;
      return { ...base, failure: final, description: `TLS failure: ${error.message}`, hint };
    }
    case 'not-tls':
      // OpenSSL's own text here is a file path and line number: the code says it all.
      return {
        ...base,
        failure: final,
        description: `TLS failure: the server did not answer the TLS handshake in TLS (${error.code ?? 'EPROTO'})`,
        hint: NOT_TLS_HINT,
      };
    case 'proxy': {
      const status = error.proxyStatus ?? 0;
      const hint = status === 407 ? PROXY_AUTH_HINT : status === 403 ? PROXY_REFUSED_HINT : undefined;
      return {
        ...base,
        failure: { kind: 'proxy', status },
        description: `proxy failure: ${error.message}`,
        ...(hint ? { hint } : {}),
      };
    }
    default:
      return {
        ...base,
        failure: { kind: 'network', code: error.code },
        description: `network error: ${error.message}`,
      };
  }
}
