// `npm run local [dotenv]`: runs src/index.ts on Node 24 with the dotenv's variables (default
// .env, from .env.example), as the runner runs dist/index.js: against the stand-in of
// `npm run stand-in`, or against real Atlas.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { prepareRunnerFiles } from './runner-files.ts';

const dotenv = process.argv[2] ?? '.env';
prepareRunnerFiles(dotenv);
const entry = join(import.meta.dirname, '..', 'src', 'index.ts');
const result = spawnSync(process.execPath, [`--env-file=${dotenv}`, entry], { stdio: 'inherit' });
process.exit(result.status ?? 1);
