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
import { atlasOffer, type Behaviour, type Body, type Scenario } from '../support/hostile-server.ts';
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
      [false, true].map((dryRun) => ({ route, auth, dryRun })),
    ),
  );
  it.concurrent.each(cases)('$route, $auth, dry run $dryRun: success, every invariant kept', async (c) => {
    const run = await runScenario(scenario({ ...c, apiVersion: 'v2', envelope: c.route === 'https' }), suite);
    expect(violations(run)).toEqual([]);
    expect(run.run.outputs['status']).toBe(c.dryRun ? 'dry-run-passed' : 'deleted');
    expect(run.exchanges.some((e) => e.kind === 'authorized')).toBe(true);
    if (c.auth === 'service-account') expect(run.exchanges.at(-1)?.kind).toBe('revoke');
    if (c.route === 'proxy') expect(run.connects.every((connect) => connect.authorized)).toBe(true);
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

// A fixed sample of the scenario space for `npm test` (about 200 runs, well under a minute on 2
// cores once dist/ keeps every invariant). No shrinking here: a failure prints the seed and path
// that `npm run chaos -- --seed S --path P` replays and shrinks.
//
// On the dist/ of this branch's base, these seeds fail, each at its first violation:
//   (filled in below, after measuring)
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

/** Shrunk scenarios that broke an invariant, each with the invariant it broke. */
const REGRESSIONS: { name: string; broke: string; scenario: Scenario }[] = [
  {
    name: 'an unsolicited 101 with Upgrade to the authorized DELETE',
    broke: 'outputs-valid',
    scenario: scenario({ behaviours: { authorized: [{ act: 'switch', upgrade: true, then: 'stall' }] } }),
  },
  {
    name: 'a proxy that accepts the connection and never answers CONNECT',
    broke: 'ends-within-worst-case',
    scenario: scenario({ route: 'proxy', proxy: [{ act: 'stall' }] }),
  },
  {
    name: 'a 401 whose WWW-Authenticate offers nothing',
    broke: 'http-status-names-an-answer',
    scenario: scenario({
      behaviours: {
        challenge: [
          { act: 'challenge', challenge: { offers: [], split: false }, forgetNonces: false, after: 'keep-alive' },
        ],
      },
    }),
  },
  {
    name: 'a challenge with a 5,000-character algorithm',
    broke: 'log-lines-bounded',
    scenario: scenario({
      behaviours: {
        challenge: [
          {
            act: 'challenge',
            challenge: { offers: [{ ...atlasOffer(), algorithm: 'X'.repeat(5_000) }], split: false },
            forgetNonces: false,
            after: 'keep-alive',
          },
        ],
      },
    }),
  },
  {
    name: 'a right-to-left override in an error detail',
    broke: 'no-control-or-bidi-characters',
    scenario: scenario({
      behaviours: {
        authorized: [answer(403, { kind: 'atlas-error', error: 403, errorCode: 'X', detail: 'evil\u202etxt' })],
      },
    }),
  },
  {
    name: 'a lying envelope: HTTP 500 with {"status":204}',
    broke: 'deleted-only-after-authorized-204',
    scenario: scenario({
      envelope: true,
      behaviours: { authorized: [answer(500, { kind: 'envelope', status: 204, content: 'empty' })] },
    }),
  },
  {
    name: 'an unauthenticated request answered 204',
    broke: 'deleted-only-after-authorized-204',
    scenario: scenario({ behaviours: { challenge: [answer(204, { kind: 'empty' })] } }),
  },
  {
    name: 'an access token issued with token_type mac',
    broke: 'access-token-used-only-as-issued',
    scenario: scenario({
      auth: 'service-account',
      behaviours: { token: [answer(200, { kind: 'token', shape: 'normal', tokenType: 'mac', expiresIn: 3600 })] },
    }),
  },
];

describe('regressions: shrunk scenarios that once broke an invariant', () => {
  it.concurrent.each(REGRESSIONS)(
    '$name ($broke)',
    async ({ scenario: broken }) => {
      await checkScenario(broken, suite);
    },
    60_000,
  );
});
