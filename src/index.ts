// Entry point of the bundled action.
import { main } from './main.ts';
import { runner } from './runner.ts';

main().catch((error: unknown) => {
  // A bug, not a user error: still fail with one clear line instead of a bare stack, and set the
  // outputs if the runner's output file lets us (it may be what failed).
  try {
    runner.setOutputs({ status: 'failed', 'auth-method': '', 'http-status': '', attempts: '', 'error-code': '' });
  } catch {
    // Nothing more to do: the failure below is what matters.
  }
  runner.setFailed(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
});
