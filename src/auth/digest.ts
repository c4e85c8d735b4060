// HTTP Digest authentication (RFC 7616) with digest-fetch computing the response and composing
// the header, answering with the algorithm the server asked for.
import { createHash, randomBytes } from 'node:crypto';
import { DigestClient } from 'digest-fetch';
import { parseChallenges, type Challenge } from './challenge.ts';

/** Digest algorithms we answer, strongest first, with their node:crypto hash names. */
const ALGORITHMS: ReadonlyArray<readonly [string, string]> = [
  ['SHA-512-256', 'sha512-256'],
  ['SHA-512-256-sess', 'sha512-256'],
  ['SHA-256', 'sha256'],
  ['SHA-256-sess', 'sha256'],
  ['MD5', 'md5'],
  ['MD5-sess', 'md5'],
];

/** A server's authentication demand the action will not or cannot meet; never retried. */
export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/** digest-fetch's client with node:crypto hashing (any algorithm) and a CSPRNG cnonce. */
class NodeCryptoDigestClient extends DigestClient {
  hashName = 'md5';

  override hashWithAlgorithm(data: string): string {
    return createHash(this.hashName).update(data).digest('hex');
  }

  override makeNonce(): string {
    return randomBytes(16).toString('hex');
  }
}

export function isStaleChallenge(header: string | string[] | undefined): boolean {
  return parseChallenges(header).some(
    (challenge) => challenge.scheme.toLowerCase() === 'digest' && challenge.params['stale']?.toLowerCase() === 'true',
  );
}

export class DigestAuthenticator {
  private readonly client: NodeCryptoDigestClient;
  private challenged = false;

  constructor(user: string, password: string) {
    this.client = new NodeCryptoDigestClient(user, password);
  }

  get hasChallenge(): boolean {
    return this.challenged;
  }

  /** The algorithm of the adopted challenge, e.g. `MD5`. */
  get algorithm(): string {
    return String(this.client.digest.algorithm);
  }

  /**
   * Adopts the best Digest challenge of a 401's WWW-Authenticate header (new nonce, nc reset).
   * Throws AuthenticationError when there is none the action can answer safely.
   */
  accept(header: string | string[] | undefined): void {
    const all = parseChallenges(header);
    const digests = all.filter((challenge) => challenge.scheme.toLowerCase() === 'digest');
    if (digests.length === 0) {
      const offered = all.map((challenge) => challenge.scheme).join(', ') || 'no challenge at all';
      throw new AuthenticationError(
        `the server did not offer Digest authentication (offered: ${offered}); the action sends API keys only with Digest, never in a readable form`,
      );
    }
    const withAuthQop = digests.filter((challenge) => qopsOf(challenge).includes('auth'));
    if (withAuthQop.length === 0) {
      throw new AuthenticationError(
        `the server's Digest challenge does not offer qop=auth (offered: ${digests.map((c) => c.params['qop'] ?? 'none').join(', ')})`,
      );
    }
    const choice = pickStrongest(withAuthQop);
    if (!choice) {
      const asked = withAuthQop.map((challenge) => challenge.params['algorithm'] ?? 'MD5').join(', ');
      throw new AuthenticationError(`the server asked for an unsupported Digest algorithm (${asked})`);
    }
    const [algorithm, hashName, challenge] = choice;
    this.client.hashName = hashName;
    this.client.digest.nc = 0; // a new nonce starts counting at 1
    this.client.parseAuth(canonicalChallenge(challenge));
    this.client.digest.algorithm = algorithm;
    this.challenged = true;
  }

  /** The Authorization header value for one request; each call uses the next nonce count. */
  authorization(method: string, url: string): string {
    const options = this.client.addAuth(url, { method, headers: {} }) as { headers: { Authorization: string } };
    this.client.digest.nc++;
    return options.headers.Authorization;
  }
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

/** One clean Digest challenge for digest-fetch's parser, which expects a single challenge. */
function canonicalChallenge(challenge: Challenge): string {
  const { realm = '', nonce = '', opaque } = challenge.params;
  const opaquePart = opaque === undefined ? '' : `, opaque="${opaque}"`;
  return `Digest realm="${realm}", nonce="${nonce}", qop="auth"${opaquePart}`;
}
