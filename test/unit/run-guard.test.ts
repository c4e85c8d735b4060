// The run's guard on its own, with a fake process: what each stop does to the signal, when
// `stopped` settles, and that everything is removed afterwards.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { CANCEL_GRACE_MS, guardRun, processHooks, STOPPED_EXIT_MS } from '../../src/run-guard.ts';
import { fakeProcess } from '../support/process-hooks.ts';

/** Whether the promise has settled within `ms`. */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> {
  return Promise.race([promise, sleep(ms).then(() => 'pending' as const)]);
}

describe('guardRun', () => {
  it('arms one deadline of the given length, and aborts nothing until a stop', async () => {
    const process = fakeProcess();
    const guard = guardRun(process.hooks, 12_345);
    expect(process.timers.map((timer) => timer.ms)).toEqual([12_345]);
    expect(guard.signal.aborted).toBe(false);
    expect(await settledWithin(guard.stopped, 20)).toBe('pending');
    expect(process.exits).toEqual([]);
  });

  it('at the deadline: aborts with reason "deadline", settles at once, and schedules the exit', async () => {
    const process = fakeProcess();
    const guard = guardRun(process.hooks, 1_000);
    process.timers[0]?.fire();
    expect(guard.signal.aborted).toBe(true);
    expect(guard.signal.reason).toBe('deadline');
    expect(await settledWithin(guard.stopped, 5)).toBe('deadline');
    expect(process.exits).toEqual([STOPPED_EXIT_MS]);
  });

  it('on cancellation: aborts at once, but gives the operation a grace before settling', async () => {
    const process = fakeProcess();
    const guard = guardRun(process.hooks, 1_000);
    const started = Date.now();
    process.cancel();
    expect(guard.signal.reason).toBe('cancelled');
    expect(await settledWithin(guard.stopped, CANCEL_GRACE_MS - 200)).toBe('pending');
    expect(await guard.stopped).toBe('cancelled');
    expect(Date.now() - started).toBeGreaterThanOrEqual(CANCEL_GRACE_MS - 5);
    expect(process.exits).toEqual([STOPPED_EXIT_MS + CANCEL_GRACE_MS]);
  });

  it('when the event loop drains: aborts with reason "drained" and settles at once', async () => {
    const process = fakeProcess();
    const guard = guardRun(process.hooks, 1_000);
    process.drain();
    expect(guard.signal.reason).toBe('drained');
    expect(await settledWithin(guard.stopped, 5)).toBe('drained');
  });

  it('keeps the first stop: a later one changes neither the reason nor the exit', async () => {
    const process = fakeProcess();
    const guard = guardRun(process.hooks, 1_000);
    process.timers[0]?.fire();
    process.cancel();
    process.drain();
    expect(guard.signal.reason).toBe('deadline');
    expect(await guard.stopped).toBe('deadline');
    expect(process.exits).toEqual([STOPPED_EXIT_MS]);
  });

  it('removes its timer and listeners on dispose', () => {
    const process = fakeProcess();
    const guard = guardRun(process.hooks, 1_000);
    expect(process.listeners()).toBe(2);
    guard.dispose();
    expect(process.timers[0]?.armed).toBe(false);
    expect(process.listeners()).toBe(0);
  });
});

describe('processHooks.onCancel', () => {
  const key = Symbol.for('atlas-delete-link-token.early-cancellation');
  const globals = globalThis as Record<symbol, unknown>;

  it('takes over a cancellation held while the action loaded, and listens from then on', () => {
    let released = 0;
    globals[key] = { release: () => (released++, true) };
    let cancelled = 0;
    const remove = processHooks.onCancel(() => cancelled++);
    try {
      expect(released).toBe(1);
      expect(cancelled).toBe(1); // at once: run() must not start a request first
      process.emit('SIGTERM');
      expect(cancelled).toBe(2);
    } finally {
      remove();
      delete globals[key];
    }
  });

  it('cancels nothing when none was held, and nothing after its removal', async () => {
    globals[key] = { release: () => false };
    let cancelled = 0;
    const remove = processHooks.onCancel(() => cancelled++);
    await new Promise((resolve) => setImmediate(resolve));
    expect(cancelled).toBe(0);
    remove();
    delete globals[key];
    const noOp = (): void => undefined;
    process.once('SIGTERM', noOp); // keeps the test process alive if the removal failed
    process.emit('SIGTERM');
    expect(cancelled).toBe(0);
  });
});
