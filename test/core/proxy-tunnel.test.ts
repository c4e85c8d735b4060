// The CONNECT tunnel in-process: the transport through the proxy agent against a real forward proxy
// and a TLS stand-in on loopback, and against proxies that refuse, stay silent or answer late.
// The tunnel belongs to the attempt: its signal ends a CONNECT in any state.
import { readFileSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import * as tls from 'node:tls';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readNetworkEnvironment } from '../../src/atlas/network-env.ts';
import { ProxyTunnelAgent, TunnelAbortedError } from '../../src/atlas/proxy-agent.ts';
import { Transport, TransportError } from '../../src/atlas/transport.ts';
import { AtlasStandIn } from '../support/atlas-stand-in.ts';
import { makeCertificates, type TestCertificates } from '../support/certificates.ts';
import { ATLAS_HOST } from '../support/e2e.ts';
import { PRIVATE_KEY, PUBLIC_KEY } from '../support/fixtures.ts';
import { ForwardProxy } from '../support/forward-proxy.ts';

let certificates: TestCertificates;
const closers: (() => Promise<void> | void)[] = [];

beforeAll(() => {
  certificates = makeCertificates(ATLAS_HOST);
  // In-process, the test CA is trusted the way NODE_EXTRA_CA_CERTS trusts it for the action.
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), readFileSync(certificates.caFile, 'utf8')]);
});
afterAll(() => rmSync(certificates.dir, { recursive: true, force: true }));
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function atlas(): Promise<[AtlasStandIn, number]> {
  const server = new AtlasStandIn({
    publicKey: PUBLIC_KEY,
    privateKey: PRIVATE_KEY,
    tls: { key: certificates.key, cert: certificates.cert },
  });
  await server.start();
  closers.push(() => server.close());
  return [server, server.port];
}

async function forwardProxy(
  options: { credentials?: string; refused?: Record<string, number>; interim?: string } = {},
) {
  const proxy = new ForwardProxy({ hosts: { [ATLAS_HOST]: '127.0.0.1' }, ...options });
  const address = await proxy.start();
  closers.push(() => proxy.close());
  return [proxy, address] as const;
}

/** A TCP server that accepts and then does what `onConnection` says (nothing, by default). */
async function rawProxy(onConnection: (socket: Socket) => void = () => undefined) {
  const sockets = new Set<Socket>();
  const seen = { connections: 0, closed: 0 };
  const server: Server = createServer((socket) => {
    seen.connections++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => seen.closed++);
    socket.resume(); // read (and drop) the CONNECT, so that the peer's close is seen
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return [seen, `127.0.0.1:${(server.address() as { port: number }).port}`] as const;
}

function transportVia(proxyUrl: string): Transport {
  const transport = new Transport(readNetworkEnvironment({ https_proxy: proxyUrl }));
  closers.push(() => transport.close());
  return transport;
}

const get = (port: number, signal: AbortSignal = new AbortController().signal) => ({
  method: 'DELETE',
  url: new URL(`https://${ATLAS_HOST}:${port}/api/atlas/v1.0/orgs/5f1e2d3c4b5a69788796a5b4/liveMigrations/linkTokens`),
  headers: { 'User-Agent': 'test' },
  signal,
});

async function failure(promise: Promise<unknown>): Promise<TransportError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TransportError);
    return error as TransportError;
  }
  throw new Error('the exchange did not fail');
}

describe('through a forward proxy', () => {
  it('tunnels to the TLS host, and keeps the tunnel for the next request', async () => {
    const [server, port] = await atlas();
    const [proxy, address] = await forwardProxy();
    const transport = transportVia(`http://${address}`);
    const first = await transport.send(get(port));
    const second = await transport.send(get(port));
    expect([first.status, second.status]).toEqual([401, 401]);
    expect(proxy.connects).toEqual([{ target: `${ATLAS_HOST}:${port}`, proxyAuthorization: undefined, allowed: true }]);
    expect(server.requests).toHaveLength(2);
    expect(server.connections).toBe(1);
  });

  it('sends the credentials of the proxy URL as Basic, decoded', async () => {
    const [, port] = await atlas();
    const [proxy, address] = await forwardProxy({ credentials: 'user:p@ss' });
    const answer = await transportVia(`http://user:p%40ss@${address}`).send(get(port));
    expect(answer.status).toBe(401);
    expect(proxy.connects[0]?.proxyAuthorization).toBe(`Basic ${Buffer.from('user:p@ss').toString('base64')}`);
  });

  it.each([
    ['a user name alone', 'user@', 'user:'],
    ['a password alone', ':p%40ss@', ':p@ss'],
  ])('sends %s as Basic credentials too', async (_name, userinfo, credentials) => {
    const [, port] = await atlas();
    const [proxy, address] = await forwardProxy({ credentials });
    const answer = await transportVia(`http://${userinfo}${address}`).send(get(port));
    expect(answer.status).toBe(401);
    expect(proxy.connects[0]?.proxyAuthorization).toBe(`Basic ${Buffer.from(credentials).toString('base64')}`);
  });

  it('reads past interim answers to CONNECT, and tunnels on the final 200', async () => {
    const [server, port] = await atlas();
    const [proxy, address] = await forwardProxy({ interim: 'HTTP/1.1 100 Continue\r\n\r\n' });
    const answer = await transportVia(`http://${address}`).send(get(port));
    expect(answer.status).toBe(401);
    expect(proxy.connects).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ['wrong credentials', { credentials: 'user:right' }, 'http://user:wrong@', 407],
    ['a refusal by policy', { refused: { [ATLAS_HOST]: 403 } }, 'http://', 403],
    ['a gateway failure', { refused: { [ATLAS_HOST]: 502 } }, 'http://', 502],
  ] as const)('reports %s as a proxy failure with its status', async (_name, options, prefix, status) => {
    const [, address] = await forwardProxy(options);
    const error = await failure(transportVia(`${prefix}${address}`).send(get(443)));
    expect(error.kind).toBe('proxy');
    expect(error.proxyStatus).toBe(status);
    expect(error.requestSent).toBe(false);
    expect(error.text).toBe(`the proxy refused the tunnel to ${ATLAS_HOST}:443: HTTP ${status}`);
  });

  it('verifies an https proxy too, and tunnels through it', async () => {
    const [, port] = await atlas();
    const [proxy, address] = await forwardProxy();
    const proxyPort = Number(address.split(':')[1]);
    // A TLS front for the forward proxy, with a certificate for 127.0.0.1.
    const front = tls.createServer({ key: certificates.key, cert: certificates.cert }, (client) => {
      const upstream = connect(proxyPort, '127.0.0.1');
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => front.close(() => resolve())));
    const answer = await transportVia(`https://127.0.0.1:${(front.address() as { port: number }).port}`).send(
      get(port),
    );
    expect(answer.status).toBe(401);
    expect(proxy.connects).toHaveLength(1);
  });
});

describe('a proxy that speaks out of turn', () => {
  it('refuses bytes the proxy sends into the tunnel before the TLS handshake', async () => {
    const [seen, address] = await rawProxy((socket) =>
      socket.once('data', () =>
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n'),
      ),
    );
    const error = await failure(transportVia(`http://${address}`).send(get(443)));
    expect(error).toMatchObject({ kind: 'network', code: 'ERR_PROXY_ANSWER', requestSent: false });
    expect(error.text).toBe('ERR_PROXY_ANSWER: the proxy sent bytes of its own into the tunnel');
    await sleep(50);
    expect(seen.closed).toBe(1);
  });

  it('ends the attempt and closes the connection when the final answer never follows an interim one', async () => {
    const [seen, address] = await rawProxy((socket) =>
      socket.once('data', () => socket.write('HTTP/1.1 100 Continue\r\n\r\n')),
    );
    const started = Date.now();
    const error = await failure(transportVia(`http://${address}`).send(get(443, AbortSignal.timeout(200))));
    expect(error.kind).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(1_500);
    await sleep(50);
    expect(seen).toEqual({ connections: 1, closed: 1 });
  });

  it('verifies the certificate of an https proxy: one the action does not trust gets no CONNECT', async () => {
    const untrusted = makeCertificates(ATLAS_HOST); // another CA, which nothing trusts
    closers.push(() => rmSync(untrusted.dir, { recursive: true, force: true }));
    let connects = 0;
    const front = tls.createServer({ key: untrusted.key, cert: untrusted.cert }, (client) => {
      client.on('data', () => connects++);
      client.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => front.close(() => resolve())));
    const error = await failure(
      transportVia(`https://127.0.0.1:${(front.address() as { port: number }).port}`).send(get(443)),
    );
    expect(error.kind).toBe('tls');
    expect(connects).toBe(0);
  });
});

describe('the tunnel under the attempt’s signal', () => {
  it('ends a CONNECT the proxy never answers at the timeout, and closes it', async () => {
    const [seen, address] = await rawProxy();
    const started = Date.now();
    const error = await failure(transportVia(`http://${address}`).send(get(443, AbortSignal.timeout(200))));
    expect(error.kind).toBe('aborted');
    expect(error.requestSent).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_500);
    await sleep(50);
    expect(seen).toEqual({ connections: 1, closed: 1 });
  });

  it('does not wait for a proxy that answers after the attempt ended', async () => {
    const [, port] = await atlas();
    const [seen, address] = await rawProxy((socket) => {
      setTimeout(() => socket.write('HTTP/1.1 200 Connection Established\r\n\r\n'), 1_000).unref();
    });
    const started = Date.now();
    const error = await failure(transportVia(`http://${address}`).send(get(port, AbortSignal.timeout(150))));
    expect(error.kind).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(900);
    expect(seen.connections).toBe(1);
  });

  it('opens no connection for an attempt that has already ended', async () => {
    const [seen, address] = await rawProxy();
    const error = await failure(transportVia(`http://${address}`).send(get(443, AbortSignal.abort())));
    expect(error.kind).toBe('aborted');
    await sleep(50);
    expect(seen.connections).toBe(0);
  });

  it('reports a proxy that closes the connection as a network failure', async () => {
    const [, address] = await rawProxy((socket) => socket.destroy());
    const error = await failure(transportVia(`http://${address}`).send(get(443)));
    expect(error.kind).toBe('network');
    expect(error.requestSent).toBe(false);
  });
});

describe('ProxyTunnelAgent', () => {
  const route = (address: string) => {
    const [host = '', port = '0'] = address.split(':');
    return {
      protocol: 'http:',
      host,
      port: Number(port),
      username: '',
      password: '',
      address: `http://${address}`,
      variable: 'https_proxy',
    } as const;
  };

  it('says where it goes, without credentials', () => {
    const agent = new ProxyTunnelAgent({ ...route('proxy.example:3128'), username: 'u', password: 'p' }, {});
    expect(agent.address).toBe('http://proxy.example:3128');
    agent.destroy();
  });

  it('abandons a CONNECT in progress when its signal aborts, and when it is destroyed', async () => {
    const [seen, address] = await rawProxy();
    const agent = new ProxyTunnelAgent(route(address), {});
    const controller = new AbortController();
    const aborted = new Promise<Error | null>((resolve) =>
      agent.createConnection({ host: ATLAS_HOST, port: 443, tunnelSignal: controller.signal }, (error) =>
        resolve(error),
      ),
    );
    await sleep(30);
    controller.abort();
    const abandoned = await aborted;
    expect(abandoned).toBeInstanceOf(TunnelAbortedError);
    expect(abandoned?.message).toBe('the tunnel was abandoned: the attempt ended before the proxy answered CONNECT');

    const destroyed = new Promise<Error | null>((resolve) =>
      agent.createConnection({ host: ATLAS_HOST, port: 443 }, (error) => resolve(error)),
    );
    await sleep(30);
    agent.destroy();
    expect(await destroyed).toBeInstanceOf(Error);
    await sleep(30);
    expect(seen).toEqual({ connections: 2, closed: 2 });
  });

  it('calls back once: an abort after the tunnel is open changes nothing', async () => {
    const [, port] = await atlas();
    const [, address] = await forwardProxy();
    const agent = new ProxyTunnelAgent(route(address), {});
    const controller = new AbortController();
    const calls: (Error | null)[] = [];
    const socket = await new Promise<tls.TLSSocket>((resolve) =>
      agent.createConnection(
        { host: ATLAS_HOST, port, servername: ATLAS_HOST, tunnelSignal: controller.signal },
        (error, created) => {
          calls.push(error);
          resolve(created as tls.TLSSocket);
        },
      ),
    );
    await new Promise<void>((resolve) => socket.once('secureConnect', () => resolve()));
    controller.abort();
    await sleep(20);
    expect(calls).toEqual([null]);
    expect(socket.destroyed).toBe(false);
    socket.destroy();
    agent.destroy();
  });
});
