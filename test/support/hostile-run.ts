// Runs one scenario of the hostile-server suite: starts the servers it describes, runs the bundled
// action against them as the runner does (a Node 24 child process, INPUT_* variables, output and
// summary files), sends SIGINT when the scenario says so, and judges the run by the invariants.
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { makeCertificates, type TestCertificates } from './certificates.ts';
import { CLIENT_ID, CLIENT_SECRET, ORG_ID, PRIVATE_KEY, PUBLIC_KEY } from './fixtures.ts';
import { HostileProxy, HostileServer, proxyCredentials, type Scenario } from './hostile-server.ts';
import { deadlineMs, type HostileRun, type Violation, violations } from './hostile-invariants.ts';
import { formatScenario, scenarioArbitrary } from './hostile-scenarios.ts';
import { runAction, stageAction } from './run-action.ts';

/** The host name the proxy route uses: only the proxy can resolve it. */
const ATLAS_HOST = 'atlas.test';
/** At most this many action processes at once (the suite runs on 2 cores). */
export const MAX_CONCURRENT_RUNS = 2;

export interface HostileSuite {
  actionDir: string;
  certificates: TestCertificates;
  /** A certificate from a CA the action does not trust. */
  untrusted: TestCertificates;
}

export function prepareSuite(): HostileSuite {
  return {
    actionDir: stageAction(),
    certificates: makeCertificates(ATLAS_HOST),
    untrusted: makeCertificates(ATLAS_HOST),
  };
}

export function disposeSuite(suite: HostileSuite): void {
  for (const dir of [suite.actionDir, suite.certificates.dir, suite.untrusted.dir]) {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A run's violated invariants, with what is needed to understand them. */
export class InvariantViolation extends Error {
  readonly violations: Violation[];
  constructor(violations: Violation[], run: HostileRun) {
    super(describeFailure(violations, run));
    this.name = 'InvariantViolation';
    this.violations = violations;
  }
}

let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_RUNS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function inputsFor(scenario: Scenario, baseUrl: string): Record<string, string> {
  const credentials: Record<string, string> =
    scenario.auth === 'digest'
      ? { 'public-key': PUBLIC_KEY, 'private-key': PRIVATE_KEY }
      : { 'client-id': CLIENT_ID, 'client-secret': CLIENT_SECRET };
  return {
    'org-id': ORG_ID,
    ...credentials,
    'base-url': baseUrl,
    'api-version': scenario.apiVersion,
    envelope: String(scenario.envelope),
    'dry-run': String(scenario.dryRun),
    'fail-on-not-found': String(scenario.failOnNotFound),
    'max-attempts': String(scenario.maxAttempts),
    'timeout-seconds': String(scenario.timeoutSeconds),
    'retry-delay-seconds': String(scenario.retryDelaySeconds),
  };
}

/** Runs the action once against the servers `scenario` describes (at most two runs at a time). */
export function runScenario(scenario: Scenario, suite: HostileSuite): Promise<HostileRun> {
  return slot(() => runOnce(scenario, suite));
}

async function runOnce(scenario: Scenario, suite: HostileSuite): Promise<HostileRun> {
  let events = 0;
  let onEvent = (): void => undefined;
  const countEvent = (): void => {
    events++;
    onEvent();
  };
  const tls = scenario.route !== 'http';
  const server = new HostileServer({
    scenario,
    publicKey: PUBLIC_KEY,
    privateKey: PRIVATE_KEY,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    ...(tls
      ? {
          tls: {
            key: suite.certificates.key,
            cert: suite.certificates.cert,
            untrusted: { key: suite.untrusted.key, cert: suite.untrusted.cert },
          },
        }
      : {}),
    onEvent: countEvent,
  });
  const port = await server.start();
  const env: Record<string, string> = {};
  const secrets: Record<string, string> = {
    'public key': PUBLIC_KEY,
    'private key': PRIVATE_KEY,
    'client secret': CLIENT_SECRET,
    'Basic client credentials': Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64'),
  };
  let proxy: HostileProxy | undefined;
  let baseUrl = `http://127.0.0.1:${port}`;
  if (tls) {
    env['NODE_EXTRA_CA_CERTS'] = suite.certificates.caFile;
    baseUrl = `https://127.0.0.1:${port}`;
  }
  if (scenario.route === 'proxy') {
    proxy = new HostileProxy({ scenario, upstreamPort: port, timeline: server.timeline, onEvent: countEvent });
    const proxyPort = await proxy.start();
    const { user, password } = proxyCredentials(scenario.salt);
    env['https_proxy'] = `http://${user}:${encodeURIComponent(password)}@127.0.0.1:${proxyPort}`;
    baseUrl = `https://${ATLAS_HOST}:${port}`;
    secrets['proxy password'] = password;
    secrets['Basic proxy credentials'] = Buffer.from(`${user}:${password}`).toString('base64');
  }

  let startedAt = 0;
  let signalledAt: number | undefined;
  let killed = false;
  const timers: NodeJS.Timeout[] = [];
  const running = (child: ChildProcess): boolean => child.exitCode === null && child.signalCode === null;
  const run = await runAction(suite.actionDir, {
    inputs: inputsFor(scenario, baseUrl),
    env,
    onStart: (child) => {
      startedAt = Date.now();
      timers.push(
        setTimeout(
          () => {
            if (!running(child)) return;
            killed = true;
            child.kill('SIGKILL');
          },
          deadlineMs(scenario) + 1_000,
        ),
      );
      const cancel = scenario.cancel;
      if (cancel === null) return;
      const trigger = (): void => {
        timers.push(
          setTimeout(() => {
            if (!running(child)) return;
            signalledAt = Date.now();
            child.kill('SIGINT');
          }, cancel.delayMs),
        );
      };
      onEvent = () => {
        if (events !== cancel.afterEvents) return;
        trigger();
      };
      if (events >= cancel.afterEvents) trigger();
    },
  });
  for (const timer of timers) clearTimeout(timer);
  await server.close();
  await proxy?.close();

  // Every access token the server minted is a secret, whatever became of it.
  server.tokens.forEach((token, index) => {
    secrets[`access token #${index + 1}`] = token.value;
    for (const part of token.value.split(/[\s\p{Cc}\p{Cf}]+/u)) {
      if (part.length >= 12 && part !== token.value) secrets[`part of access token #${index + 1}`] = part;
    }
  });
  return {
    scenario,
    run,
    exchanges: server.exchanges,
    tokens: server.tokens,
    connects: proxy?.connects ?? [],
    timeline: server.timeline,
    secrets,
    signalledAtMs: signalledAt === undefined ? undefined : signalledAt - startedAt,
    killed,
  };
}

/** Runs `scenario` and throws an InvariantViolation naming every invariant it broke. */
export async function checkScenario(scenario: Scenario, suite: HostileSuite): Promise<HostileRun> {
  const run = await runScenario(scenario, suite);
  const found = violations(run);
  if (found.length > 0) throw new InvariantViolation(found, run);
  return run;
}

export interface PropertyOptions {
  /** Sees every run and what it violated (for progress). */
  observe?: (run: HostileRun, found: Violation[]) => void;
  /**
   * While shrinking, the invariant a smaller scenario must still violate to count as failing, so
   * that shrinking does not slip from one defect to another.
   */
  target?: () => string | undefined;
}

/** The suite's property: every scenario keeps every invariant. */
export function hostileProperty(
  suite: HostileSuite,
  options: PropertyOptions = {},
): fc.IAsyncPropertyWithHooks<[Scenario]> {
  return fc.asyncProperty(scenarioArbitrary, async (scenario) => {
    const run = await runScenario(scenario, suite);
    const found = violations(run);
    options.observe?.(run, found);
    const target = options.target?.();
    if (found.length > 0 && (target === undefined || found.some((v) => v.invariant === target))) {
      throw new InvariantViolation(found, run);
    }
  });
}

/** A failure, readable: the invariants, the scenario, what the process did, what the servers saw. */
export function describeFailure(found: Violation[], run: HostileRun): string {
  const { run: process } = run;
  const lines = [
    'Invariants violated:',
    ...found.map((v) => `  - ${v.invariant}: ${v.detail}`),
    `Scenario: ${formatScenario(run.scenario)}`,
    `Process: exit ${String(process.code)}${process.signal ? ` (${process.signal})` : ''} after ${process.durationMs} ms` +
      (run.signalledAtMs === undefined ? '' : `, SIGINT at ${run.signalledAtMs} ms`) +
      `; outputs ${JSON.stringify(process.outputs)}`,
    'Server saw:',
    ...run.timeline.map((event) => {
      if (event.type === 'connection') return `  connection${event.fault === 'none' ? '' : ` (${event.fault})`}`;
      if (event.type === 'connect') return `  CONNECT (${event.step})`;
      const e = event.exchange;
      const answer = e.status === undefined ? 'no status' : `HTTP ${e.status}`;
      const envelope = e.envelopeStatus === undefined ? '' : ` envelope ${e.envelopeStatus}`;
      return `  #${e.seq} ${e.method} ${e.target.split('?')[0]} [${e.kind}${e.rejection ? `: ${e.rejection}` : ''}] -> ${e.behaviour}: ${answer}${envelope}${e.delivered ? '' : ' (not delivered)'}`;
    }),
    'stdout:',
    ...process.stdout
      .split('\n')
      .slice(0, 30)
      .map((line) => `  | ${JSON.stringify(line.length > 200 ? `${line.slice(0, 200)}…` : line).slice(1, -1)}`),
  ];
  if (process.stderr.trim()) lines.push('stderr:', `  | ${JSON.stringify(process.stderr.slice(0, 500)).slice(1, -1)}`);
  return lines.join('\n');
}
