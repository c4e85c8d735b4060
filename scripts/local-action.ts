// `npm run local-action [dotenv]`: runs src/main.ts's run() under GitHub's local-action, which
// stands in for @actions/core and prints the inputs, outputs and summary it saw. The dotenv
// (default .env, from .env.example) points at the stand-in of `npm run stand-in` or at real Atlas.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

const ROOT = join(import.meta.dirname, '..');
const dotenv = process.argv[2] ?? '.env';
if (!existsSync(dotenv)) {
  console.error(`No ${dotenv}: copy .env.example to ${dotenv} first.`);
  process.exit(2);
}
// local-action wants the summary file to exist already.
const summary = parseEnv(readFileSync(dotenv, 'utf8'))['GITHUB_STEP_SUMMARY'];
if (summary) closeSync(openSync(summary, 'a'));
const bin = join(ROOT, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js');
const result = spawnSync(process.execPath, [bin, 'run', ROOT, 'src/main.ts', dotenv], { stdio: 'inherit' });
process.exit(result.status ?? 1);
