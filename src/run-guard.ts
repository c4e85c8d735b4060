// What ends a run that the operation itself would not end: the job's cancellation, the run's
// deadline (its documented worst case plus a margin), and an event loop that drained while a
// promise was still pending. Each aborts the run's signal (every exchange and wait listens to it)
// and settles `stopped`, so run() can report without the operation's own result. By
// construction, nothing the network does can keep a run from reporting.
import { setTimeout as sleepTimer } from 'node:timers/promises';

export type StopReason = 'cancelled' | 'deadline' | 'drained';

/** How long a cancelled operation gets to report its own (more precise) result. */
export const CANCEL_GRACE_MS = 500;
/** What the deadline adds to the documented worst case: start-up, reporting, a busy machine. */
export const DEADLINE_MARGIN_MS = 3_000;
/** After a stop, the process exits at the latest this long after it: the result is reported by then. */
export const STOPPED_EXIT_MS = 1_500;

/** The process around a run; injected so that tests can drive it. */
export interface ProcessHooks {
  /** Calls `fire` after `ms` on a timer that keeps the process alive; returns its disarm. */
  startTimer(ms: number, fire: () => void): () => void;
  /** Calls `cancel` when the runner cancels the job (SIGINT, then SIGTERM); returns its removal. */
  onCancel(cancel: () => void): () => void;
  /** Calls `drained` when the event loop has nothing left to do; returns its removal. */
  onDrained(drained: () => void): () => void;
  /** Ends the process (exit code 1) if it is still running `ms` from now. */
  exitSoon(ms: number): void;
}

export interface RunGuard {
  /** Aborted on any stop; its reason is the StopReason. */
  signal: AbortSignal;
  /** Settles when the run must report without waiting for the operation any longer. */
  stopped: Promise<StopReason>;
  /** Removes the timer and the listeners, so the process can end once the run has. */
  dispose(): void;
}

export function guardRun(hooks: ProcessHooks, deadlineMs: number): RunGuard {
  const controller = new AbortController();
  let settle: (reason: StopReason) => void = () => undefined;
  const stopped = new Promise<StopReason>((resolve) => (settle = resolve));
  const stop = (reason: StopReason, graceMs: number): void => {
    if (controller.signal.aborted) return;
    controller.abort(reason);
    hooks.exitSoon(STOPPED_EXIT_MS + graceMs);
    if (graceMs === 0) settle(reason);
    else void sleepTimer(graceMs).then(() => settle(reason));
  };
  const disarm = [
    hooks.startTimer(deadlineMs, () => stop('deadline', 0)),
    hooks.onCancel(() => stop('cancelled', CANCEL_GRACE_MS)),
    hooks.onDrained(() => stop('drained', 0)),
  ];
  return {
    signal: controller.signal,
    stopped,
    dispose: () => {
      for (const remove of disarm) remove();
    },
  };
}

// The real process: only the end-to-end tests of dist/ can observe it (signals, exit).
// Stryker disable all
export const processHooks: ProcessHooks = {
  startTimer: (ms, fire) => {
    const timer = setTimeout(fire, ms); // not unref'd: the deadline itself keeps the run alive
    return () => clearTimeout(timer);
  },
  onCancel: (cancel) => {
    process.on('SIGINT', cancel); // not once: a second signal must not find the default (exit at once)
    process.on('SIGTERM', cancel);
    // Only then is a cancellation held while the action loaded (hold-early-cancellation.ts) let
    // go: removing the last listener first would drop a signal Node has not yet dispatched.
    const early = (globalThis as Record<symbol, { release: () => boolean } | undefined>)[
      Symbol.for('atlas-delete-link-token.early-cancellation')
    ];
    if (early?.release()) cancel(); // before run() sends anything
    return () => {
      process.off('SIGINT', cancel);
      process.off('SIGTERM', cancel);
    };
  },
  onDrained: (drained) => {
    process.once('beforeExit', drained);
    return () => process.off('beforeExit', drained);
  },
  exitSoon: (ms) => {
    setTimeout(() => process.exit(1), ms).unref();
  },
};
// Stryker restore all
