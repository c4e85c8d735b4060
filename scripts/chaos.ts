// `npm run chaos -- --runs N [--seed S] [--workers W] [--no-shrink]`: runs N random scenarios of the
// hostile-server suite (test/e2e/hostile-server.test.ts runs a fixed few) against the bundled
// dist/, two action processes at a time. Every failure is shrunk to a small scenario and printed
// with the invariants it broke and the seed and path that replay it:
//   npm run chaos -- --seed S --path P
// Exits 1 when any scenario broke an invariant.
import fc from 'fast-check';
import type { HostileRun, Violation } from '../test/support/hostile-invariants.ts';
import { disposeSuite, hostileProperty, InvariantViolation, prepareSuite } from '../test/support/hostile-run.ts';
import { formatScenario } from '../test/support/hostile-scenarios.ts';
import type { Scenario } from '../test/support/hostile-server.ts';

interface Options {
  runs: number;
  seed: number;
  path: string | undefined;
  workers: number;
  shrink: boolean;
}

function parseArgs(args: string[]): Options {
  const value = (name: string): string | undefined => {
    const index = args.indexOf(name);
    return index === -1 ? undefined : args[index + 1];
  };
  const integer = (name: string, fallback: number): number => {
    const text = value(name);
    if (text === undefined) return fallback;
    if (!/^-?\d+$/.test(text)) {
      console.error(`${name} takes a whole number, not ${JSON.stringify(text)}`);
      process.exit(2);
    }
    return Number(text);
  };
  return {
    runs: integer('--runs', 100),
    seed: integer('--seed', Date.now() % 2 ** 31),
    path: value('--path'),
    workers: Math.max(1, integer('--workers', 2)),
    shrink: !args.includes('--no-shrink'),
  };
}

interface Failure {
  seed: number;
  path: string;
  scenario: Scenario;
  violations: Violation[];
  message: string;
}

/** The seed of a worker's n-th property check, derived from the one seed given. */
function checkSeed(base: number, worker: number, round: number, workers: number): number {
  return (base + Math.imul(0x9e3779b1, round * workers + worker)) | 0;
}

function brief(run: HostileRun): string {
  const s = run.scenario;
  const outputs = run.run.outputs;
  const what = [
    s.auth === 'digest' ? 'digest' : 'sa',
    s.route,
    s.apiVersion,
    s.dryRun ? 'dry-run' : 'delete',
    s.envelope ? 'envelope' : '',
    `x${s.maxAttempts}`,
    s.cancel ? 'SIGINT' : '',
  ].filter(Boolean);
  return `${what.join(' ')} -> ${outputs['status'] ?? '(no status)'} ${outputs['http-status'] ?? ''} exit ${String(run.run.code)}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const suite = prepareSuite();
  const started = Date.now();
  try {
    if (options.path !== undefined) {
      process.exit((await replay(options.seed, options.path, suite)) ? 0 : 1);
    }
    console.log(
      `Hostile-server chaos: ${options.runs} runs, seed ${options.seed}, ${options.workers} workers${options.shrink ? '' : ', no shrinking'}.`,
    );
    const failures: Failure[] = [];
    let done = 0;
    const worker = async (index: number, quota: number): Promise<void> => {
      let left = quota;
      for (let round = 0; left > 0; round++) {
        const seed = checkSeed(options.seed, index, round, options.workers);
        /** Once a run fails, the invariant it violated first: what the shrunk scenario must still violate. */
        let target: string | undefined;
        let searched = 0;
        let shrinkSteps = 0;
        const property = hostileProperty(suite, {
          target: () => target,
          observe: (run, found) => {
            if (target !== undefined) {
              shrinkSteps++;
              if (found.some((v) => v.invariant === target)) {
                console.log(`        w${index} shrink step ${shrinkSteps}: still violates ${target}`);
              }
              return;
            }
            searched++;
            done++;
            const mark = found.length > 0 ? 'FAIL' : 'ok  ';
            const line = `[${String(done).padStart(4)}/${options.runs}] w${index} ${mark} ${seconds(run.run.durationMs).padStart(6)}  ${brief(run)}`;
            console.log(found.length > 0 ? `${line}\n        ${found.map((v) => v.invariant).join(', ')}` : line);
            if (found.length > 0 && options.shrink) target = found[0]?.invariant;
          },
        });
        const details = await fc.check(property, { seed, numRuns: left, endOnFailure: !options.shrink });
        left -= searched;
        if (!details.failed) continue;
        const error = details.errorInstance;
        const scenario = details.counterexample?.[0];
        if (!(error instanceof InvariantViolation) || scenario === undefined) {
          console.log(`w${index}: the property failed without an invariant violation: ${String(error)}`);
          failures.push({
            seed,
            path: details.counterexamplePath ?? '',
            scenario: scenario as Scenario,
            violations: [],
            message: String(error),
          });
          continue;
        }
        failures.push({
          seed,
          path: details.counterexamplePath ?? '',
          scenario,
          violations: error.violations,
          message: error.message,
        });
        console.log(
          `        w${index} failure shrunk in ${shrinkSteps} steps: ${error.violations.map((v) => v.invariant).join(', ')}\n` +
            `        replay: npm run chaos -- --seed ${seed} --path ${details.counterexamplePath ?? ''}`,
        );
      }
    };
    const quotas = Array.from(
      { length: options.workers },
      (_, i) => Math.floor(options.runs / options.workers) + (i < options.runs % options.workers ? 1 : 0),
    );
    await Promise.all(quotas.map((quota, index) => worker(index, quota)));
    report(failures, done, Date.now() - started);
    process.exitCode = failures.length > 0 ? 1 : 0;
  } finally {
    disposeSuite(suite);
  }
}

async function replay(seed: number, path: string, suite: ReturnType<typeof prepareSuite>): Promise<boolean> {
  console.log(`Replaying seed ${seed} path ${path}.`);
  const details = await fc.check(hostileProperty(suite), { seed, path, endOnFailure: true });
  if (!details.failed) {
    console.log('The scenario keeps every invariant.');
    return true;
  }
  const error = details.errorInstance;
  console.log(error instanceof Error ? error.message : String(error));
  return false;
}

function report(failures: Failure[], runs: number, elapsedMs: number): void {
  console.log(
    `\n${runs} runs in ${seconds(elapsedMs)}: ${failures.length} failing ${failures.length === 1 ? 'seed' : 'seeds'}.`,
  );
  if (failures.length === 0) return;
  const byInvariant = new Map<string, number>();
  for (const failure of failures) {
    for (const v of failure.violations) byInvariant.set(v.invariant, (byInvariant.get(v.invariant) ?? 0) + 1);
  }
  console.log('Invariants violated (failing seeds each):');
  for (const [invariant, count] of [...byInvariant].sort((a, b) => b[1] - a[1]))
    console.log(`  ${invariant}: ${count}`);
  // Failures that shrank to the same scenario (the salt aside) are one defect found several times.
  const distinct = new Map<string, Failure[]>();
  for (const failure of failures) {
    const key = formatScenario({ ...failure.scenario, salt: 0 });
    distinct.set(key, [...(distinct.get(key) ?? []), failure]);
  }
  console.log(`${distinct.size} distinct shrunk ${distinct.size === 1 ? 'scenario' : 'scenarios'}:`);
  [...distinct.values()].forEach((group, index) => {
    const [failure] = group as [Failure, ...Failure[]];
    const also = group.slice(1).map((f) => `${f.seed} (path ${f.path})`);
    console.log(
      `\nFailure ${index + 1}: seed ${failure.seed}, path ${failure.path}${also.length ? `; also seeds ${also.join(', ')}` : ''}`,
    );
    console.log(`  replay: npm run chaos -- --seed ${failure.seed} --path ${failure.path}`);
    for (const v of failure.violations) console.log(`  ${v.invariant}: ${v.detail}`);
    console.log(`  shrunk scenario: ${formatScenario(failure.scenario)}`);
  });
}

await main();
