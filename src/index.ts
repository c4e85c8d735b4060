// Entry point of the bundled action, as in GitHub's TypeScript action template.
import { run } from './main.ts';

void run();
