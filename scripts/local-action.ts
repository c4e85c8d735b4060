// `npm run local-action [dotenv]`: runs src/main.ts's run() under GitHub's local-action, which
// stands in for @actions/core and prints the inputs, outputs and summary it saw. The dotenv
// (default .env, from .env.example) points at the stand-in of `npm run stand-in` or at real Atlas.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { prepareRunnerFiles } from './runner-files.ts';

const ROOT = join(import.meta.dirname, '..');
const dotenv = process.argv[2] ?? '.env';
prepareRunnerFiles(dotenv); // local-action wants the summary file to exist already
const bin = join(ROOT, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js');
const result = spawnSync(process.execPath, [bin, 'run', ROOT, 'src/main.ts', dotenv], { stdio: 'inherit' });
process.exit(result.status ?? 1);
