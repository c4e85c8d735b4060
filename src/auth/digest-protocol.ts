// The HTTP Digest protocol (RFC 7616): adopt a server's challenge, then compute the Authorization
// header for each request with digest-fetch, answering with the algorithm the server asked for.
// When to draw or renew a challenge is the API-key authenticator's business (api-key.ts).
import { createHash, randomBytes } from 'node:crypto';
import { DigestClient } from 'digest-fetch';
import { fromServer, joinText, line, type SafeText } from '../text.ts';
import { type Challenge, parseChallenges } from './challenge.ts';

/** Digest algorithms we answer, strongest first, with their node:crypto hash names. */
const ALGORITHMS: ReadonlyArray<readonly [string, string]> = [
  ['SHA-512-256', 'sha512-256'],
  ['SHA-512-256-sess', 'sha512-256'],
  ['SHA-256', 'sha256'],
  ['SHA-256-sess', 'sha256'],
  ['MD5', 'md5'],
  ['MD5-sess', 'md5'],
];

/**
 * digest-fetch writes realm, nonce and opaque between quotes without escaping; a value holding a
 * quote, a backslash or a control character cannot be sent back faithfully.
 */
function unsendable(value: string): boolean {
  return /["\\]/.test(value) || [...value].some((char) => char !== '\t' && /\p{Cc}/u.test(char));
}

/** A server's authentication demand the action will not or cannot meet; never retried. */
export class ChallengeError extends Error {
  readonly text: SafeText;
  constructor(text: SafeText) {
    super(text);
    this.name = 'ChallengeError';
    this.text = text;
  }
}

/** A challenge parameter or scheme as it may be quoted in a message: short and flat. */
const quote = (value: string): SafeText => fromServer(value, 40);

/** digest-fetch's client with node:crypto hashing (any algorithm) and a CSPRNG cnonce. */
class NodeCryptoDigestClient extends DigestClient {
  // Stryker disable next-line StringLiteral: equivalent, adopt() sets it before anything is hashed
  hashName = 'md5';

  override hashWithAlgorithm(data: string): string {
    return createHash(this.hashName).update(data).digest('hex');
  }

  override makeNonce(): string {
    return randomBytes(16).toString('hex');
  }
}

function isDigest(challenge: Challenge): boolean {
  return challenge.scheme.toLowerCase() === 'digest';
}

export function isStaleChallenge(header: string | string[] | undefined): boolean {
  return parseChallenges(header).some(
    (challenge) => isDigest(challenge) && challenge.params['stale']?.toLowerCase() === 'true',
  );
}

export class DigestSigner {
  private readonly client: NodeCryptoDigestClient;
  private adopted = false;
  /** Requests signed with the adopted nonce. */
  private nonceCount = 0;

  constructor(user: string, password: string) {
    this.client = new NodeCryptoDigestClient(user, password);
  }

  get hasChallenge(): boolean {
    return this.adopted;
  }

  /** The algorithm of the adopted challenge, e.g. `MD5` (always one of the supported names). */
  get algorithm(): SafeText {
    return fromServer(String(this.client.digest.algorithm));
  }

  /**
   * Adopts the best Digest challenge of a 401's WWW-Authenticate header (new nonce, nc reset).
   * Throws ChallengeError when there is none the action can answer safely and faithfully.
   */
  adopt(header: string | string[] | undefined): void {
    const all = parseChallenges(header);
    const digests = all.filter(isDigest);
    if (digests.length === 0) {
      const offered = all.length === 0 ? line`no challenge at all` : listed(all.map((c) => c.scheme));
      throw new ChallengeError(
        line`the server did not offer Digest authentication (offered: ${offered}); the action sends API keys only with Digest, never in a readable form`,
      );
    }
    const withAuthQop = digests.filter((challenge) => qopsOf(challenge).includes('auth'));
    if (withAuthQop.length === 0) {
      const offered = listed(digests.map((challenge) => challenge.params['qop'] ?? 'none'));
      throw new ChallengeError(line`the server's Digest challenge does not offer qop=auth (offered: ${offered})`);
    }
    const choice = pickStrongest(withAuthQop);
    if (!choice) {
      // Stryker disable next-line StringLiteral: equivalent, a challenge without algorithm is MD5, which is always chosen
      const asked = listed(withAuthQop.map((challenge) => challenge.params['algorithm'] ?? 'MD5'));
      throw new ChallengeError(line`the server asked for an unsupported Digest algorithm (${asked})`);
    }
    const [algorithm, hashName, challenge] = choice;
    const { realm = '', nonce, opaque } = challenge.params;
    if (nonce === undefined || nonce === '') throw new ChallengeError(line`the server's Digest challenge has no nonce`);
    for (const [name, value] of [
      [line`realm`, realm],
      [line`nonce`, nonce],
      [line`opaque`, opaque],
    ] as const) {
      if (value !== undefined && unsendable(value)) {
        throw new ChallengeError(
          line`the server's Digest ${name} contains a quote, backslash or control character, which cannot be sent back faithfully`,
        );
      }
    }
    // The parsed values go to digest-fetch as they are: its own header parser would misread
    // escaped quotes, spaces and parameters quoted inside other values.
    this.client.hashName = hashName;
    Object.assign(this.client.digest, {
      scheme: 'Digest',
      realm,
      nonce,
      opaque: opaque ?? null,
      qop: 'auth',
      algorithm,
      cnonce: this.client.makeNonce(),
    });
    this.nonceCount = 0; // a new nonce starts counting again
    this.client.hasAuth = true;
    this.adopted = true;
  }

  /** The Authorization header value for one request; each call uses the next nonce count. */
  authorization(method: string, url: string): string {
    this.nonceCount++;
    // RFC 7616 §3.4: nc is hexadecimal. digest-fetch pads whatever it is given to 8 characters, so it
    // gets the count already in hex (the tenth request sends 0000000a, not 00000010).
    Object.assign(this.client.digest, { nc: this.nonceCount.toString(16) }); // typed a number there; only padded
    const options = this.client.addAuth(url, { method, headers: {} }) as { headers: { Authorization: string } };
    return options.headers.Authorization;
  }
}

/** Values a server sent, quoted short and flat, joined with commas. */
function listed(values: string[]): SafeText {
  return joinText(values.slice(0, 5).map(quote), ', ');
}

function qopsOf(challenge: Challenge): string[] {
  return (challenge.params['qop'] ?? '').split(',').map((qop) => qop.trim().toLowerCase());
}

function pickStrongest(challenges: Challenge[]): [string, string, Challenge] | undefined {
  for (const [algorithm, hashName] of ALGORITHMS) {
    const match = challenges.find(
      (challenge) => (challenge.params['algorithm'] ?? 'MD5').toLowerCase() === algorithm.toLowerCase(),
    );
    if (match) return [algorithm, hashName, match];
  }
  return undefined;
}
