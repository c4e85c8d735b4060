// The promises the action keeps whatever the server does, each a small named function over one
// run: what the process did (exit, log, outputs, summary) against what the servers saw.
import { worstCaseMs } from '../../src/worst-case.ts';
import type { ActionRun } from './run-action.ts';
import type { Exchange, IssuedToken, ProxiedConnect, Scenario, TimelineEvent } from './hostile-server.ts';

/** No stdout line may be longer than this. */
export const MAX_LOG_LINE_LENGTH = 4_000;
/** Allowed on top of the documented worst case. */
export const TIME_MARGIN_MS = 5_000;
/** Starting Node and loading the bundle, allowed on top of the margin. */
export const STARTUP_MS = 3_000;
/** After SIGINT, the process exits within this. */
export const CANCELLED_EXIT_LIMIT_MS = 2_000;
/** When the harness stops waiting: the action's documented worst case plus the margin and start-up. */
export function deadlineMs(scenario: Scenario): number {
  return worstCaseOf(scenario) + TIME_MARGIN_MS + STARTUP_MS;
}

/** The action's own documented worst case (src/worst-case.ts) for a scenario's inputs. */
export function worstCaseOf(scenario: Scenario): number {
  const credentials =
    scenario.auth === 'service-account'
      ? ({ method: 'service-account', clientId: '', clientSecret: '' } as const)
      : ({ method: 'digest', publicKey: '', privateKey: '' } as const);
  return worstCaseMs({
    maxAttempts: scenario.maxAttempts,
    timeoutMs: Math.round(scenario.timeoutSeconds * 1000),
    credentials,
    dryRun: scenario.dryRun,
    migrationWaitMs: 0,
  });
}

/** Everything one run of the suite produced. */
export interface HostileRun {
  scenario: Scenario;
  run: ActionRun;
  exchanges: Exchange[];
  tokens: IssuedToken[];
  connects: ProxiedConnect[];
  timeline: TimelineEvent[];
  /** Values that must appear nowhere, by name. */
  secrets: Record<string, string>;
  /** When SIGINT was sent, relative to the start; undefined when it was not. */
  signalledAtMs: number | undefined;
  /** The harness killed the process at the deadline. */
  killed: boolean;
}

export interface Violation {
  invariant: string;
  detail: string;
}

type Check = (run: HostileRun) => string | undefined;

const OUTPUT_NAMES = ['status', 'auth-method', 'http-status', 'attempts', 'error-code'];
const STATUSES = ['deleted', 'not-found', 'failed', 'dry-run-passed'];
/** C0/C1 controls (tab aside), format characters (bidi controls among them), line and paragraph separators. */
const FORBIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029\u0085]/u;

function isSuccess(run: HostileRun): boolean {
  const status = run.run.outputs['status'];
  return (
    status === 'deleted' || status === 'dry-run-passed' || (status === 'not-found' && !run.scenario.failOnNotFound)
  );
}

/**
 * Our SIGINT killed the process after it had written every output and the summary: it landed in
 * Node's own teardown, after the signal handlers are gone (a bare Node script with a SIGINT handler
 * dies the same way). The runner sees a cancelled step; the action had already done its part.
 */
function killedByOurSignalAfterReporting(run: HostileRun): boolean {
  return (
    run.signalledAtMs !== undefined &&
    run.run.signal === 'SIGINT' &&
    OUTPUT_NAMES.every((name) => run.run.outputs[name] !== undefined) &&
    Boolean(run.run.summary?.trim())
  );
}

function stdoutLines(run: HostileRun): string[] {
  return run.run.stdout.split('\n').filter((line, index, all) => line !== '' || index < all.length - 1);
}

function logLines(run: HostileRun): string[] {
  return stdoutLines(run).filter((line) => !line.startsWith('::add-mask::'));
}

function errorLines(run: HostileRun): string[] {
  return stdoutLines(run).filter((line) => /^::error(?: [^:]*)?::/.test(line));
}

function describeChar(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The status the server answered a request with: inside the envelope of an HTTP 200 that carried one. */
function answered(exchange: Exchange, status: number): boolean {
  const effective =
    exchange.status === 200 && exchange.envelopeStatus !== undefined ? exchange.envelopeStatus : exchange.status;
  return effective === status;
}

export const INVARIANTS: Record<string, Check> = {
  /** The process ends within the documented worst case plus the margin. */
  'ends-within-worst-case': (run) => {
    const limit = deadlineMs(run.scenario);
    if (run.killed) return `still running after ${run.run.durationMs} ms; killed (limit ${limit} ms)`;
    if (run.run.durationMs > limit) return `took ${run.run.durationMs} ms (limit ${limit} ms)`;
    return undefined;
  },

  'exit-code-0-or-1': (run) =>
    run.run.code === 0 || run.run.code === 1 || killedByOurSignalAfterReporting(run)
      ? undefined
      : `exit code ${String(run.run.code)}, signal ${String(run.run.signal)}`,

  'exit-0-exactly-on-success': (run) => {
    if (killedByOurSignalAfterReporting(run)) return undefined;
    const success = isSuccess(run);
    if (success && run.run.code !== 0) return `status ${run.run.outputs['status']} but exit code ${run.run.code}`;
    if (!success && run.run.code === 0) return `exit code 0 but status ${JSON.stringify(run.run.outputs['status'])}`;
    return undefined;
  },

  'outputs-valid': (run) => {
    const outputs = run.run.outputs;
    const missing = OUTPUT_NAMES.filter((name) => outputs[name] === undefined);
    if (missing.length > 0) return `outputs not set: ${missing.join(', ')}`;
    const problems: string[] = [];
    if (!STATUSES.includes(outputs['status'] ?? '')) problems.push(`status ${JSON.stringify(outputs['status'])}`);
    if (outputs['auth-method'] !== run.scenario.auth)
      problems.push(`auth-method ${JSON.stringify(outputs['auth-method'])}`);
    if (!/^(\d{3})?$/.test(outputs['http-status'] ?? ''))
      problems.push(`http-status ${JSON.stringify(outputs['http-status'])}`);
    // A whole number; not bounded by max-attempts, which counts per request (a dry run may make several).
    if (!/^\d+$/.test(outputs['attempts'] ?? '')) problems.push(`attempts ${JSON.stringify(outputs['attempts'])}`);
    return problems.length > 0 ? problems.join('; ') : undefined;
  },

  'summary-written': (run) => (run.run.summary?.trim() ? undefined : 'the job summary is empty'),

  'one-error-line-on-failure': (run) => {
    const count = errorLines(run).length;
    const expected = isSuccess(run) ? 0 : 1;
    return count === expected
      ? undefined
      : `${count} ::error:: lines for status ${JSON.stringify(run.run.outputs['status'])} (expected ${expected})`;
  },

  'deleted-only-after-authorized-204': (run) => {
    if (run.run.outputs['status'] !== 'deleted') return undefined;
    const ok = run.exchanges.some((e) => e.kind === 'authorized' && e.method === 'DELETE' && answered(e, 204));
    return ok ? undefined : 'status deleted, but the server answered no authorized DELETE with 204';
  },

  'dry-run-passed-only-after-authorized-get': (run) => {
    if (run.run.outputs['status'] !== 'dry-run-passed') return undefined;
    const ok = run.exchanges.some((e) => e.kind === 'authorized' && e.method === 'GET' && answered(e, 200));
    return ok ? undefined : 'status dry-run-passed, but the server answered no authorized GET with 200';
  },

  'no-delete-in-dry-run': (run) => {
    if (!run.scenario.dryRun) return undefined;
    const deletes = run.exchanges.filter((e) => e.method === 'DELETE').length;
    return deletes === 0 ? undefined : `${deletes} DELETE requests in a dry run`;
  },

  'no-secret-shown': (run) => {
    const visible = [
      logLines(run).join('\n'),
      run.run.stderr,
      Object.values(run.run.outputs).join('\n'),
      run.run.summary ?? '',
    ].join('\n');
    const shown = Object.entries(run.secrets)
      .filter(([, secret]) => visible.includes(secret))
      .map(([name]) => name);
    return shown.length > 0 ? `shown: ${shown.join(', ')}` : undefined;
  },

  'log-lines-bounded': (run) => {
    const long = stdoutLines(run).filter((line) => line.length > MAX_LOG_LINE_LENGTH);
    return long.length > 0
      ? `${long.length} stdout lines over ${MAX_LOG_LINE_LENGTH} characters (longest ${Math.max(...long.map((l) => l.length))}: ${JSON.stringify(long[0]?.slice(0, 80))}…)`
      : undefined;
  },

  'no-control-or-bidi-characters': (run) => {
    const problems: string[] = [];
    for (const line of logLines(run)) {
      const match = FORBIDDEN.exec(line.replace(/\t/g, ' '));
      if (match) problems.push(`${describeChar(match[0])} in log line ${JSON.stringify(line.slice(0, 120))}`);
    }
    const summary = FORBIDDEN.exec((run.run.summary ?? '').replace(/[\t\n]/g, ' '));
    if (summary) problems.push(`${describeChar(summary[0])} in the summary`);
    return problems.length > 0 ? problems.slice(0, 3).join('; ') : undefined;
  },

  'mask-values-one-line': (run) => {
    const multi = stdoutLines(run)
      .filter((line) => line.startsWith('::add-mask::'))
      .map((line) => line.slice('::add-mask::'.length))
      .filter((value) =>
        /[\r\n]/.test(
          value.replace(/%(25|0D|0A)/g, (_m, code: string) => ({ 25: '%', '0D': '\r', '0A': '\n' })[code] ?? ''),
        ),
      );
    return multi.length > 0 ? `${multi.length} ::add-mask:: values span several lines` : undefined;
  },

  'issued-token-revoked': (run) => {
    if (run.signalledAtMs !== undefined) return undefined; // a cancelled job may leave its token
    const revoked = new Set(
      run.exchanges.flatMap((e) => (e.kind === 'revoke' && e.revokedToken ? [e.revokedToken] : [])),
    );
    const unrevoked = run.tokens.filter((token) => token.issued && !revoked.has(token.value));
    if (unrevoked.length === 0) return undefined;
    // No revoke reached the server, and the last thing it saw was a connection it broke: the network
    // may have stopped the revocation.
    const last = run.timeline.at(-1);
    const brokenLast =
      (last?.type === 'connection' && last.fault !== 'none') ||
      (last?.type === 'connect' && last.step !== 'tunnel' && last.step !== 'interim');
    if (revoked.size === 0 && brokenLast) return undefined;
    const issued = run.tokens.filter((token) => token.issued);
    return `${unrevoked.length} of ${issued.length} issued tokens never named in a revoke request (token${unrevoked.length > 1 ? 's' : ''} #${unrevoked.map((t) => issued.indexOf(t) + 1).join(', #')})`;
  },

  'cancelled-run-exits-promptly': (run) => {
    if (run.signalledAtMs === undefined) return undefined;
    const after = run.run.durationMs - run.signalledAtMs;
    return after <= CANCELLED_EXIT_LIMIT_MS ? undefined : `exited ${after} ms after SIGINT`;
  },

  // Supplementary: action.yml says http-status is empty only when the last attempt got no answer.
  'http-status-names-an-answer': (run) => {
    if (run.signalledAtMs !== undefined || run.run.outputs['http-status'] !== '') return undefined;
    const firstRevoke = run.timeline.findIndex((e) => e.type === 'request' && e.exchange.kind === 'revoke');
    const before = firstRevoke === -1 ? run.timeline : run.timeline.slice(0, firstRevoke);
    const last = before.at(-1);
    if (last?.type !== 'request') return undefined;
    const { exchange } = last;
    if (exchange.kind === 'token' || !exchange.delivered || exchange.status === undefined) return undefined;
    return `http-status empty, but the last request (#${exchange.seq} ${exchange.method}, ${exchange.kind}) was answered HTTP ${exchange.status} in full`;
  },

  // Supplementary (RFC 6749 §7.1): a client must not use a token whose type it does not understand.
  'access-token-used-only-as-issued': (run) => {
    for (const exchange of run.exchanges) {
      if (exchange.bearer === undefined) continue;
      const token = run.tokens.find((t) => t.value === exchange.bearer);
      if (!token?.sent) return `request #${exchange.seq} presented a bearer token the endpoint never issued`;
      if (token.tokenType?.toLowerCase() !== 'bearer') {
        return `request #${exchange.seq} presented as Bearer a token issued with token_type ${JSON.stringify(token.tokenType)}`;
      }
    }
    return undefined;
  },
};

export function violations(run: HostileRun): Violation[] {
  return Object.entries(INVARIANTS).flatMap(([invariant, check]) => {
    const detail = check(run);
    return detail === undefined ? [] : [{ invariant, detail }];
  });
}
