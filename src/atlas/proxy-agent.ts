// HTTPS through a forward proxy with CONNECT. Node's own Agent does the TLS and keep-alive; only
// the socket comes from the tunnel. (The `tunnel` package @actions/http-client uses writes proxy
// credentials with the deprecated Buffer(), which prints a warning on Node 24, and knows no abort
// signal.) The CONNECT belongs to the attempt that needs the connection: the transport passes the
// attempt's signal in the request options (TUNNEL_SIGNAL), and an abort ends the CONNECT at once,
// whether the proxy is connecting, silent or slow — Node would otherwise wait for the socket.
import * as http from 'node:http';
import * as https from 'node:https';
import type { Duplex } from 'node:stream';
import * as tls from 'node:tls';
import type { ProxyRoute } from './network-env.ts';

/** The request option under which the transport hands the attempt's signal to the tunnel. */
export const TUNNEL_SIGNAL = 'tunnelSignal';

/** The proxy answered the CONNECT with something other than 200. */
export class ProxyRefusalError extends Error {
  readonly status: number;
  constructor(target: string, status: number) {
    super(`the proxy refused the tunnel to ${target}: HTTP ${status}`);
    this.name = 'ProxyRefusalError';
    this.status = status;
  }
}

/** The attempt ended while the proxy had not yet opened the tunnel. */
export class TunnelAbortedError extends Error {
  constructor() {
    super('the tunnel was abandoned: the attempt ended before the proxy answered CONNECT');
    this.name = 'TunnelAbortedError';
  }
}

/** How much of a proxy's answers to CONNECT the action reads before it gives up on them. */
const MAX_CONNECT_ANSWER_BYTES = 16 * 1024;

/**
 * The proxy's final answer to CONNECT. Node reports an interim answer (`100 Continue`, `102`,
 * `103`) as if it were final, with the rest of the stream still unread: those are skipped here,
 * reading the next status line from the socket. `101` is final: the proxy switched protocols.
 */
export function finalConnectAnswer(
  status: number,
  socket: Duplex,
  head: Buffer,
): Promise<{ status: number; rest: Buffer }> {
  const interim = (code: number): boolean => code >= 100 && code < 200 && code !== 101;
  if (!interim(status)) return Promise.resolve({ status, rest: head });
  return new Promise((resolve, reject) => {
    let buffer = head;
    const stop = (): void => {
      socket.off('data', onData);
      socket.off('close', onClose);
    };
    const fail = (problem: string): void => {
      stop();
      socket.destroy();
      reject(Object.assign(new Error(`the proxy ${problem}`), { code: 'ERR_PROXY_ANSWER' }));
    };
    const read = (): void => {
      const end = buffer.indexOf('\r\n\r\n');
      if (end === -1) {
        if (buffer.length > MAX_CONNECT_ANSWER_BYTES) fail('sent more than 16 KiB of answers to CONNECT');
        return;
      }
      const statusLine = buffer.subarray(0, buffer.indexOf('\r\n')).toString('latin1');
      const code = Number(/^HTTP\/1\.[01] ([1-5]\d\d)(?: |$)/.exec(statusLine)?.[1]);
      if (Number.isNaN(code)) return fail('answered CONNECT with something that is not an HTTP status line');
      buffer = buffer.subarray(end + 4);
      if (interim(code)) return read();
      stop();
      resolve({ status: code, rest: buffer });
    };
    const onData = (chunk: Buffer): void => {
      buffer = Buffer.concat([buffer, chunk]);
      read();
    };
    const onClose = (): void => fail('closed the connection after an interim answer to CONNECT');
    socket.on('data', onData);
    socket.once('close', onClose);
    read();
  });
}

type ConnectionOptions = tls.ConnectionOptions & { host?: string; port?: number; [TUNNEL_SIGNAL]?: AbortSignal };

export class ProxyTunnelAgent extends https.Agent {
  private readonly proxy: ProxyRoute;
  private readonly pending = new Set<http.ClientRequest>();

  constructor(proxy: ProxyRoute, options: https.AgentOptions) {
    super(options);
    this.proxy = proxy;
  }

  /** The proxy's scheme, host and port, without credentials. */
  get address(): string {
    return this.proxy.address;
  }

  override createConnection(
    options: ConnectionOptions,
    callback: (error: Error | null, socket?: Duplex) => void,
  ): Duplex | undefined {
    const target = `${options.host}:${options.port}`;
    const signal = options[TUNNEL_SIGNAL];
    const credentials =
      this.proxy.username || this.proxy.password ? `${this.proxy.username}:${this.proxy.password}` : undefined;
    const connect = (this.proxy.protocol === 'https:' ? https : http).request({
      host: this.proxy.host,
      port: this.proxy.port,
      rejectUnauthorized: true, // an https proxy is verified too, whatever the environment says
      method: 'CONNECT',
      path: target,
      agent: false,
      headers: {
        host: target,
        ...(credentials === undefined
          ? {}
          : { 'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}` }),
      },
    });
    let done = false;
    let tunnel: Duplex | undefined;
    const finish = (error: Error | null, socket?: Duplex): void => {
      if (done) return;
      done = true;
      this.pending.delete(connect);
      signal?.removeEventListener('abort', abandon);
      callback(error, socket);
    };
    const abandon = (): void => {
      connect.destroy();
      tunnel?.destroy(); // detached from the request once the proxy has answered
      finish(new TunnelAbortedError());
    };
    this.pending.add(connect);
    connect.once('connect', (res, socket, head) => {
      tunnel = socket;
      finalConnectAnswer(res.statusCode ?? 0, socket, head).then(({ status, rest }) => {
        if (done) return;
        if (status !== 200) {
          socket.destroy();
          finish(new ProxyRefusalError(target, status));
          return;
        }
        if (rest.length > 0) {
          // TLS starts with the action's hello: nothing can rightly come before it.
          socket.destroy();
          finish(
            Object.assign(new Error('the proxy sent bytes of its own into the tunnel'), { code: 'ERR_PROXY_ANSWER' }),
          );
          return;
        }
        const tlsOptions = { ...options, socket, rejectUnauthorized: true };
        delete tlsOptions[TUNNEL_SIGNAL]; // the signal belongs to the CONNECT, not to the TLS socket
        finish(null, tls.connect(tlsOptions));
      }, finish);
    });
    connect.on('error', (error) => finish(error));
    if (signal?.aborted) abandon();
    else signal?.addEventListener('abort', abandon, { once: true });
    connect.end();
    return undefined;
  }

  override destroy(): void {
    for (const connect of this.pending) connect.destroy();
    this.pending.clear();
    super.destroy();
  }
}
