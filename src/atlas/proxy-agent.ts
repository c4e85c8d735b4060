// HTTPS through a forward proxy with CONNECT. Node's own Agent does the TLS and keep-alive; only
// the socket comes from the tunnel. (The `tunnel` package @actions/http-client uses writes proxy
// credentials with the deprecated Buffer(), which prints a warning on Node 24.)
import * as http from 'node:http';
import * as https from 'node:https';
import type { Duplex } from 'node:stream';
import * as tls from 'node:tls';
import type { ProxyRoute } from './network-env.ts';

/** The proxy answered the CONNECT with something other than 200. */
export class ProxyRefusalError extends Error {
  readonly status: number;
  constructor(target: string, status: number) {
    super(`the proxy refused the tunnel to ${target}: HTTP ${status}`);
    this.name = 'ProxyRefusalError';
    this.status = status;
  }
}

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
    options: tls.ConnectionOptions & { host?: string; port?: number },
    callback: (error: Error | null, socket?: Duplex) => void,
  ): Duplex | undefined {
    const target = `${options.host}:${options.port}`;
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
    this.pending.add(connect);
    connect.once('connect', (res, socket) => {
      this.pending.delete(connect);
      if (res.statusCode !== 200) {
        socket.destroy();
        callback(new ProxyRefusalError(target, res.statusCode ?? 0));
        return;
      }
      callback(null, tls.connect({ ...options, socket, rejectUnauthorized: true }));
    });
    connect.once('error', (error) => {
      this.pending.delete(connect);
      callback(error);
    });
    connect.end();
    return undefined;
  }

  override destroy(): void {
    for (const connect of this.pending) connect.destroy();
    this.pending.clear();
    super.destroy();
  }
}
