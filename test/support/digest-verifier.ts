// Server side of HTTP Digest (RFC 7616), written with node:crypto: an implementation independent
// of digest-fetch, so tests check the action's answers against someone else's arithmetic.
import { createHash, randomBytes } from 'node:crypto';

const HASHES: Record<string, string> = {
  md5: 'md5',
  'md5-sess': 'md5',
  'sha-256': 'sha256',
  'sha-256-sess': 'sha256',
  'sha-512-256': 'sha512-256',
  'sha-512-256-sess': 'sha512-256',
};

export function parseAuthorization(header: string): { scheme: string; params: Record<string, string> } {
  const space = header.indexOf(' ');
  const scheme = space === -1 ? header : header.slice(0, space);
  const params: Record<string, string> = {};
  const pattern = /([a-zA-Z0-9_-]+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (const match of header.slice(space + 1).matchAll(pattern)) {
    params[(match[1] as string).toLowerCase()] =
      match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? '');
  }
  return { scheme, params };
}

/** A nonce shaped like Atlas's: base64 with '+' and '/' in it. */
export function makeNonce(): string {
  let nonce = '';
  while (!/[+/]/.test(nonce)) nonce = randomBytes(24).toString('base64');
  return nonce;
}

export interface DigestCheck {
  ok: boolean;
  /** Why it failed, for test diagnostics. */
  reason?: string;
  username?: string;
  nonce?: string;
  nc?: number;
}

/**
 * Checks an Authorization header against the expected credentials and method.
 * `nonceIsKnown` decides whether the nonce is one this server issued.
 */
export function verifyDigest(options: {
  header: string | undefined;
  method: string;
  /** Path and query as received. */
  uri: string;
  realm: string;
  algorithm: string;
  users: Record<string, string>;
  nonceIsKnown: (nonce: string) => boolean;
}): DigestCheck {
  if (!options.header) return { ok: false, reason: 'no Authorization header' };
  const { scheme, params } = parseAuthorization(options.header);
  if (scheme.toLowerCase() !== 'digest') return { ok: false, reason: `scheme ${scheme}` };
  const { username, realm, nonce, uri, response, qop, nc, cnonce, algorithm = 'MD5' } = params;
  if (!username || !nonce || !uri || !response) return { ok: false, reason: 'missing fields' };
  if (realm !== options.realm) return { ok: false, reason: `realm ${realm}` };
  if (uri !== options.uri) return { ok: false, reason: `uri ${uri} != ${options.uri}` };
  if (algorithm.toLowerCase() !== options.algorithm.toLowerCase())
    return { ok: false, reason: `algorithm ${algorithm}` };
  if (qop !== 'auth' || !nc || !/^[0-9a-f]{8}$/i.test(nc) || !cnonce) return { ok: false, reason: 'qop/nc/cnonce' };
  const password = options.users[username];
  if (password === undefined) return { ok: false, reason: `unknown user`, username };
  const hashName = HASHES[algorithm.toLowerCase()];
  if (!hashName) return { ok: false, reason: `unsupported algorithm ${algorithm}` };
  const hash = (text: string): string => createHash(hashName).update(text).digest('hex');
  let ha1 = hash(`${username}:${realm}:${password}`);
  if (algorithm.toLowerCase().endsWith('-sess')) ha1 = hash(`${ha1}:${nonce}:${cnonce}`);
  const ha2 = hash(`${options.method}:${uri}`);
  const expected = hash(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`);
  const common = { username, nonce, nc: parseInt(nc, 16) };
  if (expected !== response) return { ok: false, reason: 'wrong response (credentials)', ...common };
  if (!options.nonceIsKnown(nonce)) return { ok: false, reason: 'stale nonce', ...common };
  return { ok: true, ...common };
}
