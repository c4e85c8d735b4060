// Entry point of the bundled action.
import { main } from './main.ts';
import { runner } from './runner.ts';

main().catch((error: unknown) => {
  // A bug, not a user error: still fail the step with one clear line instead of a bare stack.
  runner.setFailed(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
});
