// Runs the bundled action the way the GitHub runner does: `node dist/index.js` under Node 24 from
// a directory holding only action.yml and dist/, inputs in INPUT_* variables, outputs and the job
// summary in files.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
/** The Node 24 binary of the `node` dev dependency: the runner's Node, not the machine's. */
export const NODE_24 = join(ROOT, 'node_modules', '.bin', 'node');

export interface ActionRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** The job summary file's content, or undefined when no summary file was given. */
  summary: string | undefined;
  durationMs: number;
}

export interface RunOptions {
  inputs: Record<string, string>;
  /** Extra environment (proxy, debug, CA certificates …). */
  env?: Record<string, string>;
  /** Leave GITHUB_STEP_SUMMARY unset. */
  noSummary?: boolean;
  /** Called once the process has started, e.g. to send it a signal. */
  onStart?: (child: ChildProcess) => void;
  /** Node options before the script, e.g. `--require` of a fault to inject. */
  nodeArgs?: string[];
}

/**
 * Copies action.yml and dist/ into a fresh directory, as a runner's checkout of the action. With
 * ACTION_UNDER_TEST set to another checkout (an earlier commit, say), the tests run that one's.
 */
export function stageAction(): string {
  const source = process.env['ACTION_UNDER_TEST'] ?? ROOT;
  const dir = mkdtempSync(join(tmpdir(), 'action-'));
  cpSync(join(source, 'action.yml'), join(dir, 'action.yml'));
  cpSync(join(source, 'dist'), join(dir, 'dist'), { recursive: true });
  return dir;
}

/** Parses the runner's `name<<DELIMITER … DELIMITER` output file format. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] as string);
    if (!match) continue;
    const [, name, delimiter] = match as unknown as [string, string, string];
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] as string);
    outputs[name] = value.join('\n');
  }
  return outputs;
}

export async function runAction(actionDir: string, options: RunOptions): Promise<ActionRun> {
  const work = mkdtempSync(join(tmpdir(), 'runner-'));
  const outputFile = join(work, 'output');
  const summaryFile = join(work, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    GITHUB_OUTPUT: outputFile,
    ...(options.noSummary ? {} : { GITHUB_STEP_SUMMARY: summaryFile }),
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

  const started = Date.now();
  const child = spawn(NODE_24, [...(options.nodeArgs ?? []), join(actionDir, 'dist', 'index.js')], {
    cwd: work,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  options.onStart?.(child);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal])),
  );
  const run: ActionRun = {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: options.noSummary ? undefined : readFileSync(summaryFile, 'utf8'),
    durationMs: Date.now() - started,
  };
  rmSync(work, { recursive: true, force: true });
  return run;
}

/** Everything a run showed (log, stderr, outputs, summary) except the ::add-mask:: commands. */
export function visibleOutput(run: ActionRun): string {
  const stdout = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  return [stdout, run.stderr, JSON.stringify(run.outputs), run.summary ?? ''].join('\n');
}
