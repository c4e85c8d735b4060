// One HTTP exchange over node:http(s): the proxy decided by the network environment, keep-alive so
// the digest round trip reuses the connection, certificates always verified, bounded body reads,
// no redirects. An exchange always settles: at once when its signal aborts (in any phase: DNS,
// TCP, the proxy's CONNECT, TLS, headers, body), with an answer for a 101 Switching Protocols,
// and with an error when the connection closes without an answer — so no promise is left pending
// on a socket Node has silently dropped.
import * as http from 'node:http';
import * as https from 'node:https';
import { fromServer, fromSettings, line, type SafeText } from '../text.ts';
import type { NetworkEnvironment } from './network-env.ts';
import { ProxyRefusalError, ProxyTunnelAgent, TUNNEL_SIGNAL, TunnelAbortedError } from './proxy-agent.ts';

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
  /** The message as one safe line (Node's and OpenSSL's messages may quote what a server sent). */
  readonly text: SafeText;
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
    const text = fromServer(message);
    super(text);
    this.name = 'TransportError';
    this.text = text;
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
  const message = code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  if (error instanceof ProxyRefusalError) {
    return new TransportError('proxy', message, { requestSent: false, proxyStatus: error.status });
  }
  // Stryker disable next-line BooleanLiteral: equivalent, an aborted tunnel has already settled the exchange through onAbort
  if (error instanceof TunnelAbortedError) return new TransportError('aborted', message, { requestSent: false });
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
  route(url: URL): SafeText {
    const agent = this.agentFor(url);
    return agent instanceof ProxyTunnelAgent ? line`through proxy ${fromSettings(agent.address)}` : line`directly`;
  }

  send(request: HttpRequest): Promise<HttpAnswer> {
    const { url, signal } = request;
    if (signal.aborted)
      return Promise.reject(new TransportError('aborted', 'the request was aborted', { requestSent: false }));
    return new Promise<HttpAnswer>((resolve, reject) => {
      let requestSent = false;
      let answered = false;
      let settled = false;
      const settle = (outcome: { answer: HttpAnswer } | { error: TransportError }): void => {
        // Stryker disable next-line all: equivalent, a promise settles once and removing the listener twice is harmless
        if (settled) return;
        // Stryker disable next-line BooleanLiteral: equivalent, as above
        settled = true;
        signal.removeEventListener('abort', onAbort);
        if ('answer' in outcome) resolve(outcome.answer);
        else reject(outcome.error);
      };
      const fail = (error: Error & { code?: string }): void => {
        // Stryker disable all: equivalent on Node 24, which reports errors a tick after onAbort has settled
        if (signal.aborted) {
          settle({ error: new TransportError('aborted', 'the request was aborted', { requestSent }) });
          return;
        }
        // Stryker restore all
        const stale = req.reusedSocket && !answered && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
        settle({ error: classify(error, requestSent, stale) });
      };
      // The abort settles the exchange itself: it never waits for the socket to report back.
      const onAbort = (): void => {
        settle({ error: new TransportError('aborted', 'the request was aborted', { requestSent }) });
        req.destroy();
      };

      // Stryker disable next-line all: equivalent, the agent (chosen per protocol) decides how the request travels
      const client = url.protocol === 'https:' ? https : http;
      const headers =
        request.body === undefined
          ? request.headers
          : { ...request.headers, 'Content-Length': String(Buffer.byteLength(request.body)) };
      const options: http.RequestOptions & { [TUNNEL_SIGNAL]: AbortSignal } = {
        method: request.method,
        headers,
        agent: this.agentFor(url),
        [TUNNEL_SIGNAL]: signal,
      };
      const req = client.request(url, options);
      req.on('finish', () => {
        requestSent = true;
      });
      req.on('error', fail);
      // A 101 hands the socket over; without this listener Node would drop it without a word.
      req.on('upgrade', (res, socket) => {
        // Stryker disable next-line BooleanLiteral: equivalent, settled before the destroyed socket closes
        answered = true;
        socket.destroy();
        settle({ answer: { status: res.statusCode ?? 0, headers: res.headers, body: '', bodyTruncated: false } });
      });
      req.on('response', (res) => {
        if (!requestSent && url.protocol === 'http:') {
          // On plain HTTP, an answer that came before the request was written answers an earlier
          // one, or none: left on a kept-alive connection, it must never pass for ours.
          req.destroy();
          settle({ error: leftoverAnswer(req.reusedSocket) });
          return;
        }
        // Over TLS, Node may report the write done only after the answer to it has arrived (seen
        // here after an interim answer: 1 request in 5), so the order proves nothing; and only the
        // server itself could put an answer on that connection, which it could as well give falsely.
        requestSent = true;
        answered = true;
        readBounded(res).then(
          ({ body, truncated }) => {
            settle({ answer: { status: res.statusCode ?? 0, headers: res.headers, body, bodyTruncated: truncated } });
          },
          (error: Error) => {
            // Stryker disable next-line CallExpression: equivalent, the socket has already failed
            req.destroy();
            fail(error);
          },
        );
      });
      // Whatever else happened, a request that closes without an answer has failed.
      req.on('close', () => {
        if (!answered)
          fail(Object.assign(new Error('the connection closed without an answer'), { code: 'ECONNRESET' }));
      });
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, settle() removes the listener itself
      signal.addEventListener('abort', onAbort, { once: true });
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

/**
 * An answer the server sent before the request was written: treated as a stale connection. The
 * request counts as sent: the server may still read and act on what was written.
 */
function leftoverAnswer(reusedSocket: boolean): TransportError {
  return new TransportError(
    'network',
    'the server answered before the request was written (an answer left on the connection)',
    {
      code: 'ERR_LEFTOVER_ANSWER',
      requestSent: true,
      staleConnection: reusedSocket,
    },
  );
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
    // Stryker disable next-line all: a safety net, equivalent on Node 24, which raises 'error' before 'close' on a cut answer
    res.on('close', () => {
      // Stryker disable next-line all: as above
      if (!res.complete) reject(Object.assign(new Error('the connection closed mid-answer'), { code: 'ECONNRESET' }));
    });
  });
}
