// The transport on its own, against raw servers on loopback: the facts its errors carry (kind,
// code, whether the request was sent, a stale kept-alive connection, the proxy's status), bounded
// bodies, and how it describes its route.
import { getEventListeners } from 'node:events';
import { readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import * as tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { readNetworkEnvironment } from '../../src/atlas/network-env.ts';
import { MAX_BODY_BYTES, Transport, TransportError } from '../../src/atlas/transport.ts';
import { makeCertificates } from '../support/certificates.ts';

const servers: (Server | http.Server | tls.Server)[] = [];
const transports: Transport[] = [];
afterEach(async () => {
  for (const transport of transports.splice(0)) transport.close();
  for (const server of servers.splice(0)) {
    if (server instanceof http.Server) server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

function transport(env: NodeJS.ProcessEnv = {}): Transport {
  const created = new Transport(readNetworkEnvironment(env));
  transports.push(created);
  return created;
}

async function listen<T extends Server | http.Server | tls.Server>(server: T): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const request = (url: string, signal = new AbortController().signal) => ({
  method: 'DELETE',
  url: new URL(url),
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

describe('Transport', () => {
  it('returns status, headers and body, and sends Content-Length with a body', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const base = await listen(
      http.createServer((req, res) => {
        seen.push(req.headers);
        req.resume();
        req.on('end', () => res.writeHead(418, { 'X-Test': 'yes' }).end('teapot'));
      }),
    );
    const answer = await transport().send({ ...request(`${base}/x`), method: 'POST', body: 'grant=é' });
    expect(answer).toMatchObject({ status: 418, body: 'teapot', bodyTruncated: false });
    expect(answer.headers['x-test']).toBe('yes');
    expect(seen[0]?.['content-length']).toBe('8');
  });

  it('cuts a body at 64 KiB and says so', async () => {
    const base = await listen(http.createServer((_req, res) => res.end('x'.repeat(MAX_BODY_BYTES + 10))));
    const answer = await transport().send(request(base));
    expect(answer.bodyTruncated).toBe(true);
    expect(answer.body).toHaveLength(MAX_BODY_BYTES);
  });

  it('reads a body of exactly 64 KiB in full', async () => {
    const base = await listen(http.createServer((_req, res) => res.end('x'.repeat(MAX_BODY_BYTES))));
    const answer = await transport().send(request(base));
    expect(answer.body).toHaveLength(MAX_BODY_BYTES);
    expect(answer.bodyTruncated).toBe(false);
  });

  it('cuts a body that goes one byte past 64 KiB, in small chunks too', async () => {
    const base = await listen(
      http.createServer((_req, res) => {
        for (let i = 0; i < 64; i++) res.write('y'.repeat(1024));
        res.end('z');
      }),
    );
    const answer = await transport().send(request(base));
    expect(answer).toMatchObject({ bodyTruncated: true });
    expect(answer.body).toBe('y'.repeat(MAX_BODY_BYTES));
  });

  it('closes its kept-alive connections on close()', async () => {
    const closed: boolean[] = [];
    const server = http.createServer((_req, res) => res.end('ok'));
    server.on('connection', (socket: Socket) => socket.on('close', () => closed.push(true)));
    const base = await listen(server);
    const shared = transport();
    await shared.send(request(base));
    expect(closed).toEqual([]);
    shared.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toEqual([true]);
  });

  it('reuses one connection for consecutive requests', async () => {
    let connections = 0;
    const server = http.createServer((_req, res) => res.end('ok'));
    server.on('connection', () => connections++);
    const base = await listen(server);
    const shared = transport();
    await shared.send(request(base));
    await shared.send(request(base));
    expect(connections).toBe(1);
  });

  it('reports a refused connection as a network error, not sent', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const error = await failure(transport().send(request(`http://127.0.0.1:${port}`)));
    expect(error).toMatchObject({ kind: 'network', code: 'ECONNREFUSED', requestSent: false, staleConnection: false });
    expect(error.message).toBe(`connect ECONNREFUSED 127.0.0.1:${port}`);
  });

  it('knows a request was sent when the connection dies before the answer', async () => {
    const base = await listen(createServer((socket: Socket) => socket.once('data', () => socket.destroy())));
    const error = await failure(transport().send(request(base)));
    expect(error).toMatchObject({ kind: 'network', code: 'ECONNRESET', requestSent: true, staleConnection: false });
  });

  it('marks a reset of a reused kept-alive connection as stale (Node resends such requests)', async () => {
    let requests = 0;
    const base = await listen(
      http.createServer((req, res) => {
        requests++;
        if (requests === 1) res.end('first');
        else req.socket.destroy();
      }),
    );
    const shared = transport();
    await shared.send(request(base));
    const error = await failure(shared.send(request(base)));
    expect(error).toMatchObject({ kind: 'network', staleConnection: true, requestSent: true });
  });

  it('reports an abort as such, whatever the socket says', async () => {
    const base = await listen(http.createServer(() => undefined));
    const controller = new AbortController();
    const pending = transport().send(request(base, controller.signal));
    setTimeout(() => controller.abort(), 50);
    const error = await failure(pending);
    expect(error).toMatchObject({ kind: 'aborted', requestSent: true });
    expect(error.message).toBe('the request was aborted');
  });

  it('sends nothing when already aborted', async () => {
    let connections = 0;
    const base = await listen(createServer(() => connections++));
    const error = await failure(transport().send(request(base, AbortSignal.abort())));
    expect(error).toMatchObject({ kind: 'aborted', requestSent: false, staleConnection: false });
    expect(error.message).toBe('the request was aborted');
    expect(connections).toBe(0);
  });

  it('reports a body cut off mid-answer as a reset', async () => {
    const base = await listen(
      http.createServer((_req, res) => {
        res.writeHead(503, { 'Content-Length': '100' });
        res.write('{"partial":', () => res.socket?.destroy());
      }),
    );
    const error = await failure(transport().send(request(base)));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/ECONNRESET|aborted|closed mid-answer/);
  });

  it('classifies https to a plain-http server as not-tls, with a one-line message', async () => {
    const base = await listen(http.createServer((_req, res) => res.end('plain')));
    const error = await failure(transport().send(request(base.replace('http:', 'https:'))));
    expect(error).toMatchObject({ kind: 'not-tls', code: 'EPROTO' });
    expect(error.message).not.toMatch(/[\r\n]/);
  });

  it('answers a 101 Switching Protocols as an answer, and drops the upgraded socket', async () => {
    let closed = false;
    const base = await listen(
      createServer((socket: Socket) => {
        socket.on('close', () => (closed = true));
        socket.once('data', () =>
          socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n'),
        );
      }),
    );
    const answer = await transport().send(request(base));
    expect(answer).toEqual({
      status: 101,
      headers: { upgrade: 'websocket', connection: 'Upgrade' },
      body: '',
      bodyTruncated: false,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(true);
  });

  it('skips interim 1xx answers and reads the final one', async () => {
    const base = await listen(
      createServer((socket: Socket) => {
        socket.once('data', () =>
          socket.end('HTTP/1.1 103 Early Hints\r\n\r\nHTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n'),
        );
      }),
    );
    const answer = await transport().send(request(base));
    expect(answer.status).toBe(204);
  });

  it('fails a request whose connection ends without an answer, and says it was sent', async () => {
    const base = await listen(createServer((socket: Socket) => socket.once('data', () => socket.end())));
    const error = await failure(transport().send(request(base)));
    expect(error).toMatchObject({ kind: 'network', requestSent: true, staleConnection: false });
  });

  it('settles on abort at once, even while the server says nothing', async () => {
    const base = await listen(createServer((socket: Socket) => socket.resume()));
    const started = Date.now();
    const error = await failure(transport().send(request(base, AbortSignal.timeout(100))));
    expect(error.kind).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('drops a kept-alive connection that speaks while idle: the next request gets its own answer', async () => {
    let connections = 0;
    const base = await listen(
      createServer((socket: Socket) => {
        const connection = ++connections;
        socket.once('data', () => {
          socket.write(`HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nreply${connection}`);
          // An answer to no request, written after the first: it must not answer the next one.
          if (connection === 1) setTimeout(() => socket.write('HTTP/1.1 204 No Content\r\n\r\n'), 20);
        });
      }),
    );
    const shared = transport();
    expect((await shared.send(request(base))).body).toBe('reply1');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await shared.send(request(base));
    expect(second).toMatchObject({ status: 200, body: 'reply2' });
    expect(connections).toBe(2);
  });

  it('on plain HTTP, never takes an answer that came before its request was written for the answer to it', async () => {
    // The body outgrows the socket's buffers, so the request is still being written when the
    // server, which reads none of it, answers.
    const base = await listen(
      createServer((socket: Socket) => {
        socket.once('data', () => {
          socket.pause();
          socket.write('HTTP/1.1 204 No Content\r\n\r\n', () => setTimeout(() => socket.destroy(), 500));
        });
      }),
    );
    const error = await failure(transport().send({ ...request(base), method: 'POST', body: 'x'.repeat(32 << 20) }));
    expect(error).toMatchObject({
      kind: 'network',
      code: 'ERR_LEFTOVER_ANSWER',
      requestSent: true,
      staleConnection: false,
    });
    expect(error.message).toBe('the server answered before the request was written (an answer left on the connection)');
  });

  it('over TLS, takes an answer that came while its request was still being written: only the server could send it', async () => {
    // The same server behind TLS. Node may report a TLS write done only after its answer arrived,
    // so the order is no evidence there, and nobody but the server can write on the connection.
    const certificates = makeCertificates('localhost');
    try {
      tls.setDefaultCACertificates([...tls.getCACertificates('default'), readFileSync(certificates.caFile, 'utf8')]);
      const server = tls.createServer({ key: certificates.key, cert: certificates.cert }, (socket) => {
        socket.once('data', () => {
          socket.pause();
          socket.write('HTTP/1.1 204 No Content\r\n\r\n', () => setTimeout(() => socket.destroy(), 500));
        });
      });
      const base = (await listen(server)).replace('http:', 'https:');
      const answer = await transport().send({ ...request(base), method: 'POST', body: 'x'.repeat(32 << 20) });
      expect(answer).toEqual({ status: 204, headers: {}, body: '', bodyTruncated: false });
    } finally {
      tls.setDefaultCACertificates(tls.getCACertificates('default'));
      rmSync(certificates.dir, { recursive: true, force: true });
    }
  });

  it('reports a body cut off mid-answer as the reset of an answer: sent, not stale', async () => {
    const base = await listen(
      createServer((socket: Socket) => {
        socket.once('data', () =>
          socket.write('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 100\r\n\r\n{"partial":', () =>
            socket.destroy(),
          ),
        );
      }),
    );
    const error = await failure(transport().send(request(base)));
    expect(error).toMatchObject({ kind: 'network', code: 'ECONNRESET', requestSent: true, staleConnection: false });
    expect(error.message).toBe('ECONNRESET: aborted');
  });

  it('classifies a TLS alert from the server as a network error, not as not-tls', async () => {
    // A TLS server that refuses the handshake: EPROTO, but the server does speak TLS.
    const base = await listen(
      createServer((socket: Socket) => {
        socket.on('error', () => undefined);
        socket.once('data', () => socket.end(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28])));
      }),
    );
    const error = await failure(transport().send(request(base.replace('http:', 'https:'))));
    expect(error).toMatchObject({ kind: 'network', code: 'EPROTO', requestSent: false, staleConnection: false });
    expect(error.message).toMatch(
      /^write EPROTO [0-9A-F]+:error:0A000410:SSL routines:ssl3_read_bytes:ssl\/tls alert handshake failure:\S+:SSL alert number 40$/,
    );
  });

  it('keys not-tls on EPROTO: a certificate failure stays tls even when the names in it quote OpenSSL', async () => {
    // The certificate's names are the server's words: they must not turn a refused certificate
    // into a diagnosis of a server that speaks plain HTTP.
    const certificates = makeCertificates('wrong version number');
    try {
      tls.setDefaultCACertificates([...tls.getCACertificates('default'), readFileSync(certificates.caFile, 'utf8')]);
      const server = tls.createServer({ key: certificates.key, cert: certificates.cert }, (socket) => socket.end());
      const base = (await listen(server)).replace('http://127.0.0.1', 'https://localhost');
      const error = await failure(transport().send(request(base)));
      expect(error).toMatchObject({
        kind: 'tls',
        code: 'ERR_TLS_CERT_ALTNAME_INVALID',
        requestSent: false,
        staleConnection: false,
      });
      expect(error.message).toBe(
        "ERR_TLS_CERT_ALTNAME_INVALID: Hostname/IP does not match certificate's altnames: Host: localhost. is not in the cert's altnames: DNS:wrong version number, IP Address:127.0.0.1",
      );
    } finally {
      tls.setDefaultCACertificates(tls.getCACertificates('default'));
      rmSync(certificates.dir, { recursive: true, force: true });
    }
  });

  it('does not mark a reused connection stale when the server answers it with something that is not HTTP', async () => {
    let requests = 0;
    const base = await listen(
      createServer((socket: Socket) => {
        socket.on('data', () => {
          requests++;
          socket.write(requests === 1 ? 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst' : 'NOT HTTP\r\n\r\n');
        });
      }),
    );
    const shared = transport();
    expect(await shared.send(request(base))).toEqual({
      status: 200,
      headers: { 'content-length': '5' },
      body: 'first',
      bodyTruncated: false,
    });
    const error = await failure(shared.send(request(base)));
    expect(error).toMatchObject({
      kind: 'network',
      code: 'HPE_INVALID_CONSTANT',
      requestSent: true,
      staleConnection: false,
    });
    expect(error.message).toBe('HPE_INVALID_CONSTANT: Parse Error: Expected HTTP/, RTSP/ or ICE/');
  });

  it('fails an exchange whose connection Node closes without passing on the answer (a CONNECT answered 200)', async () => {
    // Node keeps a CONNECT's answer for a 'connect' listener and, without one, closes the socket
    // without an error: the transport must settle all the same.
    const base = await listen(
      createServer((socket: Socket) => {
        socket.once('data', () => socket.write('HTTP/1.1 200 Connection Established\r\n\r\n'));
      }),
    );
    const error = await failure(transport().send({ ...request(base, AbortSignal.timeout(5_000)), method: 'CONNECT' }));
    expect(error).toMatchObject({ kind: 'network', code: 'ECONNRESET', requestSent: true, staleConnection: false });
    expect(error.message).toBe('ECONNRESET: the connection closed without an answer');
  });

  it('leaves no listener on the signal once the exchange has settled, answered or failed', async () => {
    const base = await listen(
      createServer((socket: Socket) => {
        socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok'));
      }),
    );
    const answeredSignal = new AbortController().signal;
    const answer = await transport().send(request(base, answeredSignal));
    expect(answer).toEqual({
      status: 200,
      headers: { 'content-length': '2', connection: 'close' },
      body: 'ok',
      bodyTruncated: false,
    });
    expect(getEventListeners(answeredSignal, 'abort')).toEqual([]);

    const refused = createServer();
    await listen(refused);
    const { port } = refused.address() as { port: number };
    await new Promise<void>((resolve) => refused.close(() => resolve()));
    servers.splice(servers.indexOf(refused), 1);
    const failedSignal = new AbortController().signal;
    const error = await failure(transport().send(request(`http://127.0.0.1:${port}`, failedSignal)));
    expect(error).toMatchObject({ kind: 'network', code: 'ECONNREFUSED', requestSent: false });
    expect(getEventListeners(failedSignal, 'abort')).toEqual([]);
  });

  it('on plain HTTP, closes the connection an early answer came on instead of finishing the request', async () => {
    const body = 32 << 20;
    let received = 0;
    let held: Socket | undefined;
    let outcome: (what: string) => void = () => undefined;
    const ended = new Promise<string>((resolve) => (outcome = resolve));
    const base = await listen(
      createServer((socket: Socket) => {
        socket.on('error', () => undefined);
        socket.once('data', (chunk: Buffer) => {
          held = socket;
          received += chunk.length;
          socket.pause();
          socket.write('HTTP/1.1 204 No Content\r\n\r\n');
          socket.on('data', (more: Buffer) => {
            received += more.length;
            if (received >= body) outcome('the whole request arrived');
          });
          socket.on('close', () => outcome('the connection closed'));
        });
      }),
    );
    const error = await failure(transport().send({ ...request(base), method: 'POST', body: 'x'.repeat(body) }));
    expect(error).toMatchObject({ kind: 'network', code: 'ERR_LEFTOVER_ANSWER', requestSent: true });
    held?.resume();
    expect(await ended).toBe('the connection closed');
    expect(received).toBeLessThan(body);
  });

  it('after close(), a new request gets a connection of its own instead of queueing behind earlier ones', async () => {
    const seen: string[] = [];
    let firstArrived: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (firstArrived = resolve));
    const base = await listen(
      createServer((socket: Socket) => {
        socket.on('error', () => undefined);
        socket.once('data', (chunk: Buffer) => {
          const path = chunk.toString('latin1').split(' ')[1] ?? '';
          seen.push(path);
          if (path === '/held-1') firstArrived();
          if (path === '/fresh') socket.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfresh');
        });
      }),
    );
    const shared = transport();
    const holding = new AbortController();
    const first = shared.send(request(`${base}/held-1`, holding.signal));
    const second = shared.send(request(`${base}/held-2`, holding.signal));
    await arrived;
    shared.close();
    const firstError = await failure(first);
    expect(firstError).toMatchObject({ kind: 'network', code: 'ECONNRESET', requestSent: true });
    expect(firstError.message).toBe('ECONNRESET: socket hang up');
    const answer = await shared.send(request(`${base}/fresh`, AbortSignal.timeout(5_000)));
    expect(answer).toEqual({ status: 200, headers: { 'content-length': '5' }, body: 'fresh', bodyTruncated: false });
    holding.abort();
    const secondError = await failure(second);
    expect(secondError).toMatchObject({ kind: 'aborted', requestSent: true });
    expect(secondError.message).toBe('the request was aborted');
    expect(seen.sort()).toEqual(['/fresh', '/held-1', '/held-2']);
  });

  it('describes its route, without proxy credentials', () => {
    const proxied = transport({ https_proxy: 'http://user:secret@proxy.example:3128', no_proxy: 'direct.example' });
    expect(proxied.route(new URL('https://cloud.mongodb.com'))).toBe('through proxy http://proxy.example:3128');
    expect(proxied.route(new URL('https://direct.example'))).toBe('directly');
    expect(proxied.route(new URL('http://127.0.0.1:8080'))).toBe('directly');
  });
});
