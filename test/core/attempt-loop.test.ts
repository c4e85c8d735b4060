// The attempt loop (attempts.ts) driven directly, with a session as the action opens one, against
// the loopback stand-in or a raw TCP server when the exact bytes matter: the phase an attempt ends
// in, which requests count as sent, the one resend after a stale kept-alive connection, the
// deprecation warning, the fate of a DELETE across attempts and a cancellation during the back-off.
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readNetworkEnvironment } from '../../src/atlas/network-env.ts';
import { TEMPORARY_HINT, TIMEOUT_HINT } from '../../src/atlas/hints.ts';
import { type AtlasCall, attemptUntilFinal } from '../../src/attempts.ts';
import type { Settings } from '../../src/inputs.ts';
import { closeSession, openSession, type Runtime, type Session } from '../../src/session.ts';
import { ATLAS_ERRORS, AtlasStandIn, REALM, type StandInOptions } from '../support/atlas-stand-in.ts';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  instantRuntime,
  ORG_ID,
  PRIVATE_KEY,
  PUBLIC_KEY,
  recordingLogger,
  type RecordingLogger,
  SERVICE_ACCOUNT,
  settingsFor,
} from '../support/fixtures.ts';

const LINK_TOKENS = `/api/atlas/v1.0/orgs/${ORG_ID}/liveMigrations/linkTokens`;
const ORGANIZATION = `/api/atlas/v1.0/orgs/${ORG_ID}`;
const FRESH_CONNECTION = 'debug: The kept-alive connection was closed by the server: sending again on a fresh one.';
const ANSWERING_CHALLENGE = "debug: Answering the server's Digest challenge (algorithm MD5).";
const LINK = '<https://www.mongodb.com/docs/atlas/api/>; rel="deprecation"';
const SET_V2 = 'Set api-version: v2 to move to the current Atlas Administration API.';

const deleteCall = (baseUrl: string): AtlasCall => ({
  method: 'DELETE',
  url: new URL(LINK_TOKENS, baseUrl),
  success: 204,
});
const organizationCall = (baseUrl: string): AtlasCall => ({
  method: 'GET',
  url: new URL(ORGANIZATION, baseUrl),
  success: 200,
});

const sessions: Session[] = [];
const standIns: AtlasStandIn[] = [];
const rawServers: { server: Server; sockets: Set<Socket> }[] = [];

afterEach(async () => {
  for (const session of sessions.splice(0)) await closeSession(session);
  for (const server of standIns.splice(0)) await server.close();
  for (const { server, sockets } of rawServers.splice(0)) {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function standIn(options: Partial<StandInOptions> = {}): Promise<[AtlasStandIn, string]> {
  const server = new AtlasStandIn({
    publicKey: PUBLIC_KEY,
    privateKey: PRIVATE_KEY,
    serviceAccount: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    ...options,
  });
  standIns.push(server);
  return [server, await server.start()];
}

/** A TCP server on loopback that hands each connection to `onConnection`; resolves to its base URL. */
async function rawServer(onConnection: (socket: Socket, server: Server) => void): Promise<string> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onConnection(socket, server);
  });
  rawServers.push({ server, sockets });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return `http://127.0.0.1:${port}`;
}

/** Calls `then` once the whole head of the first request on `socket` has arrived. */
function onRequestHead(socket: Socket, then: () => void): void {
  let received = '';
  const onData = (chunk: Buffer): void => {
    received += chunk.toString('latin1');
    if (!received.includes('\r\n\r\n')) return;
    socket.off('data', onData);
    then();
  };
  socket.on('data', onData);
}

/** A port on loopback where nothing listens. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function open(
  settings: Settings,
  log: RecordingLogger = recordingLogger(),
  runtime: Runtime = instantRuntime(),
): Session {
  const session = openSession(settings, readNetworkEnvironment({}), log, runtime);
  sessions.push(session);
  return session;
}

/** Waits (without any deadline of its own) until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** A runtime whose first back-off wait is where the job gets cancelled. */
function cancelledAtFirstWait(): Runtime & { sleeps: number[] } {
  const controller = new AbortController();
  const runtime = instantRuntime(controller.signal);
  runtime.sleep = (ms) => {
    runtime.sleeps.push(ms);
    controller.abort();
    return Promise.resolve();
  };
  return runtime;
}

/** The outcome of an attempt ended by the job's cancellation: final, with what was known by then. */
const cancelledOutcome = (
  description: string,
  phase: string,
  facts: { fateUnknown: boolean; httpStatus?: number; errorCode?: string },
) => ({
  kind: 'error',
  failure: { kind: 'final' },
  description,
  cause: { kind: 'cancelled' },
  cancelled: true,
  phase,
  ...facts,
});

/** The outcome of an attempt that ran out of its 200 ms. */
const timedOutOutcome = (phase: string, facts: { fateUnknown: boolean }) => ({
  kind: 'error',
  failure: { kind: 'timeout' },
  description: 'timed out after 200 ms',
  hint: TIMEOUT_HINT,
  cause: { kind: 'timeout' },
  cancelled: false,
  phase,
  ...facts,
});

const warnings = (log: RecordingLogger): string[] => log.lines.filter((entry) => entry.startsWith('warning: '));

describe('the phase an attempt ends in', () => {
  it('names the token request when a service account is cancelled while its token request is out', async () => {
    const controller = new AbortController();
    const baseUrl = await rawServer((socket) => onRequestHead(socket, () => controller.abort()));
    const session = open(
      settingsFor(baseUrl, { credentials: SERVICE_ACCOUNT }),
      recordingLogger(),
      instantRuntime(controller.signal),
    );

    const report = await attemptUntilFinal(deleteCall(baseUrl), session);

    expect(report.final).toStrictEqual(
      cancelledOutcome('cancelled during the token request', 'token request', { fateUnknown: false }),
    );
    expect(report).toMatchObject({ attempts: 1, fateUnknown: false, deleteSent: false });
    expect(session.progress.requestsSent).toEqual([]);
  });

  it('names the token request when a service account times out waiting for its token', async () => {
    const baseUrl = await rawServer(() => undefined);
    const session = open(settingsFor(baseUrl, { credentials: SERVICE_ACCOUNT, timeoutMs: 200, maxAttempts: 1 }));

    const report = await attemptUntilFinal(deleteCall(baseUrl), session);

    expect(report.final).toStrictEqual(timedOutOutcome('token request', { fateUnknown: false }));
    expect(report).toMatchObject({ attempts: 1, fateUnknown: false, deleteSent: false });
  });

  it('names the request when a service account has its token and the DELETE times out', async () => {
    const [server, baseUrl] = await standIn();
    server.script({ action: 'hang' });
    const session = open(settingsFor(baseUrl, { credentials: SERVICE_ACCOUNT, timeoutMs: 200, maxAttempts: 1 }));
    const call = deleteCall(baseUrl);

    const report = await attemptUntilFinal(call, session);

    expect(report.final).toStrictEqual(timedOutOutcome('request', { fateUnknown: true }));
    expect(report).toMatchObject({ attempts: 1, fateUnknown: true, deleteSent: true });
    expect(session.progress).toMatchObject({
      deleteInFlight: false,
      fateUnknown: true,
      requestsSent: [`DELETE ${call.url.href}`],
    });
  });

  it('ends at once on a cancellation during the DELETE, with attempts left, its fate unknown', async () => {
    const [server, baseUrl] = await standIn();
    server.script({ action: 'hang' });
    const controller = new AbortController();
    const runtime = instantRuntime(controller.signal);
    const session = open(settingsFor(baseUrl, { maxAttempts: 5 }), recordingLogger(), runtime);

    const pending = attemptUntilFinal(deleteCall(baseUrl), session);
    await until(() => server.requests.length === 2); // the challenge, then the signed DELETE
    controller.abort();
    const report = await pending;

    expect(report.final).toStrictEqual(
      cancelledOutcome('cancelled during the request', 'request', { fateUnknown: true }),
    );
    expect(report).toMatchObject({ attempts: 1, fateUnknown: true, deleteSent: true });
    expect(runtime.sleeps).toEqual([]);
    expect(session.progress.deleteInFlight).toBe(false);
    expect(server.requests.map((request) => request.answer)).toEqual(['401', 'hang']);
  });
});

describe('the requests noted as sent', () => {
  it('leaves out a request whose connection was refused', async () => {
    const port = await closedPort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const session = open(settingsFor(baseUrl, { maxAttempts: 1 }));

    const report = await attemptUntilFinal(deleteCall(baseUrl), session);

    expect(report.final).toStrictEqual({
      kind: 'error',
      failure: { kind: 'network', code: 'ECONNREFUSED' },
      description: `network error: connect ECONNREFUSED 127.0.0.1:${port}`,
      hint: TEMPORARY_HINT,
      cause: { kind: 'network' },
      cancelled: false,
      fateUnknown: false,
      phase: 'request',
    });
    expect(session.progress.requestsSent).toEqual([]);
  });

  it('notes a request that was written and then cut off without an answer', async () => {
    const [server, baseUrl] = await standIn();
    server.scriptUnauthenticated({ action: 'reset' });
    const session = open(settingsFor(baseUrl, { maxAttempts: 1 }));
    const call = deleteCall(baseUrl);

    const report = await attemptUntilFinal(call, session);

    expect(report.final).toMatchObject({ kind: 'error', failure: { kind: 'network' }, fateUnknown: false });
    expect(report).toMatchObject({ attempts: 1, fateUnknown: false, deleteSent: false });
    expect(session.progress.requestsSent).toEqual([`DELETE ${call.url.href}`]);
  });

  it('keeps the fate of a signed DELETE known when its connection was refused', async () => {
    // The challenge comes on a connection the server closes, and then it stops listening.
    const challenge = `Digest realm="${REALM}", domain="", nonce="bm9uY2Utb25l", algorithm=MD5, qop="auth", stale=false`;
    const baseUrl = await rawServer((socket, server) =>
      onRequestHead(socket, () => {
        server.close();
        socket.end(
          `HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: ${challenge}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
        );
      }),
    );
    const session = open(settingsFor(baseUrl, { maxAttempts: 1 }));
    const call = deleteCall(baseUrl);

    const report = await attemptUntilFinal(call, session);

    expect(report.final).toMatchObject({
      kind: 'error',
      failure: { kind: 'network', code: 'ECONNREFUSED' },
      fateUnknown: false,
    });
    expect(report).toMatchObject({ attempts: 1, fateUnknown: false, deleteSent: true });
    expect(session.progress).toMatchObject({ fateUnknown: false, requestsSent: [`DELETE ${call.url.href}`] });
  });
});

describe('a kept-alive connection the server had closed', () => {
  it('sends the DELETE again on a fresh connection, once, and its fate becomes unknown', async () => {
    const [server, baseUrl] = await standIn();
    server.script({ action: 'reset' });
    const log = recordingLogger();
    const session = open(settingsFor(baseUrl, { maxAttempts: 1 }), log);

    const report = await attemptUntilFinal(deleteCall(baseUrl), session);

    expect(report.final).toMatchObject({ kind: 'answer', answer: { status: 204 }, fateUnknown: true });
    expect(report).toMatchObject({ attempts: 1, fateUnknown: true, deleteSent: true });
    expect(server.requests.map((request) => request.answer)).toEqual(['401', 'reset', '204']);
    expect(server.connections).toBe(2);
    expect(log.lines).toEqual([ANSWERING_CHALLENGE, FRESH_CONNECTION]);
  });

  it('does not send again after a second such reset within the attempt', async () => {
    const [server, baseUrl] = await standIn();
    // The fresh connection is kept alive too: a stale-nonce 401 on it, then a reset of it.
    server.script({ action: 'reset' }, { action: 'stale' }, { action: 'reset' });
    const log = recordingLogger();
    const session = open(settingsFor(baseUrl, { maxAttempts: 1 }), log);

    const report = await attemptUntilFinal(deleteCall(baseUrl), session);

    expect(report.final).toMatchObject({
      kind: 'error',
      failure: { kind: 'network', code: 'ECONNRESET' },
      cause: { kind: 'network' },
      fateUnknown: true,
      phase: 'request',
    });
    expect(report).toMatchObject({ attempts: 1, fateUnknown: true, deleteSent: true });
    expect(server.requests.map((request) => request.answer)).toEqual(['401', 'reset', 'stale', 'reset']);
    expect(server.connections).toBe(2);
    expect(log.lines.filter((entry) => entry === FRESH_CONNECTION)).toHaveLength(1);
  });

  it('sends a GET again on a fresh connection and leaves the fate known', async () => {
    const [server, baseUrl] = await standIn();
    server.script({ action: 'reset' });
    const log = recordingLogger();
    const session = open(settingsFor(baseUrl, { maxAttempts: 1 }), log);

    const report = await attemptUntilFinal(organizationCall(baseUrl), session);

    expect(report.final).toMatchObject({ kind: 'answer', answer: { status: 200 }, fateUnknown: false });
    expect(report).toMatchObject({ attempts: 1, fateUnknown: false, deleteSent: false });
    expect(session.progress.fateUnknown).toBe(false);
    expect(server.requests.map((request) => request.answer)).toEqual(['401', 'reset', '200']);
    expect(log.lines).toEqual([ANSWERING_CHALLENGE, FRESH_CONNECTION]);
  });
});

describe('the deprecation warning', () => {
  it('is given once in a run whose answers all carry Deprecation and Sunset', async () => {
    const [server, baseUrl] = await standIn({
      deprecation: {
        version: 'v1.0',
        deprecation: 'Mon, 5 Aug 2024 00:00:00 GMT',
        sunset: 'Wed, 1 Jul 2099 00:00:00 GMT',
      },
    });
    const log = recordingLogger();
    const session = open(settingsFor(baseUrl), log);
    const organization = organizationCall(baseUrl);

    await attemptUntilFinal(organization, session);
    await attemptUntilFinal(deleteCall(baseUrl), session);

    expect(server.requests.map((request) => request.answer)).toEqual(['401', '200', '204']);
    expect(warnings(log)).toEqual([
      `warning: Atlas marks this API as deprecated since 2024-08-05; it will be removed on 2099-07-01 (GET ${organization.url.href}). ${SET_V2} The step's result is not affected.`,
    ]);
    expect(session.progress.deprecationWarned).toBe(true);
  });

  it('is given for a Deprecation header alone', async () => {
    const [, baseUrl] = await standIn({ deprecation: { version: 'v1.0', deprecation: '@1722816000' } });
    const log = recordingLogger();
    const session = open(settingsFor(baseUrl), log);
    const call = deleteCall(baseUrl);

    await attemptUntilFinal(call, session);

    expect(warnings(log)).toEqual([
      `warning: Atlas marks this API as deprecated since 2024-08-05 (DELETE ${call.url.href}). ${SET_V2} The step's result is not affected.`,
    ]);
  });

  it('is given for a Sunset header alone', async () => {
    const [, baseUrl] = await standIn({ deprecation: { version: 'v1.0', sunset: 'Wed, 1 Jul 2099 00:00:00 GMT' } });
    const log = recordingLogger();
    const session = open(settingsFor(baseUrl), log);
    const call = deleteCall(baseUrl);

    await attemptUntilFinal(call, session);

    expect(warnings(log)).toEqual([
      `warning: Atlas says of this API: it will be removed on 2099-07-01 (DELETE ${call.url.href}). ${SET_V2} The step's result is not affected.`,
    ]);
  });

  it('is not given for answers with other headers only (a deprecation Link, rate limits)', async () => {
    const [server, baseUrl] = await standIn({
      deprecation: { version: 'v1.0', link: LINK },
    });
    const log = recordingLogger();
    const session = open(settingsFor(baseUrl), log);

    const report = await attemptUntilFinal(deleteCall(baseUrl), session);

    expect(report.final).toMatchObject({
      kind: 'answer',
      answer: { status: 204, headers: { link: LINK, 'ratelimit-limit': '500' } },
    });
    expect(server.requests.map((request) => request.answer)).toEqual(['401', '204']);
    expect(warnings(log)).toEqual([]);
    expect(session.progress.deprecationWarned).toBe(false);
  });
});

describe('the fate of a DELETE across attempts', () => {
  it('becomes unknown on an answer of 500, and a later success does not clear it', async () => {
    const [server, baseUrl] = await standIn();
    server.script({ status: 500, body: ATLAS_ERRORS.serverError() });
    const session = open(settingsFor(baseUrl));

    const report = await attemptUntilFinal(deleteCall(baseUrl), session);

    expect(report.attemptLog.map((record) => record.outcome)).toEqual(['HTTP 500 UNEXPECTED_ERROR', 'HTTP 204']);
    expect(report.final).toMatchObject({ kind: 'answer', answer: { status: 204 }, fateUnknown: false });
    expect(report).toMatchObject({ attempts: 2, fateUnknown: true, deleteSent: true });
    expect(session.progress).toMatchObject({ fateUnknown: true, deleteInFlight: false });
  });

  it('is unknown after a DELETE answered 500 on its only attempt', async () => {
    const [server, baseUrl] = await standIn();
    server.script({ status: 500, body: ATLAS_ERRORS.serverError() });
    const session = open(settingsFor(baseUrl, { maxAttempts: 1 }));

    const report = await attemptUntilFinal(deleteCall(baseUrl), session);

    expect(report.final).toMatchObject({ kind: 'answer', answer: { status: 500 }, fateUnknown: true });
    expect(report).toMatchObject({ attempts: 1, fateUnknown: true });
    expect(session.progress).toMatchObject({ fateUnknown: true, deleteInFlight: false });
  });

  it('stays known after a GET answered 500', async () => {
    const [server, baseUrl] = await standIn();
    server.script({ status: 500, body: ATLAS_ERRORS.serverError() });
    const session = open(settingsFor(baseUrl, { maxAttempts: 1 }));

    const report = await attemptUntilFinal(organizationCall(baseUrl), session);

    expect(report.final).toMatchObject({ kind: 'answer', answer: { status: 500 }, fateUnknown: false });
    expect(report).toMatchObject({ attempts: 1, fateUnknown: false, deleteSent: false });
    expect(session.progress.fateUnknown).toBe(false);
  });
});

describe('a cancellation during the back-off wait', () => {
  it("keeps the last answer's status and error code", async () => {
    const [server, baseUrl] = await standIn();
    server.script({ status: 503, body: ATLAS_ERRORS.unavailable() });
    const runtime = cancelledAtFirstWait();
    const session = open(settingsFor(baseUrl), recordingLogger(), runtime);

    const report = await attemptUntilFinal(deleteCall(baseUrl), session);

    expect(report.final).toStrictEqual(
      cancelledOutcome('cancelled while waiting to retry', 'wait', {
        fateUnknown: false,
        httpStatus: 503,
        errorCode: 'SERVICE_UNAVAILABLE',
      }),
    );
    expect(report).toMatchObject({ attempts: 1, fateUnknown: false, deleteSent: true });
    expect(runtime.sleeps).toHaveLength(1);
  });

  it('keeps the unknown fate of the attempt before the wait', async () => {
    const [server, baseUrl] = await standIn();
    server.script({ status: 500, body: ATLAS_ERRORS.serverError() });
    const session = open(settingsFor(baseUrl), recordingLogger(), cancelledAtFirstWait());

    const report = await attemptUntilFinal(deleteCall(baseUrl), session);

    expect(report.final).toStrictEqual(
      cancelledOutcome('cancelled while waiting to retry', 'wait', {
        fateUnknown: true,
        httpStatus: 500,
        errorCode: 'UNEXPECTED_ERROR',
      }),
    );
    expect(report).toMatchObject({ attempts: 1, fateUnknown: true });
  });

  it('leaves out status and error code when the last attempt got no answer', async () => {
    const [server, baseUrl] = await standIn();
    server.scriptUnauthenticated({ action: 'reset' });
    const session = open(settingsFor(baseUrl), recordingLogger(), cancelledAtFirstWait());

    const report = await attemptUntilFinal(deleteCall(baseUrl), session);

    expect(report.final).toStrictEqual(
      cancelledOutcome('cancelled while waiting to retry', 'wait', { fateUnknown: false }),
    );
    expect(report).toMatchObject({ attempts: 1, fateUnknown: false, deleteSent: false });
    expect(server.requests.map((request) => request.answer)).toEqual(['reset']);
  });
});
