// Service accounts: OAuth 2.0 client credentials. One access token per run, fetched on the first
// attempt, reused by later ones, and revoked at the end so that no live token outlives the step.
import { parseJsonObject } from '../atlas/answer.ts';
import type { HttpAnswer, Transport } from '../atlas/transport.ts';
import { isTransientStatus } from '../retry.ts';
import { oneLine } from '../text.ts';
import type { AuthMethod, RequestAuthenticator } from './authenticator.ts';

export interface ServiceAccountCredentials {
  clientId: string;
  clientSecret: string;
}

/** The token endpoint said no, or answered something unusable. */
export class TokenRequestError extends Error {
  readonly status: number;
  readonly transient: boolean;
  readonly errorCode: string | undefined;

  constructor(status: number, errorCode: string | undefined, message: string) {
    super(message);
    this.name = 'TokenRequestError';
    this.status = status;
    this.transient = isTransientStatus(status);
    this.errorCode = errorCode;
  }
}

export interface ServiceAccountOptions {
  baseUrl: string;
  transport: Transport;
  /** Headers every request carries (User-Agent). */
  headers: Record<string, string>;
  /** Registers a secret with the runner before anything could print it. */
  mask: (secret: string) => void;
  log: { debug: (message: string) => void; warning: (message: string) => void };
  /** Limit for the revocation request. */
  timeoutMs: number;
}

export class ServiceAccountAuthenticator implements RequestAuthenticator {
  readonly method: AuthMethod = 'service-account';
  private readonly basic: string;
  private readonly options: ServiceAccountOptions;
  private token: string | undefined;

  constructor(credentials: ServiceAccountCredentials, options: ServiceAccountOptions) {
    this.basic = `Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64')}`;
    this.options = options;
    options.mask(this.basic.slice('Basic '.length));
  }

  startAttempt(): void {}

  async authorize(signal: AbortSignal): Promise<string> {
    this.token ??= await this.requestToken(signal);
    return `Bearer ${this.token}`;
  }

  retryUnauthorized(): boolean {
    return false; // a refused token is final: a new one from the same account would be refused too
  }

  async finish(): Promise<void> {
    if (this.token === undefined) return;
    try {
      const answer = await this.post(
        '/api/oauth/revoke',
        `token=${encodeURIComponent(this.token)}`,
        AbortSignal.timeout(this.options.timeoutMs),
      );
      if (answer.status >= 200 && answer.status < 300) {
        this.options.log.debug('Revoked the access token.');
      } else {
        this.options.log.warning(
          `Could not revoke the access token (HTTP ${answer.status}); it expires by itself within the hour.`,
        );
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.options.log.warning(`Could not revoke the access token (${reason}); it expires by itself within the hour.`);
    }
    this.token = undefined;
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

  private async requestToken(signal: AbortSignal): Promise<string> {
    const answer = await this.post('/api/oauth/token', 'grant_type=client_credentials', signal);
    const body = parseJsonObject(answer.body) ?? {}; // not JSON: described below by status alone
    const token = body['access_token'];
    if (answer.status === 200 && typeof token === 'string' && token !== '') {
      this.options.mask(token);
      this.options.log.debug('Obtained an access token for the service account.');
      return token;
    }
    const errorCode = typeof body['error'] === 'string' ? oneLine(body['error'], 100) : undefined;
    const description = typeof body['error_description'] === 'string' ? oneLine(body['error_description']) : undefined;
    const what = answer.status === 200 ? 'answered without an access token' : `answered HTTP ${answer.status}`;
    const details = [errorCode, description].filter(Boolean).join(': ');
    throw new TokenRequestError(
      answer.status,
      errorCode,
      `the token endpoint ${what}${details ? ` (${details})` : ''}`,
    );
  }
}
