// Proxies through dist/index.js: https_proxy and no_proxy as every action reads them, credentials
// masked, refusals final, and the tunnel as part of the attempt.
import { connect as connectTo, createServer, type Server, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { apiKeyInputs as apiKey } from '../support/fixtures.ts';
import { ATLAS_HOST, errorLine, errorLines, PROXY_PASSWORD, PROXY_USER, useE2E } from '../support/e2e.ts';
import { visibleOutput } from '../support/run-action.ts';

const { standIn, forwardProxy, run, certificates, onCleanup } = useE2E();

/**
 * A proxy that accepts connections and answers CONNECT only after `delayMs` (never, by default),
 * then tunnels to the stand-in; resolves to its address.
 */
async function slowProxy(atlasPort: number, delayMs = Infinity): Promise<[{ connections: number }, string]> {
  const seen = { connections: 0 };
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    seen.connections++;
    sockets.add(client);
    client.on('error', () => undefined);
    if (delayMs === Infinity) return;
    const timer = setTimeout(() => {
      const upstream = connectTo(atlasPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client).pipe(upstream);
      });
      sockets.add(upstream);
    }, delayMs);
    client.on('close', () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const { port } = server.address() as { port: number };
  return [seen, `http://127.0.0.1:${port}`];
}

/** A proxy demanding credentials; resolves to it and its URL with the credentials in it. */
async function proxy() {
  const [forward, address] = await forwardProxy({ credentials: `${PROXY_USER}:${PROXY_PASSWORD}` });
  return [forward, `http://${PROXY_USER}:${encodeURIComponent(PROXY_PASSWORD)}@${address}`] as const;
}

describe('https_proxy and no_proxy', () => {
  it('tunnels through https_proxy with credentials, trusting NODE_EXTRA_CA_CERTS', async () => {
    const [server, atlasBase] = await standIn({ tls: true });
    const [forward, proxyUrl] = await proxy();
    const port = new URL(atlasBase).port;
    const result = await run(apiKey(`https://${ATLAS_HOST}:${port}`), {
      env: { https_proxy: proxyUrl, NODE_EXTRA_CA_CERTS: certificates().caFile },
    });
    expect(result.stderr).toBe('');
    expect(result.outputs).toMatchObject({ status: 'deleted', 'http-status': '204', attempts: '1' });
    expect(result.code).toBe(0);
    // One tunnel: the request answering the challenge reuses the kept-alive connection.
    expect(forward.connects.map((c) => [c.target, c.allowed])).toEqual([[`${ATLAS_HOST}:${port}`, true]]);
    expect(server.requests.map((r) => r.answer)).toEqual(['401', '204']);
    expect(result.stdout).toContain(`(through proxy http://127.0.0.1:`);
    expect(result.stdout).toContain(`::add-mask::${PROXY_PASSWORD}`);
    expect(visibleOutput(result)).not.toContain(PROXY_PASSWORD);
    expect(visibleOutput(result)).not.toContain(encodeURIComponent(PROXY_PASSWORD));
  });

  it('honours HTTPS_PROXY in capitals too', async () => {
    const [, atlasBase] = await standIn({ tls: true });
    const [forward, proxyUrl] = await proxy();
    const result = await run(apiKey(`https://${ATLAS_HOST}:${new URL(atlasBase).port}`), {
      env: { HTTPS_PROXY: proxyUrl, NODE_EXTRA_CA_CERTS: certificates().caFile },
    });
    expect(result.outputs['status']).toBe('deleted');
    expect(forward.connects).toHaveLength(1);
  });

  it('goes direct for hosts in no_proxy', async () => {
    const [, atlasBase] = await standIn({ tls: true });
    const [forward, proxyUrl] = await proxy();
    const result = await run(apiKey(`https://${ATLAS_HOST}:${new URL(atlasBase).port}`, { 'max-attempts': '2' }), {
      env: { https_proxy: proxyUrl, no_proxy: `example.com,${ATLAS_HOST}`, NODE_EXTRA_CA_CERTS: certificates().caFile },
    });
    expect(forward.connects).toHaveLength(0);
    // Only the proxy knows the name, so going direct must fail to resolve it.
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '2', 'http-status': '' });
    expect(result.stdout).toMatch(/\(directly\)/);
    expect(result.stdout).toMatch(/network error: .*(ENOTFOUND|EAI_AGAIN)/);
  });

  it('reports wrong proxy credentials without logging them', async () => {
    await standIn({ tls: true });
    const [forward, proxyUrl] = await proxy();
    const wrong = proxyUrl.replace(encodeURIComponent(PROXY_PASSWORD), 'wrong-secret');
    const result = await run(apiKey(`https://${ATLAS_HOST}:443`), {
      env: { https_proxy: wrong, NODE_EXTRA_CA_CERTS: certificates().caFile },
    });
    expect(result.code).toBe(1);
    expect(forward.connects.map((c) => c.allowed)).toEqual([false]);
    // Final at once: no retry fixes wrong proxy credentials.
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '1' });
    expect(result.stdout).toContain(
      '::error::Deleting the link-token failed: proxy failure: the proxy refused the tunnel to atlas.test:443: HTTP 407. The proxy refused its credentials: check the user name and password in https_proxy.\n',
    );
    expect(visibleOutput(result)).not.toContain('wrong-secret');
  });
});

describe('proxy URLs as people write them', () => {
  it('takes a scheme-less host:port as http:// and tunnels through it', async () => {
    const [server, atlasBase] = await standIn({ tls: true });
    const [proxy, address] = await forwardProxy({ host: 'localhost' });
    const result = await run(apiKey(`https://${ATLAS_HOST}:${new URL(atlasBase).port}`), {
      env: { https_proxy: address, NODE_EXTRA_CA_CERTS: certificates().caFile },
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
      env: { https_proxy: `http://${address}`, NODE_EXTRA_CA_CERTS: certificates().caFile },
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
    // The inputs were valid, so the method they chose is reported, as for every run past the inputs.
    expect(result.outputs).toEqual({
      status: 'failed',
      'auth-method': 'digest',
      'http-status': '',
      attempts: '0',
      'error-code': '',
    });
    expect(result.summary).toMatch(/^<h2>❌ Not run: invalid environment variable &#39;HTTPS_PROXY&#39;<\/h2>\n/);
    expect(result.summary).toContain(`<p>${message.replace(/'/g, '&#39;')}</p>`);
    expect(server.requests).toHaveLength(0);
  });

  it('uses a password with a bare % as written, and masks it', async () => {
    const [, atlasBase] = await standIn({ tls: true });
    const [proxy, address] = await forwardProxy({ credentials: 'user:50%off' });
    const result = await run(apiKey(`https://${ATLAS_HOST}:${new URL(atlasBase).port}`), {
      env: { https_proxy: `http://user:50%off@${address}`, NODE_EXTRA_CA_CERTS: certificates().caFile },
    });
    expect(result.outputs['status']).toBe('deleted');
    expect(proxy.connects.map((c) => c.allowed)).toEqual([true]);
    // Workflow commands escape % as %25; the runner decodes it and masks 50%off.
    expect(result.stdout).toContain('::add-mask::50%25off\n');
    expect(visibleOutput(result)).not.toContain('50%off');
  });
});

describe('a proxy that refuses the tunnel', () => {
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
    expect(errorLine(result)).toBe(
      "Deleting the link-token failed after 2 attempts: proxy failure: the proxy refused the tunnel to atlas.test:443: HTTP 502. The proxy could not reach Atlas: re-run the step later; if it persists, ask the proxy's administrators.",
    );
  });
});

describe('interim answers to CONNECT', () => {
  const INTERIM = 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>; rel=preload\r\n\r\n';

  it('are read past: the final 200 opens the tunnel', async () => {
    const [server, atlasBase] = await standIn({ tls: true });
    const [forward, address] = await forwardProxy({ interim: INTERIM });
    const result = await run(apiKey(`https://${ATLAS_HOST}:${new URL(atlasBase).port}`), {
      env: { https_proxy: `http://${address}`, NODE_EXTRA_CA_CERTS: certificates().caFile },
    });
    expect(result.outputs).toMatchObject({ status: 'deleted', 'http-status': '204', attempts: '1' });
    expect(forward.connects).toHaveLength(1);
    expect(server.requests.map((r) => r.answer)).toEqual(['401', '204']);
  });

  it('leave a final refusal what it is: a 407 after a 100 names the credentials', async () => {
    await standIn({ tls: true });
    const [, address] = await forwardProxy({ interim: INTERIM, credentials: `${PROXY_USER}:${PROXY_PASSWORD}` });
    const result = await run(apiKey(`https://${ATLAS_HOST}:443`), { env: { https_proxy: `http://${address}` } });
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '1' });
    expect(errorLine(result)).toBe(
      'Deleting the link-token failed: proxy failure: the proxy refused the tunnel to atlas.test:443: HTTP 407. The proxy refused its credentials: check the user name and password in https_proxy.',
    );
  });
});

describe('the tunnel is part of the attempt', () => {
  it('a proxy that never answers CONNECT: each attempt ends at its timeout', async () => {
    const [, atlasBase] = await standIn({ tls: true });
    const [proxy, proxyUrl] = await slowProxy(Number(new URL(atlasBase).port));
    const result = await run(
      apiKey(`https://${ATLAS_HOST}:${new URL(atlasBase).port}`, { 'timeout-seconds': '1', 'max-attempts': '2' }),
      { env: { https_proxy: proxyUrl, NODE_EXTRA_CA_CERTS: certificates().caFile } },
    );
    expect(result.code).toBe(1);
    expect(result.outputs).toEqual({
      status: 'failed',
      'auth-method': 'digest',
      'http-status': '',
      attempts: '2',
      'error-code': '',
    });
    expect(errorLine(result)).toBe(
      'Deleting the link-token failed after 2 attempts: timed out after 1 s. No answer came within timeout-seconds: re-run the step later, or raise timeout-seconds or max-attempts.',
    );
    expect(proxy.connections).toBe(2);
    expect(result.durationMs).toBeLessThan(8_000);
  }, 30_000);

  it('a proxy that answers after 4 s: the attempt still times out after 1 s', async () => {
    const [server, atlasBase] = await standIn({ tls: true });
    const [, proxyUrl] = await slowProxy(Number(new URL(atlasBase).port), 4_000);
    const result = await run(
      apiKey(`https://${ATLAS_HOST}:${new URL(atlasBase).port}`, { 'timeout-seconds': '1', 'max-attempts': '1' }),
      { env: { https_proxy: proxyUrl, NODE_EXTRA_CA_CERTS: certificates().caFile } },
    );
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '1' });
    expect(errorLine(result)).toBe(
      'Deleting the link-token failed: timed out after 1 s. No answer came within timeout-seconds: re-run the step later, or raise timeout-seconds or max-attempts.',
    );
    expect(result.durationMs).toBeLessThan(3_500);
    expect(server.requests).toHaveLength(0);
  }, 30_000);

  it('a cancellation while CONNECT is unanswered reports within 2 s', async () => {
    const [, atlasBase] = await standIn({ tls: true });
    const [proxy, proxyUrl] = await slowProxy(Number(new URL(atlasBase).port));
    let signalledAt = 0;
    const result = await run(apiKey(`https://${ATLAS_HOST}:${new URL(atlasBase).port}`, { 'timeout-seconds': '60' }), {
      env: { https_proxy: proxyUrl, NODE_EXTRA_CA_CERTS: certificates().caFile },
      onStart: (child) => {
        const poll = setInterval(() => {
          if (proxy.connections < 1) return;
          clearInterval(poll);
          signalledAt = Date.now();
          child.kill('SIGINT');
        }, 5);
      },
    });
    expect(Date.now() - signalledAt).toBeLessThan(2_000);
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '1', 'auth-method': 'digest' });
    expect(errorLines(result)).toHaveLength(1);
    expect(result.summary).toContain('cancelled');
  }, 30_000);
});
