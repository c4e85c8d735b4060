import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ACTION_VERSION, USER_AGENT } from '../../src/version.ts';

it('names the package version in the User-Agent', () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  expect(ACTION_VERSION).toBe(pkg.version);
  expect(USER_AGENT).toBe(`atlas-delete-link-token-action/${pkg.version}`);
});

it("runs the tests on Node 24, the runner's Node", () => {
  expect(process.version).toMatch(/^v24\./);
});
