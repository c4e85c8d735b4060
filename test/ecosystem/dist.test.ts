// dist/ is committed; it must be exactly what src/ builds to today.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { build } from '../../scripts/build.ts';

const ROOT = join(import.meta.dirname, '..', '..');

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

it('uses @actions/core by its public entry point only: no path into node_modules in src/', () => {
  const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const imports = files.flatMap((file) =>
    [...readFileSync(join(ROOT, 'src', file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1] as string),
  );
  expect(imports).toContain('@actions/core');
  expect(imports.filter((path) => path.includes('node_modules') || path.startsWith('@actions/core/'))).toEqual([]);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  expect(pkg.dependencies['@actions/core']).toMatch(/^\^\d+\.\d+\.\d+$/);
});
