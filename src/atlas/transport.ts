// One HTTP exchange over node:http(s): proxy from the environment, keep-alive so the digest
// round trip reuses the connection, bounded body reads, no redirects, abortable at any point.
import * as http from 'node:http';
import * as https from 'node:https';
import { getProxyUrl } from '@actions/http-client/lib/proxy';
import { ProxyTunnelAgent } from './proxy-agent.ts';

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

/** `proxy-auth`: the proxy refused its credentials (407), which no retry will change. */
export type TransportErrorKind = 'aborted' | 'tls' | 'proxy-auth' | 'network';

export class TransportError extends Error {
  readonly kind: TransportErrorKind;
  readonly code: string | undefined;
  /** The request was written completely, so the server may have acted on it. */
  readonly requestSent: boolean;

  constructor(kind: TransportErrorKind, message: string, code: string | undefined, requestSent: boolean) {
    super(message);
    this.name = 'TransportError';
    this.kind = kind;
    this.code = code;
    this.requestSent = requestSent;
  }
}

const TLS_ERROR = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL/;

export class Transport {
  private readonly agents = new Map<string, http.Agent>();
  /** Requests sent so far, challenge and token requests included. */
  requestsSent = 0;

  /** Describes how requests to `url` travel, for the log (proxy credentials left out). */
  route(url: URL): string {
    const agent = this.agentFor(url);
    return agent instanceof ProxyTunnelAgent ? `through proxy ${agent.address}` : 'directly';
  }

  send(request: HttpRequest): Promise<HttpAnswer> {
    const { url, signal } = request;
    return new Promise<HttpAnswer>((resolve, reject) => {
      let requestSent = false;
      const fail = (error: Error & { code?: string }): void => {
        if (signal.aborted) {
          reject(new TransportError('aborted', 'the request was aborted', undefined, requestSent));
        } else {
          const code = error.code;
          const kind = code === 'EPROXYAUTH' ? 'proxy-auth' : code && TLS_ERROR.test(code) ? 'tls' : 'network';
          const message = code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
          reject(new TransportError(kind, message, code, requestSent));
        }
      };
      if (signal.aborted) {
        fail(new Error('aborted'));
        return;
      }
      const client = url.protocol === 'https:' ? https : http;
      const headers =
        request.body === undefined
          ? request.headers
          : { ...request.headers, 'Content-Length': String(Buffer.byteLength(request.body)) };
      this.requestsSent++;
      const req = client.request(url, { method: request.method, headers, agent: this.agentFor(url) });
      const onAbort = (): void => {
        req.destroy(new Error('aborted'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const done = (): void => signal.removeEventListener('abort', onAbort);
      req.on('finish', () => {
        requestSent = true;
      });
      req.on('error', (error) => {
        done();
        fail(error);
      });
      req.on('response', (res) => {
        readBounded(res).then(
          ({ body, truncated }) => {
            done();
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body,
              bodyTruncated: truncated,
            });
          },
          (error: Error) => {
            done();
            req.destroy();
            fail(error);
          },
        );
      });
      req.end(request.body);
    });
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
      agent = createAgent(url);
      this.agents.set(key, agent);
    }
    return agent;
  }
}

function createAgent(url: URL): http.Agent {
  // One socket, kept alive: the request that answers the digest challenge reuses the connection.
  const options = { keepAlive: true, maxSockets: 1 };
  if (url.protocol === 'http:') return new http.Agent(options); // loopback only, never proxied
  const proxy = getProxyUrl(url);
  return proxy ? new ProxyTunnelAgent(proxy, options) : new https.Agent(options);
}

function readBounded(res: http.IncomingMessage): Promise<{ body: string; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      const room = MAX_BODY_BYTES - size;
      if (chunk.length >= room) {
        chunks.push(chunk.subarray(0, room));
        size = MAX_BODY_BYTES;
        res.destroy(); // stop reading: the rest is never held in memory
        resolve({ body: Buffer.concat(chunks).toString('utf8'), truncated: chunk.length > room || !res.complete });
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
