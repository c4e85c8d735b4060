// The stand-in's own digest verifier, checked against an independent client (curl --digest):
// if curl is accepted and a wrong password is not, the verifier that judges the action is sound.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { AtlasStandIn } from '../support/atlas-stand-in.ts';
import { ORG_ID, PRIVATE_KEY, PUBLIC_KEY } from '../support/fixtures.ts';

const hasCurl = spawnSync('curl', ['--version']).status === 0;
let standIn: AtlasStandIn | undefined;
afterEach(async () => standIn?.close());

/** Asynchronous: the stand-in answers from this same process. */
async function curl(url: string, password: string): Promise<string> {
  const args = [
    '-s',
    '-o',
    '/dev/null',
    '-w',
    '%{http_code}',
    '--digest',
    '-u',
    `${PUBLIC_KEY}:${password}`,
    '-X',
    'DELETE',
    url,
  ];
  return (await promisify(execFile)('curl', args)).stdout;
}

describe.skipIf(!hasCurl)('the stand-in against curl --digest', () => {
  it.each(['MD5', 'SHA-256'])('accepts curl with the right key (%s) and rejects a wrong one', async (algorithm) => {
    standIn = new AtlasStandIn({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY, algorithm });
    const base = await standIn.start();
    const url = `${base}/api/atlas/v1.0/orgs/${ORG_ID}/liveMigrations/linkTokens?pretty=true`;
    expect(await curl(url, PRIVATE_KEY)).toBe('204');
    expect(await curl(url, 'wrong')).toBe('401');
    expect(standIn.requests.map((r) => [r.answer, r.rejection])).toEqual([
      ['401', 'no Authorization header'],
      ['204', undefined],
      ['401', 'no Authorization header'],
      ['401', 'wrong response (credentials)'],
    ]);
  });
});

it('refuses a replayed nonce count', async () => {
  standIn = new AtlasStandIn({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY });
  const base = await standIn.start();
  const url = `${base}/api/atlas/v1.0/orgs/${ORG_ID}/liveMigrations/linkTokens`;
  const challenge = await fetch(url, { method: 'DELETE' });
  const { DigestSigner } = await import('../../src/auth/digest-protocol.ts');
  const auth = new DigestSigner(PUBLIC_KEY, PRIVATE_KEY);
  auth.adopt(challenge.headers.get('www-authenticate') ?? '');
  const header = auth.authorization('DELETE', url);
  expect((await fetch(url, { method: 'DELETE', headers: { Authorization: header } })).status).toBe(204);
  expect((await fetch(url, { method: 'DELETE', headers: { Authorization: header } })).status).toBe(401);
  expect(standIn.requests[2]?.rejection).toMatch(/nonce count 1 not above 1/);
});
