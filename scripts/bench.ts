// `npm run bench`: what the action costs a pipeline, against the physical floor. Alternates
// (a) bare `node -e ''` under Node 24, (b) dist/index.js doing a clean delete against the loopback
// Atlas stand-in as the runner runs it, and (c) `curl --digest` doing the same DELETE, and prints
// medians, ratios, requests per delete and per retry, the size of dist/ and the peak RSS of (b).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ATLAS_ERRORS, AtlasStandIn } from '../test/support/atlas-stand-in.ts';
import { ORG_ID, PRIVATE_KEY, PUBLIC_KEY } from '../test/support/fixtures.ts';
import { NODE_24, stageAction } from '../test/support/run-action.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? '15');
const hasCurl = spawnSync('curl', ['--version']).status === 0;

const standIn = new AtlasStandIn({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY });
const baseUrl = await standIn.start();
const url = `${baseUrl}/api/atlas/v1.0/orgs/${ORG_ID}/liveMigrations/linkTokens`;
const actionDir = stageAction();
const work = mkdtempSync(join(tmpdir(), 'bench-'));
const rssProbe = join(work, 'rss-probe.cjs');
writeFileSync(
  rssProbe,
  `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(join(work, 'rss'))}, String(process.resourceUsage().maxRSS)));\n`,
);

function actionEnv(): Record<string, string> {
  const output = join(work, 'output');
  const summary = join(work, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  return {
    PATH: process.env['PATH'] ?? '',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    'INPUT_ORG-ID': ORG_ID,
    'INPUT_PUBLIC-KEY': PUBLIC_KEY,
    'INPUT_PRIVATE-KEY': PRIVATE_KEY,
    'INPUT_BASE-URL': baseUrl,
    'INPUT_RETRY-DELAY-SECONDS': '0',
  };
}

/** Runs a command to completion (asynchronously: the stand-in answers from this process). */
function timed(command: string, args: string[], env?: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: 'ignore', ...(env ? { env } : {}) });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code === 0) resolve(ms);
      else reject(new Error(`${command} exited with ${code}`));
    });
  });
}

const bare = (): Promise<number> => timed(NODE_24, ['-e', '']);
const action = (): Promise<number> => timed(NODE_24, [join(actionDir, 'dist', 'index.js')], actionEnv());
const curl = (): Promise<number> =>
  timed('curl', ['-s', '-f', '-o', '/dev/null', '--digest', '-u', `${PUBLIC_KEY}:${PRIVATE_KEY}`, '-X', 'DELETE', url]);

const median = (values: number[]): number => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

try {
  // Warm the file cache so the first sample of each is not an outlier.
  await bare();
  await action();
  if (hasCurl) await curl();

  const samples = { bare: [] as number[], action: [] as number[], curl: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    // Alternate, so that drift in the machine's speed hits all three alike.
    samples.bare.push(await bare());
    samples.action.push(await action());
    if (hasCurl) samples.curl.push(await curl());
  }

  // Requests per clean delete, and per retried attempt (503 then 204).
  standIn.requests.length = 0;
  await action();
  const perDelete = standIn.requests.length;
  standIn.requests.length = 0;
  standIn.script({ status: 503, body: ATLAS_ERRORS.unavailable() }, { status: 503, body: ATLAS_ERRORS.unavailable() });
  await action();
  const perRetry = (standIn.requests.length - perDelete) / 2;

  // Peak RSS of (b), in a separate run with a tiny exit hook (not used for timing).
  await timed(NODE_24, ['-r', rssProbe, join(actionDir, 'dist', 'index.js')], actionEnv());
  const rssMb = Number(readFileSync(join(work, 'rss'), 'utf8')) / 1024;
  await timed(NODE_24, ['-r', rssProbe, '-e', '']);
  const bareRssMb = Number(readFileSync(join(work, 'rss'), 'utf8')) / 1024;

  const distBytes = readdirSync(join(actionDir, 'dist')).reduce(
    (sum, name) => sum + statSync(join(actionDir, 'dist', name)).size,
    0,
  );
  const a = median(samples.bare);
  const b = median(samples.action);
  const c = hasCurl ? median(samples.curl) : NaN;
  const version = spawnSync(NODE_24, ['--version']).stdout.toString().trim();

  console.log(`Benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${version}, ${RUNS} alternating runs each`);
  console.log(`(a) bare node -e ''               median ${a.toFixed(1)} ms`);
  console.log(`(b) dist/index.js, clean delete   median ${b.toFixed(1)} ms`);
  console.log(hasCurl ? `(c) curl --digest, same DELETE    median ${c.toFixed(1)} ms` : '(c) curl not found: skipped');
  console.log(`(b)/(a) = ${(b / a).toFixed(2)}   target <= 2.5`);
  if (hasCurl) console.log(`(b)/(c) = ${(b / c).toFixed(2)}`);
  console.log(`requests per clean delete: ${perDelete}   target 2`);
  console.log(`requests per retried attempt: ${perRetry}   target 1`);
  console.log(`dist/ size: ${(distBytes / 1024).toFixed(0)} KiB`);
  console.log(`peak RSS of (b): ${rssMb.toFixed(1)} MB (bare node: ${bareRssMb.toFixed(1)} MB)   target < 64 MB`);
} finally {
  await standIn.close();
  rmSync(actionDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}
