// Entry point of the bundled action.
import { main } from './main.ts';
import { runner } from './runner.ts';

main().catch((error: unknown) => {
  // A bug, not a user error: still set the outputs and fail with one clear line, not a bare stack.
  runner.setOutputs({ status: 'failed', 'auth-method': '', 'http-status': '', attempts: '', 'error-code': '' });
  runner.setFailed(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
});
