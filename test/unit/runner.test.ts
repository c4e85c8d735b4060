// The runner facade over the public @actions/core, with real output and summary files: what a
// workflow run would read. Only process.stdout is watched.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runner } from '../../src/runner.ts';
import { parseOutputFile } from '../support/run-action.ts';
import { safe } from '../support/fixtures.ts';

let dir: string;
let written: string[];
const saved = { ...process.env };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'runner-'));
  written = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('runner', () => {
  it('reads inputs as INPUT_<NAME>, trimmed', () => {
    process.env['INPUT_ORG-ID'] = '  abc  ';
    expect(runner.getInput('org-id')).toBe('abc');
    expect(runner.getInput('absent')).toBe('');
  });

  it('masks a one-line value as it is, and a multi-line value line by line (a mask never spans lines)', () => {
    runner.setSecret(' one line ');
    runner.setSecret('first\n second \r\nthird\rfourth\n\n');
    expect(written.join('')).toBe(
      '::add-mask::one line\n::add-mask::first\n::add-mask::second\n::add-mask::third\n::add-mask::fourth\n',
    );
  });

  it('writes log lines, warnings, debug lines and the failure as workflow commands', () => {
    runner.info(safe('plain'));
    runner.warning(safe('careful'));
    runner.debug(safe('detail'));
    runner.setFailed(safe('broken'));
    expect(written.join('')).toBe('plain\n::warning::careful\n::debug::detail\n::error::broken\n');
    expect(process.exitCode).toBe(1);
  });

  it('writes every output to the output file', () => {
    const file = join(dir, 'output');
    writeFileSync(file, '');
    process.env['GITHUB_OUTPUT'] = file;
    runner.setOutputs({
      status: 'deleted',
      'auth-method': 'digest',
      'http-status': '204',
      attempts: '1',
      'error-code': '',
    });
    expect(parseOutputFile(readFileSync(file, 'utf8'))).toEqual({
      status: 'deleted',
      'auth-method': 'digest',
      'http-status': '204',
      attempts: '1',
      'error-code': '',
    });
  });

  it('appends the summary when the runner offers a file, and says when it does not', async () => {
    const file = join(dir, 'summary');
    writeFileSync(file, 'before\n');
    process.env['GITHUB_STEP_SUMMARY'] = file;
    expect(await runner.writeSummary('<p>x</p>')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('before\n<p>x</p>');
    delete process.env['GITHUB_STEP_SUMMARY'];
    expect(await runner.writeSummary('<p>y</p>')).toBe(false);
  });
});

describe('a closed stdout', () => {
  const stdoutError = (code: string): NodeJS.ErrnoException =>
    Object.assign(new Error(`write ${code}`), { code, errno: -32, syscall: 'write' });

  it('costs the log, not the run, when the reader has gone (EPIPE)', () => {
    expect(process.stdout.emit('error', stdoutError('EPIPE'))).toBe(true);
  });

  it('stays fatal for any other stdout error', () => {
    const error = stdoutError('EIO');
    expect(() => process.stdout.emit('error', error)).toThrow(error);
  });
});
