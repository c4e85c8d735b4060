// Pinned actions, read as text so that each pin's version comment is kept.
//
// Offline (npm test, through pins.test.ts): every `uses:` is judged by its form — a full commit SHA
// with a `# vX.Y.Z` comment, a release line known to run on node24, one SHA per version — never by
// exact values, so that a Dependabot pull request passes without a human editing a test.
//
// Online (CI's `pins` job: `node test/ecosystem/pins.ts --upstream`): each upstream repository is
// asked whether the tag in the comment is the pinned commit, and what runtime the action declares
// at that commit. Dependency-free on purpose: the job needs only git and Node.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/**
 * The first major version of each action whose releases run on node24, read in each upstream
 * repository's history (`runs.using` of the first release of that line; for composite actions, of
 * the actions they call). A new action needs its line here, after the same check.
 */
export const NODE24_SINCE: Readonly<Record<string, number>> = {
  'actions/checkout': 5, // v5.0.0 is node24, v4.3.0 node20
  'actions/setup-node': 5, // v5.0.0
  'actions/upload-artifact': 6, // v6.0.0; v5.0.0 is node20
  'actions/attest-build-provenance': 3, // composite: v3.0.0 calls actions/attest v3.0.0, node24
  'github/codeql-action': 4, // v4.30.7, the first v4, is node24; the v3 line is node20
};

export interface Pin {
  file: string;
  line: number;
  /** What follows `uses:`, e.g. `actions/checkout@3d3c…` or `./`. */
  uses: string;
  /** `owner/name`, or undefined for local (`./…`) and `docker://` references. */
  repository: string | undefined;
  /** The path inside the repository (`init` for `github/codeql-action/init`), or ''. */
  path: string;
  ref: string;
  /** The version named in the comment after the pin (`v7.0.1`), if any. */
  version: string | undefined;
}

const USES = /^\s*(?:-\s+)?uses:\s*['"]?([^\s'"#]+)['"]?\s*(?:#\s*(\S+))?.*$/;

/** Every `uses:` line of a YAML text (a workflow, an example, an action.yml, a README snippet). */
export function readPins(file: string, text: string): Pin[] {
  const pins: Pin[] = [];
  text.split('\n').forEach((content, index) => {
    const match = USES.exec(content);
    if (!match) return;
    const uses = match[1] as string;
    const at = uses.lastIndexOf('@');
    const target = at < 0 ? uses : uses.slice(0, at);
    const local = uses.startsWith('./') || uses.startsWith('docker://');
    const [owner, name, ...rest] = target.split('/');
    pins.push({
      file,
      line: index + 1,
      uses,
      repository: local || !owner || !name ? undefined : `${owner}/${name}`,
      path: local ? '' : rest.join('/'),
      ref: at < 0 ? '' : uses.slice(at + 1),
      version: match[2],
    });
  });
  return pins;
}

/** The files whose pins the project keeps: its workflows and its examples. */
export function pinnedFiles(root = ROOT): string[] {
  const yaml = (dir: string): string[] =>
    readdirSync(join(root, dir))
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => `${dir}/${name}`);
  return [...yaml('.github/workflows'), ...yaml('examples')];
}

export interface PinProblem {
  /** zizmor's name for the audit the problem falls under; `node24` is this project's own rule. */
  audit: 'unpinned-uses' | 'ref-version-mismatch' | 'node24';
  message: string;
}

export interface OwnAction {
  /** `owner/name` of this action, from package.json's repository. */
  repository: string;
  /** The major version users follow, from package.json's version: `v1`. */
  major: string;
}

/** Where a user's workflow may name this action by its moving major tag (`@v1`) instead of a SHA. */
export function majorTagAllowed(file: string): boolean {
  return file.startsWith('examples/') || /\.md(#\d+)?$/.test(file);
}

/**
 * What is wrong with these pins, judged by form only: each third-party action is pinned to a full
 * commit SHA with its release in a comment (`# vX.Y.Z`), on a release line that runs on node24,
 * and one release is one SHA everywhere. Local actions (`./`) are the repository itself. This
 * action, in examples and the README, may be named by its major tag: the one deliberate exception.
 */
export function pinProblems(pins: readonly Pin[], own: OwnAction): PinProblem[] {
  const problems: PinProblem[] = [];
  const push = (audit: PinProblem['audit'], message: string) => problems.push({ audit, message });
  const shas = new Map<string, Set<string>>();
  const versions = new Map<string, Set<string>>();
  for (const pin of pins) {
    const where = `${pin.file}:${pin.line}: ${pin.uses}`;
    if (pin.uses.startsWith('./')) continue;
    if (!pin.repository) {
      push('unpinned-uses', `${where}: not a repository action (docker:// images are not pinned here)`);
      continue;
    }
    if (pin.repository === own.repository && majorTagAllowed(pin.file)) {
      // The moving major tag, or in prose a placeholder for the SHA the reader fills in.
      if (pin.ref === own.major || (/\.md(#\d+)?$/.test(pin.file) && pin.ref.startsWith('<'))) continue;
    }
    if (!/^[0-9a-f]{40}$/.test(pin.ref)) {
      push('unpinned-uses', `${where}: pin to a full 40-character commit SHA`);
      continue;
    }
    if (!pin.version || !/^v\d+\.\d+\.\d+$/.test(pin.version)) {
      push('ref-version-mismatch', `${where}: name the release in a comment, as '# vX.Y.Z'`);
      continue;
    }
    if (pin.repository !== own.repository) {
      const since = NODE24_SINCE[pin.repository];
      const major = Number(/^v(\d+)/.exec(pin.version)?.[1]);
      if (since === undefined) {
        push('node24', `${where}: unknown action; check which major runs on node24 and add it to NODE24_SINCE`);
      } else if (major < since) {
        push('node24', `${where}: ${pin.version} predates node24 (${pin.repository} runs on node24 from v${since})`);
      }
    }
    const release = `${pin.repository}@${pin.version}`;
    const commit = `${pin.repository}@${pin.ref}`;
    shas.set(release, (shas.get(release) ?? new Set()).add(pin.ref));
    versions.set(commit, (versions.get(commit) ?? new Set()).add(pin.version));
  }
  for (const [release, set] of shas) {
    if (set.size > 1) push('ref-version-mismatch', `${release} is pinned to ${set.size} SHAs: ${[...set].join(', ')}`);
  }
  for (const [commit, set] of versions) {
    if (set.size > 1)
      push('ref-version-mismatch', `${commit} is labelled ${set.size} versions: ${[...set].join(', ')}`);
  }
  return problems;
}

/** Reads git objects of an upstream repository. */
export interface Upstream {
  /** The commit the tag names (peeled), or undefined when there is no such tag. */
  tagCommit(repository: string, tag: string): string | undefined;
  /** A file's text at a commit, or undefined when there is none. */
  fileAt(repository: string, commit: string, path: string): string | undefined;
}

/** git over the network (or any URL git reads: `file://` in the tests); one scratch repository per upstream. */
export function gitUpstream(baseUrl = 'https://github.com'): Upstream & { close(): void } {
  const dirs = new Map<string, string>();
  const git = (dir: string, ...args: string[]) =>
    spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  const repo = (repository: string): string => {
    let dir = dirs.get(repository);
    if (!dir) {
      dir = mkdtempSync(join(tmpdir(), 'upstream-'));
      spawnSync('git', ['init', '-q', '--bare', dir]);
      git(dir, 'remote', 'add', 'origin', `${baseUrl}/${repository}.git`);
      dirs.set(repository, dir);
    }
    return dir;
  };
  return {
    tagCommit(repository, tag) {
      const dir = repo(repository);
      const ref = `refs/tags/${tag}`;
      // Only trees and commits come over; blobs are fetched when read (a partial clone).
      git(dir, 'fetch', '-q', '--depth=1', '--filter=blob:none', 'origin', `+${ref}:${ref}`);
      const peeled = git(dir, 'rev-parse', '-q', '--verify', `${ref}^{commit}`);
      return peeled.status === 0 ? peeled.stdout.trim() : undefined;
    },
    fileAt(repository, commit, path) {
      const dir = repo(repository);
      if (git(dir, 'cat-file', '-e', `${commit}^{commit}`).status !== 0) {
        git(dir, 'fetch', '-q', '--depth=1', '--filter=blob:none', 'origin', commit);
      }
      const shown = git(dir, 'show', `${commit}:${path}`);
      return shown.status === 0 ? shown.stdout : undefined;
    },
    close() {
      for (const dir of dirs.values()) rmSync(dir, { recursive: true, force: true });
    },
  };
}

const RUNTIME = /^\s*using:\s*['"]?([\w-]+)['"]?\s*$/m;

/**
 * What the upstream repositories say against these pins: the tag in each comment must name the
 * pinned commit (zizmor's ref-version-mismatch and impostor-commit, and stale-action-refs: the SHA
 * is a release's), and the action at that commit must run on node24 — a composite action's own
 * actions too.
 */
export function upstreamProblems(pins: readonly Pin[], upstream: Upstream, own: OwnAction): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const checkRuntime = (repository: string, commit: string, path: string, where: string, depth: number): void => {
    const key = `${repository}@${commit}/${path}`;
    if (seen.has(key)) return;
    seen.add(key);
    const dir = path ? `${path}/` : '';
    const text =
      upstream.fileAt(repository, commit, `${dir}action.yml`) ??
      upstream.fileAt(repository, commit, `${dir}action.yaml`);
    if (text === undefined) {
      problems.push(`${where}: no action.yml at ${repository}@${commit}${path ? ` in ${path}/` : ''}`);
      return;
    }
    const using = RUNTIME.exec(text)?.[1];
    if (using === 'composite' && depth < 3) {
      for (const inner of readPins(`${repository}/${dir}action.yml`, text)) {
        if (!inner.repository || !/^[0-9a-f]{40}$/.test(inner.ref)) {
          if (!inner.uses.startsWith('./')) problems.push(`${where}: calls ${inner.uses}, not pinned to a SHA`);
          continue;
        }
        checkRuntime(inner.repository, inner.ref, inner.path, `${where} -> ${inner.uses}`, depth + 1);
      }
    } else if (using !== 'node24') {
      problems.push(`${where}: runs on ${using ?? 'an unknown runtime'}, not node24`);
    }
  };
  for (const pin of pins) {
    if (!pin.repository || pin.repository === own.repository || !/^[0-9a-f]{40}$/.test(pin.ref)) continue;
    const where = `${pin.file}:${pin.line}: ${pin.uses}`;
    if (pin.version) {
      const commit = upstream.tagCommit(pin.repository, pin.version);
      if (commit === undefined) problems.push(`${where}: ${pin.repository} has no tag ${pin.version}`);
      else if (commit !== pin.ref) problems.push(`${where}: ${pin.version} of ${pin.repository} is ${commit}`);
    }
    checkRuntime(pin.repository, pin.ref, pin.path, where, 0);
  }
  return problems;
}

/** This action's repository and major version, from package.json. */
export function ownAction(root = ROOT): OwnAction {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
    repository?: { url?: string } | string;
  };
  const url = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url ?? '');
  const repository = /github\.com[/:]([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(url)?.[1] ?? '';
  return { repository, major: `v${pkg.version.split('.')[0]}` };
}

if (import.meta.main) {
  const own = ownAction();
  const pins = pinnedFiles().flatMap((file) => readPins(file, readFileSync(join(ROOT, file), 'utf8')));
  const offline = pinProblems(pins, own);
  let online: string[] = [];
  if (process.argv.includes('--upstream')) {
    const upstream = gitUpstream();
    try {
      online = upstreamProblems(pins, upstream, own);
    } finally {
      upstream.close();
    }
  }
  const checked = new Set(pins.filter((pin) => pin.repository && pin.repository !== own.repository).map((p) => p.uses));
  for (const problem of [...offline.map((p) => p.message), ...online]) console.error(`::error::${problem}`);
  console.log(`${checked.size} pinned action references checked${online.length + offline.length ? '' : ': all good'}.`);
  process.exitCode = offline.length + online.length > 0 ? 1 : 0;
}
