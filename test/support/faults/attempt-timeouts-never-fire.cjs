// Fault injected with `node --require`: every AbortSignal.timeout is a signal that never aborts,
// as if the attempt's own time limit were lost. Only the run's deadline can then end a stuck run.
'use strict';
AbortSignal.timeout = () => new AbortController().signal;
