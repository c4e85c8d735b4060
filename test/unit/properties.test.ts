// Property-based tests of every parser of outside text: inputs, WWW-Authenticate, Retry-After,
// proxy URLs, Atlas answer bodies and the hints drawn from them, server text, IP addresses, expires_in. Each never throws anything but its declared error,
// and what it accepts round-trips. Bounded runs keep `npm test` quick; a failure prints its seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIP } from 'node:net';
import { readAtlasAnswer } from '../../src/atlas/answer.ts';
import { firstIpAddress, hintFor } from '../../src/atlas/hints.ts';
import { describeAnswer } from '../../src/attempt-outcome.ts';
import { fromServer } from '../../src/text.ts';
import { NetworkConfigError, readNetworkEnvironment } from '../../src/atlas/network-env.ts';
import { parseChallenges } from '../../src/auth/challenge.ts';
import { ChallengeError, DigestSigner } from '../../src/auth/digest-protocol.ts';
import { parseExpiresIn } from '../../src/auth/service-account.ts';
import {
  InputError,
  LIMITS,
  parseBaseUrl,
  parseMilliseconds,
  parseOrgId,
  parseWholeNumber,
  readSettings,
} from '../../src/inputs.ts';
import { parseHttpDate, parseRetryAfter } from '../../src/retry.ts';
import { verifyDigest } from '../support/digest-verifier.ts';

const RUNS = { numRuns: 300 };
/** What no text that may reach a log line may hold. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const NOW = Date.parse('2026-11-30T12:00:00Z');

/** Strings that look like what people type, and strings that do not. */
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));

function throwsOnly<T>(errorClass: new (...args: never[]) => Error, action: () => T): T | undefined {
  try {
    return action();
  } catch (error) {
    expect(error).toBeInstanceOf(errorClass);
    return undefined;
  }
}

describe('inputs', () => {
  const secondsInputs = [
    ['timeout-seconds', { allowZero: false, maxSeconds: LIMITS.timeoutSeconds }],
    ['retry-delay-seconds', { allowZero: true, maxSeconds: LIMITS.retryDelaySeconds }],
  ] as const;

  it.each(secondsInputs)('%s: every documented value gives whole milliseconds a timer accepts', (name, bounds) => {
    const decimal = fc
      .tuple(
        fc.integer({ min: 0, max: bounds.maxSeconds }),
        fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 7 }),
      )
      .map(([whole, fraction]) => (fraction === '' ? String(whole) : `${whole}.${fraction}`));
    fc.assert(
      fc.property(decimal, (raw) => {
        const seconds = Number(raw);
        fc.pre(seconds <= bounds.maxSeconds && (bounds.allowZero || Math.round(seconds * 1000) >= 1));
        const ms = parseMilliseconds(name, raw, bounds);
        expect(Number.isInteger(ms)).toBe(true);
        expect(Math.abs(ms - seconds * 1000)).toBeLessThanOrEqual(0.5 + 1e-9);
        if (ms > 0) AbortSignal.timeout(ms); // threw "out of range" for 16.1 before
      }),
      RUNS,
    );
  });

  it.each(secondsInputs)('%s: any other text is an InputError naming the input', (name, bounds) => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const ms = throwsOnly(InputError, () => parseMilliseconds(name, raw, bounds));
        if (ms !== undefined) {
          expect(Number.isInteger(ms) && ms >= 0 && ms <= bounds.maxSeconds * 1000).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('max-attempts: whole numbers in range round-trip, anything else is an InputError', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: LIMITS.maxAttempts }), (n) => {
        expect(parseWholeNumber('max-attempts', String(n), 1, LIMITS.maxAttempts)).toBe(n);
      }),
    );
    fc.assert(
      fc.property(anyText, (raw) => {
        throwsOnly(InputError, () => parseWholeNumber('max-attempts', raw, 1, LIMITS.maxAttempts));
      }),
      RUNS,
    );
  });

  it('org-id: 24 hexadecimal characters round-trip in lower case; anything else is an InputError', () => {
    const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 24, maxLength: 24 });
    fc.assert(
      fc.property(hex, (id) => {
        expect(parseOrgId(id)).toBe(id.toLowerCase());
      }),
    );
    fc.assert(
      fc.property(anyText, (raw) => void throwsOnly(InputError, () => parseOrgId(raw))),
      RUNS,
    );
  });

  it('base-url: what it accepts is an origin that parses back to itself', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.webUrl()), (raw) => {
        const origin = throwsOnly(InputError, () => parseBaseUrl(raw));
        if (origin !== undefined) expect(new URL(origin).origin).toBe(origin);
      }),
      RUNS,
    );
  });

  it('readSettings: any combination of input values gives settings or an InputError, nothing else', () => {
    const names = ['org-id', 'public-key', 'private-key', 'client-id', 'client-secret', 'base-url', 'api-version'];
    const more = ['max-attempts', 'retry-delay-seconds', 'timeout-seconds', 'fail-on-not-found', 'pretty', 'envelope'];
    const values = fc.dictionary(fc.constantFrom(...names, ...more), anyText);
    fc.assert(
      fc.property(values, (inputs) => void throwsOnly(InputError, () => readSettings((n) => inputs[n] ?? ''))),
      RUNS,
    );
  });
});

describe('WWW-Authenticate', () => {
  const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,11}$/);
  /** Printable Latin-1 text without control characters: what a header value can carry. */
  const headerText = fc.string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((c) => c !== 0x7f && (c < 0x80 || c >= 0xa0))
      .map((c) => String.fromCharCode(c)),
    maxLength: 40,
  });
  const quote = (value: string): string => `"${value.replace(/["\\]/g, '\\$&')}"`;

  it('never throws, whatever the header', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.array(anyText)), (header) => void parseChallenges(header)),
      RUNS,
    );
  });

  it('round-trips challenges with quoted parameters, in one header or repeated headers', () => {
    const challenge = fc.record({
      scheme: token,
      params: fc.dictionary(
        token.map((name) => name.toLowerCase()),
        headerText,
        { minKeys: 1, maxKeys: 4 },
      ),
    });
    fc.assert(
      fc.property(fc.array(challenge, { minLength: 1, maxLength: 3 }), fc.boolean(), (challenges, repeated) => {
        const texts = challenges.map(
          (c) =>
            `${c.scheme} ${Object.entries(c.params)
              .map(([name, value]) => `${name}=${quote(value)}`)
              .join(', ')}`,
        );
        expect(parseChallenges(repeated ? texts : texts.join(', '))).toEqual(challenges);
      }),
      RUNS,
    );
  });

  it('any realm and nonce it can carry give a digest an independent verifier accepts; the others a ChallengeError', () => {
    const url = 'https://cloud.mongodb.com/api/atlas/v1.0/orgs/5f1e2d3c4b5a69788796a5b4/liveMigrations/linkTokens';
    fc.assert(
      fc.property(
        headerText,
        headerText.filter((n) => n !== ''),
        (realm, nonce) => {
          const signer = new DigestSigner('pubkeyab', 'private');
          const header = `Digest realm=${quote(realm)}, nonce=${quote(nonce)}, qop="auth", algorithm=SHA-256`;
          const adopted = throwsOnly(ChallengeError, () => signer.adopt(header));
          if (/["\\]/.test(realm + nonce)) {
            expect(adopted).toBeUndefined();
            return;
          }
          const check = verifyDigest({
            header: signer.authorization('DELETE', url),
            method: 'DELETE',
            uri: new URL(url).pathname,
            realm,
            algorithm: 'SHA-256',
            users: { pubkeyab: 'private' },
            nonceIsKnown: (n) => n === nonce,
          });
          expect(check).toMatchObject({ ok: true, nonce });
        },
      ),
      RUNS,
    );
  });
});

describe('Retry-After', () => {
  it('never throws; gives undefined or whole, non-negative milliseconds', () => {
    fc.assert(
      fc.property(fc.option(anyText, { nil: undefined }), (value) => {
        const ms = parseRetryAfter(value, NOW);
        if (ms !== undefined) expect(Number.isInteger(ms) && ms >= 0).toBe(true);
      }),
      RUNS,
    );
  });

  it('round-trips delta-seconds', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), (s) => {
        expect(parseRetryAfter(String(s), NOW)).toBe(s * 1000);
      }),
    );
  });

  it('round-trips a date written in each of the three forms of RFC 9110', () => {
    const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const two = (n: number): string => String(n).padStart(2, '0');
    const seconds = fc.integer({ min: Date.UTC(1977, 0, 1) / 1000, max: Date.UTC(2076, 11, 31) / 1000 });
    fc.assert(
      fc.property(seconds, (epochSeconds) => {
        const d = new Date(epochSeconds * 1000);
        const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
        const day = days[d.getUTCDay()] as string;
        const month = months[d.getUTCMonth()] as string;
        const forms = [
          d.toUTCString(), // IMF-fixdate
          `${day}, ${two(d.getUTCDate())}-${month}-${two(d.getUTCFullYear() % 100)} ${time} GMT`,
          `${day.slice(0, 3)} ${month} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} ${d.getUTCFullYear()}`,
        ];
        for (const form of forms) expect(parseHttpDate(form, NOW), form).toBe(d.getTime());
      }),
      RUNS,
    );
  });
});

describe('proxy URLs', () => {
  const atlas = new URL('https://cloud.mongodb.com');

  it('any value gives a route, no route, or a NetworkConfigError naming the variable', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('https_proxy', 'HTTPS_PROXY'), (value, name) => {
        const environment = readNetworkEnvironment({ [name]: value });
        try {
          environment.proxyFor(atlas);
        } catch (error) {
          expect(error).toBeInstanceOf(NetworkConfigError);
          expect((error as NetworkConfigError).message).toMatch(
            new RegExp(`^Invalid environment variable '${name}': `),
          );
        }
      }),
      RUNS,
    );
  });

  it('round-trips host and port, with or without a scheme, IPv6 literals included', () => {
    const host = fc.oneof(
      fc.domain(),
      fc.ipV4(),
      fc.ipV6().map((ip) => `[${ip}]`),
    );
    fc.assert(
      fc.property(host, fc.integer({ min: 1, max: 65535 }), fc.boolean(), (name, port, withScheme) => {
        const value = `${withScheme ? 'http://' : ''}${name}:${port}`;
        const route = readNetworkEnvironment({ https_proxy: value }).proxyFor(atlas);
        const expectedHost = new URL(`http://${name}`).hostname.replace(/^\[(.*)\]$/, '$1');
        expect(route).toMatchObject({ protocol: 'http:', host: expectedHost, port });
      }),
      RUNS,
    );
  });

  it('finds every password to mask, decoded or as written', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (password) => {
        const encoded = encodeURIComponent(password);
        const environment = readNetworkEnvironment({ https_proxy: `http://user:${encoded}@proxy.example:3128` });
        expect(environment.secrets).toContain(password);
      }),
      RUNS,
    );
  });
});

describe('Atlas answer bodies', () => {
  it('never throws, and what reaches a log is one line of bounded length', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        fc.oneof(anyText, fc.json()),
        fc.boolean(),
        (status, body, envelope) => {
          const answer = readAtlasAnswer({ status, headers: {}, body, bodyTruncated: false }, envelope);
          for (const text of [answer.errorCode, answer.detail, answer.bodyProblem, ...(answer.parameters ?? [])]) {
            if (text !== undefined) expect(text).not.toMatch(UNSAFE);
          }
          expect([...(answer.errorCode ?? '')].length).toBeLessThanOrEqual(100);
          expect([...(answer.detail ?? '')].length).toBeLessThanOrEqual(300);
          for (const method of ['digest', 'service-account'] as const) {
            const hint = hintFor(answer, { method }) ?? '';
            expect(hint).not.toMatch(UNSAFE);
            expect(hint.length).toBeLessThan(400);
            expect(describeAnswer(answer, 204, true)).not.toMatch(UNSAFE);
          }
          // Atlas envelopes only inside an HTTP 200: any other status is read as itself.
          if (status !== 200) expect(answer.status).toBe(status);
        },
      ),
      RUNS,
    );
  });

  it("round-trips Atlas's own error fields, plain or enveloped", () => {
    const word = fc.stringMatching(/^[A-Za-z0-9.,:_'()-]{1,12}$/);
    const line = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(
        fc.integer({ min: 400, max: 599 }),
        line,
        fc.stringMatching(/^[A-Z][A-Z_]{0,30}$/),
        fc.boolean(),
        (status, detail, errorCode, envelope) => {
          const error = { detail, error: status, errorCode, parameters: null, reason: 'x' };
          const body = JSON.stringify(envelope ? { status, content: error } : error);
          const answer = readAtlasAnswer(
            { status: envelope ? 200 : status, headers: {}, body, bodyTruncated: false },
            envelope,
          );
          expect(answer).toMatchObject({ status, detail, errorCode, fromAtlas: true });
        },
      ),
      RUNS,
    );
  });
});

describe('server text', () => {
  it('fromServer: no control, format, surrogate, line or paragraph character survives, and the cut holds', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 2, max: 400 }), (raw, max) => {
        const text = fromServer(raw, max);
        expect(text).not.toMatch(UNSAFE);
        expect([...text].length).toBeLessThanOrEqual(max);
        expect(text).toBe(text.trim());
        // Flattening is stable: flattening again changes nothing that was not cut.
        if ([...text].length < max) expect(fromServer(text, max)).toBe(text);
      }),
      RUNS,
    );
  });

  it('firstIpAddress: whatever the text, nothing but an IP address it contains', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyText, fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF.: x\n') })),
        (text) => {
          const address = firstIpAddress(text);
          if (address !== undefined) {
            expect(isIP(address)).not.toBe(0);
            expect(text).toContain(address);
          }
        },
      ),
      RUNS,
    );
  });

  it('firstIpAddress: finds an address wherever it stands in a sentence, and only it', () => {
    const address = fc.oneof(
      fc.ipV4(),
      fc.ipV6().filter((ip) => /[0-9a-f]{2}/i.test(ip)),
    );
    const words = fc.array(fc.stringMatching(/^[A-Za-z]{1,8}$/), { maxLength: 4 }).map((list) => list.join(' '));
    fc.assert(
      fc.property(words, address, words, fc.constantFrom('', '.', ','), (before, ip, after, end) => {
        const text = `${before} ${ip}${end} ${after}\n\u001b[31mDeleted (HTTP 204).`;
        expect(firstIpAddress(text)).toBe(ip);
      }),
      RUNS,
    );
  });
});

describe('expires_in', () => {
  it('never throws; a positive number of seconds (or its digits) becomes milliseconds, anything else unknown', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.double(), anyText), (value) => {
        const ms = parseExpiresIn(value);
        if (ms !== undefined) expect(ms).toBeGreaterThan(0);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (s) => {
        expect(parseExpiresIn(s)).toBe(s * 1000);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (s) => {
        expect(parseExpiresIn(String(s))).toBe(s * 1000);
      }),
    );
  });
});
