// The scenario space of the hostile-server suite, as fast-check arbitraries that produce plain
// objects (see Scenario in hostile-server.ts). Each choice lists its well-behaved value first, so
// that shrinking walks a failure back towards an ordinary run.
import fc from 'fast-check';
import {
  atlasOffer,
  type After,
  type Answer,
  type Behaviour,
  type Body,
  type Challenge,
  type ConnectionFault,
  type Cut,
  type Header,
  type Offer,
  type Phase,
  type ProxyStep,
  REALM,
  type RequestKind,
  type Scenario,
} from './hostile-server.ts';

/** Characters that must never reach a log line raw: C0 and C1 controls, format and bidi controls, separators. */
const HOSTILE_CHARACTERS = [
  '\u0000',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u00ad',
  '\u061c',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u2028',
  '\u2029',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\ufeff',
];

/** Text a hostile server puts in a body or a header: ordinary, sprinkled with controls, injections, or huge. */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'Resource usage limit exceeded.',
      'Unexpected error.',
      'You are not authorized for this resource.',
      'RATE_LIMITED',
    ),
  },
  {
    weight: 3,
    arbitrary: fc.string({
      unit: fc.oneof(
        fc.constantFrom('a', 'Z', '0', ' ', '%', ':', '"', '\\', 'é', '😀'),
        fc.constantFrom(...HOSTILE_CHARACTERS),
      ),
      maxLength: 30,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'detail\n::error::injected by the server',
      'detail%0A::warning::injected by the server',
      'detail\r\n::add-mask::unmasked',
      '::set-output name=status::deleted',
      'link \u001b]8;;https://example.invalid\u0007here\u001b]8;;\u0007',
      'evil\u202etxt.exe',
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(3_000, 5_000, 20_000), fc.constantFrom('', '\u202e', '\u0085', '\n::error::x'))
      .map(([length, tail]) => `${'A'.repeat(length)}${tail}`),
  },
);

const after: fc.Arbitrary<After> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('keep-alive' as const) },
  { weight: 1, arbitrary: fc.constantFrom('close' as const, 'reset' as const) },
);
const cut: fc.Arbitrary<Cut> = fc.constantFrom('stall', 'close', 'reset');
const phase: fc.Arbitrary<Phase> = fc.constantFrom('before-status', 'status-line', 'headers', 'body');

/** Retry-After values that cannot cause a long wait, and (kept apart) ones that can. */
const SMALL_RETRY_AFTER = [
  '0',
  '1',
  '2',
  'Sun, 06 Nov 1994 08:49:37 GMT',
  'Sunday, 06-Nov-94 08:49:37 GMT',
  'Sun Nov  6 08:49:37 1994',
  'soon',
  '-5',
  '1.5',
  '',
  '0x10',
  ' 1 ',
];
const LARGE_RETRY_AFTER = ['120', '86400', 'Fri, 31 Dec 2100 23:59:59 GMT'];

const CONTENT_TYPES = [
  'application/json',
  'application/vnd.atlas.2023-01-01+json;charset=utf-8',
  'text/html; charset=utf-8',
  'text/plain',
  'application/json; charset=utf-\u202e8',
];

const header: fc.Arbitrary<Header> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(...SMALL_RETRY_AFTER, ...LARGE_RETRY_AFTER)
      .map((value): Header => ['Retry-After', value]),
  },
  { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES).map((value): Header => ['Content-Type', value]) },
  {
    weight: 2,
    arbitrary: fc.tuple(
      fc.constantFrom('X-Request-Id', 'Location', 'Set-Cookie', 'Upgrade', 'Link', 'Www-Authenticate', 'X-Detail'),
      hostileText,
    ),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('Bad Name', 'X-\u0001', 'X:Y', '\u00e9t\u00e9'), hostileText) },
);
const headers = fc.array(header, { maxLength: 3 });

const STATUSES = [
  204, 200, 404, 401, 403, 429, 500, 503, 502, 504, 400, 406, 409, 410, 201, 202, 301, 302, 304, 418, 599,
];
const status = fc.constantFrom(...STATUSES);

const tokenBody: fc.Arbitrary<Body> = fc.record({
  kind: fc.constant('token' as const),
  shape: fc.oneof(
    { weight: 4, arbitrary: fc.constant('normal' as const) },
    { weight: 1, arbitrary: fc.constantFrom('long', 'empty', 'number', 'spaced', 'multiline', 'bidi') },
  ),
  tokenType: fc.oneof(
    { weight: 3, arbitrary: fc.constant('Bearer') },
    { weight: 1, arbitrary: fc.constantFrom('bearer', null, 'mac', 'DPoP', 'N_A') },
  ),
  expiresIn: fc.oneof(
    { weight: 3, arbitrary: fc.constant(3600) },
    { weight: 1, arbitrary: fc.constantFrom(null, 0, -1, 30, '3600', 'soon', 1e12) },
  ),
});

const envelopeBody = (statuses: fc.Arbitrary<number>): fc.Arbitrary<Body> =>
  fc.record({
    kind: fc.constant('envelope' as const),
    status: statuses,
    content: fc.constantFrom('empty', 'organization', 'atlas-error', 'null', 'text'),
  });

const body: fc.Arbitrary<Body> = fc.oneof(
  fc.constant<Body>({ kind: 'empty' }),
  fc.record({
    kind: fc.constant('atlas-error' as const),
    error: status,
    errorCode: fc.oneof(
      fc.constantFrom('RATE_LIMITED', 'UNEXPECTED_ERROR', 'IP_ADDRESS_NOT_ON_ACCESS_LIST', 'RESOURCE_NOT_FOUND'),
      hostileText,
    ),
    detail: hostileText,
  }),
  envelopeBody(status),
  tokenBody,
  fc.record({
    kind: fc.constant('oauth-error' as const),
    error: fc.oneof(
      fc.constantFrom('invalid_client', 'invalid_grant', 'access_denied', 'temporarily_unavailable'),
      hostileText,
    ),
    description: hostileText,
  }),
  fc.record({
    kind: fc.constant('organization' as const),
    id: fc.constantFrom('same', 'other', 'upper', 'none'),
    name: hostileText,
  }),
  fc.record({ kind: fc.constant('json' as const), text: fc.json({ maxDepth: 2 }) }),
  fc.record({
    kind: fc.constant('broken-json' as const),
    text: fc.constantFrom('{"status":204,', '{"access_token":', '{"error":404,"detail":"unterminated', '{]', 'nul'),
  }),
  fc.record({ kind: fc.constant('html' as const), title: hostileText }),
  fc.record({ kind: fc.constant('text' as const), text: hostileText }),
  fc.record({ kind: fc.constant('huge' as const), bytes: fc.constantFrom(70_000, 300_000) }),
);

/** Answers a request kind gets: any status with any body, plus the lies that suit the kind. */
function answerFor(kind: RequestKind): fc.Arbitrary<Answer> {
  const reason = fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hostileText });
  const general = fc.record({ status, reason, headers, body });
  const special: fc.Arbitrary<Answer> =
    kind === 'token'
      ? fc.record({ status: fc.constantFrom(200, 201, 500, 400, 401, 429, 503), reason, headers, body: tokenBody })
      : kind === 'revoke'
        ? fc.record({ status: fc.constantFrom(200, 204, 400, 401, 500, 503), reason, headers, body })
        : // A lying envelope: the success is inside, the HTTP status says otherwise (or the other way round).
          fc.record({
            status: fc.constantFrom(500, 503, 404, 401, 201, 200),
            reason,
            headers,
            body: envelopeBody(fc.constantFrom(204, 200, 404, 500)),
          });
  return fc.oneof(general, special);
}

/** Real and broken Digest offers: Atlas's own first, then every parameter bent. */
const digestOffer: fc.Arbitrary<Offer> = fc.record({
  scheme: fc.constantFrom('Digest' as const, 'digest' as const, 'DIGEST' as const),
  realm: fc.oneof(
    { weight: 4, arbitrary: fc.constant(REALM) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(null, '', 'with "quote"', 'back\\slash', 'bidi \u202e realm', 'A'.repeat(3_000)),
    },
  ),
  nonce: fc.oneof(
    { weight: 4, arbitrary: fc.constant('issued' as const) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'none' as const,
        'empty' as const,
        'quote' as const,
        'backslash' as const,
        'long' as const,
      ),
    },
  ),
  algorithm: fc.oneof(
    { weight: 3, arbitrary: fc.constant('MD5') },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        null,
        'md5',
        'MD5-sess',
        'SHA-256',
        'SHA-256-sess',
        'SHA-512-256',
        'SHA-512',
        'SHA-1',
        'X'.repeat(3_000),
        'X'.repeat(5_000),
        '\u202eMD5',
        'MD5\u0085',
      ),
    },
  ),
  qop: fc.oneof(
    { weight: 3, arbitrary: fc.constant('auth') },
    { weight: 1, arbitrary: fc.constantFrom('auth,auth-int', 'auth-int', null, 'AUTH', 'auth-conf', '') },
  ),
  opaque: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, fc.constantFrom('opaque-1', 'op"aque', '')),
  stale: fc.constantFrom('false', 'true', null, 'TRUE', 'maybe'),
  bare: fc.boolean(),
});

const rawOffer: fc.Arbitrary<Offer> = fc
  .oneof(
    fc.constantFrom(
      'Basic realm="MMS Public API"',
      'Bearer realm="atlas", error="invalid_token"',
      'Negotiate',
      'NTLM',
      'Digest',
      'Digest realm="unterminated',
      'Digest ,,,, nonce=',
      'Digest realm="MMS Public API", qop="auth-int", nonce="abc", algorithm=MD5',
    ),
    hostileText,
  )
  .map((text): Offer => ({ scheme: 'raw', text }));

/** The WWW-Authenticate grammar: one to three offers, in one header or several (none at all when empty and split). */
const challenge: fc.Arbitrary<Challenge> = fc.record({
  offers: fc.oneof(
    { weight: 2, arbitrary: fc.constant<Offer[]>([atlasOffer()]) },
    { weight: 3, arbitrary: fc.array(fc.oneof(digestOffer, rawOffer), { minLength: 0, maxLength: 3 }) },
  ),
  split: fc.boolean(),
});

/** What the server may do with one request of `kind`. */
function behaviourFor(kind: RequestKind): fc.Arbitrary<Behaviour> {
  const answerOrNormal = fc.oneof(fc.constant('normal' as const), answerFor(kind));
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ act: fc.constant('normal' as const), slow: fc.boolean(), after }) },
    { weight: 3, arbitrary: fc.record({ act: fc.constant('answer' as const), answer: answerFor(kind), after }) },
    {
      weight: kind === 'challenge' ? 4 : 1,
      arbitrary: fc.record({ act: fc.constant('challenge' as const), challenge, forgetNonces: fc.boolean(), after }),
    },
    { weight: 2, arbitrary: fc.record({ act: fc.constant('cut' as const), phase, cut, answer: answerOrNormal }) },
    {
      weight: 1,
      arbitrary: fc.record({
        act: fc.constant('interim' as const),
        status: fc.constantFrom(100 as const, 102 as const, 103 as const),
        headers,
        then: answerOrNormal,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        act: fc.constant('switch' as const),
        upgrade: fc.boolean(),
        then: fc.constantFrom('stall' as const, 'close' as const, 'reset' as const, 'garbage' as const),
      }),
    },
  );
}

const connectionFault: fc.Arbitrary<ConnectionFault> = fc.oneof(
  { weight: 8, arbitrary: fc.constant('none' as const) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'accept-close' as const,
      'accept-reset' as const,
      'accept-stall' as const,
      'tls-stall' as const,
      'tls-close' as const,
      'tls-reset' as const,
      'tls-plaintext' as const,
      'tls-untrusted' as const,
    ),
  },
);

const proxyStep: fc.Arbitrary<ProxyStep> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ act: fc.constant('tunnel' as const), slow: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      act: fc.constant('refuse' as const),
      status: fc.constantFrom(403, 407, 502, 503, 500, 404),
      body: fc.constantFrom('', '<html><title>Access Denied</title></html>', 'proxy says no\u202e'),
      close: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constant<ProxyStep>({ act: 'stall' }),
      fc.constant<ProxyStep>({ act: 'accept-close' }),
      fc.constant<ProxyStep>({ act: 'accept-reset' }),
      fc.constant<ProxyStep>({ act: 'interim' }),
      fc.record({ act: fc.constant('cut' as const), cut }),
      fc.record({
        act: fc.constant('garbage' as const),
        text: fc.constantFrom('SSH-2.0-OpenSSH\r\n', '\u0000\u0001\u0002', 'HTTP/9.9 OK\r\n\r\n'),
      }),
    ),
  },
);

const queue = (kind: RequestKind): fc.Arbitrary<Behaviour[]> => fc.array(behaviourFor(kind), { maxLength: 3 });

/** Every scenario of the suite. */
export const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    auth: fc.constantFrom('digest' as const, 'service-account' as const),
    apiVersion: fc.constantFrom('v1.0' as const, 'v2' as const),
    envelope: fc.boolean(),
    dryRun: fc.boolean(),
    failOnNotFound: fc.boolean(),
    maxAttempts: fc.constantFrom(1, 2, 3),
    timeoutSeconds: fc.constantFrom(0.5, 0.3, 0.8, 1),
    retryDelaySeconds: fc.constantFrom(0.01, 0, 0.05),
    route: fc.constantFrom('http' as const, 'https' as const, 'proxy' as const),
    connections: fc.array(connectionFault, { maxLength: 3 }),
    proxy: fc.array(proxyStep, { maxLength: 2 }),
    behaviours: fc.record({
      challenge: queue('challenge'),
      authorized: queue('authorized'),
      token: queue('token'),
      revoke: fc.array(behaviourFor('revoke'), { maxLength: 1 }),
    }),
    cancel: fc.oneof(
      { weight: 7, arbitrary: fc.constant(null) },
      {
        weight: 1,
        arbitrary: fc.record({
          afterEvents: fc.integer({ min: 1, max: 5 }),
          delayMs: fc.integer({ min: 0, max: 400 }),
        }),
      },
    ),
    salt: fc.nat(),
  })
  .map(normalise);

/**
 * Removes what a scenario cannot use, so that what is printed is what happens: no token steps for
 * an API key, no proxy steps without a proxy, no TLS faults on plain http. A Retry-After that could
 * make the action wait long is kept only where no retry can follow (one attempt, or the revoke).
 */
export function normalise(scenario: Scenario): Scenario {
  const tls = scenario.route !== 'http';
  const connections = scenario.connections.map((fault) => (!tls && fault.startsWith('tls-') ? 'none' : fault));
  while (connections.at(-1) === 'none') connections.pop();
  const shortWaits = (behaviours: Behaviour[]): Behaviour[] =>
    scenario.maxAttempts === 1 ? behaviours : behaviours.map(withSmallRetryAfter);
  const serviceAccount = scenario.auth === 'service-account';
  return {
    ...scenario,
    connections,
    proxy: scenario.route === 'proxy' ? scenario.proxy : [],
    behaviours: {
      challenge: shortWaits(scenario.behaviours.challenge),
      authorized: shortWaits(scenario.behaviours.authorized),
      token: serviceAccount ? shortWaits(scenario.behaviours.token) : [],
      revoke: serviceAccount ? scenario.behaviours.revoke : [],
    },
  };
}

function withSmallRetryAfter(behaviour: Behaviour): Behaviour {
  const small = (headers: Header[]): Header[] =>
    headers.map(([name, value]): Header => [
      name,
      name === 'Retry-After' && LARGE_RETRY_AFTER.includes(value) ? '1' : value,
    ]);
  const answer = (a: Answer | 'normal'): Answer | 'normal' =>
    a === 'normal' ? a : { ...a, headers: small(a.headers) };
  switch (behaviour.act) {
    case 'answer':
      return { ...behaviour, answer: { ...behaviour.answer, headers: small(behaviour.answer.headers) } };
    case 'cut':
      return { ...behaviour, answer: answer(behaviour.answer) };
    case 'interim':
      return { ...behaviour, headers: small(behaviour.headers), then: answer(behaviour.then) };
    default:
      return behaviour;
  }
}

/** A scenario for the eye: long strings abbreviated, every character outside printable ASCII escaped. */
export function formatScenario(scenario: Scenario): string {
  const text = JSON.stringify(
    scenario,
    (_key, value: unknown) => {
      if (typeof value !== 'string' || value.length <= 80) return value;
      const first = value[0] ?? '';
      return value === first.repeat(value.length)
        ? `<${JSON.stringify(first).slice(1, -1)} × ${value.length}>`
        : `${value.slice(0, 60)}… (${value.length} chars)`;
    },
    1,
  );
  return text
    .replace(/\n\s*/g, ' ')
    .replace(/[^\x20-\x7e]/gu, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`);
}
