// What one attempt came to: an answer from Atlas, or an error, each described for the log and
// judged transient or final.
import { type AtlasAnswer } from './atlas/answer.ts';
import { TOKEN_REFUSED_HINT } from './atlas/hints.ts';
import { type HttpAnswer, TransportError } from './atlas/transport.ts';
import { AuthenticationError } from './auth/digest.ts';
import { TokenRequestError } from './auth/service-account.ts';
import { formatDuration } from './text.ts';

export type AttemptOutcome =
  | { kind: 'answer'; answer: AtlasAnswer; http: HttpAnswer }
  | {
      kind: 'error';
      description: string;
      transient: boolean;
      cancelled: boolean;
      hint?: string;
      /** Set when a token endpoint answered. */
      httpStatus?: number;
      errorCode?: string;
    };

export function describeAnswer(answer: AtlasAnswer, withDetail = false): string {
  const parts = [`HTTP ${answer.status}`];
  if (answer.errorCode) parts.push(answer.errorCode);
  let text = parts.join(' ');
  if (withDetail && answer.detail) text += `: ${answer.detail}`;
  if (answer.bodyProblem) text += ` (${answer.bodyProblem})`;
  if (answer.status !== answer.httpStatus) text += ` (enveloped in HTTP ${answer.httpStatus})`;
  if (answer.status >= 200 && answer.status < 300 && answer.status !== 204) {
    text += '; Atlas documents 204 No Content as the only success of this endpoint';
  }
  return text;
}

const UNTRUSTED_CERTIFICATE_HINT =
  "The server's TLS certificate is not trusted: on a runner behind a TLS-inspecting proxy, add its CA with NODE_EXTRA_CA_CERTS. Verification is never turned off.";

export function describeError(error: unknown, cancelled: boolean, timeoutMs: number): AttemptOutcome {
  const base = { kind: 'error' as const, cancelled: false };
  if (error instanceof AuthenticationError) {
    return { ...base, description: `authentication refused: ${error.message}`, transient: false };
  }
  if (error instanceof TokenRequestError) {
    const refused = error.status === 400 || error.status === 401;
    return {
      ...base,
      description: `token request failed: ${error.message}`,
      transient: error.transient,
      httpStatus: error.status,
      ...(error.errorCode === undefined ? {} : { errorCode: error.errorCode }),
      ...(refused ? { hint: TOKEN_REFUSED_HINT } : {}),
    };
  }
  if (error instanceof TransportError) {
    if (error.kind === 'aborted') {
      return cancelled
        ? { ...base, description: 'cancelled during the request', transient: false, cancelled: true }
        : { ...base, description: `timed out after ${formatDuration(timeoutMs)}`, transient: true };
    }
    if (error.kind === 'tls') {
      return {
        ...base,
        description: `TLS failure: ${error.message}`,
        transient: false,
        hint: UNTRUSTED_CERTIFICATE_HINT,
      };
    }
    if (error.kind === 'proxy-auth') {
      return {
        ...base,
        description: `proxy authentication failed (check the credentials in https_proxy): ${error.message}`,
        transient: false,
      };
    }
    return { ...base, description: `network error: ${error.message}`, transient: true };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ...base, description: `unexpected error: ${message}`, transient: false };
}
