// The files a dotenv for `npm run local` and `npm run local-action` names for the outputs and the
// job summary: created when missing, as a runner creates them, so that nothing falls back to the
// deprecated `::set-output` command or fails for want of a file.
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/** Checks that the dotenv exists and creates the files it names; exits with a hint when it is missing. */
export function prepareRunnerFiles(dotenv: string): void {
  if (!existsSync(dotenv)) {
    console.error(`No ${dotenv}: copy .env.example to ${dotenv} first (see its comments).`);
    process.exit(2);
  }
  const variables = parseEnv(readFileSync(dotenv, 'utf8'));
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY']) {
    const file = variables[name];
    if (file) closeSync(openSync(file, 'a'));
  }
}
