// A local stand-in for Atlas on loopback, answering as MongoDB's API description and its recorded
// answers do: Delete One Link-Token, Return One Organization and Return All Projects Available for
// Migration (Organization Owner only), behind Atlas's digest challenge (checked with its own
// verifier) or a bearer token from its OAuth token endpoint, which it also revokes. It knows an
// Owner and a Member of each kind of credential, an active live migration that ends after some
// checks, and deprecation headers. It answers from per-test scripts and records every request it
// receives. Used by the tests, `npm run demo`, `npm run bench` and CI's `uses: ./` job.
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { makeNonce, verifyDigest } from './digest-verifier.ts';

export const REALM = 'MMS Public API';
export const V2_MEDIA_TYPE = 'application/vnd.atlas.2023-01-01+json';

/** What the stand-in does with one authenticated request. */
export type Step =
  /** An answer; enveloped in an HTTP 200 when the request asked for an envelope, unless `asIs`. */
  | { status: number; body?: unknown; headers?: Record<string, string>; asIs?: boolean }
  | { action: 'reset' } // destroy the connection without answering
  | { action: 'hang' } // accept and never answer
  | { action: 'stall-body' } // send headers and part of a body, then stall
  | { action: 'cut-body' } // send headers and part of a body, then reset the connection
  | { action: 'stale' } // answer 401 with stale=true and a new nonce
  | { action: 'switch-protocols' } // answer 101 Switching Protocols with an Upgrade header, then stay silent
  | { action: 'redirect'; location: string };

export interface RecordedRequest {
  method: string;
  path: string;
  /** The form body of token and revoke requests. */
  body: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** Whether it carried an Authorization header, and whether that header verified. */
  authorized: boolean;
  verified: boolean;
  /** The verifier's reason when it did not verify. */
  rejection?: string;
  /** What the stand-in answered: a status, or the action it took. */
  answer: string;
}

export interface StandInOptions {
  /** The API key pair of an Organization Owner. */
  publicKey: string;
  privateKey: string;
  /** A service account the token endpoint accepts, with the Organization Owner role. */
  serviceAccount?: { clientId: string; clientSecret: string };
  /** An API key pair with only the Organization Member role. */
  memberKey?: { publicKey: string; privateKey: string };
  /** A service account with only the Organization Member role. */
  memberServiceAccount?: { clientId: string; clientSecret: string };
  /** A live migration is active in these projects for this many DELETEs (Infinity: it never ends). */
  activeMigration?: { projects: string[]; checks: number };
  /** Deprecation and Sunset headers (and a Link) on every answer to a path of this API version. */
  deprecation?: { version: 'v1.0' | 'v2'; deprecation?: string; sunset?: string; link?: string };
  algorithm?: string;
  /** Replaces the whole WWW-Authenticate header of challenges (e.g. Basic only). */
  challengeHeader?: string;
  /** Serve HTTPS with this certificate instead of HTTP. */
  tls?: { key: string; cert: string };
  host?: string;
  /** Port to listen on; a free one when omitted. */
  port?: number;
  /** The realm of its challenges (Atlas's by default), written into the header as a quoted string. */
  realm?: string;
  /** Makes the nonces of its challenges (Atlas-shaped random ones by default). */
  makeNonce?: () => string;
  /** Answer an unknown nonce with stale=false, as a server that forgets nonces without saying so. */
  forgetsNoncesSilently?: boolean;
  /** The name its Return One Organization answers with. */
  organizationName?: string;
  /**
   * The one organization the credentials belong to; others are unknown, as Atlas answers them (a
   * DELETE gets the same 404 as an organization without a link-token). Every ID, when omitted.
   */
  organizationId?: string;
  /** expires_in of the tokens it issues (3600 by default). */
  tokenLifetimeSeconds?: number;
}

const json = (
  detail: string,
  error: number,
  errorCode: string | undefined,
  reason: string,
  parameters: unknown[] = [],
): object => ({
  detail,
  error,
  ...(errorCode ? { errorCode } : {}),
  parameters,
  reason,
});

/** Atlas's error bodies for the answers tests ask for most, as Atlas words them. */
export const ATLAS_ERRORS = {
  /** Atlas's real answer for a missing link-token (MongoDB's CLI e2e recordings), byte for byte. */
  notFound: () =>
    '{"detail":"Could not find the requested external organization link.","error":404,"errorCode":"UNEXPECTED_ERROR","parameters":null,"reason":"Not Found"}',
  ipNotOnAccessList: (ip: string) =>
    json(
      `IP address ${ip} is not allowed to access this resource.`,
      403,
      'IP_ADDRESS_NOT_ON_ACCESS_LIST',
      'Forbidden',
      [ip],
    ),
  forbidden: () => json('You are not authorized for this resource.', 403, 'USER_UNAUTHORIZED', 'Forbidden'),
  /** As recorded (MongoDB's CLI e2e recordings): the digest challenge's body names an error code. */
  unauthorized: () => ({
    error: 401,
    reason: 'Unauthorized',
    detail: 'You are not authorized for this resource.',
    errorCode: 'UNEXPECTED_ERROR',
  }),
  /** The API description's own example of a refused delete during a live migration. */
  activeMigration: (projects: string[] = ['60c4fd418ebe251047c50554']) => ({
    detail: `Cannot delete organization link while there is active migration in following project ids: ${projects.join(', ')}`,
    error: 409,
    errorCode: 'CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK',
    reason: 'Conflict',
  }),
  versionGone: () =>
    json(
      'This happens when a resource is marked for sunset and the sunset date is in the past.',
      410,
      'VERSION_GONE',
      'Gone',
    ),
  rateLimited: () => json('Resource usage limit exceeded.', 429, 'RATE_LIMITED', 'Too Many Requests'),
  unavailable: () => json('Service temporarily unavailable.', 503, 'SERVICE_UNAVAILABLE', 'Service Unavailable'),
  serverError: () => json('Unexpected error.', 500, 'UNEXPECTED_ERROR', 'Internal Server Error'),
  orgNotFound: (orgId: string) =>
    json(`No organization with ID ${orgId} exists.`, 404, 'ORG_NOT_FOUND', 'Not Found', [orgId]),
};

/**
 * The client credentials of an HTTP Basic header as RFC 6749 §2.3.1 has them: the ID and the secret
 * are each form-urlencoded before they are joined and base64-encoded. Undefined when malformed.
 */
export function basicCredentials(header: string | undefined): { clientId: string; clientSecret: string } | undefined {
  const encoded = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '')?.[1];
  if (encoded === undefined) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return undefined;
  const formDecode = (text: string): string | undefined => {
    if (/%(?![0-9A-Fa-f]{2})/.test(text)) return undefined; // not valid form-urlencoding
    return decodeURIComponent(text.replace(/\+/g, ' '));
  };
  const clientId = formDecode(decoded.slice(0, colon));
  const clientSecret = formDecode(decoded.slice(colon + 1));
  return clientId === undefined || clientSecret === undefined ? undefined : { clientId, clientSecret };
}

/** An HTTP quoted-string (RFC 9110 §5.6.4): quotes and backslashes escaped. */
function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

type Send = (status: number, body?: unknown, headers?: Record<string, string>) => void;

const PATH = /^\/api\/atlas\/(v1\.0|v2)\/orgs\/([0-9a-f]{24})\/liveMigrations\/linkTokens$/;
const ORG_PATH = /^\/api\/atlas\/(v1\.0|v2)\/orgs\/([0-9a-f]{24})$/;
const AVAILABLE_PROJECTS_PATH = /^\/api\/atlas\/(v2)\/orgs\/([0-9a-f]{24})\/liveMigrations\/availableProjects$/;

/** What the stand-in's rate limiter reports (the recordings show 500 per window). */
const RATE_LIMIT = 500;

/** The projects its Return All Projects Available for Migration lists. */
export const AVAILABLE_PROJECTS = [
  { projectId: '32b6e34b3d91647abb20e7b8', name: 'Stand-in Project', deployments: [], migrationHosts: [] },
];

type Role = 'owner' | 'member';

export const ORGANIZATION_NAME = 'Stand-in Org';

export class AtlasStandIn {
  readonly requests: RecordedRequest[] = [];
  /** Connections accepted so far (TCP, or TLS for an HTTPS stand-in). */
  connections = 0;
  private readonly options: StandInOptions;
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly steps: Step[] = [];
  private readonly nonces = new Set<string>();
  private readonly lastNc = new Map<string, number>();
  private readonly tokenSteps: Step[] = [];
  private readonly unauthenticatedSteps: Step[] = [];
  private readonly revokeSteps: Step[] = [];
  /** Access tokens issued and not revoked, with the role of the account they were issued to. */
  readonly liveTokens = new Map<string, Role>();
  readonly revokedTokens = new Set<string>();
  private origin = '';
  private refusingTokens = false;
  /** DELETEs still to be refused for an active migration. */
  private migrationChecksLeft: number;
  /** Requests counted by the rate limiter. */
  private served = 0;

  constructor(options: StandInOptions) {
    this.options = options;
    this.migrationChecksLeft = options.activeMigration?.checks ?? 0;
    const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => this.handle(req, res);
    this.server = options.tls ? https.createServer(options.tls, handler) : http.createServer(handler);
    this.server.on('connection', (socket: Socket) => {
      this.connections++;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Starts listening on a free loopback port; resolves to the base URL. */
  async start(): Promise<string> {
    const host = this.options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject); // a taken port, say
      this.server.listen(this.options.port ?? 0, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const { port } = this.server.address() as AddressInfo;
    this.origin = `${this.options.tls ? 'https' : 'http'}://${host}:${port}`;
    return this.origin;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Queues answers for the next authenticated requests; after the queue runs out: 204. */
  script(...steps: Step[]): this {
    this.steps.push(...steps);
    return this;
  }

  /** Queues answers for the next requests that carry no credentials, in place of the challenge. */
  scriptUnauthenticated(...steps: Step[]): this {
    this.unauthenticatedSteps.push(...steps);
    return this;
  }

  /** Queues answers for the next token requests that carry valid client credentials. */
  scriptToken(...steps: Step[]): this {
    this.tokenSteps.push(...steps);
    return this;
  }

  /** Queues answers for the next revoke requests. */
  scriptRevoke(...steps: Step[]): this {
    this.revokeSteps.push(...steps);
    return this;
  }

  /** Forgets every nonce issued so far, as a server does when nonces expire. */
  expireNonces(): void {
    this.nonces.clear();
  }

  /** Forgets every access token issued so far, as when they expire: they are refused from now on. */
  expireTokens(): void {
    this.liveTokens.clear();
  }

  /** Refuses every access token, those it issues from now on included. */
  refuseTokens(): void {
    this.liveTokens.clear();
    this.refusingTokens = true;
  }

  /** Sets expires_in of the tokens it issues from now on. */
  tokenLifetime(seconds: number): void {
    this.options.tokenLifetimeSeconds = seconds;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private challenge(stale: boolean): string {
    if (this.options.challengeHeader !== undefined) return this.options.challengeHeader;
    const nonce = (this.options.makeNonce ?? makeNonce)();
    this.nonces.add(nonce);
    const algorithm = this.options.algorithm ?? 'MD5';
    const realm = quoted(this.options.realm ?? REALM);
    return `Digest realm=${realm}, domain="", nonce=${quoted(nonce)}, algorithm=${algorithm}, qop="auth", stale=${stale}`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => this.route(req, res, Buffer.concat(chunks).toString('utf8')));
  }

  private route(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const record: RecordedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      body,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      authorized: req.headers.authorization !== undefined,
      verified: false,
      answer: '',
    };
    this.requests.push(record);
    const version = /^\/api\/atlas\/(v1\.0|v2)\//.exec(url.pathname)?.[1];
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
      record.answer = String(status);
      const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
      const looksJson = typeof body !== 'string' || /^\s*[{[]/.test(body);
      // Atlas's v2 successes carry the versioned media type; its errors are application/json.
      const mediaType =
        version === 'v2' && status < 300 && (text !== '' || status === 204)
          ? `${V2_MEDIA_TYPE};charset=utf-8`
          : 'application/json';
      const type = looksJson || (version === 'v2' && status === 204) ? { 'Content-Type': mediaType } : {};
      res.writeHead(status, {
        ...(text || status === 204 ? type : {}),
        ...this.apiHeaders(version, status),
        ...headers,
      });
      res.end(text);
    };

    if (url.pathname === '/api/oauth/token' || url.pathname === '/api/oauth/revoke') {
      this.oauth(url.pathname, req, body, record, res, send);
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer !== undefined) {
      const role = this.liveTokens.get(bearer);
      if (role === undefined) {
        record.rejection = this.revokedTokens.has(bearer) ? 'revoked token' : 'unknown token';
        send(401, ATLAS_ERRORS.unauthorized());
        return;
      }
      record.verified = true;
      this.endpoint(url, req, record, res, send, role);
      return;
    }

    const unauthenticatedStep = req.headers.authorization === undefined ? this.unauthenticatedSteps.shift() : undefined;
    if (unauthenticatedStep) {
      this.answer(unauthenticatedStep, url, record, res, send);
      return;
    }
    const check = verifyDigest({
      header: req.headers.authorization,
      method: record.method,
      uri: req.url ?? '',
      realm: this.options.realm ?? REALM,
      algorithm: this.options.algorithm ?? 'MD5',
      users: {
        [this.options.publicKey]: this.options.privateKey,
        ...(this.options.memberKey ? { [this.options.memberKey.publicKey]: this.options.memberKey.privateKey } : {}),
      },
      nonceIsKnown: (nonce) => this.nonces.has(nonce),
    });
    if (!check.ok) {
      if (check.reason) record.rejection = check.reason;
      const stale = check.reason === 'stale nonce' && !this.options.forgetsNoncesSilently;
      send(401, ATLAS_ERRORS.unauthorized(), { 'WWW-Authenticate': this.challenge(stale) });
      return;
    }
    // A replayed nonce count is a replayed request.
    const previous = this.lastNc.get(check.nonce as string) ?? 0;
    if ((check.nc as number) <= previous) {
      record.rejection = `nonce count ${check.nc} not above ${previous}`;
      send(401, ATLAS_ERRORS.unauthorized(), { 'WWW-Authenticate': this.challenge(false) });
      return;
    }
    this.lastNc.set(check.nonce as string, check.nc as number);
    record.verified = true;
    this.endpoint(url, req, record, res, send, check.username === this.options.publicKey ? 'owner' : 'member');
  }

  /**
   * The Atlas endpoints, for a request already authenticated as an Owner or a Member: Delete One
   * Link-Token and Return All Projects Available for Migration need the Owner; Return One
   * Organization any role.
   */
  private endpoint(
    url: URL,
    req: http.IncomingMessage,
    record: RecordedRequest,
    res: http.ServerResponse,
    send: Send,
    role: Role,
  ): void {
    const operation =
      record.method === 'DELETE'
        ? { kind: 'delete' as const, match: PATH.exec(url.pathname) }
        : record.method === 'GET' && AVAILABLE_PROJECTS_PATH.test(url.pathname)
          ? { kind: 'available-projects' as const, match: AVAILABLE_PROJECTS_PATH.exec(url.pathname) }
          : record.method === 'GET'
            ? { kind: 'organization' as const, match: ORG_PATH.exec(url.pathname) }
            : { kind: 'none' as const, match: null };
    const { match } = operation;
    if (!match) {
      send(404, {
        detail: 'Not found',
        error: 404,
        errorCode: 'RESOURCE_NOT_FOUND',
        parameters: [],
        reason: 'Not Found',
      });
      return;
    }
    if (match[1] === 'v2' && req.headers.accept !== V2_MEDIA_TYPE) {
      send(406, {
        detail: 'Invalid accept header or version date.',
        error: 406,
        errorCode: 'INVALID_VERSION_DATE',
        parameters: [],
        reason: 'Not Acceptable',
      });
      return;
    }
    const scripted = this.steps.shift();
    if (scripted) {
      this.answer(scripted, url, record, res, send);
      return;
    }
    const known = this.options.organizationId;
    if (known !== undefined && match[2] !== known) {
      const unknown =
        operation.kind === 'delete'
          ? { status: 404, body: ATLAS_ERRORS.notFound() }
          : { status: 404, body: ATLAS_ERRORS.orgNotFound(match[2] ?? '') };
      this.answer(unknown, url, record, res, send);
      return;
    }
    if (operation.kind !== 'organization' && role !== 'owner') {
      this.answer({ status: 403, body: ATLAS_ERRORS.forbidden() }, url, record, res, send);
      return;
    }
    if (operation.kind === 'delete' && this.migrationChecksLeft > 0) {
      this.migrationChecksLeft--;
      const projects = this.options.activeMigration?.projects ?? [];
      this.answer({ status: 409, body: ATLAS_ERRORS.activeMigration(projects) }, url, record, res, send);
      return;
    }
    const success =
      operation.kind === 'organization'
        ? {
            status: 200,
            body: { id: match[2], name: this.options.organizationName ?? ORGANIZATION_NAME, isDeleted: false },
          }
        : operation.kind === 'available-projects'
          ? { status: 200, body: AVAILABLE_PROJECTS }
          : { status: 204 };
    this.answer(success, url, record, res, send);
  }

  /** Headers Atlas adds to the answers of its API: rate limits (as listed in the spec), deprecation. */
  private apiHeaders(version: string | undefined, status: number): Record<string, string> {
    if (version === undefined) return {};
    this.served++;
    const rateLimit: Record<string, string> =
      status < 300 || status === 429
        ? {
            'RateLimit-Limit': String(RATE_LIMIT),
            'RateLimit-Remaining': String(Math.max(0, RATE_LIMIT - this.served)),
          }
        : {};
    const deprecation = this.options.deprecation;
    if (deprecation?.version !== version) return rateLimit;
    return {
      ...rateLimit,
      ...(deprecation.deprecation ? { Deprecation: deprecation.deprecation } : {}),
      ...(deprecation.sunset ? { Sunset: deprecation.sunset } : {}),
      ...(deprecation.link ? { Link: deprecation.link } : {}),
    };
  }

  /** Token and revoke endpoints: Basic client credentials, form bodies. */
  private oauth(
    path: string,
    req: http.IncomingMessage,
    body: string,
    record: RecordedRequest,
    res: http.ServerResponse,
    send: Send,
  ): void {
    const presented = basicCredentials(req.headers.authorization);
    const accounts: [{ clientId: string; clientSecret: string } | undefined, Role][] = [
      [this.options.serviceAccount, 'owner'],
      [this.options.memberServiceAccount, 'member'],
    ];
    const role = accounts.find(
      ([account]) =>
        account !== undefined &&
        presented?.clientId === account.clientId &&
        presented.clientSecret === account.clientSecret,
    )?.[1];
    if (req.method !== 'POST' || role === undefined) {
      record.rejection = 'client credentials';
      send(401, { error: 'invalid_client', error_description: 'Invalid client credentials.' });
      return;
    }
    const form = new URLSearchParams(body);
    if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') {
      send(400, { error: 'invalid_request', error_description: 'Expected a form body.' });
      return;
    }
    record.verified = true;
    const step = (path.endsWith('/token') ? this.tokenSteps : this.revokeSteps).shift();
    if (step && 'status' in step && step.status === 200 && path.endsWith('/token')) {
      // A scripted token is honoured like an issued one.
      const token = (step.body as { access_token?: unknown } | undefined)?.access_token;
      if (typeof token === 'string' && !this.refusingTokens) this.liveTokens.set(token, role);
    }
    if (step) {
      this.answer(step, new URL(path, 'http://stand-in'), record, res, send);
      return;
    }
    if (path.endsWith('/token')) {
      if (form.get('grant_type') !== 'client_credentials') {
        send(400, { error: 'unsupported_grant_type' });
        return;
      }
      const token = randomBytes(24).toString('base64url');
      if (!this.refusingTokens) this.liveTokens.set(token, role);
      send(200, { access_token: token, token_type: 'Bearer', expires_in: this.options.tokenLifetimeSeconds ?? 3600 });
      return;
    }
    const token = form.get('token') ?? '';
    if (this.liveTokens.delete(token)) this.revokedTokens.add(token);
    send(200);
  }

  private answer(step: Step, url: URL, record: RecordedRequest, res: http.ServerResponse, send: Send): void {
    if ('status' in step) {
      const enveloped = url.searchParams.get('envelope') === 'true' && step.asIs !== true;
      if (enveloped) {
        const content = typeof step.body === 'string' ? (JSON.parse(step.body) as unknown) : (step.body ?? {});
        send(200, { status: step.status, content }, step.headers);
      } else {
        send(step.status, step.body, step.headers);
      }
      return;
    }
    record.answer = step.action;
    switch (step.action) {
      case 'reset':
        res.socket?.destroy();
        return;
      case 'hang':
        return;
      case 'stall-body':
        res.writeHead(503, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
        res.write('{"detail":"');
        return;
      case 'cut-body':
        res.writeHead(503, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
        res.write('{"detail":"', () => res.socket?.resetAndDestroy());
        return;
      case 'stale':
        this.nonces.clear();
        send(401, ATLAS_ERRORS.unauthorized(), { 'WWW-Authenticate': this.challenge(true) });
        record.answer = 'stale';
        return;
      case 'switch-protocols':
        res.socket?.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
        return;
      case 'redirect':
        send(302, undefined, { Location: step.location });
        return;
    }
  }
}
