// One interface per authentication mechanism: the attempt loop asks it for an Authorization
// header, lets it judge a 401, and lets it release its credentials at the end.
import type { HttpAnswer } from '../atlas/transport.ts';
import { line, type SafeText } from '../text.ts';

export type AuthMethod = 'digest' | 'service-account';

export interface RequestAuthenticator {
  readonly method: AuthMethod;
  /** Called before each attempt. */
  startAttempt(): void;
  /** The Authorization header for `method url` (undefined: send without), fetching a token if needed. */
  authorize(method: string, url: URL, signal: AbortSignal): Promise<string | undefined>;
  /**
   * Judges a 401 to a request sent with `sentAuthorization`: true to send the request again within
   * the attempt (with new credentials), false when the credentials themselves were refused. Throws
   * when the server's demand cannot be met.
   */
  answerUnauthorized(answer: HttpAnswer, sentAuthorization: string | undefined): boolean;
  /** Releases what it holds (a service account revokes its token); warns, never throws. */
  finish(signal: AbortSignal): Promise<void>;
}

/** How the summary and the log name each method (never its values). */
export const METHOD_LABELS: Record<AuthMethod, SafeText> = {
  digest: line`API key (HTTP Digest)`,
  'service-account': line`service account (OAuth 2.0 client credentials)`,
};
