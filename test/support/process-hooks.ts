// A stand-in for the process around run(): timers that fire when the test says, a cancellation
// and a drained event loop on demand, and a record of every exit requested.
import type { ProcessHooks } from '../../src/run-guard.ts';

export interface FakeProcess {
  hooks: ProcessHooks;
  /** Deadlines armed, in order, with whether each is still armed. */
  timers: { ms: number; fire: () => void; armed: boolean }[];
  cancel: () => void;
  drain: () => void;
  /** Delays of the exits requested. */
  exits: number[];
  /** Listeners still registered (cancellation, drain). */
  listeners: () => number;
}

export function fakeProcess(): FakeProcess {
  const cancels = new Set<() => void>();
  const drains = new Set<() => void>();
  const fake: FakeProcess = {
    timers: [],
    exits: [],
    cancel: () => {
      for (const cancel of [...cancels]) cancel();
    },
    drain: () => {
      for (const drain of [...drains]) drain();
    },
    listeners: () => cancels.size + drains.size,
    hooks: {
      startTimer: (ms, fire) => {
        const timer = { ms, fire, armed: true };
        fake.timers.push(timer);
        return () => {
          timer.armed = false;
        };
      },
      onCancel: (cancel) => {
        cancels.add(cancel);
        return () => cancels.delete(cancel);
      },
      onDrained: (drained) => {
        drains.add(drained);
        return () => drains.delete(drained);
      },
      exitSoon: (ms) => {
        fake.exits.push(ms);
      },
    },
  };
  return fake;
}
