// Entry point of the bundled action, as in GitHub's TypeScript action template. The first import
// only holds a cancellation that comes while the rest loads; run() takes it over.
import './hold-early-cancellation.ts';
import { run } from './main.ts';

void run();
