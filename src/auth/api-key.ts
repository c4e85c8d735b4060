// API keys: when to draw, keep and renew a Digest challenge. The first request of a run draws the
// server's challenge; the nonce is kept across attempts, so a retry costs one request while the
// server still accepts it. The protocol itself is in digest-protocol.ts.
import type { HttpAnswer } from '../atlas/transport.ts';
import { line, type SafeText } from '../text.ts';
import type { AuthMethod, RequestAuthenticator } from './authenticator.ts';
import { DigestSigner, isStaleChallenge } from './digest-protocol.ts';

/** How often a stale-nonce 401 is answered with the new nonce within one attempt. */
export const MAX_STALE_RENEWALS = 2;

/** The server declared every nonce stale: not a matter of the keys, so not their hint. */
export class StaleNonceError extends Error {
  readonly text: SafeText;
  constructor() {
    const text = line`the server declared the nonce stale ${MAX_STALE_RENEWALS + 1} times in a row`;
    super(text);
    this.name = 'StaleNonceError';
    this.text = text;
  }
}

export class ApiKeyAuthenticator implements RequestAuthenticator {
  readonly method: AuthMethod = 'digest';
  private readonly signer: DigestSigner;
  private readonly debug: (message: SafeText) => void;
  private staleRenewals = 0;
  /** The nonce in hand was issued before this attempt (a back-off may have outlived it). */
  // Stryker disable next-line BooleanLiteral: equivalent, startAttempt() sets it before every request
  private nonceFromEarlierAttempt = false;

  constructor(credentials: { publicKey: string; privateKey: string }, debug: (message: SafeText) => void) {
    this.signer = new DigestSigner(credentials.publicKey, credentials.privateKey);
    this.debug = debug;
  }

  startAttempt(): void {
    this.staleRenewals = 0;
    this.nonceFromEarlierAttempt = this.signer.hasChallenge;
  }

  authorize(method: string, url: URL): Promise<string | undefined> {
    return Promise.resolve(this.signer.hasChallenge ? this.signer.authorization(method, url.href) : undefined);
  }

  answerUnauthorized(answer: HttpAnswer, sentAuthorization: string | undefined): boolean {
    const challenge = answer.headers['www-authenticate'];
    if (sentAuthorization === undefined) {
      this.adopt(challenge, line`Answering the server's Digest challenge`);
      return true;
    }
    if (isStaleChallenge(challenge)) {
      if (this.staleRenewals >= MAX_STALE_RENEWALS) throw new StaleNonceError();
      this.staleRenewals++;
      this.adopt(challenge, line`The server marked the nonce stale: answering its new challenge`);
      return true;
    }
    if (this.nonceFromEarlierAttempt) {
      // MongoDB's own clients never reuse a nonce; a server may forget one without saying stale.
      this.adopt(challenge, line`The server refused a nonce from an earlier attempt: answering its new challenge`);
      return true;
    }
    return false; // a fresh nonce refused: the keys are wrong, and no retry changes that
  }

  finish(): Promise<void> {
    return Promise.resolve();
  }

  private adopt(challenge: string | string[] | undefined, why: SafeText): void {
    this.signer.adopt(challenge); // throws when there is no Digest challenge to answer safely
    this.nonceFromEarlierAttempt = false;
    this.debug(line`${why} (algorithm ${this.signer.algorithm}).`);
  }
}
