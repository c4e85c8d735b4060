// Behaviour when things go wrong: stalled servers, odd bodies, proxies, TLS, cancellation, and
// secrets under step debug logging. Each test drives real servers on loopback.
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ATLAS_ERRORS, AtlasStandIn, type Step } from './support/atlas-stand-in.ts';
import { makeCertificates, type TestCertificates } from './support/certificates.ts';
import {
  apiKeyInputs,
  instantRuntime,
  PRIVATE_KEY,
  PUBLIC_KEY,
  perform,
  recordingLogger,
  settingsFor,
} from './support/fixtures.ts';
import { ForwardProxy } from './support/forward-proxy.ts';
import { runAction, stageAction, visibleOutput } from './support/run-action.ts';

const ATLAS_HOST = 'atlas.test'; // resolvable only through the test proxy
const PROXY_USER = 'proxy-user';
const PROXY_PASSWORD = 'pr0xy-p@ss';

let certificates: TestCertificates;
let actionDir: string;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(() => {
  certificates = makeCertificates(ATLAS_HOST);
  actionDir = stageAction();
});
afterAll(() => {
  rmSync(certificates.dir, { recursive: true, force: true });
  rmSync(actionDir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function standIn(options: { tls?: boolean; steps?: Step[] } = {}): Promise<[AtlasStandIn, string]> {
  const server = new AtlasStandIn({
    publicKey: PUBLIC_KEY,
    privateKey: PRIVATE_KEY,
    ...(options.tls ? { tls: { key: certificates.key, cert: certificates.cert } } : {}),
  });
  const baseUrl = await server.start();
  server.script(...(options.steps ?? []));
  cleanups.push(() => server.close());
  return [server, baseUrl];
}

async function proxy(): Promise<[ForwardProxy, string]> {
  const forward = new ForwardProxy({
    hosts: { [ATLAS_HOST]: '127.0.0.1' },
    credentials: `${PROXY_USER}:${PROXY_PASSWORD}`,
  });
  const address = await forward.start();
  cleanups.push(() => forward.close());
  return [forward, `http://${PROXY_USER}:${encodeURIComponent(PROXY_PASSWORD)}@${address}`];
}

const inputsFor = apiKeyInputs;

describe('network and server faults', () => {
  it('ends an attempt whose body stalls after the headers, and retries', async () => {
    const [, baseUrl] = await standIn({ steps: [{ action: 'stall-body' }] });
    const result = await perform(settingsFor(baseUrl, { timeoutMs: 300 }), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'deleted', attempts: 2 });
    expect(result.attemptLog[0]?.outcome).toBe('timed out after 300 ms');
  });

  it('bounds a server that never answers by attempts × timeout plus the waits', async () => {
    const [server, baseUrl] = await standIn({ steps: [{ action: 'hang' }, { action: 'hang' }] });
    const runtime = instantRuntime();
    const started = Date.now();
    const result = await perform(settingsFor(baseUrl, { timeoutMs: 200, maxAttempts: 2 }), recordingLogger(), runtime);
    expect(result).toMatchObject({ status: 'failed', attempts: 2 });
    expect(result.message).toBe('Deleting the link-token failed after 2 attempts: timed out after 200 ms.');
    expect(server.requests).toHaveLength(3);
    expect(runtime.sleeps).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('retries a connection reset mid-answer, naming the cause', async () => {
    const [, baseUrl] = await standIn({ steps: [{ action: 'cut-body' }] });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'deleted', attempts: 2 });
    expect(result.attemptLog[0]?.outcome).toMatch(/^network error: .*(ECONNRESET|aborted|closed mid-answer)/);
  });

  it('explains an empty error body', async () => {
    const [, baseUrl] = await standIn({ steps: [{ status: 400 }] });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'failed', httpStatus: 400, attempts: 1 });
    expect(result.message).toBe('Deleting the link-token failed: HTTP 400.');
  });

  // The timeout is generous so that a slow resolver still answers (EAI_AGAIN) before it.
  it('retries a DNS failure and names the cause', async () => {
    const runtime = instantRuntime();
    const result = await perform(
      settingsFor(`https://${ATLAS_HOST}:9`, { maxAttempts: 2, timeoutMs: 25_000 }),
      recordingLogger(),
      runtime,
    );
    expect(result).toMatchObject({ status: 'failed', attempts: 2 });
    expect(result.message).toMatch(/network error: .*(ENOTFOUND|EAI_AGAIN)/);
  }, 60_000);
});

describe('TLS', () => {
  it('fails at once, without retrying, on an untrusted certificate', async () => {
    const [server, baseUrl] = await standIn({ tls: true });
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'failed', attempts: 1, cancelled: false });
    expect(result.message).toMatch(/TLS failure: .*(SELF_SIGNED|UNABLE_TO_(GET|VERIFY))/);
    expect(result.hint).toMatch(/certificate is not trusted.*NODE_EXTRA_CA_CERTS/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('proxies (dist/index.js under Node 24)', () => {
  it('tunnels through https_proxy with credentials, trusting NODE_EXTRA_CA_CERTS', async () => {
    const [server, atlasBase] = await standIn({ tls: true });
    const [forward, proxyUrl] = await proxy();
    const port = new URL(atlasBase).port;
    const run = await runAction(actionDir, {
      inputs: inputsFor(`https://${ATLAS_HOST}:${port}`),
      env: { https_proxy: proxyUrl, NODE_EXTRA_CA_CERTS: certificates.caFile },
    });
    expect(run.stderr).toBe('');
    expect(run.outputs).toMatchObject({ status: 'deleted', 'http-status': '204', attempts: '1' });
    expect(run.code).toBe(0);
    // One tunnel: the request answering the challenge reuses the kept-alive connection.
    expect(forward.connects.map((c) => [c.target, c.allowed])).toEqual([[`${ATLAS_HOST}:${port}`, true]]);
    expect(server.requests.map((r) => r.answer)).toEqual(['401', '204']);
    expect(run.stdout).toContain(`(through proxy http://127.0.0.1:`);
    expect(run.stdout).toContain(`::add-mask::${PROXY_PASSWORD}`);
    expect(visibleOutput(run)).not.toContain(PROXY_PASSWORD);
    expect(visibleOutput(run)).not.toContain(encodeURIComponent(PROXY_PASSWORD));
  });

  it('honours HTTPS_PROXY in capitals too', async () => {
    const [, atlasBase] = await standIn({ tls: true });
    const [forward, proxyUrl] = await proxy();
    const run = await runAction(actionDir, {
      inputs: inputsFor(`https://${ATLAS_HOST}:${new URL(atlasBase).port}`),
      env: { HTTPS_PROXY: proxyUrl, NODE_EXTRA_CA_CERTS: certificates.caFile },
    });
    expect(run.outputs['status']).toBe('deleted');
    expect(forward.connects).toHaveLength(1);
  });

  it('goes direct for hosts in no_proxy', async () => {
    const [, atlasBase] = await standIn({ tls: true });
    const [forward, proxyUrl] = await proxy();
    const run = await runAction(actionDir, {
      inputs: inputsFor(`https://${ATLAS_HOST}:${new URL(atlasBase).port}`, { 'max-attempts': '2' }),
      env: { https_proxy: proxyUrl, no_proxy: `example.com,${ATLAS_HOST}`, NODE_EXTRA_CA_CERTS: certificates.caFile },
    });
    expect(forward.connects).toHaveLength(0);
    // Only the proxy knows the name, so going direct must fail to resolve it.
    expect(run.outputs).toMatchObject({ status: 'failed', attempts: '2', 'http-status': '' });
    expect(run.stdout).toMatch(/\(directly\)/);
    expect(run.stdout).toMatch(/network error: .*(ENOTFOUND|EAI_AGAIN)/);
  });

  it('reports wrong proxy credentials without logging them', async () => {
    await standIn({ tls: true });
    const [forward, proxyUrl] = await proxy();
    const wrong = proxyUrl.replace(encodeURIComponent(PROXY_PASSWORD), 'wrong-secret');
    const run = await runAction(actionDir, {
      inputs: inputsFor(`https://${ATLAS_HOST}:443`),
      env: { https_proxy: wrong, NODE_EXTRA_CA_CERTS: certificates.caFile },
    });
    expect(run.code).toBe(1);
    expect(forward.connects.map((c) => c.allowed)).toEqual([false]);
    // Final at once: no retry fixes wrong proxy credentials.
    expect(run.outputs).toMatchObject({ status: 'failed', attempts: '1' });
    expect(run.stdout).toContain(
      '::error::Deleting the link-token failed: proxy failure: the proxy refused the tunnel to atlas.test:443: HTTP 407. The proxy refused its credentials: check the user name and password in https_proxy.\n',
    );
    expect(visibleOutput(run)).not.toContain('wrong-secret');
  });
});

describe('cancellation (dist/index.js under Node 24)', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'on %s aborts the request, writes outputs and summary, exits non-zero promptly',
    async (signal) => {
      const [server, baseUrl] = await standIn({ steps: [{ action: 'hang' }] });
      let signalledAt = 0;
      const run = await runAction(actionDir, {
        inputs: inputsFor(baseUrl, { 'timeout-seconds': '60' }),
        onStart: (child) => {
          const poll = setInterval(() => {
            if (server.requests.length === 2) {
              clearInterval(poll);
              signalledAt = Date.now();
              child.kill(signal);
            }
          }, 10);
        },
      });
      const exitAfterMs = Date.now() - signalledAt;
      expect(run.code).toBe(1);
      expect(run.outputs).toEqual({
        status: 'failed',
        'auth-method': 'digest',
        'http-status': '',
        attempts: '1',
        'error-code': '',
      });
      expect(run.summary).toContain('❌ cancelled');
      expect(run.stdout).toMatch(/^::error::Cancelled: the job was cancelled/m);
      // Far below the 60 s attempt timeout: the request was aborted, not waited out.
      expect(exitAfterMs).toBeLessThan(10_000);
    },
  );

  it('stops a back-off at once when cancelled between attempts', async () => {
    const [server, baseUrl] = await standIn({ steps: [{ status: 503, headers: { 'Retry-After': '50' } }] });
    const run = await runAction(actionDir, {
      inputs: inputsFor(baseUrl),
      onStart: (child) => {
        const poll = setInterval(() => {
          if (server.requests.length === 2) {
            clearInterval(poll);
            setTimeout(() => child.kill('SIGINT'), 100);
          }
        }, 10);
      },
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'failed', attempts: '1' });
    expect(run.stdout).toContain('cancelled while waiting to retry');
    expect(run.durationMs).toBeLessThan(40_000);
  });
});

describe('secrets under step debug logging', () => {
  const scenarios: {
    name: string;
    steps?: Step[];
    inputs?: Record<string, string>;
    proxied?: boolean;
    /** Serve HTTPS with a certificate the action does not trust. */
    untrusted?: boolean;
    /** Send SIGINT once the stand-in has seen this many requests. */
    cancelAfter?: number;
  }[] = [
    { name: 'clean delete' },
    { name: 'retries', steps: [{ status: 503, body: ATLAS_ERRORS.unavailable() }, { action: 'reset' }] },
    { name: 'stale nonce', steps: [{ action: 'stale' }] },
    { name: 'wrong private key', inputs: { 'private-key': `${PRIVATE_KEY}-wrong` } },
    { name: 'access list', steps: [{ status: 403, body: ATLAS_ERRORS.ipNotOnAccessList('203.0.113.7') }] },
    { name: 'HTML from a proxy', steps: [{ status: 400, body: '<html><title>Bad Request</title></html>' }] },
    { name: 'not found', steps: [{ status: 404, body: ATLAS_ERRORS.notFound() }] },
    { name: 'timeout', steps: [{ action: 'hang' }], inputs: { 'timeout-seconds': '0.2', 'max-attempts': '2' } },
    { name: 'bad input', inputs: { 'org-id': 'x', 'private-key': `${PRIVATE_KEY}\nline` } },
    { name: 'proxied', proxied: true },
    { name: 'wrong proxy credentials', proxied: true, inputs: { 'max-attempts': '1' } },
    { name: 'untrusted certificate', untrusted: true },
    { name: 'connection cut mid-answer', steps: [{ action: 'cut-body' }] },
    { name: 'cancelled', steps: [{ action: 'hang' }], cancelAfter: 2 },
  ];

  it('never shows a key, a digest response or an Authorization header, in any scenario', async () => {
    for (const scenario of scenarios) {
      const tls = scenario.proxied === true || scenario.untrusted === true;
      const [server, atlasBase] = await standIn({ tls, steps: scenario.steps ?? [] });
      const env: Record<string, string> = { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' };
      let baseUrl = atlasBase;
      if (scenario.proxied) {
        const [, proxyUrl] = await proxy();
        const url = scenario.name === 'wrong proxy credentials' ? proxyUrl.replace('p%40ss', 'nope') : proxyUrl;
        Object.assign(env, { https_proxy: url, NODE_EXTRA_CA_CERTS: certificates.caFile });
        baseUrl = `https://${ATLAS_HOST}:${new URL(atlasBase).port}`;
      }
      const run = await runAction(actionDir, {
        inputs: { ...inputsFor(baseUrl), ...scenario.inputs },
        env,
        onStart: (child) => {
          if (scenario.cancelAfter === undefined) return;
          const poll = setInterval(() => {
            if (server.requests.length >= (scenario.cancelAfter ?? 0)) {
              clearInterval(poll);
              child.kill('SIGINT');
            }
          }, 10);
        },
      });
      expect(run.outputs['status'], `${scenario.name}: outputs written`).toMatch(/^(deleted|not-found|failed)$/);

      const privateKey = scenario.inputs?.['private-key'] ?? PRIVATE_KEY;
      const lines = run.stdout.split('\n');
      const firstOther = lines.findIndex((line) => !line.startsWith('::add-mask::'));
      expect(
        lines.slice(firstOther).some((line) => line.startsWith('::add-mask::')),
        `${scenario.name}: masks first`,
      ).toBe(false);
      expect(lines.slice(0, firstOther), `${scenario.name}: both keys masked`).toEqual(
        expect.arrayContaining([`::add-mask::${PUBLIC_KEY}`, `::add-mask::${privateKey.split('\n')[0]}`]),
      );
      const visible = visibleOutput(run);
      for (const secret of [PUBLIC_KEY, PRIVATE_KEY, ...privateKey.split('\n'), PROXY_PASSWORD]) {
        expect(visible, `${scenario.name}: ${secret === PUBLIC_KEY ? 'public key' : 'a secret'} leaked`).not.toContain(
          secret,
        );
      }
      expect(visible, `${scenario.name}: header leaked`).not.toMatch(/authorization:|Digest username|response="/i);
      for (const request of server.requests) {
        const response = /response="([0-9a-f]+)"/.exec(request.headers.authorization ?? '')?.[1];
        if (response) expect(visible, `${scenario.name}: digest response leaked`).not.toContain(response);
      }
      // Debug lines appear once a challenge was answered; these scenarios fail before that.
      const endsEarly = ['bad input', 'wrong proxy credentials', 'untrusted certificate'].includes(scenario.name);
      expect(run.stdout, `${scenario.name}: debug output, or the early failure`).toMatch(
        endsEarly ? /^::error::/m : /::debug::/,
      );
      for (const cleanup of cleanups.splice(0)) await cleanup();
    }
  }, 120_000);
});
