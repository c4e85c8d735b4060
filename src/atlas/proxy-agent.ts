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
    const finish = (error: Error | null, socket?: Duplex): void => {
      if (done) return;
      done = true;
      this.pending.delete(connect);
      signal?.removeEventListener('abort', abandon);
      callback(error, socket);
    };
    const abandon = (): void => {
      connect.destroy();
      finish(new TunnelAbortedError());
    };
    this.pending.add(connect);
    connect.once('connect', (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        finish(new ProxyRefusalError(target, res.statusCode ?? 0));
        return;
      }
      const tlsOptions = { ...options, socket, rejectUnauthorized: true };
      delete tlsOptions[TUNNEL_SIGNAL]; // the signal belongs to the CONNECT, not to the TLS socket
      finish(null, tls.connect(tlsOptions));
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
