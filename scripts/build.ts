// Bundles src/ into dist/ with ncc. The bundle is CommonJS (digest-fetch's hash libraries look
// for `require` at load time), so dist/ carries a package.json that says so.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ncc from '@vercel/ncc';

export async function build(outDir: string): Promise<void> {
  const entry = join(import.meta.dirname, '..', 'src', 'index.ts');
  const { code, assets } = await ncc(entry, {
    esm: false,
    quiet: true,
    cache: false,
    sourceMap: false,
    license: 'licenses.txt',
  });
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'index.js'), code);
  for (const [name, asset] of Object.entries(assets ?? {})) {
    mkdirSync(dirname(join(outDir, name)), { recursive: true });
    writeFileSync(join(outDir, name), asset.source);
  }
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
}

if (import.meta.main) {
  await build(process.argv[2] ?? join(import.meta.dirname, '..', 'dist'));
}
