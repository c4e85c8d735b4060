// A forward proxy on loopback that tunnels CONNECT requests, as a corporate proxy does. It resolves
// host names from its own table (so the action cannot reach them without it) and can demand
// Basic proxy credentials.
import * as http from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ProxiedConnect {
  target: string;
  proxyAuthorization: string | undefined;
  allowed: boolean;
}

export class ForwardProxy {
  readonly connects: ProxiedConnect[] = [];
  private readonly server = http.createServer((_req, res) => {
    res.writeHead(405).end(); // this proxy only tunnels
  });
  private readonly sockets = new Set<Socket>();
  private readonly hosts: Record<string, string>;
  private readonly credentials: string | undefined;

  private readonly refused: Record<string, number>;
  private readonly interim: string;

  /**
   * `refused`: hosts it will not tunnel to, with the status it answers (403 by policy, say).
   * `interim`: interim answers (`100 Continue`, …) it writes before its answer to every CONNECT.
   */
  constructor(options: {
    hosts: Record<string, string>;
    credentials?: string;
    refused?: Record<string, number>;
    interim?: string;
  }) {
    this.hosts = options.hosts;
    this.credentials = options.credentials;
    this.refused = options.refused ?? {};
    this.interim = options.interim ?? '';
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server.on('connect', (req: http.IncomingMessage, client: Socket) => this.tunnel(req, client));
  }

  /** Listens on a free port of `host`; resolves to `host:port` (an IPv6 host in brackets). */
  async start(host = '127.0.0.1'): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, host, resolve));
    const port = (this.server.address() as AddressInfo).port;
    return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`; // localhost stays a name
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private tunnel(req: http.IncomingMessage, client: Socket): void {
    const target = req.url ?? '';
    const proxyAuthorization = req.headers['proxy-authorization'];
    const expected =
      this.credentials === undefined ? undefined : `Basic ${Buffer.from(this.credentials).toString('base64')}`;
    const allowed = expected === undefined || proxyAuthorization === expected;
    this.connects.push({ target, proxyAuthorization, allowed });
    if (this.interim !== '') client.write(this.interim);
    if (!allowed) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\n\r\n');
      return;
    }
    const [host = '', port = '443'] = target.split(':');
    const refusal = this.refused[host];
    if (refusal !== undefined) {
      client.end(`HTTP/1.1 ${refusal} Refused by policy\r\n\r\n`);
      return;
    }
    const address = this.hosts[host];
    if (!address) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = connect(Number(port), address, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    this.sockets.add(upstream);
    upstream.on('close', () => this.sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  }
}
