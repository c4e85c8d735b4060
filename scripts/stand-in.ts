// `npm run stand-in -- [port] [--background]` (Node 24, as every npm script here): serves the
// loopback Atlas stand-in until stopped, for `npm run local-action` and for running the action
// itself (`uses: ./`) in CI. It accepts the test key pair and the test service account from
// test/support/fixtures.ts. With --background it starts itself detached, waits until the port
// answers, and returns: the same on Linux, macOS and Windows, with no shell or curl.
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { AtlasStandIn } from '../test/support/atlas-stand-in.ts';
import { CLIENT_ID, CLIENT_SECRET, ORG_ID, PRIVATE_KEY, PUBLIC_KEY } from '../test/support/fixtures.ts';

const args = process.argv.slice(2);
const port = Number(args.find((arg) => /^\d+$/.test(arg)) ?? '8089');

function answers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

if (args.includes('--background')) {
  const log = openSync('stand-in.log', 'a');
  const child = spawn(process.execPath, [import.meta.filename, String(port)], {
    detached: true,
    stdio: ['ignore', log, log],
    windowsHide: true,
  });
  child.unref();
  for (let tries = 0; tries < 100; tries++) {
    if (await answers()) {
      console.log(`Atlas stand-in answering on http://127.0.0.1:${port} (pid ${child.pid}, log in stand-in.log)`);
      process.exit(0);
    }
    await sleep(100);
  }
  console.error(`The stand-in did not answer on port ${port} within 10 s; see stand-in.log.`);
  process.exit(1);
}

const standIn = new AtlasStandIn({
  publicKey: PUBLIC_KEY,
  privateKey: PRIVATE_KEY,
  serviceAccount: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
  organizationId: ORG_ID,
  port,
});
console.log(`Atlas stand-in listening on ${await standIn.start()}`);
const stop = (): void => {
  void standIn.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
