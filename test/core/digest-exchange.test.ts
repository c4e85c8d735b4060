// What the API-key exchange says in the debug log at each turn: the challenge answered, a stale
// nonce renewed.
import { afterEach, describe, expect, it } from 'vitest';
import { AtlasStandIn, type Step } from '../support/atlas-stand-in.ts';
import { instantRuntime, perform, PRIVATE_KEY, PUBLIC_KEY, recordingLogger, settingsFor } from '../support/fixtures.ts';

let standIn: AtlasStandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

async function start(...steps: Step[]): Promise<string> {
  standIn = new AtlasStandIn({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY });
  const baseUrl = await standIn.start();
  standIn.script(...steps);
  return baseUrl;
}

describe('the digest exchange in the debug log', () => {
  it('names each challenge it answers, and the algorithm', async () => {
    const log = recordingLogger();
    const result = await perform(settingsFor(await start({ action: 'stale' })), log, instantRuntime());
    expect(result.status).toBe('deleted');
    expect(log.lines.filter((line) => line.startsWith('debug:'))).toEqual([
      "debug: Answering the server's Digest challenge (algorithm MD5).",
      'debug: The server marked the nonce stale: answering its new challenge (algorithm MD5).',
    ]);
  });
});
