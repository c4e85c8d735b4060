// Pinned actions, checked by their form so that Dependabot's pull requests pass on their own; and
// the upstream check CI runs, tried here against local git repositories.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  gitUpstream,
  NODE24_SINCE,
  ownAction,
  type Pin,
  pinnedFiles,
  pinProblems,
  readPins,
  ROOT,
  upstreamProblems,
} from './pins.ts';
import { readDependabot, source, workflowAudits } from './workflows.ts';

const own = ownAction();
const FILES = pinnedFiles();
const texts = (): Map<string, string> => new Map(FILES.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));
const pinsOf = (files: Map<string, string>): Pin[] => [...files].flatMap(([file, text]) => readPins(file, text));
const messages = (files: Map<string, string>): string[] => pinProblems(pinsOf(files), own).map((p) => p.message);

const CHECKOUT = /actions\/checkout@[0-9a-f]{40} # v[\d.]+/;
/** Changes the first checkout pin of ci.yml, and nothing else, as a Dependabot pull request would. */
function bumpOneCheckoutPin(to: string): Map<string, string> {
  const files = texts();
  const ci = files.get('.github/workflows/ci.yml') as string;
  expect(ci).toMatch(CHECKOUT);
  files.set('.github/workflows/ci.yml', ci.replace(CHECKOUT, to));
  return files;
}

describe('pins, by their form', () => {
  it('this action is named by its repository in package.json and its major version', () => {
    expect(own.repository).toMatch(/^[\w.-]+\/atlas-delete-link-token-action$/);
    expect(own.major).toMatch(/^v\d+$/);
  });

  it('every workflow and example pins each action to a SHA of a node24 release, one SHA per release', () => {
    const pins = pinsOf(texts());
    expect(pins.filter((pin) => pin.repository && pin.repository !== own.repository).length).toBeGreaterThan(10);
    expect(messages(texts())).toEqual([]);
  });

  it('names this action in examples by its major tag only (the deliberate unpinned-uses exception)', () => {
    const refs = pinsOf(texts())
      .filter((pin) => pin.repository === own.repository)
      .map((pin) => `${pin.file.split('/')[0]}@${pin.ref}`);
    expect(new Set(refs)).toEqual(new Set([`examples@${own.major}`]));
    const inWorkflow = texts();
    inWorkflow.set('.github/workflows/x.yml', `      - uses: ${own.repository}@${own.major}\n`);
    expect(messages(inWorkflow)).toEqual([expect.stringContaining('pin to a full 40-character commit SHA')]);
    const otherMajor = texts();
    otherMajor.set('examples/x.yml', `      - uses: ${own.repository}@v0\n`);
    expect(messages(otherMajor)).toEqual([expect.stringContaining('pin to a full 40-character commit SHA')]);
  });

  it('a Dependabot update of one pin in ci.yml (patch or major) passes the pin checks and every audit', () => {
    for (const to of [
      'actions/checkout@0123456789abcdef0123456789abcdef01234567 # v7.0.2',
      'actions/checkout@89abcdef0123456789abcdef0123456789abcdef # v8.0.0',
    ]) {
      const files = bumpOneCheckoutPin(to);
      expect(messages(files), to).toEqual([]);
      const ci = source('.github/workflows/ci.yml', files.get('.github/workflows/ci.yml') as string);
      for (const [name, audit] of Object.entries(workflowAudits(own))) expect(audit.check(ci), name).toEqual([]);
    }
  });

  it('finds a pin moved without its comment, a release before node24, a missing comment, a tag instead of a SHA', () => {
    const ci = texts().get('.github/workflows/ci.yml') as string;
    const [, sha, version] = /actions\/checkout@([0-9a-f]{40}) # (v[\d.]+)/.exec(ci) as unknown as [
      string,
      string,
      string,
    ];
    /** The pins as they are, plus one more step somewhere. */
    const plus = (uses: string): string[] => {
      const files = texts();
      files.set('.github/workflows/planted.yml', `      - uses: ${uses}\n`);
      return messages(files);
    };
    expect(plus(`actions/checkout@${'f'.repeat(40)} # ${version}`)).toEqual([
      expect.stringContaining(`actions/checkout@${version} is pinned to 2 SHAs`),
    ]);
    expect(plus(`actions/checkout@${sha} # v6.9.9`)).toEqual([
      expect.stringContaining(`actions/checkout@${sha} is labelled 2 versions`),
    ]);
    expect(plus(`actions/checkout@${'e'.repeat(40)} # v4.2.2`)).toEqual([
      expect.stringContaining('v4.2.2 predates node24'),
    ]);
    expect(plus(`actions/checkout@${'e'.repeat(40)}`)).toEqual([
      expect.stringContaining("name the release in a comment, as '# vX.Y.Z'"),
    ]);
    expect(plus('actions/checkout@v7')).toEqual([expect.stringContaining('pin to a full 40-character commit SHA')]);
    expect(plus(`someone/checkout@${'e'.repeat(40)} # v7.0.1`)).toEqual([expect.stringContaining('unknown action')]);
  });

  it('knows the node24 line of every action it pins', () => {
    const pinned = new Set(
      pinsOf(texts()).flatMap((pin) => (pin.repository && pin.repository !== own.repository ? [pin.repository] : [])),
    );
    expect([...pinned].sort()).toEqual(Object.keys(NODE24_SINCE).sort());
  });

  it('runs as CI runs it, offline: node test/ecosystem/pins.ts', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'test', 'ecosystem', 'pins.ts')], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^\d+ pinned action references checked: all good\.\n$/);
    expect(run.status).toBe(0);
  });
});

describe("this action's name", () => {
  it('is the one in package.json wherever the repository names it (the placeholder is replaced in one go)', () => {
    const [owner, name] = own.repository.split('/');
    const files = [
      'README.md',
      'SECURITY.md',
      ...readdirSync(join(ROOT, 'docs')).map((file) => `docs/${file}`),
      '.github/CODEOWNERS',
      '.github/dependabot.yml',
      ...readdirSync(join(ROOT, '.github/ISSUE_TEMPLATE')).map((file) => `.github/ISSUE_TEMPLATE/${file}`),
      ...FILES,
    ];
    const others = files.flatMap((file) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(/([\w.-]+)\/atlas-delete-link-token-action\b/g)]
        .map((m) => m[1])
        .filter((o) => o !== owner && o !== 'REPO')
        .map((o) => `${file}: ${o}/${name}`),
    );
    expect(others).toEqual([]);
    expect(readFileSync(join(ROOT, '.github/CODEOWNERS'), 'utf8')).toMatch(new RegExp(`^\\* @${owner}/`, 'm'));
  });
});

describe('Dependabot keeps every pin current, and stays out of what is known to break', () => {
  const config = readDependabot();
  const updater = (ecosystem: string) => config.updates.find((u) => u['package-ecosystem'] === ecosystem);

  it('updates the pins of the workflows and of the examples', () => {
    const actions = updater('github-actions');
    const directories = actions?.directories ?? [actions?.directory];
    const covered = (file: string): boolean =>
      directories.some((dir) =>
        dir === '/' ? file.startsWith('.github/workflows/') : file.startsWith(`${(dir ?? '').slice(1)}/`),
      );
    expect(FILES.filter((file) => !covered(file))).toEqual([]);
  });

  it("ignores only TypeScript 7 and later (ncc cannot drive it), Node past the runner's 24, and this action itself", () => {
    expect(updater('npm')?.ignore).toEqual([
      { 'dependency-name': 'typescript', versions: ['>=7'] },
      { 'dependency-name': 'node', versions: ['>=25'] },
      { 'dependency-name': '@types/node', versions: ['>=25'] },
    ]);
    expect(updater('github-actions')?.ignore).toEqual([{ 'dependency-name': own.repository }]);
  });

  it('updates vitest and its coverage provider in one pull request (same dependency type, one group)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(pkg.devDependencies['vitest']).toBe(pkg.devDependencies['@vitest/coverage-v8']);
    expect(updater('npm')?.groups).toMatchObject({ 'npm-development': { 'dependency-type': 'development' } });
  });
});

describe('the upstream check (CI), against local repositories', () => {
  let base: string;
  let work: string;
  const git = (cwd: string, ...args: string[]): string => {
    const run = spawnSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@t',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@t',
      },
    });
    if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
    return run.stdout.trim();
  };
  /** A repository owner/name under base, with one commit per action.yml given, each tagged. */
  const publish = (repository: string, releases: [tag: string, actionYml: string][]): Record<string, string> => {
    const dir = join(work, repository);
    mkdirSync(dir, { recursive: true });
    git(dir, 'init', '-q');
    const commits: Record<string, string> = {};
    for (const [tag, yml] of releases) {
      writeFileSync(join(dir, 'action.yml'), yml);
      git(dir, 'add', 'action.yml');
      git(dir, 'commit', '-q', '-m', tag);
      git(dir, 'tag', '-a', tag, '-m', tag);
      commits[tag] = git(dir, 'rev-parse', 'HEAD');
    }
    git(work, 'clone', '-q', '--bare', dir, join(base, `${repository}.git`));
    git(join(base, `${repository}.git`), 'config', 'uploadpack.allowAnySHA1InWant', 'true');
    return commits;
  };
  let node: Record<string, string>;
  let composite: Record<string, string>;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'upstream-base-'));
    work = mkdtempSync(join(tmpdir(), 'upstream-work-'));
    node = publish('acme/node-action', [
      ['v1.0.0', 'runs:\n  using: node20\n  main: index.js\n'],
      ['v2.0.0', "runs:\n  using: 'node24'\n  main: index.js\n"],
    ]);
    composite = publish('acme/wrapper', [
      ['v1.0.0', `runs:\n  using: composite\n  steps:\n    - uses: acme/node-action@${node['v1.0.0']} # v1.0.0\n`],
      ['v2.0.0', `runs:\n  using: composite\n  steps:\n    - uses: acme/node-action@${node['v2.0.0']} # v2.0.0\n`],
    ]);
  });
  afterAll(() => {
    rmSync(base, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  const check = (lines: string[]): string[] => {
    const upstream = gitUpstream(`file://${base}`);
    try {
      return upstreamProblems(readPins('w.yml', lines.map((l) => `      - uses: ${l}`).join('\n')), upstream, own);
    } finally {
      upstream.close();
    }
  };

  it('passes a pin whose tag is the pinned commit of a node24 action, directly or through a composite action', () => {
    expect(
      check([`acme/node-action@${node['v2.0.0']} # v2.0.0`, `acme/wrapper@${composite['v2.0.0']} # v2.0.0`]),
    ).toEqual([]);
  });

  it('finds a comment naming another release, a tag that does not exist, and a runtime before node24', () => {
    expect(check([`acme/node-action@${node['v2.0.0']} # v1.0.0`])).toEqual([
      expect.stringContaining(`v1.0.0 of acme/node-action is ${node['v1.0.0']}`),
    ]);
    expect(check([`acme/node-action@${node['v2.0.0']} # v2.0.1`])).toEqual([
      expect.stringContaining('acme/node-action has no tag v2.0.1'),
    ]);
    expect(check([`acme/node-action@${node['v1.0.0']} # v1.0.0`])).toEqual([
      expect.stringContaining('runs on node20, not node24'),
    ]);
    expect(check([`acme/wrapper@${composite['v1.0.0']} # v1.0.0`])).toEqual([
      expect.stringMatching(/-> acme\/node-action@.*runs on node20, not node24/),
    ]);
  });
});
