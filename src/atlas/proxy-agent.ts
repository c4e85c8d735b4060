// HTTPS through a forward proxy with CONNECT. Node's own Agent does the TLS and keep-alive; only
// the socket comes from the tunnel. (The `tunnel` package @actions/http-client uses writes proxy
// credentials with the deprecated Buffer(), which prints a warning on Node 24.)
import * as http from 'node:http';
import * as https from 'node:https';
import type { Duplex } from 'node:stream';
import * as tls from 'node:tls';

export class ProxyTunnelAgent extends https.Agent {
  private readonly proxy: URL;
  private readonly pending = new Set<http.ClientRequest>();

  /** `proxy` as @actions/http-client's getProxyUrl returns it: user name and password decoded. */
  constructor(proxy: URL, options: https.AgentOptions) {
    super(options);
    this.proxy = proxy;
  }

  /** The proxy's scheme, host and port, without credentials. */
  get address(): string {
    return `${this.proxy.protocol}//${this.proxy.host}`;
  }

  override createConnection(
    options: tls.ConnectionOptions & { host?: string; port?: number },
    callback: (error: Error | null, socket?: Duplex) => void,
  ): Duplex | undefined {
    const target = `${options.host}:${options.port}`;
    const credentials =
      this.proxy.username || this.proxy.password ? `${this.proxy.username}:${this.proxy.password}` : undefined;
    const connect = (this.proxy.protocol === 'https:' ? https : http).request({
      host: this.proxy.hostname,
      port: Number(this.proxy.port) || (this.proxy.protocol === 'https:' ? 443 : 80),
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
        const error = Object.assign(new Error(`the proxy refused the tunnel to ${target}: HTTP ${res.statusCode}`), {
          code: res.statusCode === 407 ? 'EPROXYAUTH' : 'EPROXY',
        });
        callback(error);
        return;
      }
      callback(null, tls.connect({ ...options, socket }));
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
