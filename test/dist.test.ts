// dist/ is committed; it must be exactly what src/ builds to today.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { build } from '../scripts/build.ts';

const ROOT = join(import.meta.dirname, '..');

it('dist/ is up to date with src/ (run `npm run build` and commit dist/ if this fails)', async () => {
  const fresh = mkdtempSync(join(tmpdir(), 'dist-'));
  try {
    await build(fresh);
    const committed = join(ROOT, 'dist');
    expect(readdirSync(committed).sort()).toEqual(readdirSync(fresh).sort());
    for (const name of readdirSync(fresh)) {
      const same = readFileSync(join(fresh, name)).equals(readFileSync(join(committed, name)));
      expect(same, `dist/${name} differs from a fresh build`).toBe(true);
    }
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}, 120_000);

it('keeps the HTTP stack the action never uses out of the bundle (start-up cost, docs/benchmark.md)', () => {
  const code = readFileSync(join(ROOT, 'dist', 'index.js'), 'utf8');
  expect(code).not.toMatch(/require\("(node:)?(http2|worker_threads)"\)/);
  expect(code).not.toContain('class ProxyAgent extends DispatcherBase');
  expect(code.length).toBeLessThan(400 * 1024);
});
