// The hostile-server suite: fast-check drives a loopback Atlas and CONNECT proxy that misbehave at
// every request (challenge, authorized request or dry-run GET, token, revoke) and every phase
// (accept, CONNECT, TLS handshake, status line, headers, body); the bundled dist/ runs as the runner
// runs it; every run is judged by the invariants of test/support/hostile-invariants.ts.
//
// Here: the harness on a well-behaved server, the invariants on made-up runs, a fixed set of seeds,
// and the shrunk scenarios that once broke an invariant. `npm run chaos -- --runs N` runs more.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVARIANTS, type HostileRun, MAX_LOG_LINE_LENGTH, violations } from '../support/hostile-invariants.ts';
import {
  checkScenario,
  disposeSuite,
  type HostileSuite,
  hostileProperty,
  prepareSuite,
  runScenario,
} from '../support/hostile-run.ts';
import {
  atlasOffer,
  type Behaviour,
  type Body,
  type Offer,
  type Scenario,
  type TokenShape,
} from '../support/hostile-server.ts';
import { CLIENT_SECRET, PRIVATE_KEY } from '../support/fixtures.ts';

let suite: HostileSuite;
beforeAll(() => {
  suite = prepareSuite();
});
afterAll(() => disposeSuite(suite));

/** A well-behaved scenario with `changes`: the base of the harness checks and the regressions. */
function scenario(
  changes: Partial<Omit<Scenario, 'behaviours'>> & { behaviours?: Partial<Scenario['behaviours']> } = {},
): Scenario {
  const { behaviours, ...rest } = changes;
  return {
    auth: 'digest',
    apiVersion: 'v1.0',
    envelope: false,
    dryRun: false,
    failOnNotFound: false,
    maxAttempts: 1,
    timeoutSeconds: 0.5,
    retryDelaySeconds: 0.01,
    route: 'http',
    connections: [],
    proxy: [],
    cancel: null,
    salt: 0,
    ...rest,
    behaviours: { challenge: [], authorized: [], token: [], revoke: [], ...behaviours },
  };
}

const answer = (status: number, body: Body, headers: [string, string][] = []): Behaviour => ({
  act: 'answer',
  answer: { status, reason: null, headers, body },
  after: 'keep-alive',
});

describe('the harness, against a well-behaved server', () => {
  const cases = (['http', 'https', 'proxy'] as const).flatMap((route) =>
    (['digest', 'service-account'] as const).flatMap((auth) =>
      [false, true].map((dryRun): [Scenario['route'], Scenario['auth'], boolean] => [route, auth, dryRun]),
    ),
  );
  it.concurrent.each(cases)('%s, %s, dry run %s: success, every invariant kept', async (route, auth, dryRun) => {
    // The longest time limit the suite uses: nothing here should time out, even on a busy machine.
    const wellBehaved = scenario({
      route,
      auth,
      dryRun,
      apiVersion: 'v2',
      envelope: route === 'https',
      timeoutSeconds: 1,
    });
    const run = await runScenario(wellBehaved, suite);
    expect(violations(run)).toEqual([]);
    expect(run.run.outputs['status']).toBe(dryRun ? 'dry-run-passed' : 'deleted');
    expect(run.exchanges.some((e) => e.kind === 'authorized')).toBe(true);
    if (auth === 'service-account') expect(run.exchanges.at(-1)?.kind).toBe('revoke');
    if (route === 'proxy') expect(run.connects.every((connect) => connect.authorized)).toBe(true);
  });
});

describe('the invariants, on made-up runs', () => {
  /** A clean delete as the action reports it, and the exchanges behind it. */
  function madeUpRun(changes: Partial<HostileRun['run']> = {}, more: Partial<HostileRun> = {}): HostileRun {
    return {
      scenario: scenario(),
      run: {
        code: 0,
        signal: null,
        stdout: `::add-mask::${PRIVATE_KEY}\nDeleted the live-migration link-token (HTTP 204).\n`,
        stderr: '',
        outputs: { status: 'deleted', 'auth-method': 'digest', 'http-status': '204', attempts: '1', 'error-code': '' },
        summary: '<h2>Atlas live-migration link-token</h2> ✅ deleted',
        durationMs: 100,
        ...changes,
      },
      exchanges: [
        {
          seq: 1,
          kind: 'authorized',
          method: 'DELETE',
          target: '/x',
          behaviour: 'normal',
          status: 204,
          delivered: true,
        },
      ],
      tokens: [],
      connects: [],
      timeline: [],
      secrets: { 'private key': PRIVATE_KEY, 'client secret': CLIENT_SECRET },
      signalledAtMs: undefined,
      killed: false,
      ...more,
    };
  }
  const names = (run: HostileRun): string[] => violations(run).map((v) => v.invariant);

  it('keeps quiet about a clean run', () => {
    expect(violations(madeUpRun())).toEqual([]);
  });

  it.each([
    ['no-secret-shown', madeUpRun({ stdout: `Using ${PRIVATE_KEY}\n` })],
    ['no-secret-shown', madeUpRun({ summary: `secret ${CLIENT_SECRET}` })],
    ['log-lines-bounded', madeUpRun({ stdout: `${'x'.repeat(MAX_LOG_LINE_LENGTH + 1)}\n` })],
    ['no-control-or-bidi-characters', madeUpRun({ stdout: 'evil\u202etxt\n' })],
    ['no-control-or-bidi-characters', madeUpRun({ stdout: 'next\u0085line\n' })],
    ['no-control-or-bidi-characters', madeUpRun({ summary: 'a\u0000b' })],
    ['mask-values-one-line', madeUpRun({ stdout: '::add-mask::first%0Asecond\n' })],
    ['one-error-line-on-failure', madeUpRun({ stdout: '::error::failed\n' })],
    ['exit-0-exactly-on-success', madeUpRun({ code: 1 })],
    ['outputs-valid', madeUpRun({ outputs: { status: 'deleted' } })],
    ['summary-written', madeUpRun({ summary: '' })],
    ['ends-within-worst-case', madeUpRun({ durationMs: 60_000 })],
    ['exit-code-0-or-1', madeUpRun({ code: null, signal: 'SIGKILL' })],
    ['deleted-only-after-authorized-204', madeUpRun({}, { exchanges: [] })],
  ])('%s flags a run that breaks it', (invariant, run) => {
    expect(INVARIANTS[invariant]).toBeDefined();
    expect(names(run)).toContain(invariant);
  });

  it('issued-token-revoked: flags an issued token no revoke named, unless the job was cancelled', () => {
    const token = { value: 'hat_token', tokenType: 'Bearer', sent: true, issued: true };
    expect(names(madeUpRun({}, { tokens: [token] }))).toContain('issued-token-revoked');
    expect(names(madeUpRun({}, { tokens: [token], signalledAtMs: 50 }))).not.toContain('issued-token-revoked');
    const revoke = {
      seq: 2,
      kind: 'revoke' as const,
      method: 'POST',
      target: '/api/oauth/revoke',
      behaviour: 'normal',
      delivered: true,
    };
    expect(
      names(madeUpRun({}, { tokens: [token], exchanges: [{ ...revoke, revokedToken: 'hat_token' }] })),
    ).not.toContain('issued-token-revoked');
  });
});

// A fixed sample of the scenario space for `npm test`: 200 runs, two action processes at a time,
// about half a minute of wall time on 2 cores. No shrinking here: a failure prints the seed and path
// that `npm run chaos -- --seed S --path P` replays and shrinks.
//
// On the dist/ this suite was written against, 24 of these 200 scenarios break an invariant, and
// each seed stops at its first: 101, 202 and 303 at a 401 whose challenge the action refuses
// (http-status empty though Atlas answered 401: http-status-names-an-answer), 404 at an unsolicited
// 101 Switching Protocols (exit 0, no outputs, no summary). Further on, seed 202 has a proxy that
// never answers CONNECT (run killed at its deadline) and an unauthenticated request answered 204
// (deleted without an authorized DELETE), and seed 404 a 6,000-character log line. With the fixes
// of main at the time of writing, only seed 303 still fails, at run 41: an access token Atlas
// refused on a later attempt is replaced and never revoked (issued-token-revoked).
const SEEDS = [101, 202, 303, 404];
const RUNS_PER_SEED = 50;

describe('fixed seeds', () => {
  it.concurrent.each(SEEDS)(
    `seed %i: ${RUNS_PER_SEED} random scenarios keep every invariant`,
    async (seed) => {
      const details = await fc.check(hostileProperty(suite), { seed, numRuns: RUNS_PER_SEED, endOnFailure: true });
      if (details.failed) {
        const error = details.errorInstance;
        throw new Error(
          `seed ${seed}, path ${details.counterexamplePath} (replay and shrink: npm run chaos -- --seed ${seed} --path ${details.counterexamplePath})\n` +
            (error instanceof Error ? error.message : String(error)),
        );
      }
    },
    240_000,
  );
});

const challenge = (...offers: Offer[]): Behaviour => ({
  act: 'challenge',
  challenge: { offers, split: false },
  forgetNonces: false,
  after: 'keep-alive',
});
const upgrade: Behaviour = { act: 'switch', upgrade: true, then: 'stall' };
const token = (tokenType: string | null, shape: TokenShape = 'normal', expiresIn: number | null = 3600): Behaviour =>
  answer(200, { kind: 'token', shape, tokenType, expiresIn });

/**
 * Shrunk scenarios that broke an invariant on the dist/ this suite was written against: each with
 * the invariant it broke and where it was found (`npm run chaos -- --seed S --path P` replays a
 * chaos find; "by hand" marks a known defect random search rarely reaches).
 */
const REGRESSIONS: { name: string; broke: string; found: string; scenario: Scenario }[] = [
  {
    name: 'an unsolicited 101 with Upgrade to the authorized DELETE',
    broke: 'outputs-valid',
    found: 'seed -626627308, path 0:1:1:1:1:1:1:0:2:2:2',
    scenario: scenario({ behaviours: { authorized: [upgrade] } }),
  },
  {
    name: 'an unsolicited 101 with Upgrade to the unauthenticated request',
    broke: 'outputs-valid',
    found: 'seed -1879881926, path 5:0:0:0:0:0:0:3:2:2:2:2:2:2:2',
    scenario: scenario({ behaviours: { challenge: [upgrade] } }),
  },
  {
    name: 'an unsolicited 101 with Upgrade to the token request',
    broke: 'outputs-valid',
    found: 'seed 1161830752, path 6:1:1:1:1:1:1:4:3:3',
    scenario: scenario({ auth: 'service-account', behaviours: { token: [upgrade] } }),
  },
  {
    name: 'a proxy that accepts the connection and never answers CONNECT',
    broke: 'ends-within-worst-case',
    found: 'seed 535203443, path 10:0:0:0:0:1:3:2:2:2:2:2:2',
    scenario: scenario({ route: 'proxy', proxy: [{ act: 'stall' }] }),
  },
  {
    name: 'a 401 with an empty WWW-Authenticate',
    broke: 'http-status-names-an-answer',
    found: 'seed 1, path 1:0:0:0:0:0:0:1:1:1',
    scenario: scenario({ behaviours: { challenge: [challenge()] } }),
  },
  {
    name: 'a 401 without WWW-Authenticate',
    broke: 'http-status-names-an-answer',
    found: 'seed -957401567, path 24:0:0:1:1:1:1:2:1:0:2:2:2:2:2:2:2',
    scenario: scenario({
      behaviours: {
        challenge: [answer(401, { kind: 'token', shape: 'normal', tokenType: 'Bearer', expiresIn: null })],
      },
    }),
  },
  {
    name: 'a 401 offering Basic only',
    broke: 'http-status-names-an-answer',
    found: 'by hand',
    scenario: scenario({
      behaviours: { challenge: [challenge({ scheme: 'raw', text: 'Basic realm="MMS Public API"' })] },
    }),
  },
  {
    name: 'a 401 offering qop=auth-int only',
    broke: 'http-status-names-an-answer',
    found: 'by hand',
    scenario: scenario({ behaviours: { challenge: [challenge({ ...atlasOffer(), qop: 'auth-int' })] } }),
  },
  {
    name: 'the authorized request refused with stale=true and no nonce',
    broke: 'http-status-names-an-answer',
    found: 'seed 1309757277, path 16:0:0:0:0:0:0:0:0:3:1:2:2:2:3:3:3:3:3:3:3:3',
    scenario: scenario({
      behaviours: {
        authorized: [challenge({ ...atlasOffer(), nonce: 'none', qop: 'auth,auth-int', stale: 'true', bare: false })],
      },
    }),
  },
  {
    name: 'two Digest offers with 3,000-character algorithms',
    broke: 'log-lines-bounded',
    found: 'seed 387276918, path 2:0:0:0:0:0:0:0:0:4:3:3:3:5:5:6:6:6:5:5:5:5:5:5',
    scenario: scenario({
      behaviours: {
        challenge: [
          challenge(
            { ...atlasOffer(), algorithm: 'X'.repeat(3_000), bare: false },
            {
              ...atlasOffer(),
              nonce: 'none',
              algorithm: 'X'.repeat(3_000),
              qop: 'auth,auth-int',
              opaque: 'opaque-1',
              bare: false,
            },
          ),
        ],
      },
    }),
  },
  {
    name: 'a challenge whose algorithm ends in U+0085 (a C1 control once read as Latin-1)',
    broke: 'no-control-or-bidi-characters',
    found: 'by hand',
    scenario: scenario({ behaviours: { challenge: [challenge({ ...atlasOffer(), algorithm: 'MD5\u0085' })] } }),
  },
  {
    name: 'a right-to-left override in an error detail',
    broke: 'no-control-or-bidi-characters',
    found: 'by hand',
    scenario: scenario({
      behaviours: {
        authorized: [answer(403, { kind: 'atlas-error', error: 403, errorCode: 'X', detail: 'evil\u202etxt' })],
      },
    }),
  },
  {
    name: 'a zero-width joiner in the title of an HTML error page',
    broke: 'no-control-or-bidi-characters',
    found: 'seed -1584028876, path 4:0:0:0:0:0:3:5:4:4:4:4:4:4',
    scenario: scenario({ behaviours: { authorized: [answer(404, { kind: 'html', title: '\u200d' })] } }),
  },
  {
    // Timing-dependent: before the fix, about one run in five lost the second token.
    name: 'over TLS, a token answered after an interim 100 on the connection, before Node reported its request written',
    broke: 'issued-token-revoked',
    found: 'seed -1620270333, path 135:7:8:2:1:4:5:2:9:27:7:5:12:14:5:6:9:3:9:6:19:8:9:9',
    scenario: scenario({
      auth: 'service-account',
      route: 'https',
      maxAttempts: 3,
      behaviours: {
        token: [
          {
            act: 'interim',
            status: 100,
            headers: [],
            then: { status: 504, reason: null, headers: [], body: { kind: 'broken-json', text: '{"status":204,' } },
          },
        ],
      },
    }),
  },
  {
    name: 'a lying envelope: HTTP 500 with {"status":204}',
    broke: 'deleted-only-after-authorized-204',
    found: 'by hand',
    scenario: scenario({
      envelope: true,
      behaviours: { authorized: [answer(500, { kind: 'envelope', status: 204, content: 'empty' })] },
    }),
  },
  {
    name: 'a dry run whose GET is answered HTTP 500 with {"status":200} and the organization',
    broke: 'dry-run-passed-only-after-authorized-get',
    found: 'seed -1344678484, path 0:2:2:2:2:6:5:5:5',
    scenario: scenario({
      envelope: true,
      dryRun: true,
      behaviours: { authorized: [answer(500, { kind: 'envelope', status: 200, content: 'organization' })] },
    }),
  },
  {
    name: 'a dry run whose unauthenticated GET is answered HTTP 500 with {"status":200} and the organization',
    broke: 'dry-run-passed-only-after-authorized-get',
    found: 'seed 147926526, path 1:0:2:2:2:2:2:2:3:3:5:5:5:5:5:5',
    scenario: scenario({
      envelope: true,
      dryRun: true,
      behaviours: { challenge: [answer(500, { kind: 'envelope', status: 200, content: 'organization' })] },
    }),
  },
  {
    name: 'an unauthenticated request answered 204',
    broke: 'deleted-only-after-authorized-204',
    found: 'by hand',
    scenario: scenario({ behaviours: { challenge: [answer(204, { kind: 'empty' })] } }),
  },
  {
    name: 'an unauthenticated request answered with a 204 head, then silence',
    broke: 'deleted-only-after-authorized-204',
    found: 'seed 1218333410, path 20:0:0:0:1:1:1:2:1:0:2:2:2:2:2:2:2:2:2:2:2:2',
    scenario: scenario({
      behaviours: {
        challenge: [
          {
            act: 'cut',
            phase: 'body',
            cut: 'stall',
            answer: {
              status: 204,
              reason: null,
              headers: [],
              body: { kind: 'atlas-error', error: 204, errorCode: 'RATE_LIMITED', detail: '' },
            },
          },
        ],
      },
    }),
  },
  {
    name: 'an access token issued with token_type mac',
    broke: 'access-token-used-only-as-issued',
    found: 'seed -1253254617, path 8:1:1:1:1:1:1:4:3:3:3:3',
    scenario: scenario({ auth: 'service-account', behaviours: { token: [token('mac', 'normal', null)] } }),
  },
  {
    name: 'an access token that expires within a minute, then a 503: the first token is dropped, not revoked',
    broke: 'issued-token-revoked',
    found: 'by hand',
    scenario: scenario({
      auth: 'service-account',
      maxAttempts: 2,
      behaviours: { token: [token('Bearer', 'normal', 30)], authorized: [answer(503, { kind: 'empty' })] },
    }),
  },
  {
    name: 'an access token refused on a retry (503, then 401): replaced by a new one, never revoked',
    broke: 'issued-token-revoked',
    found: 'seed 303, path 41 (a dry run; shrunk by hand)',
    scenario: scenario({
      auth: 'service-account',
      maxAttempts: 2,
      behaviours: { authorized: [answer(503, { kind: 'empty' }), answer(401, { kind: 'empty' })] },
    }),
  },
  {
    name: 'an access token with a line break in it',
    broke: 'mask-values-one-line',
    found: 'by hand',
    scenario: scenario({ auth: 'service-account', behaviours: { token: [token('Bearer', 'multiline')] } }),
  },
];

describe('regressions: shrunk scenarios that once broke an invariant', () => {
  it.concurrent.each(REGRESSIONS.map((r): [string, string, Scenario] => [r.name, r.broke, r.scenario]))(
    '%s (%s)',
    async (_name, _broke, broken) => {
      await checkScenario(broken, suite);
    },
    60_000,
  );
});
