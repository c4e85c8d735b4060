// The defects an independent review found, each shown from outside: dist/index.js run as the
// runner runs it, against the loopback stand-in (and a forward proxy where one matters). Every
// test here failed on the commit before the fix (ACTION_UNDER_TEST can point the suite at any
// checkout's dist/ to see it again).
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ATLAS_ERRORS, AtlasStandIn, type StandInOptions, type Step } from './support/atlas-stand-in.ts';
import { makeCertificates, type TestCertificates } from './support/certificates.ts';
import { apiKeyInputs, CLIENT_ID, CLIENT_SECRET, ORG_ID, PRIVATE_KEY, PUBLIC_KEY } from './support/fixtures.ts';
import { ForwardProxy } from './support/forward-proxy.ts';
import { type ActionRun, runAction, type RunOptions, stageAction, visibleOutput } from './support/run-action.ts';

const ATLAS_HOST = 'atlas.test'; // resolvable only through the test proxy

let actionDir: string;
let certificates: TestCertificates;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(() => {
  actionDir = stageAction();
  certificates = makeCertificates(ATLAS_HOST);
});
afterAll(() => {
  rmSync(actionDir, { recursive: true, force: true });
  rmSync(certificates.dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function standIn(
  options: Partial<Omit<StandInOptions, 'tls'>> & { tls?: boolean } = {},
  steps: Step[] = [],
): Promise<[AtlasStandIn, string]> {
  const { tls, ...rest } = options;
  const server = new AtlasStandIn({
    publicKey: PUBLIC_KEY,
    privateKey: PRIVATE_KEY,
    serviceAccount: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    ...(tls ? { tls: { key: certificates.key, cert: certificates.cert } } : {}),
    ...rest,
  });
  const baseUrl = await server.start();
  server.script(...steps);
  cleanups.push(() => server.close());
  return [server, baseUrl];
}

async function forwardProxy(
  options: { credentials?: string; refused?: Record<string, number>; host?: string } = {},
): Promise<[ForwardProxy, string]> {
  const proxy = new ForwardProxy({ hosts: { [ATLAS_HOST]: '127.0.0.1' }, ...options });
  const address = await proxy.start(options.host);
  cleanups.push(() => proxy.close());
  return [proxy, address];
}

const apiKey = apiKeyInputs;

const serviceAccount = (baseUrl: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'org-id': ORG_ID,
  'client-id': CLIENT_ID,
  'client-secret': CLIENT_SECRET,
  'base-url': baseUrl,
  'retry-delay-seconds': '0.01',
  ...extra,
});

function run(inputs: Record<string, string>, options: Omit<RunOptions, 'inputs'> = {}): Promise<ActionRun> {
  return runAction(actionDir, { inputs, ...options });
}

/** The step's `::error::` line, without the command. */
function errorLine(result: ActionRun): string | undefined {
  return /^::error::(.*)$/m.exec(result.stdout)?.[1];
}

/** Sends `signal` once the stand-in has seen `count` requests; records when. */
function signalAfter(server: AtlasStandIn, count: number, signal: NodeJS.Signals, sent: { at: number }, delayMs = 0) {
  return (child: ChildProcess): void => {
    const poll = setInterval(() => {
      if (server.requests.length < count) return;
      clearInterval(poll);
      setTimeout(() => {
        sent.at = Date.now();
        child.kill(signal);
      }, delayMs);
    }, 5);
  };
}

describe('1. decimal timeout-seconds and retry-delay-seconds', () => {
  it.each(['16.1', '2.01', '1.005', '0.3'])('timeout-seconds %s runs and deletes', async (timeout) => {
    const [server, baseUrl] = await standIn();
    const result = await run(apiKey(baseUrl, { 'timeout-seconds': timeout, 'retry-delay-seconds': '0.015' }));
    expect(result.stdout).not.toContain('Unexpected error');
    expect(result.outputs).toEqual({
      status: 'deleted',
      'auth-method': 'digest',
      'http-status': '204',
      attempts: '1',
      'error-code': '',
    });
    expect(server.requests).toHaveLength(2);
  });
});

describe('2. cancelling a service-account run with a slow revoke', () => {
  it('reports first (outputs, summary, error line), abandons the revoke, exits within 2 s of SIGINT', async () => {
    const [server, baseUrl] = await standIn({}, [{ action: 'hang' }]);
    server.scriptRevoke({ action: 'hang' });
    const sent = { at: 0 };
    const result = await run(serviceAccount(baseUrl, { 'timeout-seconds': '60' }), {
      onStart: signalAfter(server, 2, 'SIGINT', sent),
    });
    expect(Date.now() - sent.at).toBeLessThan(2000);
    expect(result.code).toBe(1);
    expect(result.outputs).toEqual({
      status: 'failed',
      'auth-method': 'service-account',
      'http-status': '',
      attempts: '1',
      'error-code': '',
    });
    expect(errorLine(result)).toBe(
      'Cancelled: the job was cancelled (cancelled during the request); the link-token may or may not have been deleted.',
    );
    expect(result.summary).toContain('<tr><th align="left">Result</th><td>❌ cancelled</td></tr>');
    expect(result.stdout).toContain(
      '::warning::Did not revoke the access token: the job was cancelled; it expires by itself within the hour.',
    );
    expect(server.requests.map((r) => r.path)).not.toContain('/api/oauth/revoke');
  });
});

describe('3. an authorized request with unknown fate, then 404', () => {
  it.each([
    ['502', { status: 502 }],
    ['504', { status: 504 }],
  ] as const)(
    '%s then 404: the log and the summary say the earlier attempt may have deleted it',
    async (_name, step) => {
      const [, baseUrl] = await standIn({}, [step, { status: 404, body: ATLAS_ERRORS.notFound() }]);
      const result = await run(apiKey(baseUrl));
      const message = `No link-token to delete for organization ${ORG_ID} (HTTP 404 UNEXPECTED_ERROR after 2 attempts). An earlier request that timed out, was cut off or failed inside Atlas may have deleted it.`;
      expect(result.outputs['status']).toBe('not-found');
      expect(result.stdout).toContain(`::warning::${message}\n`);
      expect(result.summary).toContain(`<p>${message}</p>`);
    },
  );
});

describe('4. proxy URLs as people write them', () => {
  it('takes a scheme-less host:port as http:// and tunnels through it', async () => {
    const [server, atlasBase] = await standIn({ tls: true });
    const [proxy, address] = await forwardProxy({ host: 'localhost' });
    const result = await run(apiKey(`https://${ATLAS_HOST}:${new URL(atlasBase).port}`), {
      env: { https_proxy: address, NODE_EXTRA_CA_CERTS: certificates.caFile },
    });
    expect(result.outputs['status']).toBe('deleted');
    expect(proxy.connects).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
    expect(result.stdout).toContain(`(through proxy http://${address}).`);
  });

  it('reaches a proxy at an IPv6 literal', async () => {
    const [, atlasBase] = await standIn({ tls: true });
    const [proxy, address] = await forwardProxy({ host: '::1' });
    const result = await run(apiKey(`https://${ATLAS_HOST}:${new URL(atlasBase).port}`), {
      env: { https_proxy: `http://${address}`, NODE_EXTRA_CA_CERTS: certificates.caFile },
    });
    expect(result.outputs['status']).toBe('deleted');
    expect(proxy.connects).toHaveLength(1);
  });

  it('fails clearly on an unusable value, naming the variable, with outputs and summary', async () => {
    const [server, atlasBase] = await standIn({ tls: true });
    const result = await run(apiKey(`https://${ATLAS_HOST}:${new URL(atlasBase).port}`), {
      env: { HTTPS_PROXY: ':3128' },
    });
    const message =
      "Invalid environment variable 'HTTPS_PROXY': it is not a usable proxy URL; expected [http://|https://][user:password@]host[:port], e.g. http://proxy.example.com:3128";
    expect(result.code).toBe(1);
    expect(errorLine(result)).toBe(message);
    expect(result.outputs).toEqual({
      status: 'failed',
      'auth-method': '',
      'http-status': '',
      attempts: '0',
      'error-code': '',
    });
    expect(result.summary).toContain('❌ failed: environment rejected, no request sent');
    expect(result.summary).toContain(`<p>${message.replace(/'/g, '&#39;')}</p>`);
    expect(server.requests).toHaveLength(0);
  });

  it('uses a password with a bare % as written, and masks it', async () => {
    const [, atlasBase] = await standIn({ tls: true });
    const [proxy, address] = await forwardProxy({ credentials: 'user:50%off' });
    const result = await run(apiKey(`https://${ATLAS_HOST}:${new URL(atlasBase).port}`), {
      env: { https_proxy: `http://user:50%off@${address}`, NODE_EXTRA_CA_CERTS: certificates.caFile },
    });
    expect(result.outputs['status']).toBe('deleted');
    expect(proxy.connects.map((c) => c.allowed)).toEqual([true]);
    // Workflow commands escape % as %25; the runner decodes it and masks 50%off.
    expect(result.stdout).toContain('::add-mask::50%25off\n');
    expect(visibleOutput(result)).not.toContain('50%off');
  });
});

describe('5. Retry-After from the token endpoint', () => {
  it('waits what the token endpoint asked for', async () => {
    const [server, baseUrl] = await standIn();
    server.scriptToken({ status: 429, body: { error: 'rate_limited' }, headers: { 'Retry-After': '2' } });
    const result = await run(serviceAccount(baseUrl));
    expect(result.outputs['status']).toBe('deleted');
    expect(result.stdout).toContain(
      'Attempt 1 of 5: token request failed: the token endpoint answered HTTP 429 (rate_limited). Retrying in 2 s (the server asked for 2 s).',
    );
  });
});

describe('7. the digest challenge handed over as parsed', () => {
  it.each([
    ['a realm holding a parameter', { realm: 'Atlas, nonce=evil' }],
    ['a nonce with a space', { makeNonce: () => 'ab cd' }],
  ])('answers %s faithfully', async (_name, options) => {
    const [server, baseUrl] = await standIn(options);
    const result = await run(apiKey(baseUrl));
    expect(result.outputs['status']).toBe('deleted');
    expect(server.requests[1]?.verified).toBe(true);
  });

  it('fails before sending a digest it cannot carry (a quote in the realm)', async () => {
    const [server, baseUrl] = await standIn({ realm: 'Atlas "prod"' });
    const result = await run(apiKey(baseUrl));
    expect(errorLine(result)).toBe(
      "Deleting the link-token failed: authentication refused: the server's Digest realm contains a quote, backslash or control character, which cannot be sent back faithfully.",
    );
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '1', 'http-status': '' });
    expect(server.requests.map((r) => r.authorized)).toEqual([false]);
  });
});

describe('8. a nonce carried over from an earlier attempt, forgotten without stale=true', () => {
  it('is answered once with the new challenge, not called wrong keys', async () => {
    const [server, baseUrl] = await standIn({ forgetsNoncesSilently: true }, [
      { status: 503, body: ATLAS_ERRORS.unavailable() },
    ]);
    const result = await run(apiKey(baseUrl, { 'retry-delay-seconds': '0.3' }), {
      onStart: () => {
        const poll = setInterval(() => {
          if (server.requests.length === 2) {
            clearInterval(poll);
            server.expireNonces();
          }
        }, 5);
      },
    });
    expect(server.requests.map((r) => [r.answer, r.rejection])).toEqual([
      ['401', 'no Authorization header'],
      ['503', undefined],
      ['401', 'stale nonce'],
      ['204', undefined],
    ]);
    expect(result.outputs).toMatchObject({ status: 'deleted', attempts: '2' });
  });
});

describe('9. a reset on a reused kept-alive connection', () => {
  it('is sent again on a fresh connection within the attempt (max-attempts 1)', async () => {
    const [server, baseUrl] = await standIn({}, [{ action: 'reset' }]);
    const result = await run(apiKey(baseUrl, { 'max-attempts': '1' }));
    expect(result.outputs).toMatchObject({ status: 'deleted', attempts: '1' });
    expect(server.requests.map((r) => r.answer)).toEqual(['401', 'reset', '204']);
  });
});

describe('12. credentials that cannot be sent', () => {
  it('rejects a public key outside printable ASCII before any request', async () => {
    const [server, baseUrl] = await standIn();
    const result = await run(apiKey(baseUrl, { 'public-key': 'p€bkey' }));
    expect(errorLine(result)).toBe(
      "Invalid input 'public-key': character 2 cannot be sent in an HTTP header field (a quote, a backslash, or not printable ASCII); expected an Atlas API public key",
    );
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '0' });
    expect(server.requests).toHaveLength(0);
  });

  it('sends any private key and client secret: they are only hashed or base64-encoded', async () => {
    const [server, baseUrl] = await standIn({ privateKey: 'pr€vate-ключ' });
    const result = await run(apiKey(baseUrl, { 'private-key': 'pr€vate-ключ' }));
    expect(result.outputs['status']).toBe('deleted');
    expect(server.requests[1]?.verified).toBe(true);
  });
});

describe('14. a 404 that is not Atlas speaking', () => {
  it('fails with a hint about base-url instead of passing as not-found', async () => {
    const [, baseUrl] = await standIn({}, [
      {
        status: 404,
        body: '<html><head><title>404 Not Found</title></head></html>',
        headers: { 'Content-Type': 'text/html' },
      },
    ]);
    const result = await run(apiKey(baseUrl));
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'failed', 'http-status': '404' });
    expect(errorLine(result)).toBe(
      'Deleting the link-token failed: HTTP 404: 404 Not Found (the answer was an HTML page, not Atlas JSON (it may come from a proxy or load balancer)). The answer did not come from the Atlas API (no Atlas error body): check base-url, and any proxy between the runner and Atlas.',
    );
  });

  it("passes on Atlas's real answer for a missing link-token", async () => {
    const [, baseUrl] = await standIn({}, [{ status: 404, body: ATLAS_ERRORS.notFound() }]);
    const result = await run(apiKey(baseUrl));
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({
      status: 'not-found',
      'http-status': '404',
      'error-code': 'UNEXPECTED_ERROR',
    });
  });
});

describe('15. a proxy that refuses the tunnel by policy', () => {
  it('is final at once: no retry changes a policy', async () => {
    const [proxy, address] = await forwardProxy({ refused: { [ATLAS_HOST]: 403 } });
    const result = await run(apiKey(`https://${ATLAS_HOST}:443`), { env: { https_proxy: `http://${address}` } });
    expect(proxy.connects).toHaveLength(1);
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '1', 'http-status': '' });
    expect(errorLine(result)).toBe(
      'Deleting the link-token failed: proxy failure: the proxy refused the tunnel to atlas.test:443: HTTP 403. The proxy refused to open a tunnel to Atlas: ask its administrators to allow the Atlas host, or set no_proxy for it.',
    );
  });

  it('retries a proxy that could not reach Atlas (502)', async () => {
    const [proxy, address] = await forwardProxy({ refused: { [ATLAS_HOST]: 502 } });
    const result = await run(apiKey(`https://${ATLAS_HOST}:443`, { 'max-attempts': '2' }), {
      env: { https_proxy: `http://${address}` },
    });
    expect(proxy.connects).toHaveLength(2);
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '2' });
  });
});

describe('16. smaller', () => {
  it("writes no doubled full stop after Atlas's detail", async () => {
    const [, baseUrl] = await standIn({}, [{ status: 401, body: ATLAS_ERRORS.unauthorized() }]);
    const result = await run(apiKey(baseUrl, { 'private-key': 'wrong' }));
    expect(errorLine(result)).toBe(
      'Deleting the link-token failed: HTTP 401: You are not authorized for this resource. Check the key pair: the public and private key must belong together, and the key must be an API key of this organization.',
    );
  });

  it('revokes with token_type_hint=access_token', async () => {
    const [server, baseUrl] = await standIn();
    await run(serviceAccount(baseUrl));
    expect(server.requests.at(-1)?.body).toMatch(/^token=[\w-]+&token_type_hint=access_token$/);
  });
});

describe('17. NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment', () => {
  it('is ignored with a warning: an untrusted server gets no request', async () => {
    const [server, baseUrl] = await standIn({ tls: true });
    const result = await run(apiKey(baseUrl), { env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' } });
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '1' });
    expect(result.stdout).toContain(
      '::warning::NODE_TLS_REJECT_UNAUTHORIZED=0 is ignored: the action always verifies TLS certificates.\n',
    );
    expect(errorLine(result)).toMatch(/^Deleting the link-token failed: TLS failure: .*certificate/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('18. a hint per cause, every log line one line', () => {
  it('a certificate for another host: check base-url, not the CA', async () => {
    const [, baseUrl] = await standIn({ tls: true, host: 'localhost' });
    const result = await run(apiKey(baseUrl), { env: { NODE_EXTRA_CA_CERTS: certificates.caFile } });
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '1' });
    expect(errorLine(result)).toMatch(
      /^Deleting the link-token failed: TLS failure: ERR_TLS_CERT_ALTNAME_INVALID: .* The server's TLS certificate does not name the host in base-url: check base-url \(certificates are issued for cloud\.mongodb\.com\)\.$/,
    );
  });

  it('https to a plain-http port: final, one line, the scheme hint', async () => {
    const [server, httpBase] = await standIn();
    const result = await run(apiKey(httpBase.replace('http:', 'https:')));
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '1' });
    const line = errorLine(result) ?? '';
    expect(line).toBe(
      'Deleting the link-token failed: TLS failure: the server did not answer the TLS handshake in TLS (EPROTO). base-url says https, but the server at that address answered in plain HTTP: check the scheme and port of base-url.',
    );
    // Nothing after the error line but the end of the log: no raw line break inside it.
    expect(result.stdout.slice(result.stdout.indexOf('::error::')).split('\n').filter(Boolean)).toHaveLength(1);
    expect(server.requests).toHaveLength(0);
  });
});

describe('19. what the outputs say when the token endpoint fails', () => {
  it('a refused token leaves http-status empty and names the OAuth error in error-code', async () => {
    const [server, baseUrl] = await standIn();
    const result = await run(serviceAccount(baseUrl, { 'client-secret': 'wrong-secret' }));
    expect(result.outputs).toEqual({
      status: 'failed',
      'auth-method': 'service-account',
      'http-status': '',
      attempts: '1',
      'error-code': 'oauth:invalid_client',
    });
    expect(server.requests.map((r) => r.path)).toEqual(['/api/oauth/token']);
  });

  it("a job cancelled during the back-off keeps the last answer's status", async () => {
    const [server, baseUrl] = await standIn({}, [
      { status: 503, body: ATLAS_ERRORS.unavailable(), headers: { 'Retry-After': '30' } },
    ]);
    const sent = { at: 0 };
    const result = await run(apiKey(baseUrl), { onStart: signalAfter(server, 2, 'SIGTERM', sent, 200) });
    expect(result.outputs).toEqual({
      status: 'failed',
      'auth-method': 'digest',
      'http-status': '503',
      attempts: '1',
      'error-code': 'SERVICE_UNAVAILABLE',
    });
    expect(errorLine(result)).toBe(
      'Cancelled: the job was cancelled (cancelled while waiting to retry); the link-token may or may not have been deleted.',
    );
    expect(Date.now() - sent.at).toBeLessThan(2000);
  });
});
