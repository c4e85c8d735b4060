// `npm run stand-in -- [--port N] [--background | --stop]` (Node 24, as every npm script here):
// serves the loopback Atlas stand-in until stopped, for `npm run local-action`, `npm run local`
// and for running the action itself (`uses: ./`) in CI. It accepts the test key pair and the test
// service account from test/support/fixtures.ts. Without --port it picks a free port and prints
// it. With --background it starts itself detached, waits until the port answers, writes its PID
// to stand-in.pid and returns: the same on Linux, macOS and Windows, with no shell or curl.
import { spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { AtlasStandIn } from '../test/support/atlas-stand-in.ts';
import { CLIENT_ID, CLIENT_SECRET, ORG_ID, PRIVATE_KEY, PUBLIC_KEY } from '../test/support/fixtures.ts';

const PID_FILE = 'stand-in.pid';
const LOG_FILE = 'stand-in.log';
const USAGE = `Usage: npm run stand-in -- [--port N] [--background | --stop]

Serves the loopback Atlas stand-in on 127.0.0.1 until stopped (Ctrl-C).
  --port N       listen on port N (a bare number works too); without it, a free port is picked
  --background   start detached, wait until it answers, write its PID to ${PID_FILE}, return
  --stop         stop the stand-in started with --background
  --help         this text

It accepts org-id ${ORG_ID} with the test API key (public-key ${PUBLIC_KEY}, private-key
${PRIVATE_KEY}) or the test service account (client-id ${CLIENT_ID}).
Put the INPUT_BASE-URL line it prints into .env for npm run local-action or npm run local.`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let options: {
  port?: string | undefined;
  background?: boolean | undefined;
  stop?: boolean | undefined;
  help?: boolean | undefined;
};
let positionals: string[];
try {
  ({ values: options, positionals } = parseArgs({
    options: {
      port: { type: 'string' },
      background: { type: 'boolean' },
      stop: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const portText = options.port ?? positionals[0] ?? '0';
if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65_535) fail(`Not a port: '${portText}'.\n\n${USAGE}`);
const port = Number(portText);

if (options.stop) {
  if (!existsSync(PID_FILE)) fail(`No ${PID_FILE}: no stand-in was started with --background here.`);
  const pid = Number(readFileSync(PID_FILE, 'utf8').trim());
  try {
    process.kill(pid);
    console.log(`Stopped the stand-in (pid ${pid}).`);
  } catch {
    console.log(`The stand-in (pid ${pid}) had already stopped.`);
  }
  rmSync(PID_FILE, { force: true });
  process.exit(0);
}

function answers(onPort: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(onPort, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

if (options.background) {
  // The child tells its port through the log; a fixed port is also checked by connecting.
  const log = openSync(LOG_FILE, 'w');
  const child = spawn(process.execPath, [import.meta.filename, '--port', String(port)], {
    detached: true,
    stdio: ['ignore', log, log],
    windowsHide: true,
  });
  child.unref();
  for (let tries = 0; tries < 100; tries++) {
    await sleep(100);
    const started = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(readFileSync(LOG_FILE, 'utf8'));
    if (started && (await answers(Number(started[2])))) {
      writeFileSync(PID_FILE, `${child.pid}\n`);
      console.log(`Atlas stand-in answering on ${started[1]} (pid ${child.pid}, log in ${LOG_FILE}).`);
      console.log(`INPUT_BASE-URL=${started[1]}`);
      console.log('Stop it with: npm run stand-in -- --stop');
      process.exit(0);
    }
    if (child.exitCode !== null) break;
  }
  fail(`The stand-in did not start; see ${LOG_FILE}:\n${readFileSync(LOG_FILE, 'utf8').trim()}`);
}

const standIn = new AtlasStandIn({
  publicKey: PUBLIC_KEY,
  privateKey: PRIVATE_KEY,
  serviceAccount: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
  organizationId: ORG_ID,
  port,
});
let baseUrl: string;
try {
  baseUrl = await standIn.start();
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE')
    fail(`Port ${port} is taken: choose another with --port N, or leave --port out for a free one.`);
  if (code === 'EACCES') fail(`Port ${port} needs privileges: choose one above 1023, or leave --port out.`);
  throw error;
}
console.log(`Atlas stand-in listening on ${baseUrl} (Ctrl-C to stop).`);
console.log(`INPUT_BASE-URL=${baseUrl}`);
const stop = (): void => {
  void standIn.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
