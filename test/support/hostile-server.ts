// A scriptable, misbehaving Atlas on loopback, and a misbehaving CONNECT proxy in front of it, for
// the randomized end-to-end suite. A scenario (plain data, made by fast-check in
// hostile-scenarios.ts) says what happens at every request and every phase; the servers interpret
// it and record what they saw and did, so the invariants can judge the action against facts.
//
// HTTP is spoken by hand over raw sockets (net/tls), so that an answer can stop anywhere, carry any
// byte, or be preceded by interim answers. Nothing here is random: nonces and tokens are derived
// from the scenario's salt, so the same scenario makes the same server.
import { createHash } from 'node:crypto';
import * as net from 'node:net';
import * as tls from 'node:tls';
import { parseAuthorization, verifyDigest } from './digest-verifier.ts';

// ---------------------------------------------------------------------------------------------
// The scenario model: what the servers do, as data.

/** How the action reaches the server: plain http on 127.0.0.1, https on 127.0.0.1, or https to a
 * host name only the proxy can resolve, through an authenticating CONNECT proxy. */
export type Route = 'http' | 'https' | 'proxy';

/** The kinds of request the server tells apart. */
export type RequestKind =
  /** An Atlas API request that is not authorized: no credentials, or credentials that do not verify. */
  | 'challenge'
  /** An Atlas API request whose digest verifies, or whose bearer token the token endpoint issued. */
  | 'authorized'
  /** POST /api/oauth/token. */
  | 'token'
  /** POST /api/oauth/revoke. */
  | 'revoke';

/** Where an answer breaks off: before its first byte, inside the status line, the headers or the body. */
export type Phase = 'before-status' | 'status-line' | 'headers' | 'body';
/** How it breaks off: stop sending (the connection stays open), close it (FIN), or reset it (RST). */
export type Cut = 'stall' | 'close' | 'reset';
/** What happens to the connection after a complete answer. */
export type After = 'keep-alive' | 'close' | 'reset';

export type Header = [name: string, value: string];

export type TokenShape = 'normal' | 'long' | 'empty' | 'number' | 'spaced' | 'multiline' | 'bidi';

export type Body =
  | { kind: 'empty' }
  /** Atlas's error shape; `error` is the status it claims. */
  | { kind: 'atlas-error'; error: number; errorCode: string; detail: string }
  /** `{"status":…,"content":…}`: Atlas's envelope; a lying one when the HTTP status is not 200. */
  | { kind: 'envelope'; status: number; content: 'organization' | 'empty' | 'atlas-error' | 'null' | 'text' }
  /** A token endpoint's answer, with an access token minted by the server. */
  | { kind: 'token'; shape: TokenShape; tokenType: string | null; expiresIn: string | number | null }
  | { kind: 'oauth-error'; error: string; description: string }
  /** Return One Organization's answer: the right id, another one, the right one upper-cased, or none. */
  | { kind: 'organization'; id: 'same' | 'other' | 'upper' | 'none'; name: string }
  /** Any JSON text. */
  | { kind: 'json'; text: string }
  /** JSON cut short: `{"status":204,` and the like. */
  | { kind: 'broken-json'; text: string }
  | { kind: 'html'; title: string }
  | { kind: 'text'; text: string }
  /** A body larger than the action reads (64 KiB), JSON-looking. */
  | { kind: 'huge'; bytes: number };

export interface Answer {
  status: number;
  /** The reason phrase; the standard one when null. */
  reason: string | null;
  headers: Header[];
  body: Body;
}

/** A Digest offer of a WWW-Authenticate header, any parameter of which may be bent. */
export interface DigestOffer {
  scheme: 'Digest' | 'digest' | 'DIGEST';
  realm: string | null;
  nonce: 'issued' | 'none' | 'empty' | 'quote' | 'backslash' | 'long';
  algorithm: string | null;
  qop: string | null;
  opaque: string | null;
  stale: string | null;
  /** Algorithm, qop and stale unquoted. */
  bare: boolean;
}

/** One offer of a WWW-Authenticate header: Digest, or anything else written as is (another scheme, a broken header). */
export type Offer = DigestOffer | { scheme: 'raw'; text: string };

export interface Challenge {
  offers: Offer[];
  /** One WWW-Authenticate header per offer, instead of one header with all. */
  split: boolean;
}

/** What the server does with one request of a kind. */
export type Behaviour =
  /** What a well-behaved Atlas would answer; `slow`: after 5 % of the attempt's time limit. */
  | { act: 'normal'; slow: boolean; after: After }
  | { act: 'answer'; answer: Answer; after: After }
  /** 401 with a WWW-Authenticate header from the challenge grammar. */
  | { act: 'challenge'; challenge: Challenge; forgetNonces: boolean; after: After }
  /** Starts an answer (the normal one, or a scripted one) and breaks off in `phase`. */
  | { act: 'cut'; phase: Phase; cut: Cut; answer: Answer | 'normal' }
  /** A 1xx interim answer (with headers), then the final one. */
  | { act: 'interim'; status: 100 | 102 | 103; headers: Header[]; then: Answer | 'normal' }
  /** An unsolicited 101 Switching Protocols (with or without Upgrade), then silence, a close, a reset or bytes. */
  | { act: 'switch'; upgrade: boolean; then: Cut | 'garbage' };

/** What the server does with a new connection before reading any request (accept and TLS phases). */
export type ConnectionFault =
  | 'none'
  | 'accept-close'
  | 'accept-reset'
  | 'accept-stall'
  /** TLS routes only: */
  | 'tls-stall'
  | 'tls-close'
  | 'tls-reset'
  /** Answers the TLS hello in plain text. */
  | 'tls-plaintext'
  /** Completes the handshake with a certificate the action does not trust. */
  | 'tls-untrusted';

/** What the proxy does with one CONNECT. */
export type ProxyStep =
  | { act: 'tunnel'; slow: boolean }
  | { act: 'accept-close' }
  | { act: 'accept-reset' }
  /** Reads the CONNECT and never answers. */
  | { act: 'stall' }
  | { act: 'refuse'; status: number; body: string; close: boolean }
  /** Starts `HTTP/1.1 200 Conn` and breaks off. */
  | { act: 'cut'; cut: Cut }
  /** Answers with bytes that are not HTTP. */
  | { act: 'garbage'; text: string }
  /** `100 Continue`, then 200. */
  | { act: 'interim' };

export interface Scenario {
  auth: 'digest' | 'service-account';
  apiVersion: 'v1.0' | 'v2';
  envelope: boolean;
  dryRun: boolean;
  failOnNotFound: boolean;
  maxAttempts: number;
  timeoutSeconds: number;
  retryDelaySeconds: number;
  route: Route;
  /** The server's n-th accepted connection meets connections[n]; later ones are normal. */
  connections: ConnectionFault[];
  /** The proxy's n-th CONNECT meets proxy[n]; later ones are tunnelled. */
  proxy: ProxyStep[];
  /** Per request kind, the behaviours of its first requests in order; later ones are normal. */
  behaviours: Record<RequestKind, Behaviour[]>;
  /** Send SIGINT once the servers have seen this many events (connections, CONNECTs, requests), after a delay. */
  cancel: { afterEvents: number; delayMs: number } | null;
  /** Makes this scenario's nonces, tokens and proxy password its own. */
  salt: number;
}

// ---------------------------------------------------------------------------------------------
// What the servers record.

export interface Exchange {
  seq: number;
  kind: RequestKind;
  method: string;
  /** The request target as received (path and query). */
  target: string;
  /** For `challenge`, why the credentials did not verify (absent when there were none). */
  rejection?: string;
  /** The bearer token the request presented, if any. */
  bearer?: string;
  /** The token named in a revoke request's form. */
  revokedToken?: string;
  /** What the server did, in words. */
  behaviour: string;
  /** The final status whose status line the server sent in full: its decision. */
  status?: number;
  /** The numeric `status` of an envelope body the server sent, if it sent one. */
  envelopeStatus?: number;
  /** The whole answer went out, well-formed, and the connection was not reset after it. */
  delivered: boolean;
}

export interface IssuedToken {
  value: string;
  /** The token_type the endpoint named (null when it named none). */
  tokenType: string | null;
  /** Sent: the token endpoint's HTTP 200 whose JSON body carries it went out whole and well-formed. */
  sent: boolean;
  /** Issued: sent, and the connection was not reset right after (which may destroy it unread). */
  issued: boolean;
}

export type TimelineEvent =
  | { type: 'connection'; at: number; fault: ConnectionFault }
  | { type: 'connect'; at: number; step: string }
  | { type: 'request'; at: number; exchange: Exchange };

const ORGANIZATION_NAME = 'Hostile Org';
export const REALM = 'MMS Public API';
const V2_MEDIA_TYPE = 'application/vnd.atlas.2023-01-01+json';
/** Node's default limit on an answer's head; heads near it are avoided, above it they are malformed. */
const MAX_HEAD_BYTES = 16 * 1024;

const LINK_TOKEN_PATH = /^\/api\/atlas\/(v1\.0|v2)\/orgs\/([0-9a-f]{24})\/liveMigrations\/linkTokens$/;
const ORGANIZATION_PATH = /^\/api\/atlas\/(v1\.0|v2)\/orgs\/([0-9a-f]{24})$/;
/** Return All Projects Available for Migration (v2 only; needs the Organization Owner role). */
const AVAILABLE_PROJECTS_PATH = /^\/api\/atlas\/(v2)\/orgs\/([0-9a-f]{24})\/liveMigrations\/availableProjects$/;
const AVAILABLE_PROJECTS = [
  { projectId: '32b6e34b3d91647abb20e7b8', name: 'Hostile Project', deployments: [], migrationHosts: [] },
];
const TOKEN_CHARS = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const REASONS: Record<number, string> = {
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  409: 'Conflict',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Deterministic text from the scenario's salt: the same scenario, the same nonces and tokens. */
function derive(salt: number, purpose: string, n: number): string {
  return createHash('sha256').update(`${purpose}:${salt}:${n}`).digest('base64');
}

/** The proxy's credentials in a scenario: a password with characters that need encoding in a URL. */
export function proxyCredentials(salt: number): { user: string; password: string } {
  return { user: 'hostile-user', password: `px@${derive(salt, 'proxy', 0).slice(0, 16)}:S3cret` };
}

/** An HTTP quoted-string. */
function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

function noBody(status: number): boolean {
  return status === 204 || status === 304 || (status >= 100 && status < 200);
}

/** A rendered answer: its head and body as bytes, and what it means. */
interface Rendered {
  status: number;
  head: Buffer;
  body: Buffer;
  wellFormed: boolean;
  envelopeStatus?: number;
  /** Access tokens this answer carries (minted by rendering it). */
  tokens: IssuedToken[];
}

interface ParsedRequest {
  method: string;
  target: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * A connection after an answer: still answering; silent (it stalled or the server closed its side:
 * what still arrives is read and recorded, never answered); or reset.
 */
type ConnectionState = 'open' | 'silent' | 'ended';

interface NonceRecord {
  realm: string;
  algorithm: string;
}

export interface HostileServerOptions {
  scenario: Scenario;
  publicKey: string;
  privateKey: string;
  clientId: string;
  clientSecret: string;
  /** For the https and proxy routes: the trusted certificate, and one the action does not trust. */
  tls?: { key: string; cert: string; untrusted: { key: string; cert: string } };
  /** Called at every event (connection, request), for the cancellation trigger. */
  onEvent?: () => void;
}

/** A TCP listener on loopback that keeps its sockets, so that closing it ends every connection. */
abstract class LoopbackListener {
  private readonly server = net.createServer((socket) => {
    this.track(socket);
    this.accept(socket);
  });
  private readonly sockets = new Set<net.Socket>();

  /** What the listener does with a new connection. */
  protected abstract accept(socket: net.Socket): void;

  /** Listens on a free port of 127.0.0.1; resolves to the port. */
  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as net.AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Keeps `socket` until it closes; its errors are part of the scenario, not failures. */
  protected track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
  }
}

export class HostileServer extends LoopbackListener {
  readonly exchanges: Exchange[] = [];
  readonly tokens: IssuedToken[] = [];
  readonly timeline: TimelineEvent[] = [];
  private readonly options: HostileServerOptions;
  private readonly scenario: Scenario;
  private readonly queues: Record<RequestKind, Behaviour[]>;
  private readonly connectionFaults: ConnectionFault[];
  private readonly nonces = new Map<string, NonceRecord>();
  private readonly lastNc = new Map<string, number>();
  private nonceCount = 0;
  private tokenCount = 0;
  private closed = false;

  constructor(options: HostileServerOptions) {
    super();
    this.options = options;
    this.scenario = options.scenario;
    this.queues = {
      challenge: [...options.scenario.behaviours.challenge],
      authorized: [...options.scenario.behaviours.authorized],
      token: [...options.scenario.behaviours.token],
      revoke: [...options.scenario.behaviours.revoke],
    };
    this.connectionFaults = [...options.scenario.connections];
  }

  override async close(): Promise<void> {
    this.closed = true;
    await super.close();
  }

  // --- accept and TLS phases ------------------------------------------------------------------

  protected override accept(raw: net.Socket): void {
    const fault = this.connectionFaults.shift() ?? 'none';
    this.timeline.push({ type: 'connection', at: Date.now(), fault });
    this.options.onEvent?.();
    switch (fault) {
      case 'accept-close':
        raw.end();
        return;
      case 'accept-reset':
        raw.resetAndDestroy();
        return;
      case 'accept-stall':
        raw.pause();
        return;
    }
    if (!this.options.tls) {
      this.serve(raw, raw);
      return;
    }
    const afterHello = (then: () => void): void => {
      raw.once('data', then);
    };
    switch (fault) {
      case 'tls-stall':
        raw.pause();
        return;
      case 'tls-close':
        afterHello(() => raw.end());
        return;
      case 'tls-reset':
        afterHello(() => raw.resetAndDestroy());
        return;
      case 'tls-plaintext':
        afterHello(() => raw.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'));
        return;
    }
    const credentials = fault === 'tls-untrusted' ? this.options.tls.untrusted : this.options.tls;
    const secure = new tls.TLSSocket(raw, { isServer: true, key: credentials.key, cert: credentials.cert });
    this.track(secure);
    this.serve(secure, raw);
  }

  // --- reading requests -----------------------------------------------------------------------

  /**
   * Reads requests one after the other from `socket` (`raw` is the TCP socket under it, to reset).
   * A connection that stalled, or whose server side was closed, goes on being read: what arrives on
   * it reached the server, and is recorded, never answered.
   */
  private serve(socket: net.Socket, raw: net.Socket): void {
    let buffer = Buffer.alloc(0);
    let busy = false;
    let state: ConnectionState = 'open';
    const next = (): void => {
      while (!busy && !this.closed && !socket.destroyed && state !== 'ended') {
        const request = parseRequest(buffer);
        if (!request) return;
        buffer = buffer.subarray(request.length);
        if (state === 'silent') {
          this.record(request.request, 'unanswered: the server had stalled or closed the connection');
          continue;
        }
        busy = true;
        void this.handle(request.request, socket, raw).then((after) => {
          busy = false;
          state = after;
          next();
        });
      }
    };
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      next();
    });
  }

  // --- deciding what a request is, and what to do -------------------------------------------

  private classify(request: ParsedRequest): Pick<Exchange, 'kind' | 'rejection' | 'bearer' | 'revokedToken'> {
    const path = request.target.split('?')[0] ?? '';
    if (path === '/api/oauth/token') return { kind: 'token' };
    if (path === '/api/oauth/revoke') {
      const token = new URLSearchParams(request.body).get('token');
      return token === null ? { kind: 'revoke' } : { kind: 'revoke', revokedToken: token };
    }
    const authorization = request.headers['authorization'];
    if (authorization === undefined) return { kind: 'challenge' };
    const bearer = /^Bearer (.*)$/s.exec(authorization)?.[1];
    if (bearer !== undefined) {
      const token = this.tokens.find((issued) => issued.value === bearer);
      if (!token?.sent) return { kind: 'challenge', bearer, rejection: 'bearer token not issued' };
      if (token.tokenType?.toLowerCase() !== 'bearer') {
        return { kind: 'challenge', bearer, rejection: `token issued as ${String(token.tokenType)}` };
      }
      return { kind: 'authorized', bearer };
    }
    const nonce = parseAuthorization(authorization).params['nonce'] ?? '';
    const record = this.nonces.get(nonce);
    if (!record) return { kind: 'challenge', rejection: 'nonce not issued' };
    const check = verifyDigest({
      header: authorization,
      method: request.method,
      uri: request.target,
      realm: record.realm,
      algorithm: record.algorithm,
      users: { [this.options.publicKey]: this.options.privateKey },
      nonceIsKnown: (known) => this.nonces.has(known),
    });
    if (!check.ok) return { kind: 'challenge', rejection: check.reason ?? 'digest' };
    const previous = this.lastNc.get(nonce) ?? 0;
    if ((check.nc ?? 0) <= previous) return { kind: 'challenge', rejection: `nonce count ${check.nc} replayed` };
    this.lastNc.set(nonce, check.nc ?? 0);
    return { kind: 'authorized' };
  }

  /** Records a request as received: an exchange, in the timeline, and an event. */
  private record(request: ParsedRequest, behaviour: string, facts = this.classify(request)): Exchange {
    const exchange: Exchange = {
      seq: this.exchanges.length + 1,
      method: request.method,
      target: request.target,
      ...facts,
      behaviour,
      delivered: false,
    };
    this.exchanges.push(exchange);
    this.timeline.push({ type: 'request', at: Date.now(), exchange });
    this.options.onEvent?.();
    return exchange;
  }

  /** Answers one request as its kind's next behaviour says; resolves to the connection's state after it. */
  private async handle(request: ParsedRequest, socket: net.Socket, raw: net.Socket): Promise<ConnectionState> {
    const facts = this.classify(request); // once: it counts the nonce's uses
    const kind = facts.kind;
    const behaviour = this.queues[kind].shift() ?? { act: 'normal', slow: false, after: 'keep-alive' };
    const exchange = this.record(request, describeBehaviour(behaviour), facts);

    const write = (bytes: Buffer): Promise<void> =>
      new Promise((resolve) => {
        if (socket.destroyed) resolve();
        else socket.write(bytes, () => resolve());
      });
    const finish = (after: After): ConnectionState => {
      if (after === 'close') socket.end();
      if (after === 'reset') raw.resetAndDestroy();
      return after === 'keep-alive' ? 'open' : after === 'close' ? 'silent' : 'ended';
    };
    const cut = (how: Cut | 'garbage'): ConnectionState => {
      if (how === 'close') socket.end();
      if (how === 'reset') raw.resetAndDestroy();
      if (how === 'garbage') socket.write('\u0000\u0081garbage after the switch\r\n');
      return how === 'reset' ? 'ended' : 'silent';
    };
    /** Sends a complete answer and records it. */
    const send = async (rendered: Rendered, after: After): Promise<ConnectionState> => {
      exchange.status = rendered.status;
      if (rendered.envelopeStatus !== undefined) exchange.envelopeStatus = rendered.envelopeStatus;
      const intact = !socket.destroyed;
      await write(Buffer.concat([rendered.head, rendered.body]));
      exchange.delivered = rendered.wellFormed && after !== 'reset' && intact;
      for (const token of rendered.tokens) {
        token.sent = rendered.wellFormed && intact && rendered.status === 200 && kind === 'token';
        token.issued = token.sent && after !== 'reset';
        this.tokens.push(token);
      }
      return finish(after);
    };
    const rendering = (answer: Answer | 'normal'): Rendered =>
      answer === 'normal' ? this.normal(request, kind) : this.render(answer, request);

    switch (behaviour.act) {
      case 'normal':
        if (behaviour.slow) await sleep(this.scenario.timeoutSeconds * 50);
        return send(this.normal(request, kind), behaviour.after);
      case 'answer':
        return send(this.render(behaviour.answer, request), behaviour.after);
      case 'challenge':
        if (behaviour.forgetNonces) this.nonces.clear();
        return send(this.challengeAnswer(behaviour.challenge), behaviour.after);
      case 'interim': {
        const interim = renderHead(behaviour.status, null, behaviour.headers, undefined, 'keep-alive');
        await write(interim.head);
        if (!interim.wellFormed) return send({ ...rendering(behaviour.then), wellFormed: false }, 'keep-alive');
        return send(rendering(behaviour.then), 'keep-alive');
      }
      case 'switch': {
        const upgrade: Header[] = behaviour.upgrade
          ? [
              ['Upgrade', 'websocket'],
              ['Connection', 'Upgrade'],
            ]
          : [];
        const head = `HTTP/1.1 101 Switching Protocols\r\n${upgrade.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
        await write(Buffer.from(head, 'latin1'));
        return cut(behaviour.then);
      }
      case 'cut': {
        const rendered = rendering(behaviour.answer);
        const { head } = rendered;
        let body = rendered.body;
        if (behaviour.phase === 'before-status') {
          // nothing of the answer goes out
        } else if (behaviour.phase === 'status-line') {
          await write(head.subarray(0, Math.min(9, head.length)));
        } else if (behaviour.phase === 'headers') {
          const statusLineEnd = head.indexOf('\r\n') + 2;
          await write(head.subarray(0, Math.max(statusLineEnd, Math.floor(head.length / 2))));
          exchange.status = rendered.status;
        } else {
          // The head promises more body than is sent (an empty body gets one to cut).
          if (body.length === 0 && !noBody(rendered.status)) body = Buffer.from('{"detail":"cut short"}');
          const length = noBody(rendered.status) ? '' : `Content-Length: ${body.length}\r\n`;
          const headText = head.toString('latin1').replace(/Content-Length: \d+\r\n/, '');
          const fullHead = Buffer.from(headText.replace(/\r\n\r\n$/, `\r\n${length}\r\n`), 'latin1');
          await write(Buffer.concat([fullHead, body.subarray(0, Math.floor(body.length / 2))]));
          exchange.status = rendered.status;
          if (rendered.envelopeStatus !== undefined) exchange.envelopeStatus = rendered.envelopeStatus;
          // A 204's head is the whole answer: complete, unless a reset may destroy it unread.
          exchange.delivered = noBody(rendered.status) && rendered.wellFormed && behaviour.cut !== 'reset';
        }
        // Tokens in a cut answer were minted but never issued: the body never arrived whole.
        for (const token of rendered.tokens) this.tokens.push(token);
        return cut(behaviour.cut);
      }
    }
  }

  // --- normal answers, as a well-behaved Atlas --------------------------------------------------

  private normal(request: ParsedRequest, kind: RequestKind): Rendered {
    const json = (status: number, body: unknown, headers: Header[] = []): Rendered =>
      this.render({ status, reason: null, headers, body: { kind: 'json', text: JSON.stringify(body) } }, request);
    const basic = `Basic ${Buffer.from(`${this.options.clientId}:${this.options.clientSecret}`).toString('base64')}`;
    switch (kind) {
      case 'challenge': {
        const stale = request.headers['authorization']?.startsWith('Digest ') === true;
        return this.challengeAnswer({ offers: [atlasOffer(stale)], split: false });
      }
      case 'token': {
        if (request.method !== 'POST' || request.headers['authorization'] !== basic) {
          return json(401, { error: 'invalid_client', error_description: 'Invalid client credentials.' });
        }
        if (new URLSearchParams(request.body).get('grant_type') !== 'client_credentials') {
          return json(400, { error: 'unsupported_grant_type' });
        }
        return this.render(
          {
            status: 200,
            reason: null,
            headers: [],
            body: { kind: 'token', shape: 'normal', tokenType: 'Bearer', expiresIn: 3600 },
          },
          request,
        );
      }
      case 'revoke':
        return request.headers['authorization'] === basic
          ? this.render({ status: 200, reason: null, headers: [], body: { kind: 'empty' } }, request)
          : json(401, { error: 'invalid_client' });
      case 'authorized': {
        const url = new URL(request.target, 'http://hostile');
        const projects = AVAILABLE_PROJECTS_PATH.exec(url.pathname);
        const read = ORGANIZATION_PATH.exec(url.pathname) ?? projects;
        const match = request.method === 'GET' ? read : LINK_TOKEN_PATH.exec(url.pathname);
        const enveloped = url.searchParams.get('envelope') === 'true';
        const atlas = (status: number, body: Body): Rendered =>
          this.render(
            enveloped
              ? {
                  status: 200,
                  reason: null,
                  headers: [],
                  body: { kind: 'envelope', status, content: body.kind === 'organization' ? 'organization' : 'empty' },
                }
              : { status, reason: null, headers: [], body },
            request,
          );
        if ((request.method !== 'DELETE' && request.method !== 'GET') || !match) {
          return atlas(404, { kind: 'atlas-error', error: 404, errorCode: 'RESOURCE_NOT_FOUND', detail: 'Not found' });
        }
        if (match[1] === 'v2' && request.headers['accept'] !== V2_MEDIA_TYPE) {
          return atlas(406, {
            kind: 'atlas-error',
            error: 406,
            errorCode: 'INVALID_VERSION_DATE',
            detail: 'Invalid accept header or version date.',
          });
        }
        if (projects) {
          const list = enveloped ? { status: 200, content: AVAILABLE_PROJECTS } : AVAILABLE_PROJECTS;
          return json(200, list);
        }
        return request.method === 'GET'
          ? atlas(200, { kind: 'organization', id: 'same', name: ORGANIZATION_NAME })
          : atlas(204, { kind: 'empty' });
      }
    }
  }

  // --- challenges -----------------------------------------------------------------------------

  private challengeAnswer(challenge: Challenge): Rendered {
    const values = challenge.offers.map((offer) => this.renderOffer(offer));
    const headers: Header[] = challenge.split
      ? values.map((value): Header => ['WWW-Authenticate', value])
      : [['WWW-Authenticate', values.join(', ')]];
    const body: Body = {
      kind: 'json',
      text: JSON.stringify({
        error: 401,
        reason: 'Unauthorized',
        detail: 'You are not authorized for this resource.',
        parameters: [],
      }),
    };
    return this.render({ status: 401, reason: null, headers, body }, undefined);
  }

  private renderOffer(offer: Offer): string {
    if (offer.scheme === 'raw') return offer.text;
    const issued = this.newNonce();
    const nonce = {
      issued,
      none: undefined,
      empty: '',
      quote: `${issued.slice(0, 8)}"${issued.slice(8)}`,
      backslash: `${issued.slice(0, 8)}\\${issued.slice(8)}`,
      long: issued.repeat(120),
    }[offer.nonce];
    if (nonce !== undefined && nonce !== '') {
      this.nonces.set(nonce, { realm: offer.realm ?? '', algorithm: offer.algorithm ?? 'MD5' });
    }
    const value = (text: string): string => (offer.bare ? text : quoted(text));
    const params = [
      offer.realm === null ? undefined : `realm=${quoted(offer.realm)}`,
      'domain=""',
      nonce === undefined ? undefined : `nonce=${quoted(nonce)}`,
      offer.algorithm === null ? undefined : `algorithm=${offer.bare ? offer.algorithm : quoted(offer.algorithm)}`,
      offer.qop === null ? undefined : `qop=${value(offer.qop)}`,
      offer.opaque === null ? undefined : `opaque=${quoted(offer.opaque)}`,
      offer.stale === null ? undefined : `stale=${offer.bare ? offer.stale : quoted(offer.stale)}`,
    ].filter((param) => param !== undefined);
    return `${offer.scheme} ${params.join(', ')}`;
  }

  /** An Atlas-shaped nonce (base64 with '+' and '/'), derived from the salt. */
  private newNonce(): string {
    const text = derive(this.scenario.salt, 'nonce', this.nonceCount++).slice(0, 32);
    return /[+/]/.test(text) ? text : `${text.slice(0, 10)}+/${text.slice(12)}`;
  }

  private mintToken(shape: TokenShape): string | number {
    const base = `hat_${derive(this.scenario.salt, 'token', this.tokenCount++).replace(/[+/=]/g, '').slice(0, 36)}`;
    const second = `hat_${derive(this.scenario.salt, 'token-part', this.tokenCount).replace(/[+/=]/g, '')}`;
    switch (shape) {
      case 'normal':
        return base;
      case 'long':
        return `${base}.${'eyJhbGciOiJSUzI1NiJ9'.repeat(100)}`;
      case 'empty':
        return '';
      case 'number':
        return 1234567890123;
      case 'spaced':
        return `${base} ${second}`;
      case 'multiline':
        return `${base}\r\n${second}`;
      case 'bidi':
        return `${base}\u202e${second}`;
    }
  }

  // --- rendering answers --------------------------------------------------------------------

  private render(answer: Answer, request: ParsedRequest | undefined): Rendered {
    const tokens: IssuedToken[] = [];
    let envelopeStatus: number | undefined;
    let text: string | Buffer;
    let contentType: string | undefined = 'application/json';
    const body = answer.body;
    switch (body.kind) {
      case 'empty':
        text = '';
        contentType = undefined;
        break;
      case 'atlas-error':
        text = JSON.stringify({
          detail: body.detail,
          error: body.error,
          errorCode: body.errorCode,
          parameters: [],
          reason: REASONS[body.error] ?? 'Error',
        });
        break;
      case 'envelope': {
        envelopeStatus = body.status;
        const content = {
          organization: { id: this.orgIdOf(request), name: ORGANIZATION_NAME, isDeleted: false },
          empty: {},
          'atlas-error': { detail: 'Enveloped error.', error: body.status, errorCode: 'ENVELOPED', parameters: [] },
          null: null,
          text: 'content as a string',
        }[body.content];
        text = JSON.stringify({ status: body.status, content });
        break;
      }
      case 'token': {
        const value = this.mintToken(body.shape);
        if (typeof value === 'string' && value !== '') {
          tokens.push({ value, tokenType: body.tokenType, sent: false, issued: false });
        }
        text = JSON.stringify({
          access_token: value,
          ...(body.tokenType === null ? {} : { token_type: body.tokenType }),
          ...(body.expiresIn === null ? {} : { expires_in: body.expiresIn }),
        });
        break;
      }
      case 'oauth-error':
        text = JSON.stringify({ error: body.error, error_description: body.description });
        break;
      case 'organization': {
        const orgId = this.orgIdOf(request);
        const id = { same: orgId, other: 'aaaaaaaaaaaaaaaaaaaaaaaa', upper: orgId.toUpperCase(), none: undefined }[
          body.id
        ];
        text = JSON.stringify({ ...(id === undefined ? {} : { id }), name: body.name, isDeleted: false });
        break;
      }
      case 'json':
      case 'broken-json':
        text = body.text;
        break;
      case 'html':
        text = `<html><head><title>${body.title}</title></head><body>Bad Gateway</body></html>`;
        contentType = 'text/html';
        break;
      case 'text':
        text = body.text;
        contentType = 'text/plain';
        break;
      case 'huge':
        text = `{"detail":"${'x'.repeat(body.bytes)}"}`;
        break;
    }
    const bytes = noBody(answer.status) ? Buffer.alloc(0) : Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
    const headers: Header[] =
      contentType !== undefined &&
      bytes.length > 0 &&
      !answer.headers.some(([name]) => name.toLowerCase() === 'content-type')
        ? [['Content-Type', contentType], ...answer.headers]
        : answer.headers;
    const rendered = renderHead(answer.status, answer.reason, headers, bytes.length, 'keep-alive');
    return {
      status: answer.status,
      head: rendered.head,
      body: bytes,
      wellFormed: rendered.wellFormed,
      ...(envelopeStatus === undefined || bytes.length === 0 ? {} : { envelopeStatus }),
      tokens: bytes.length === 0 ? [] : tokens,
    };
  }

  private orgIdOf(request: ParsedRequest | undefined): string {
    const match = /\/orgs\/([0-9a-f]{24})/.exec(request?.target ?? '');
    return match?.[1] ?? '000000000000000000000000';
  }
}

/** The challenge Atlas sends. */
export function atlasOffer(stale = false): DigestOffer {
  return {
    scheme: 'Digest',
    realm: REALM,
    nonce: 'issued',
    algorithm: 'MD5',
    qop: 'auth',
    opaque: null,
    stale: String(stale),
    bare: true,
  };
}

/** The head of an answer, and whether Node's HTTP parser can read it. */
function renderHead(
  status: number,
  reason: string | null,
  headers: Header[],
  contentLength: number | undefined,
  connection: 'keep-alive' | 'close',
): { head: Buffer; wellFormed: boolean } {
  const lines = [`HTTP/1.1 ${status} ${reason ?? REASONS[status] ?? 'Unknown'}`];
  for (const [name, value] of headers) lines.push(`${name}: ${value}`);
  if (!noBody(status)) lines.push(`Content-Length: ${contentLength ?? 0}`);
  if (status >= 200) lines.push(`Connection: ${connection}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8');
  // As Node's parser reads an answer (checked against it): header text goes out as UTF-8 and is
  // read as Latin-1, so a byte above 0x7f is obs-text; a header name must be a token; a header value
  // may hold tabs but no other control; the head must stay under 16 KiB.
  const visible = (text: string): boolean =>
    /^[\t\x20-\x7e]*$/.test(
      Buffer.from(text, 'utf8')
        .toString('latin1')
        .replace(/[\x80-\xff]/g, 'x'),
    );
  const wellFormed =
    head.length < MAX_HEAD_BYTES &&
    // Node reads any reason phrase but one that breaks the line (controls and all).
    (reason === null || !/[\r\n]/.test(reason)) &&
    headers.every(([name, value]) => {
      // A line is read up to its first colon: `X:Y: v` is the header X with the value `Y: v`.
      const line = `${name}: ${value}`;
      const colon = line.indexOf(':');
      return TOKEN_CHARS.test(line.slice(0, colon)) && visible(line.slice(colon + 1));
    });
  return { head, wellFormed };
}

/** One request from the front of `buffer`, with the number of bytes it took; undefined until complete. */
function parseRequest(buffer: Buffer): { request: ParsedRequest; length: number } | undefined {
  const end = buffer.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [requestLine = '', ...headerLines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
  const [method = '', target = ''] = requestLine.split(' ');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const start = end + 4;
  if (headers['transfer-encoding']?.toLowerCase() === 'chunked') {
    const chunks: Buffer[] = [];
    let at = start;
    for (;;) {
      const lineEnd = buffer.indexOf('\r\n', at);
      if (lineEnd === -1) return undefined;
      const size = parseInt(buffer.subarray(at, lineEnd).toString('latin1'), 16);
      if (Number.isNaN(size)) return undefined;
      if (buffer.length < lineEnd + 2 + size + 2) return undefined;
      if (size === 0) {
        const body = Buffer.concat(chunks).toString('utf8');
        return { request: { method, target, headers, body }, length: lineEnd + 4 };
      }
      chunks.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
  }
  const length = Number(headers['content-length'] ?? '0') || 0;
  if (buffer.length < start + length) return undefined;
  const body = buffer.subarray(start, start + length).toString('utf8');
  return { request: { method, target, headers, body }, length: start + length };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A behaviour in a few words, for the record and failure messages. */
function describeBehaviour(behaviour: Behaviour): string {
  const answer = (a: Answer | 'normal'): string => (a === 'normal' ? 'normal' : `${a.status} ${a.body.kind}`);
  switch (behaviour.act) {
    case 'normal':
      return behaviour.slow ? 'normal (slow)' : 'normal';
    case 'answer':
      return `answer ${answer(behaviour.answer)}`;
    case 'challenge':
      return `challenge (${behaviour.challenge.offers.length} offers)`;
    case 'cut':
      return `${behaviour.cut} in ${behaviour.phase} of ${answer(behaviour.answer)}`;
    case 'interim':
      return `${behaviour.status} then ${answer(behaviour.then)}`;
    case 'switch':
      return `101${behaviour.upgrade ? ' with Upgrade' : ''} then ${behaviour.then}`;
  }
}

// ---------------------------------------------------------------------------------------------
// The proxy.

export interface ProxiedConnect {
  target: string;
  /** Whether its Proxy-Authorization carried the scenario's credentials. */
  authorized: boolean;
  step: string;
}

export class HostileProxy extends LoopbackListener {
  readonly connects: ProxiedConnect[] = [];
  private readonly steps: ProxyStep[];
  private readonly expected: string;
  private readonly upstreamPort: number;
  private readonly timeline: TimelineEvent[];
  private readonly onEvent: (() => void) | undefined;
  private readonly slowMs: number;

  constructor(options: {
    scenario: Scenario;
    upstreamPort: number;
    /** Shared with the server, so events of both are in one order. */
    timeline: TimelineEvent[];
    onEvent?: () => void;
  }) {
    super();
    const { user, password } = proxyCredentials(options.scenario.salt);
    this.expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    this.steps = [...options.scenario.proxy];
    this.upstreamPort = options.upstreamPort;
    this.timeline = options.timeline;
    this.onEvent = options.onEvent;
    this.slowMs = options.scenario.timeoutSeconds * 50;
  }

  protected override accept(client: net.Socket): void {
    const step = this.steps.shift() ?? { act: 'tunnel', slow: false };
    if (step.act === 'accept-close' || step.act === 'accept-reset') {
      this.record('(none)', false, step);
      if (step.act === 'accept-close') client.end();
      else client.resetAndDestroy();
      return;
    }
    let buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end === -1) return;
      client.off('data', onData);
      client.pause();
      const [line = '', ...headerLines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
      const rest = buffer.subarray(end + 4);
      const target = line.split(' ')[1] ?? '';
      const authorization = headerLines
        .find((header) => header.toLowerCase().startsWith('proxy-authorization:'))
        ?.slice('proxy-authorization:'.length)
        .trim();
      const authorized = authorization === this.expected;
      this.record(target, authorized, step);
      if (!authorized) {
        client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\n\r\n');
        return;
      }
      void this.answer(step, client, rest);
    };
    client.on('data', onData);
  }

  private record(target: string, authorized: boolean, step: ProxyStep): void {
    this.connects.push({ target, authorized, step: step.act });
    this.timeline.push({ type: 'connect', at: Date.now(), step: step.act });
    this.onEvent?.();
  }

  private async answer(step: ProxyStep, client: net.Socket, rest: Buffer): Promise<void> {
    switch (step.act) {
      case 'stall':
        return;
      case 'refuse':
        client.write(
          `HTTP/1.1 ${step.status} ${REASONS[step.status] ?? 'Refused'}\r\nContent-Length: ${Buffer.byteLength(step.body)}\r\n\r\n${step.body}`,
        );
        if (step.close) client.end();
        return;
      case 'cut':
        client.write('HTTP/1.1 200 Conn');
        if (step.cut === 'close') client.end();
        if (step.cut === 'reset') client.resetAndDestroy();
        return;
      case 'garbage':
        client.end(step.text);
        return;
      case 'interim':
        this.tunnel(client, rest, 'HTTP/1.1 100 Continue\r\n\r\n');
        return;
      case 'tunnel':
        if (step.slow) await sleep(this.slowMs);
        this.tunnel(client, rest, '');
        return;
      case 'accept-close':
      case 'accept-reset':
        return; // handled on accept
    }
  }

  private tunnel(client: net.Socket, rest: Buffer, prefix: string): void {
    const upstream = net.connect(this.upstreamPort, '127.0.0.1', () => {
      client.write(`${prefix}HTTP/1.1 200 Connection Established\r\n\r\n`);
      if (rest.length > 0) upstream.write(rest);
      upstream.pipe(client);
      client.pipe(upstream);
      client.resume();
    });
    this.track(upstream);
    // A reset upstream is passed on as a reset, a close as a close.
    upstream.on('close', (hadError) => (hadError ? client.resetAndDestroy() : client.end()));
    client.on('close', () => upstream.destroy());
  }
}
