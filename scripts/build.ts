// Bundles src/ into dist/ with ncc. The bundle is CommonJS (digest-fetch's hash libraries look for
// `require` at load time), so dist/ carries a package.json that says so. dist/licenses.txt carries
// the licenses of every production dependency, since their code ships inside the bundle.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ncc from '@vercel/ncc';

const ROOT = join(import.meta.dirname, '..');

function productionLicenses(): string {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; license?: string; dev?: boolean }>;
  };
  const sections: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages).sort(([x], [y]) => x.localeCompare(y))) {
    if (path === '' || entry.dev) continue;
    const dir = join(ROOT, path);
    const name = path.replace(/^.*node_modules\//, '');
    const file = existsSync(dir) ? readdirSync(dir).find((f) => /^licen[cs]e/i.test(f)) : undefined;
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : '(no license file in the package)';
    sections.push(`${name}@${entry.version ?? '?'} (${entry.license ?? 'see below'})\n\n${text}`);
  }
  return `${sections.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`;
}

export async function build(outDir: string): Promise<void> {
  const entry = join(ROOT, 'src', 'index.ts');
  const { code, assets } = await ncc(entry, { esm: false, quiet: true, cache: false, sourceMap: false });
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'index.js'), code);
  for (const [name, asset] of Object.entries(assets ?? {})) {
    mkdirSync(dirname(join(outDir, name)), { recursive: true });
    writeFileSync(join(outDir, name), asset.source);
  }
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
  writeFileSync(join(outDir, 'licenses.txt'), productionLicenses());
}

if (import.meta.main) {
  await build(process.argv[2] ?? join(ROOT, 'dist'));
}
