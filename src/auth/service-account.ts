// Service accounts: OAuth 2.0 client credentials. One access token per run, fetched on the first
// attempt and reused by later ones while it lives, replaced when it is about to expire or Atlas
// refuses a token from an earlier attempt, and revoked once the result has been reported.
import { parseJsonObject } from '../atlas/answer.ts';
import { type HttpAnswer, type Transport, TransportError } from '../atlas/transport.ts';
import { formatDuration, fromServer, line, type SafeText } from '../text.ts';
import type { AuthMethod, RequestAuthenticator } from './authenticator.ts';

/** The revoke's own budget: it runs after the result is reported and must not hold the step up. */
export const REVOKE_TIMEOUT_MS = 5_000;
/** A token this close to its expiry is replaced before a request rather than sent. */
export const TOKEN_EXPIRY_MARGIN_MS = 60_000;

export interface ServiceAccountCredentials {
  clientId: string;
  clientSecret: string;
}

/** The token endpoint said no, or answered something unusable: facts for the retry policy. */
export class TokenEndpointError extends Error {
  readonly status: number;
  readonly retryAfter: string | undefined;
  /** The OAuth `error` code, e.g. `invalid_client`, when the endpoint named one. */
  readonly oauthError: SafeText | undefined;
  readonly text: SafeText;

  constructor(status: number, retryAfter: string | undefined, oauthError: SafeText | undefined, text: SafeText) {
    super(text);
    this.name = 'TokenEndpointError';
    this.status = status;
    this.retryAfter = retryAfter;
    this.oauthError = oauthError;
    this.text = text;
  }
}

/**
 * Shorter than any access token Atlas issues: masking one would blank that text (a letter, a word)
 * out of the rest of the job's log, so it is neither masked nor used.
 */
export const MIN_TOKEN_LENGTH = 8;

/**
 * The endpoint issued a token the action cannot use: of a type it does not understand (RFC 6749
 * §7.1 forbids using it), one a header cannot carry, or one too short to be a token. Final: asking
 * again would give the same.
 */
export class UnusableTokenError extends Error {
  readonly text: SafeText;
  constructor(problem: { type: SafeText } | 'header' | 'length') {
    const text =
      problem === 'header'
        ? line`the token endpoint issued an access token that cannot be sent in a header (a space, a line break or a character outside printable ASCII)`
        : problem === 'length'
          ? line`the token endpoint issued an access token of fewer than ${MIN_TOKEN_LENGTH} characters, which is none Atlas issues`
          : line`the token endpoint issued a token of type '${problem.type}', which the action cannot use (only Bearer tokens are defined for this flow)`;
    super(text);
    this.name = 'UnusableTokenError';
    this.text = text;
  }
}

/**
 * RFC 6749 §2.3.1: the client ID and secret are form-urlencoded (application/x-www-form-urlencoded)
 * before they are joined with a colon and base64-encoded, as MongoDB's Go SDK does.
 */
export function basicCredentials(clientId: string, clientSecret: string): string {
  const formEncode = (value: string): string => new URLSearchParams({ v: value }).toString().slice('v='.length);
  return Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString('base64');
}

export interface ServiceAccountOptions {
  baseUrl: string;
  transport: Transport;
  /** Headers every request carries (User-Agent). */
  headers: Record<string, string>;
  /** Registers a secret with the runner before anything could print it. */
  mask: (secret: string) => void;
  log: { debug: (message: SafeText) => void; warning: (message: SafeText) => void };
  now: () => number;
}

interface AccessToken {
  value: string;
  /** `token_type` as issued; only Bearer is used. */
  type: string;
  /** Epoch ms; undefined when the endpoint gave no usable expires_in. */
  expiresAt: number | undefined;
}

/** `expires_in` as milliseconds: a positive number of seconds, else unknown. */
export function parseExpiresIn(value: unknown): number | undefined {
  const seconds = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  const ms = typeof seconds === 'number' && Number.isFinite(seconds) ? Math.round(seconds * 1000) : 0;
  return ms > 0 ? ms : undefined;
}

export class ServiceAccountAuthenticator implements RequestAuthenticator {
  readonly method: AuthMethod = 'service-account';
  private readonly basic: string;
  private readonly options: ServiceAccountOptions;
  private token: AccessToken | undefined;
  /** Tokens replaced during the run (about to expire, or refused): revoked at the end all the same. */
  private readonly replaced: AccessToken[] = [];
  /** The token in hand was obtained before this attempt. */
  // Stryker disable next-line BooleanLiteral: equivalent, startAttempt() sets it before every authorize()
  private tokenFromEarlierAttempt = false;

  constructor(credentials: ServiceAccountCredentials, options: ServiceAccountOptions) {
    const encoded = basicCredentials(credentials.clientId, credentials.clientSecret);
    this.basic = `Basic ${encoded}`;
    this.options = options;
    options.mask(encoded);
  }

  startAttempt(): void {
    const expiresAt = this.token?.expiresAt;
    if (expiresAt !== undefined && this.options.now() >= expiresAt - TOKEN_EXPIRY_MARGIN_MS) {
      this.options.log.debug(line`The access token expires within a minute: requesting a new one.`);
      this.retire();
    }
    this.tokenFromEarlierAttempt = this.token !== undefined;
  }

  async authorize(_method: string, _url: URL, signal: AbortSignal): Promise<string> {
    this.token ??= await this.requestToken(signal);
    if (!/^bearer$/i.test(this.token.type.trim())) {
      throw new UnusableTokenError({ type: fromServer(this.token.type, 40) });
    }
    // RFC 6750's b64token: a token a header could not carry is not sent at all.
    if (!/^[\x21-\x7e]+$/.test(this.token.value)) throw new UnusableTokenError('header');
    if (this.token.value.length < MIN_TOKEN_LENGTH) throw new UnusableTokenError('length');
    return `Bearer ${this.token.value}`;
  }

  answerUnauthorized(): boolean {
    if (!this.tokenFromEarlierAttempt) return false; // a token just issued and refused: final
    this.options.log.debug(line`Atlas refused the access token of an earlier attempt: requesting a new one.`);
    this.retire();
    this.tokenFromEarlierAttempt = false;
    return true;
  }

  /** Every token issued in the run is revoked: one is all a clean run holds. */
  async finish(cancelSignal: AbortSignal): Promise<void> {
    const tokens = [...this.replaced.splice(0), ...(this.token ? [this.token] : [])];
    this.token = undefined;
    if (tokens.length === 0) return;
    const expiry = line`it expires by itself within the hour`;
    if (cancelSignal.aborted) {
      // A run stopped at its deadline (or with a request that never settled) leaves it as a cancelled one does.
      const stop = cancelSignal.reason === 'deadline' || cancelSignal.reason === 'drained';
      const why = stop ? line`the run was stopped without a result` : line`the job was cancelled`;
      this.options.log.warning(line`Did not revoke the access token: ${why}; ${expiry}.`);
      return;
    }
    // One budget for all the revocations: they run after the result is reported.
    const signal = AbortSignal.any([cancelSignal, AbortSignal.timeout(REVOKE_TIMEOUT_MS)]);
    for (const [index, token] of tokens.entries()) {
      if (signal.aborted) {
        // Not sent at all: say so once, rather than blame each on an endpoint that never saw it.
        const left = tokens.length - index;
        const what = left === 1 ? line`1 more access token` : line`${left} more access tokens`;
        const why = cancelSignal.aborted
          ? line`the job was cancelled`
          : line`the revocations' ${formatDuration(REVOKE_TIMEOUT_MS)} had run out`;
        const expiries = left === 1 ? expiry : line`they expire by themselves within the hour`;
        this.options.log.warning(line`Did not revoke ${what}: ${why}; ${expiries}.`);
        return;
      }
      await this.revoke(token, signal, cancelSignal, expiry);
    }
  }

  private retire(): void {
    if (this.token) this.replaced.push(this.token);
    this.token = undefined;
  }

  private async revoke(
    token: AccessToken,
    signal: AbortSignal,
    cancelSignal: AbortSignal,
    expiry: SafeText,
  ): Promise<void> {
    try {
      const answer = await this.post(
        '/api/oauth/revoke',
        `token=${encodeURIComponent(token.value)}&token_type_hint=access_token`,
        signal,
      );
      if (answer.status === 200 || answer.status === 204) {
        this.options.log.debug(line`Revoked the access token.`);
      } else {
        this.options.log.warning(line`Could not revoke the access token (HTTP ${answer.status}); ${expiry}.`);
      }
    } catch (error) {
      const reason =
        error instanceof TransportError && error.kind === 'aborted'
          ? cancelSignal.aborted
            ? line`the job was cancelled`
            : line`no answer within ${formatDuration(REVOKE_TIMEOUT_MS)}`
          : error instanceof TransportError
            ? error.text
            : fromServer(String(error));
      this.options.log.warning(line`Could not revoke the access token (${reason}); ${expiry}.`);
    }
  }

  private post(path: string, body: string, signal: AbortSignal): Promise<HttpAnswer> {
    return this.options.transport.send({
      method: 'POST',
      url: new URL(path, this.options.baseUrl),
      headers: {
        ...this.options.headers,
        Authorization: this.basic,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body,
      signal,
    });
  }

  private async requestToken(signal: AbortSignal): Promise<AccessToken> {
    const answer = await this.post('/api/oauth/token', 'grant_type=client_credentials', signal);
    const body = parseJsonObject(answer.body) ?? {}; // not JSON: described below by status alone
    const value = body['access_token'];
    if (answer.status === 200 && typeof value === 'string' && value !== '') {
      // Masked at once, and kept even when its type is unusable: an issued token is always revoked.
      if (value.length >= MIN_TOKEN_LENGTH) this.options.mask(value);
      this.options.log.debug(line`Obtained an access token for the service account.`);
      const lifetime = parseExpiresIn(body['expires_in']);
      const type = typeof body['token_type'] === 'string' ? body['token_type'] : '(none)';
      return { value, type, expiresAt: lifetime === undefined ? undefined : this.options.now() + lifetime };
    }
    const oauthError = typeof body['error'] === 'string' ? fromServer(body['error'], 100) : undefined;
    const description =
      typeof body['error_description'] === 'string' ? fromServer(body['error_description']) : undefined;
    const what = answer.status === 200 ? line`answered without an access token` : line`answered HTTP ${answer.status}`;
    const details = [oauthError, description].filter((part) => part !== undefined && part !== '');
    const why = details.length === 0 ? line`` : line` (${fromServer(details.join(': '))})`;
    throw new TokenEndpointError(
      answer.status,
      answer.headers['retry-after'],
      oauthError,
      line`the token endpoint ${what}${why}`,
    );
  }
}
