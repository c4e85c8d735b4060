// One HTTP exchange over node:http(s): the proxy decided by the network environment, keep-alive so
// the digest round trip reuses the connection, certificates always verified, bounded body reads,
// no redirects, abortable at any point.
import * as http from 'node:http';
import * as https from 'node:https';
import { oneLine } from '../text.ts';
import type { NetworkEnvironment } from './network-env.ts';
import { ProxyRefusalError, ProxyTunnelAgent } from './proxy-agent.ts';

/** Error bodies are small; anything larger is cut here so a hostile answer cannot fill memory. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /** Aborts the exchange (timeout or cancellation). */
  signal: AbortSignal;
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  bodyTruncated: boolean;
}

/**
 * What failed, as facts: `aborted` (timeout or cancellation, the caller knows which), `tls`
 * (verification), `not-tls` (an https URL whose server speaks plain HTTP), `proxy` (the proxy
 * refused the tunnel, with its status), `network` (everything else on the way).
 */
export type TransportErrorKind = 'aborted' | 'tls' | 'not-tls' | 'proxy' | 'network';

export class TransportError extends Error {
  readonly kind: TransportErrorKind;
  /** Node's error code, e.g. ECONNRESET or ERR_TLS_CERT_ALTNAME_INVALID. */
  readonly code: string | undefined;
  /** The request was written completely, so the server may have acted on it. */
  readonly requestSent: boolean;
  /** The proxy's answer to CONNECT, for kind `proxy`. */
  readonly proxyStatus: number | undefined;
  /**
   * A kept-alive connection the server had already closed: reset before any byte of answer.
   * Node documents sending such a request again on a fresh connection.
   */
  readonly staleConnection: boolean;

  constructor(
    kind: TransportErrorKind,
    message: string,
    facts: { code?: string | undefined; requestSent: boolean; proxyStatus?: number; staleConnection?: boolean },
  ) {
    super(message);
    this.name = 'TransportError';
    this.kind = kind;
    this.code = facts.code;
    this.requestSent = facts.requestSent;
    this.proxyStatus = facts.proxyStatus;
    this.staleConnection = facts.staleConnection ?? false;
  }
}

const TLS_ERROR = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL/;
/** OpenSSL's words when the other side answered a TLS hello in plain text. */
const NOT_TLS = /wrong version number|packet length too long|http request/i;

function classify(error: Error & { code?: string }, requestSent: boolean, staleConnection: boolean): TransportError {
  const code = error.code;
  const message = oneLine(code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message);
  if (error instanceof ProxyRefusalError) {
    return new TransportError('proxy', message, { requestSent: false, proxyStatus: error.status });
  }
  let kind: TransportErrorKind = 'network';
  if (code === 'EPROTO' && NOT_TLS.test(error.message)) kind = 'not-tls';
  else if (code && TLS_ERROR.test(code)) kind = 'tls';
  return new TransportError(kind, message, { code, requestSent, staleConnection });
}

export class Transport {
  private readonly network: NetworkEnvironment;
  private readonly agents = new Map<string, http.Agent>();

  constructor(network: NetworkEnvironment) {
    this.network = network;
  }

  /** Describes how requests to `url` travel, for the log (proxy credentials left out). */
  route(url: URL): string {
    const agent = this.agentFor(url);
    return agent instanceof ProxyTunnelAgent ? `through proxy ${agent.address}` : 'directly';
  }

  send(request: HttpRequest): Promise<HttpAnswer> {
    const { url, signal } = request;
    let onAbort = (): void => undefined;
    const exchange = new Promise<HttpAnswer>((resolve, reject) => {
      // Stryker disable next-line all: equivalent, the agent (chosen per protocol) decides how the request travels
      const client = url.protocol === 'https:' ? https : http;
      const headers =
        request.body === undefined
          ? request.headers
          : { ...request.headers, 'Content-Length': String(Buffer.byteLength(request.body)) };
      const req = client.request(url, { method: request.method, headers, agent: this.agentFor(url) });
      let requestSent = false;
      let answered = false;
      const fail = (error: Error & { code?: string }): void => {
        if (signal.aborted) {
          reject(new TransportError('aborted', 'the request was aborted', { requestSent }));
          return;
        }
        const stale = req.reusedSocket && !answered && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
        reject(classify(error, requestSent, stale));
      };
      onAbort = (): void => {
        req.destroy(new Error('aborted'));
      };
      if (signal.aborted) {
        onAbort();
      } else {
        // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, destroying twice is harmless
        signal.addEventListener('abort', onAbort, { once: true });
      }
      req.on('finish', () => {
        requestSent = true;
      });
      req.on('error', (error: Error & { code?: string }) => {
        fail(error);
      });
      req.on('response', (res) => {
        answered = true;
        readBounded(res).then(
          ({ body, truncated }) => {
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body, bodyTruncated: truncated });
          },
          (error: Error) => {
            // Stryker disable next-line CallExpression: equivalent, the socket has already failed
            req.destroy();
            fail(error);
          },
        );
      });
      req.end(request.body);
    });
    // Stryker disable next-line all: equivalent, an abort after the exchange has no request left to destroy
    return exchange.finally(() => signal.removeEventListener('abort', onAbort));
  }

  /** Closes kept-alive connections so the process can exit at once. */
  close(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }

  private agentFor(url: URL): http.Agent {
    const key = url.origin;
    let agent = this.agents.get(key);
    if (!agent) {
      agent = this.createAgent(url);
      this.agents.set(key, agent);
    }
    return agent;
  }

  private createAgent(url: URL): http.Agent {
    // One socket, kept alive: the request that answers the digest challenge reuses the connection.
    // Certificates are verified whatever NODE_TLS_REJECT_UNAUTHORIZED says (an explicit option wins).
    const options = { keepAlive: true, maxSockets: 1, rejectUnauthorized: true };
    if (url.protocol === 'http:') return new http.Agent(options); // loopback only, never proxied
    const proxy = this.network.proxyFor(url);
    return proxy ? new ProxyTunnelAgent(proxy, options) : new https.Agent(options);
  }
}

function readBounded(res: http.IncomingMessage): Promise<{ body: string; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      if (size + chunk.length > MAX_BODY_BYTES) {
        chunks.push(chunk.subarray(0, MAX_BODY_BYTES - size));
        // Stryker disable next-line CallExpression: only memory tells; the promise is settled either way
        res.destroy(); // stop reading: the rest is never held in memory
        resolve({ body: Buffer.concat(chunks).toString('utf8'), truncated: true });
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    res.on('end', () => resolve({ body: Buffer.concat(chunks).toString('utf8'), truncated: false }));
    res.on('error', reject);
    // A settled promise ignores this; it only matters when the body was cut off.
    res.on('close', () => {
      if (!res.complete) reject(Object.assign(new Error('the connection closed mid-answer'), { code: 'ECONNRESET' }));
    });
  });
}
