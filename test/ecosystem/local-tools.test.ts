// The local tools a new user meets first: the stand-in's command line (help, a free or a chosen
// port, a taken port, background and stop) and the demo's list of scenarios.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NODE_24 } from '../support/run-action.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    if (existsSync(join(dir, 'stand-in.pid'))) standIn(dir, '--stop');
    rmSync(dir, { recursive: true, force: true });
  }
});

function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'local-tools-'));
  dirs.push(dir);
  return dir;
}

function standIn(cwd: string, ...args: string[]) {
  return spawnSync(NODE_24, [join(ROOT, 'scripts', 'stand-in.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('npm run stand-in', () => {
  it('answers --help with its usage, and starts nothing', () => {
    const result = standIn(workDir(), '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run stand-in -- \[--port N\] \[--background \| --stop\]\n/);
    expect(result.stdout).toContain('--stop         stop the stand-in started with --background');
  });

  it('starts in the background on a free port, prints it for .env, and stops with --stop', () => {
    const dir = workDir();
    const started = standIn(dir, '--background');
    expect(started.status).toBe(0);
    const url = /^INPUT_BASE-URL=(http:\/\/127\.0\.0\.1:\d+)$/m.exec(started.stdout)?.[1];
    expect(url).toBeDefined();
    expect(started.stdout).toContain('Stop it with: npm run stand-in -- --stop');
    const pid = Number(readFileSync(join(dir, 'stand-in.pid'), 'utf8'));
    expect(() => process.kill(pid, 0)).not.toThrow();
    const stopped = standIn(dir, '--stop');
    expect(stopped.stdout).toBe(`Stopped the stand-in (pid ${pid}).\n`);
    expect(existsSync(join(dir, 'stand-in.pid'))).toBe(false);
  });

  it('says in one line that a port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const result = standIn(workDir(), '--port', String(port));
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        `Port ${port} is taken: choose another with --port N, or leave --port out for a free one.\n`,
      );
    } finally {
      blocker.close();
    }
  });

  it('refuses what is not a port, with the usage', () => {
    const result = standIn(workDir(), '--port', 'eighty');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Not a port: 'eighty'\.\n\nUsage:/);
  });

  it('says when there is nothing to stop', () => {
    const result = standIn(workDir(), '--stop');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('No stand-in.pid: no stand-in was started with --background here.\n');
  });
});

describe('npm run demo', () => {
  it('lists its scenarios on help, each with what it shows', () => {
    const result = spawnSync(NODE_24, [join(ROOT, 'scripts', 'demo.ts'), 'help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    for (const scenario of [
      'clean',
      'retry',
      'access-list',
      'not-found',
      'dry-run',
      'dry-run-member',
      'migration',
      'deprecated',
    ]) {
      expect(result.stdout).toMatch(new RegExp(`^  ${scenario} +\\S`, 'm'));
    }
  });
});
