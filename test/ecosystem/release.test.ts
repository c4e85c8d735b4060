// Releasing: scripts/release.sh and .github/workflows/release.yml must not disagree. The workflow
// runs the script's --check and --notes; the script never pushes and never moves the major tag.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './pins.ts';
import { source, type Step } from './workflows.ts';

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const VERSION = (JSON.parse(read('package.json')) as { version: string }).version;
// Node 24 first on PATH, as under npm, for the build the script runs.
const PATH = `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env['PATH'] ?? ''}`;

function release(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('bash', [join(cwd, 'scripts', 'release.sh'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

let copy: string | undefined;
afterEach(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
  copy = undefined;
});
/** The files a release check reads, in a scratch directory, to plant mistakes in. */
function scratch(): string {
  copy = mkdtempSync(join(tmpdir(), 'release-'));
  for (const path of ['src', 'scripts', 'dist', 'CHANGELOG.md', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(join(ROOT, path), join(copy, path), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

describe('scripts/release.sh', () => {
  it("--notes prints the CHANGELOG section's body: the release notes", () => {
    const run = release(ROOT, '--notes', '1.0.0');
    expect(run.status).toBe(0);
    const changelog = read('CHANGELOG.md');
    const section = changelog.slice(changelog.indexOf('## [1.0.0]'));
    expect(run.stdout.startsWith('### Added\n')).toBe(true);
    expect(section).toContain(run.stdout.trim());
    expect(run.stdout).not.toContain('## [');
  });

  it('--notes refuses a version the CHANGELOG does not describe', () => {
    const run = release(ROOT, '--notes', '0.0.1');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("CHANGELOG.md has no '## [0.0.1]' section");
  });

  // Under mutation testing src/ is instrumented, so no build of it is dist/ (dist.test.ts is left
  // out of that run for the same reason).
  const mutating = process.env['STRYKER_MUTATOR_WORKER'] !== undefined || read('src/main.ts').includes('stryNS_9fa48');
  it.skipIf(mutating)(
    '--check passes on this commit for its own version',
    () => {
      const run = release(ROOT, '--check', VERSION);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    },
    60_000,
  );

  it('--check fails on another version, a stale dist/ and a missing CHANGELOG section', () => {
    expect(release(ROOT, '--check', '99.0.0').stderr).toContain(`package.json says ${VERSION}, not 99.0.0`);
    const dir = scratch();
    writeFileSync(join(dir, 'dist', 'index.js'), `${read('dist/index.js')}\n// planted\n`);
    const stale = release(dir, '--check', VERSION);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('dist/ is not what this source builds');
    writeFileSync(join(dir, 'CHANGELOG.md'), read('CHANGELOG.md').replace(`## [${VERSION}]`, '## [0.0.0]'));
    expect(release(dir, '--check', VERSION).stderr).toContain(`no '## [${VERSION}]' section`);
  }, 60_000);

  it('refuses anything but X.Y.Z', () => {
    for (const args of [['1.2'], ['v1.2.3'], ['--check', '1.2.3-rc.1'], ['--publish', '1.2.3'], []]) {
      expect(release(ROOT, ...args).status, args.join(' ')).toBe(2);
    }
  });

  it('never pushes and never moves a major tag: the workflow does', () => {
    const commands = read('scripts/release.sh')
      .split('\n')
      .filter((line) => !/^\s*(#|echo)/.test(line));
    expect(commands.filter((line) => /git push|git tag -f|tag -fa/.test(line))).toEqual([]);
  });
});

describe('.github/workflows/release.yml', () => {
  const { workflow } = source('.github/workflows/release.yml', read('.github/workflows/release.yml'));
  const job = (name: string) => workflow.jobs[name] ?? { steps: [] };
  const runs = (name: string): string => (job(name).steps ?? []).map((step) => step.run ?? '').join('\n');
  const step = (name: string, pattern: RegExp): Step =>
    (job(name).steps ?? []).find((st) => pattern.test(st.run ?? st.uses ?? '')) as Step;

  /** Runs a step's script as the runner would (bash, GITHUB_OUTPUT a file), with the given env. */
  function runStep(script: string, env: Record<string, string>): { status: number | null; outputs: string } {
    const dir = mkdtempSync(join(tmpdir(), 'step-'));
    try {
      const output = join(dir, 'output');
      writeFileSync(output, '');
      const run = spawnSync('bash', ['-e', '-c', script], {
        encoding: 'utf8',
        env: { PATH: process.env['PATH'] ?? '', GITHUB_OUTPUT: output, ...env },
      });
      return { status: run.status, outputs: readFileSync(output, 'utf8') };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('starts on a vX.Y.Z tag, by hand with a version, and when a release is published', () => {
    expect(workflow.on).toMatchObject({
      push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] },
      workflow_dispatch: { inputs: { version: { required: true } } },
      release: { types: ['published'] },
    });
  });

  it('reads the version from the tag or the input, and refuses anything but X.Y.Z', () => {
    const script = step('verify', /GITHUB_OUTPUT/).run as string;
    expect(runStep(script, { EVENT_NAME: 'push', REF_NAME: 'v1.2.3' })).toEqual({
      status: 0,
      outputs: 'version=1.2.3\n',
    });
    expect(runStep(script, { EVENT_NAME: 'workflow_dispatch', INPUT_VERSION: '1.10.0' }).outputs).toBe(
      'version=1.10.0\n',
    );
    expect(runStep(script, { EVENT_NAME: 'workflow_dispatch', INPUT_VERSION: 'v1.2.3' }).status).toBe(1);
    expect(runStep(script, { EVENT_NAME: 'push', REF_NAME: 'v1.2' }).status).toBe(1);
  });

  it("verifies with the script's own check and npm test, and takes the notes from the script", () => {
    expect(runs('verify')).toContain('scripts/release.sh --check "$VERSION"');
    expect(runs('verify')).toMatch(/^npm test$/m);
    expect(runs('draft')).toContain('scripts/release.sh --notes "$VERSION"');
  });

  it('attests dist/index.js with actions/attest-build-provenance, after verify, before the draft', () => {
    const attest = step('attest', /^actions\/attest-build-provenance@/);
    expect(attest.with?.['subject-path']).toMatch(/^dist\/(\*|index\.js)$/m);
    expect(job('attest').needs).toBe('verify');
    expect(job('draft').needs).toEqual(['verify', 'attest']);
  });

  it('drafts the release (the Marketplace box is ticked by hand) and never publishes vX as a Release', () => {
    expect(runs('draft')).toMatch(/gh release create "\$tag" --verify-tag --draft/);
    expect(`${runs('draft')}\n${runs('major-tag')}`).not.toMatch(/gh release create "\$MAJOR"|--latest/);
  });

  it('moves the major tag only when a vX.Y.Z release is published, after its attestation verifies', () => {
    expect(job('major-tag').if).toContain("github.event_name == 'release'");
    for (const name of ['verify', 'attest', 'draft']) expect(job(name).if ?? '', name).not.toContain("== 'release'");
    expect(job('verify').if).toContain("github.event_name != 'release'");
    const scripts = (job('major-tag').steps ?? []).map((st) => st.run ?? '');
    const verifyAt = scripts.findIndex((s) => s.includes('gh attestation verify dist/index.js'));
    const moveAt = scripts.findIndex((s) => s.includes('git/refs'));
    expect(verifyAt).toBeGreaterThan(-1);
    expect(moveAt).toBeGreaterThan(verifyAt);
    const read = step('major-tag', /BASH_REMATCH/).run as string;
    expect(runStep(read, { TAG: 'v1.4.0', PRERELEASE: 'false' }).outputs).toBe('major=v1\n');
    expect(runStep(read, { TAG: 'v1.4.0', PRERELEASE: 'true' }).outputs).toBe('');
    expect(runStep(read, { TAG: 'v1', PRERELEASE: 'false' }).outputs).toBe('');
  });
});
