// API keys: HTTP Digest. The first request draws the server's challenge; the nonce is kept across
// attempts, so a retry costs one request while the server accepts it.
import type { HttpAnswer } from '../atlas/transport.ts';
import type { AuthMethod, RequestAuthenticator } from './authenticator.ts';
import { DigestAuthenticator, isStaleChallenge } from './digest.ts';

/** How often a stale-nonce 401 is answered with the new nonce within one attempt. */
const MAX_STALE_RENEWALS = 2;

export class DigestRequestAuthenticator implements RequestAuthenticator {
  readonly method: AuthMethod = 'digest';
  private readonly digest: DigestAuthenticator;
  private readonly url: URL;
  private readonly debug: (message: string) => void;
  private staleRenewals = 0;

  constructor(credentials: { publicKey: string; privateKey: string }, url: URL, debug: (message: string) => void) {
    this.digest = new DigestAuthenticator(credentials.publicKey, credentials.privateKey);
    this.url = url;
    this.debug = debug;
  }

  startAttempt(): void {
    this.staleRenewals = 0;
  }

  authorize(): Promise<string | undefined> {
    return Promise.resolve(this.digest.hasChallenge ? this.digest.authorization('DELETE', this.url.href) : undefined);
  }

  retryUnauthorized(answer: HttpAnswer, sentAuthorization: string | undefined): boolean {
    const challenge = answer.headers['www-authenticate'];
    if (sentAuthorization === undefined) {
      this.digest.accept(challenge); // throws when there is no Digest challenge to answer safely
      this.debug(`Answering the server's Digest challenge (algorithm ${this.digest.algorithm}).`);
      return true;
    }
    if (isStaleChallenge(challenge) && this.staleRenewals < MAX_STALE_RENEWALS) {
      this.staleRenewals++;
      this.digest.accept(challenge);
      this.debug('The server marked the nonce stale: authenticating again with its new nonce.');
      return true;
    }
    return false; // a non-stale 401 to an authorized request: wrong credentials, never retried
  }

  finish(): Promise<void> {
    return Promise.resolve();
  }
}
