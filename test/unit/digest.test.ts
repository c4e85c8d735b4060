import { describe, expect, it, vi } from 'vitest';
import { parseChallenges } from '../../src/auth/challenge.ts';
import { ChallengeError, DigestSigner, isStaleChallenge } from '../../src/auth/digest-protocol.ts';
import { parseAuthorization, verifyDigest } from '../support/digest-verifier.ts';
import { safe } from '../support/fixtures.ts';

const ATLAS_CHALLENGE =
  'Digest realm="MMS Public API", domain="", nonce="q1w2+e3r4/t5y6==", algorithm=MD5, qop="auth", stale=false';

describe('parseChallenges', () => {
  it("reads Atlas's challenge", () => {
    expect(parseChallenges(ATLAS_CHALLENGE)).toEqual([
      {
        scheme: 'Digest',
        params: {
          realm: 'MMS Public API',
          domain: '',
          nonce: 'q1w2+e3r4/t5y6==',
          algorithm: 'MD5',
          qop: 'auth',
          stale: 'false',
        },
      },
    ]);
  });

  it('separates several challenges, in one header or repeated headers', () => {
    const header = 'Basic realm="x", Digest realm="a, b", nonce="n\\"1", qop="auth,auth-int", Bearer';
    expect(parseChallenges(header).map((c) => c.scheme)).toEqual(['Basic', 'Digest', 'Bearer']);
    expect(parseChallenges(header)[1]?.params).toEqual({ realm: 'a, b', nonce: 'n"1', qop: 'auth,auth-int' });
    expect(parseChallenges(['Basic realm="x"', 'Digest nonce=abc']).map((c) => c.scheme)).toEqual(['Basic', 'Digest']);
  });

  it('tolerates an absent or empty header', () => {
    expect(parseChallenges(undefined)).toEqual([]);
    expect(parseChallenges('')).toEqual([]);
  });
});

describe('isStaleChallenge', () => {
  it('is true only for a Digest challenge with stale=true', () => {
    expect(isStaleChallenge(ATLAS_CHALLENGE)).toBe(false);
    expect(isStaleChallenge(ATLAS_CHALLENGE.replace('stale=false', 'stale=TRUE'))).toBe(true);
    expect(isStaleChallenge('Basic stale=true')).toBe(false);
  });
});

describe('DigestSigner', () => {
  const uri = '/api/atlas/v1.0/orgs/5f1e2d3c4b5a69788796a5b4/liveMigrations/linkTokens?pretty=true';
  const url = `https://cloud.mongodb.com${uri}`;

  function verify(header: string, algorithm: string, nonce: string) {
    return verifyDigest({
      header,
      method: 'DELETE',
      uri,
      realm: 'MMS Public API',
      algorithm,
      users: { pubkeyab: 'private' },
      nonceIsKnown: (n) => n === nonce,
    });
  }

  it('answers that an independent verifier accepts, counting nc up on the same nonce', () => {
    const auth = new DigestSigner('pubkeyab', 'private');
    expect(auth.hasChallenge).toBe(false);
    auth.adopt(ATLAS_CHALLENGE);
    const first = auth.authorization('DELETE', url);
    const second = auth.authorization('DELETE', url);
    expect(verify(first, 'MD5', 'q1w2+e3r4/t5y6==')).toMatchObject({ ok: true, nc: 1 });
    expect(verify(second, 'MD5', 'q1w2+e3r4/t5y6==')).toMatchObject({ ok: true, nc: 2 });
    expect(parseAuthorization(first).params['uri']).toBe(uri);
  });

  it('uses the algorithm the server asked for, preferring the strongest offered', () => {
    const auth = new DigestSigner('pubkeyab', 'private');
    auth.adopt(
      'Digest realm="MMS Public API", nonce="n1", algorithm=MD5, qop="auth", Digest realm="MMS Public API", nonce="n2", algorithm=SHA-256, qop="auth"',
    );
    expect(auth.algorithm).toBe('SHA-256');
    expect(verify(auth.authorization('DELETE', url), 'SHA-256', 'n2').ok).toBe(true);
  });

  it('restarts nc at 1 with a new nonce', () => {
    const auth = new DigestSigner('pubkeyab', 'private');
    auth.adopt(ATLAS_CHALLENGE);
    auth.authorization('DELETE', url);
    auth.authorization('DELETE', url);
    auth.adopt('Digest realm="MMS Public API", nonce="fresh", qop="auth", stale=true');
    expect(verify(auth.authorization('DELETE', url), 'MD5', 'fresh')).toMatchObject({ ok: true, nc: 1 });
  });

  it('does not take its cnonce from Math.random', () => {
    const random = vi.spyOn(Math, 'random').mockReturnValue(0);
    try {
      const auth = new DigestSigner('pubkeyab', 'private');
      const cnonces = new Set<string>();
      for (let i = 0; i < 5; i++) {
        auth.adopt(ATLAS_CHALLENGE);
        cnonces.add(parseAuthorization(auth.authorization('DELETE', url)).params['cnonce'] as string);
      }
      expect(cnonces.size).toBe(5); // a constant Math.random would make them all equal
    } finally {
      random.mockRestore();
    }
  });

  it('draws a fresh cnonce from a secure source for every challenge', () => {
    const auth = new DigestSigner('pubkeyab', 'private');
    const cnonces = new Set<string>();
    for (let i = 0; i < 20; i++) {
      auth.adopt(ATLAS_CHALLENGE);
      cnonces.add(parseAuthorization(auth.authorization('DELETE', url)).params['cnonce'] as string);
    }
    expect(cnonces.size).toBe(20);
    for (const cnonce of cnonces) expect(cnonce).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each([
    ['Basic realm="MMS Public API"', /did not offer Digest authentication \(offered: Basic\)/],
    [undefined, /offered: no challenge at all/],
    ['Digest realm="r", nonce="n", qop="auth-int"', /does not offer qop=auth/],
    ['Digest realm="r", nonce="n"', /does not offer qop=auth \(offered: none\)/],
    ['Digest realm="r", nonce="n", qop="auth", algorithm=SHA-1', /unsupported Digest algorithm \(SHA-1\)/],
  ])('refuses %j', (header, expected) => {
    const auth = new DigestSigner('pubkeyab', 'private');
    expect(() => auth.adopt(header)).toThrow(ChallengeError);
    expect(() => auth.adopt(header)).toThrow(expected);
    expect(auth.hasChallenge).toBe(false);
  });
});

describe('DigestSigner: the values it sends back', () => {
  const url = 'https://cloud.mongodb.com/api/atlas/v1.0/orgs/5f1e2d3c4b5a69788796a5b4/liveMigrations/linkTokens';

  it("sends the server's opaque back unchanged, and no opaque when there was none", () => {
    const signer = new DigestSigner('pubkeyab', 'private');
    signer.adopt('Digest realm="r", nonce="n", qop="auth", opaque="o p/q+"');
    expect(parseAuthorization(signer.authorization('DELETE', url)).params['opaque']).toBe('o p/q+');
    signer.adopt('Digest realm="r", nonce="n", qop="auth"');
    const header = signer.authorization('DELETE', url);
    expect(header).not.toContain('opaque');
    expect(header).not.toContain('undefined');
  });

  it('answers SHA-256-sess and SHA-512-256-sess as an independent verifier expects', () => {
    for (const algorithm of ['SHA-256-sess', 'SHA-512-256-sess', 'MD5-sess']) {
      const signer = new DigestSigner('pubkeyab', 'private');
      signer.adopt(`Digest realm="MMS Public API", nonce="n0", qop="auth", algorithm=${algorithm}`);
      const check = verifyDigest({
        header: signer.authorization('DELETE', url),
        method: 'DELETE',
        uri: new URL(url).pathname,
        realm: 'MMS Public API',
        algorithm,
        users: { pubkeyab: 'private' },
        nonceIsKnown: (n) => n === 'n0',
      });
      expect(check, algorithm).toMatchObject({ ok: true, nc: 1 });
    }
  });

  it('refuses a challenge without a nonce, and one whose nonce it cannot send back', () => {
    const signer = new DigestSigner('pubkeyab', 'private');
    expect(() => signer.adopt('Digest realm="r", qop="auth"')).toThrow(
      new ChallengeError(safe("the server's Digest challenge has no nonce")),
    );
    expect(() => signer.adopt('Digest realm="r", nonce="a\\\\b", qop="auth"')).toThrow(
      new ChallengeError(
        safe(
          "the server's Digest nonce contains a quote, backslash or control character, which cannot be sent back faithfully",
        ),
      ),
    );
    expect(() => signer.adopt('Digest realm="r", nonce="n", opaque="x\\"y", qop="auth"')).toThrow(/Digest opaque/);
    expect(signer.hasChallenge).toBe(false);
  });

  it('takes a tab inside a value as sendable', () => {
    const signer = new DigestSigner('pubkeyab', 'private');
    signer.adopt('Digest realm="a\tb", nonce="n", qop="auth"');
    expect(parseAuthorization(signer.authorization('DELETE', url)).params['realm']).toBe('a\tb');
  });
});

describe('parseChallenges: what servers actually send', () => {
  it('reads spaces around = and bare values', () => {
    expect(parseChallenges('Digest realm = "x" , nonce= y,qop =auth')).toEqual([
      { scheme: 'Digest', params: { realm: 'x', nonce: 'y', qop: 'auth' } },
    ]);
  });

  it('keeps an escaped backslash and quote, and survives an unterminated quote', () => {
    expect(parseChallenges('Digest realm="a\\\\b\\"c"')[0]?.params['realm']).toBe('a\\b"c');
    expect(parseChallenges('Digest realm="open')[0]?.params['realm']).toBe('open');
  });

  it('skips stray characters between challenges', () => {
    expect(parseChallenges('@@ Basic realm="x" ;; Digest nonce="n"').map((c) => c.scheme)).toEqual(['Basic', 'Digest']);
  });
});

describe('parseChallenges: separators', () => {
  it.each([
    ['Digest realm="r",nonce="n"', { realm: 'r', nonce: 'n' }],
    ['Digest realm="r",\tnonce="n"', { realm: 'r', nonce: 'n' }],
    ['Digest realm=r\t, nonce=n', { realm: 'r', nonce: 'n' }],
    ['Digest realm=r nonce=n', { realm: 'r', nonce: 'n' }],
    ['Digest realm="trailing\\\\"', { realm: 'trailing\\' }],
    ['Digest realm="end\\', { realm: 'end\\' }],
  ])('%j', (header, params) => {
    expect(parseChallenges(header)).toEqual([{ scheme: 'Digest', params }]);
  });

  it('joins repeated headers with a comma, so a bare value ends where its header ends', () => {
    expect(parseChallenges(['Digest nonce=abc', 'Basic realm=x'])).toEqual([
      { scheme: 'Digest', params: { nonce: 'abc' } },
      { scheme: 'Basic', params: { realm: 'x' } },
    ]);
  });

  it('skips a space before a comma between parameters', () => {
    expect(parseChallenges('Digest realm="r" ,nonce="n"  ,  qop=auth')).toEqual([
      { scheme: 'Digest', params: { realm: 'r', nonce: 'n', qop: 'auth' } },
    ]);
  });

  it('starts a new challenge at a scheme after a comma, and ignores parameters before any scheme', () => {
    expect(parseChallenges('realm="orphan", Basic realm="b" , Digest nonce=n')).toEqual([
      { scheme: 'Basic', params: { realm: 'b' } },
      { scheme: 'Digest', params: { nonce: 'n' } },
    ]);
  });
});

describe('the edges of a challenge', () => {
  const url = 'https://cloud.mongodb.com/api/atlas/v1.0/orgs/5f1e2d3c4b5a69788796a5b4/liveMigrations/linkTokens';

  it('reads tabs around = as white space, not as the start of a new challenge', () => {
    expect(parseChallenges('Digest realm\t=\t"r", nonce=n')).toEqual([
      { scheme: 'Digest', params: { realm: 'r', nonce: 'n' } },
    ]);
  });

  it('is stale when any of several challenges says so', () => {
    expect(isStaleChallenge('Basic realm="x", Digest realm="r", nonce="n", qop="auth", stale=true')).toBe(true);
    expect(
      isStaleChallenge(['Digest realm="r", nonce="n", stale=false', 'Digest realm="r", nonce="m", stale=true']),
    ).toBe(true);
  });

  it('refuses a value with a control character, and an empty nonce', () => {
    const signer = new DigestSigner('pubkeyab', 'private');
    expect(() => signer.adopt('Digest realm="a\u0001b", nonce="n", qop="auth"')).toThrow(
      new ChallengeError(
        safe(
          "the server's Digest realm contains a quote, backslash or control character, which cannot be sent back faithfully",
        ),
      ),
    );
    expect(() => signer.adopt('Digest realm="r", nonce="", qop="auth"')).toThrow(
      new ChallengeError(safe("the server's Digest challenge has no nonce")),
    );
    expect(signer.hasChallenge).toBe(false);
  });

  it('finds auth in a qop list whatever its spacing and letter case', () => {
    for (const qop of ['auth-int, auth', 'auth-int,auth', 'AUTH']) {
      const signer = new DigestSigner('pubkeyab', 'private');
      signer.adopt(`Digest realm="r", nonce="n", qop="${qop}"`);
      expect(parseAuthorization(signer.authorization('DELETE', url)).params['qop'], qop).toBe('auth');
    }
  });

  it('lists at most five of what a server offered, separated by commas', () => {
    const header = Array.from({ length: 6 }, (_, i) => `Digest realm="r", nonce="n", qop="q${i}"`).join(', ');
    expect(() => new DigestSigner('pubkeyab', 'private').adopt(header)).toThrow(
      new ChallengeError(safe("the server's Digest challenge does not offer qop=auth (offered: q0, q1, q2, q3, q4)")),
    );
  });
});
