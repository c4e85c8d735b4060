// The repository's own promises: action.yml, workflows and examples valid against the Actions
// schemas; action.yml, the code and the README agreeing on every input and output. Workflow
// hygiene (actionlint, zizmor's audits, pins) is in workflows.test.ts and pins.test.ts.
import { validateAction, validateWorkflow, type ValidationState } from '@action-validator/core';
import { readdirSync, readFileSync } from 'node:fs';
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

  // The same schema predates the `attestations` permission, which the runner accepts (the release
  // workflow's attest job needs it). Each file must pass once those lines, and only those, are gone.
  const withoutAttestations = (text: string): string => text.replace(/^ +attestations: (?:read|write)\b.*\n/gm, '');
  it.each(WORKFLOWS)('%s is a valid workflow', (path) => {
    expect(validateWorkflow(withoutAttestations(read(path)))).toEqual<ValidationState>({
      actionType: 'workflow',
      errors: [],
    });
  });

  it('the attestations permission is the only gap: the schema rejects it, and nothing else is removed', () => {
    const release = read('.github/workflows/release.yml');
    expect(JSON.stringify(validateWorkflow(release).errors)).toContain("Additional property 'attestations'");
    const removed = release.split('\n').filter((line) => !withoutAttestations(release).split('\n').includes(line));
    expect(removed).toEqual([
      expect.stringMatching(/^ +attestations: write/),
      expect.stringMatching(/^ +attestations: read/),
    ]);
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
    const start = readme.indexOf('### Results and exit');
    const results = readme.slice(start, readme.indexOf('\n### ', start + 1));
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
