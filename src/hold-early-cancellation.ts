// The runner may cancel the job while the bundle is still loading, before run() listens for it:
// without a listener, SIGINT would end the process with nothing reported. Imported first by
// src/index.ts only (tests never load it), this holds such a cancellation for the run's guard,
// which takes it over (run-guard.ts, `processHooks.onCancel`).
const held = { cancelled: false };
const hold = (): void => {
  held.cancelled = true;
};
process.on('SIGINT', hold); // not once: a second signal would end the process unreported
process.on('SIGTERM', hold);

(globalThis as Record<symbol, unknown>)[Symbol.for('atlas-delete-link-token.early-cancellation')] = {
  /** Stops holding; true when a cancellation came meanwhile. */
  release: (): boolean => {
    process.off('SIGINT', hold);
    process.off('SIGTERM', hold);
    return held.cancelled;
  },
};
