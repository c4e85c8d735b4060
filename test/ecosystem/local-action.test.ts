// GitHub's local-action runs src/main.ts's run() with its own @actions/core in place of the real
// one: the action's outputs and summary must reach it (they would not if the action reached
// around core's public entry point). Offline: tsx comes from the dev dependencies.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { AtlasStandIn } from '../support/atlas-stand-in.ts';
import { ORG_ID, PRIVATE_KEY, PUBLIC_KEY } from '../support/fixtures.ts';
import { NODE_24 } from '../support/run-action.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let standIn: AtlasStandIn | undefined;
let work: string | undefined;
afterEach(async () => {
  await standIn?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

it('local-action shows status deleted in its outputs table and writes the summary', async () => {
  standIn = new AtlasStandIn({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY });
  const baseUrl = await standIn.start();
  work = mkdtempSync(join(tmpdir(), 'local-action-'));
  const summary = join(work, 'summary.md');
  const dotenv = join(work, '.env');
  writeFileSync(
    dotenv,
    [
      `INPUT_ORG-ID=${ORG_ID}`,
      `INPUT_PUBLIC-KEY=${PUBLIC_KEY}`,
      `INPUT_PRIVATE-KEY=${PRIVATE_KEY}`,
      `INPUT_BASE-URL=${baseUrl}`,
      `GITHUB_STEP_SUMMARY=${summary}`,
      '',
    ].join('\n'),
  );
  const child = spawn(NODE_24, [join(ROOT, 'scripts', 'local-action.ts'), dotenv], {
    cwd: ROOT,
    // Node 24 first on PATH, as under npm; npx may not download anything.
    env: {
      ...process.env,
      PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env['PATH'] ?? ''}`,
      npm_config_offline: 'true',
      npm_config_yes: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));

  expect(code, output).toBe(0);
  const table = output.slice(output.indexOf('Action Outputs'));
  const row = (name: string): string | undefined => new RegExp(`│ '${name}'\\s*│ '([^']*)'\\s*│`).exec(table)?.[1];
  expect(row('status')).toBe('deleted');
  expect(row('http-status')).toBe('204');
  expect(row('attempts')).toBe('1');
  expect(readFileSync(summary, 'utf8')).toMatch(/^<h2>✅ Link-token deleted<\/h2>\n/);
  expect(standIn.requests.map((r) => r.answer)).toEqual(['401', '204']);
}, 60_000);
