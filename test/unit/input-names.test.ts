// The names of the runner's INPUT_* variables: an input the action does not have, or one under a
// spelling it does not read, is refused with the nearest real input rather than silently ignored.
import { describe, expect, it } from 'vitest';
import { checkInputNames, INPUT_NAMES, InputError } from '../../src/inputs.ts';

/** The error checkInputNames throws for these variables (fails the test when none is thrown). */
function rejection(variables: readonly string[]): InputError {
  try {
    checkInputNames(variables);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error(`accepted ${JSON.stringify(variables)}`);
}

const LISTED = 'its inputs are listed in action.yml and the README';

describe('checkInputNames', () => {
  it('accepts every input of the action as the runner writes it, and any other variable', () => {
    const variables = INPUT_NAMES.map((name) => `INPUT_${name.toUpperCase()}`);
    expect(variables).toContain('INPUT_DRY-RUN');
    expect(() => checkInputNames([...variables, 'PATH', 'HOME', 'GITHUB_ACTION', 'RUNNER_INPUT_X'])).not.toThrow();
    expect(() => checkInputNames([])).not.toThrow();
  });

  it.each([
    ['INPUT_Dry-Run', 'dry-run', 'INPUT_DRY-RUN'],
    ['INPUT_dry-run', 'dry-run', 'INPUT_DRY-RUN'],
    ['input_ORG-ID', 'org-id', 'INPUT_ORG-ID'],
    ['Input_Max-Attempts', 'max-attempts', 'INPUT_MAX-ATTEMPTS'],
  ])('refuses %s, which the action would not read, naming the spelling it reads', (variable, input, expected) => {
    const error = rejection([variable]);
    expect(error.input).toBe(input);
    expect(error.message).toBe(
      `Invalid input '${input}': it is given as ${variable}, which is not read: name it ${expected}`,
    );
  });

  it('quotes a wrongly spelled variable as one printable line', () => {
    expect(rejection(['input_pretty']).message).toBe(
      "Invalid input 'pretty': it is given as input_pretty, which is not read: name it INPUT_PRETTY",
    );
  });

  it('stops at the first variable that is wrong, after the ones that are right', () => {
    expect(rejection(['INPUT_ORG-ID', 'PATH', 'INPUT_COLOUR', 'INPUT_DRY_RUN']).input).toBe('colour');
  });

  it.each([
    ['INPUT_DRY_RUN', 'dry_run', 'dry-run'],
    ['INPUT_dry run', 'dry run', 'dry-run'],
    ['INPUT_FAIL_ON_NOT_FOUND', 'fail_on_not_found', 'fail-on-not-found'],
    ['INPUT_CLIENTID', 'clientid', 'client-id'],
    ['INPUT_ORG_ID', 'org_id', 'org-id'],
    ['INPUT_FAIL-ON-NOTFOUND', 'fail-on-notfound', 'fail-on-not-found'],
    ['INPUT_PRIVAT-KEY', 'privat-key', 'private-key'],
    ['INPUT_PUBLIK-KEY', 'publik-key', 'public-key'],
    ['INPUT_ENVELOP', 'envelop', 'envelope'],
    ['INPUT_PRETY', 'prety', 'pretty'],
    ['INPUT_DRYRUNX', 'dryrunx', 'dry-run'],
    ['INPUT_XDRYRUN', 'xdryrun', 'dry-run'],
    ['INPUT_CLIENT-IDS', 'client-ids', 'client-id'],
  ])('refuses %s, an input the action does not have, suggesting the nearest one', (variable, name, nearest) => {
    const error = rejection([variable]);
    expect(error.input).toBe(name);
    expect(error.message).toBe(
      `Invalid input '${name}': it is not an input of this action; did you mean '${nearest}'?`,
    );
  });

  it.each([
    // Three edits away: still suggested.
    ['INPUT_PRIVKEY', 'privkey', "did you mean 'private-key'?"],
    ['INPUT_PRY', 'pry', "did you mean 'pretty'?"],
    ['INPUT_BASE', 'base', "did you mean 'base-url'?"],
    ['INPUT_PRETTY-RUN', 'pretty-run', "did you mean 'pretty'?"],
    ['INPUT_PRIVATE-ID', 'private-id', "did you mean 'private-key'?"],
    ['INPUT_CLIENT-KEY', 'client-key', "did you mean 'client-id'?"],
    // Four or more: none is.
    ['INPUT_KEY', 'key', LISTED],
    ['INPUT_COLOUR', 'colour', LISTED],
    ['INPUT_SECRET', 'secret', LISTED],
    ['INPUT_API-KEY', 'api-key', LISTED],
    ['INPUT_', '', LISTED],
  ])('suggests an input only within three edits: %s', (variable, name, advice) => {
    expect(rejection([variable]).message).toBe(`Invalid input '${name}': it is not an input of this action; ${advice}`);
  });

  it('suggests the closest input, and of two as close the first listed', () => {
    // org-id is 3 edits from "orgrun", dry-run 2: the later, closer one wins.
    expect(rejection(['INPUT_ORG-RUN']).message).toBe(
      "Invalid input 'org-run': it is not an input of this action; did you mean 'dry-run'?",
    );
    // "dryd" is 3 edits from both org-id and dry-run: org-id comes first.
    expect(rejection(['INPUT_DRYD']).message).toBe(
      "Invalid input 'dryd': it is not an input of this action; did you mean 'org-id'?",
    );
  });

  it('counts a letter outside ASCII as one edit, whatever its upper case', () => {
    // ß upper-cases to SS: compared in lower case, "prettyßßß" is three edits from pretty.
    expect(rejection(['INPUT_PRETTYßßß']).message).toBe(
      "Invalid input 'pretty???': it is not an input of this action; did you mean 'pretty'?", // quoted as ASCII
    );
    expect(rejection(['INPUT_PRETTYßßßß']).message).toBe(
      `Invalid input 'pretty????': it is not an input of this action; ${LISTED}`,
    );
  });

  it('quotes an unknown name as one short printable line', () => {
    expect(rejection([`INPUT_${'X'.repeat(41)}`]).message).toBe(
      `Invalid input '${'x'.repeat(40)}…': it is not an input of this action; ${LISTED}`,
    );
    expect(rejection(['INPUT_A\nB']).message).toBe(`Invalid input 'a?b': it is not an input of this action; ${LISTED}`);
  });
});
