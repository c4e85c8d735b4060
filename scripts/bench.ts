// `npm run bench`: what the action costs a pipeline, against two floors. Alternates (a) bare
// `node -e ''` under Node 24, (b) dist/index.js doing a clean delete against the loopback Atlas
// stand-in as the runner runs it, (c) `curl --digest` doing the same DELETE, and (d) the floor of
// any conventional action: five lines that load the public @actions/core, read an input, set an
// output and write a summary, bundled here with the same ncc settings. It prints medians, ratios,
// requests and connections per delete (API key and service account) and per retried attempt, the
// size of dist/ and the peak RSS of (b) and (d).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ATLAS_ERRORS, AtlasStandIn } from '../test/support/atlas-stand-in.ts';
import { ORG_ID, PRIVATE_KEY, PUBLIC_KEY } from '../test/support/fixtures.ts';
import { CLIENT_ID, CLIENT_SECRET } from '../test/support/fixtures.ts';
import { NODE_24, stageAction } from '../test/support/run-action.ts';
import ncc from '@vercel/ncc';

const RUNS = Number(process.env['BENCH_RUNS'] ?? '15');
const hasCurl = spawnSync('curl', ['--version']).status === 0;

const standIn = new AtlasStandIn({
  publicKey: PUBLIC_KEY,
  privateKey: PRIVATE_KEY,
  serviceAccount: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
});
const baseUrl = await standIn.start();
const url = `${baseUrl}/api/atlas/v1.0/orgs/${ORG_ID}/liveMigrations/linkTokens`;
const actionDir = stageAction();
const work = mkdtempSync(join(tmpdir(), 'bench-'));
const rssProbe = join(work, 'rss-probe.cjs');
writeFileSync(
  rssProbe,
  `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(join(work, 'rss'))}, String(process.resourceUsage().maxRSS)));\n`,
);

/** The five-line action: the cost of @actions/core's public entry point, which every conventional action pays. */
async function buildFloor(): Promise<string> {
  const source = mkdtempSync(join(import.meta.dirname, '..', 'node_modules', '.bench-floor-'));
  const entry = join(source, 'index.js');
  writeFileSync(
    entry,
    [
      "import * as core from '@actions/core';",
      "const orgId = core.getInput('org-id');",
      "core.setOutput('status', orgId ? 'deleted' : 'failed');",
      "await core.summary.addRaw('<p>done</p>').write();",
      "core.info('done');",
    ].join('\n'),
  );
  writeFileSync(join(source, 'package.json'), '{"type":"module"}');
  const { code } = await ncc(entry, { esm: false, quiet: true, cache: false, sourceMap: false });
  rmSync(source, { recursive: true, force: true });
  const bundle = join(work, 'floor.cjs');
  writeFileSync(bundle, code);
  return bundle;
}

function actionEnv(extra: Record<string, string> = {}): Record<string, string> {
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
    ...extra,
  };
}

const SERVICE_ACCOUNT_ENV = {
  'INPUT_PUBLIC-KEY': '',
  'INPUT_PRIVATE-KEY': '',
  'INPUT_CLIENT-ID': CLIENT_ID,
  'INPUT_CLIENT-SECRET': CLIENT_SECRET,
};

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
const action = (extra: Record<string, string> = {}): Promise<number> =>
  timed(NODE_24, [join(actionDir, 'dist', 'index.js')], actionEnv(extra));
const floorBundle = await buildFloor();
const floor = (): Promise<number> => timed(NODE_24, [floorBundle], actionEnv());
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
  await floor();
  if (hasCurl) await curl();

  const samples = { bare: [] as number[], action: [] as number[], curl: [] as number[], floor: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    // Alternate, so that drift in the machine's speed hits all four alike.
    samples.bare.push(await bare());
    samples.floor.push(await floor());
    samples.action.push(await action());
    if (hasCurl) samples.curl.push(await curl());
  }

  // Requests and connections per clean delete (each method), and per retried attempt (503 then 204).
  const count = async (extra: Record<string, string> = {}): Promise<[number, number]> => {
    standIn.requests.length = 0;
    standIn.connections = 0;
    await action(extra);
    return [standIn.requests.length, standIn.connections];
  };
  const [perDelete, connectionsPerDelete] = await count();
  const [perServiceAccountDelete, connectionsPerServiceAccountDelete] = await count(SERVICE_ACCOUNT_ENV);
  standIn.script({ status: 503, body: ATLAS_ERRORS.unavailable() }, { status: 503, body: ATLAS_ERRORS.unavailable() });
  const [withRetries, connectionsWithRetries] = await count();
  const perRetry = (withRetries - perDelete) / 2;

  // Peak RSS of (b), (d) and bare Node, in separate runs with a tiny exit hook (not timed).
  const peakRss = async (args: string[]): Promise<number> => {
    await timed(NODE_24, ['-r', rssProbe, ...args], actionEnv());
    return Number(readFileSync(join(work, 'rss'), 'utf8')) / 1024;
  };
  const rssMb = await peakRss([join(actionDir, 'dist', 'index.js')]);
  const floorRssMb = await peakRss([floorBundle]);
  const bareRssMb = await peakRss(['-e', '']);

  const distBytes = readdirSync(join(actionDir, 'dist')).reduce(
    (sum, name) => sum + statSync(join(actionDir, 'dist', name)).size,
    0,
  );
  const a = median(samples.bare);
  const b = median(samples.action);
  const c = hasCurl ? median(samples.curl) : NaN;
  const d = median(samples.floor);
  const version = spawnSync(NODE_24, ['--version']).stdout.toString().trim();

  console.log(`Benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${version}, ${RUNS} alternating runs each`);
  console.log(`(a) bare node -e ''               median ${a.toFixed(1)} ms`);
  console.log(`(b) dist/index.js, clean delete   median ${b.toFixed(1)} ms`);
  console.log(hasCurl ? `(c) curl --digest, same DELETE    median ${c.toFixed(1)} ms` : '(c) curl not found: skipped');
  console.log(`(d) five-line public-core action  median ${d.toFixed(1)} ms`);
  console.log(`(b)/(d) = ${(b / d).toFixed(2)}   target <= 1.3 (the floor of a conventional action)`);
  console.log(`(d)/(a) = ${(d / a).toFixed(2)}   (b)/(a) = ${(b / a).toFixed(2)}`);
  if (hasCurl) console.log(`(b)/(c) = ${(b / c).toFixed(2)}`);
  console.log(`API key, clean delete: ${perDelete} requests on ${connectionsPerDelete} connection(s)   target 2 on 1`);
  console.log(
    `service account, clean delete: ${perServiceAccountDelete} requests on ${connectionsPerServiceAccountDelete} connection(s)   target 3 on 1`,
  );
  console.log(
    `requests per retried attempt: ${perRetry} (two retries: ${withRetries} requests on ${connectionsWithRetries} connection(s))   target 1`,
  );
  console.log(`dist/ size: ${(distBytes / 1024).toFixed(0)} KiB`);
  console.log(
    `peak RSS: (b) ${rssMb.toFixed(1)} MB, (d) ${floorRssMb.toFixed(1)} MB, bare node ${bareRssMb.toFixed(1)} MB`,
  );
} finally {
  await standIn.close();
  rmSync(actionDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}
