// The core against a stand-in that misbehaves on the network: stalls, resets, empty bodies, DNS
// failures and an untrusted certificate.
import { rmSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AtlasStandIn, type Step } from '../support/atlas-stand-in.ts';
import { makeCertificates, type TestCertificates } from '../support/certificates.ts';
import { ATLAS_HOST } from '../support/e2e.ts';
import { instantRuntime, perform, PRIVATE_KEY, PUBLIC_KEY, recordingLogger, settingsFor } from '../support/fixtures.ts';

let certificates: TestCertificates | undefined;
const servers: AtlasStandIn[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});
afterAll(() => {
  if (certificates) rmSync(certificates.dir, { recursive: true, force: true });
});

async function standIn(options: { tls?: boolean } = {}, steps: Step[] = []): Promise<[AtlasStandIn, string]> {
  certificates ??= makeCertificates(ATLAS_HOST);
  const server = new AtlasStandIn({
    publicKey: PUBLIC_KEY,
    privateKey: PRIVATE_KEY,
    ...(options.tls ? { tls: { key: certificates.key, cert: certificates.cert } } : {}),
  });
  servers.push(server);
  const baseUrl = await server.start();
  server.script(...steps);
  return [server, baseUrl];
}

describe('network and server faults', () => {
  it('ends an attempt whose body stalls after the headers, and retries', async () => {
    const [, baseUrl] = await standIn({}, [{ action: 'stall-body' }]);
    const result = await perform(settingsFor(baseUrl, { timeoutMs: 300 }), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'deleted', attempts: 2 });
    expect(result.attemptLog[0]?.outcome).toBe('timed out after 300 ms');
  });

  it('bounds a server that never answers by attempts × timeout plus the waits', async () => {
    const [server, baseUrl] = await standIn({}, [{ action: 'hang' }, { action: 'hang' }]);
    const runtime = instantRuntime();
    const started = Date.now();
    const result = await perform(settingsFor(baseUrl, { timeoutMs: 200, maxAttempts: 2 }), recordingLogger(), runtime);
    expect(result).toMatchObject({ status: 'failed', attempts: 2 });
    expect(result.message).toBe(
      'Deleting the link-token failed after 2 attempts: timed out after 200 ms. No answer came within timeout-seconds: re-run the step later, or raise timeout-seconds or max-attempts.',
    );
    expect(server.requests).toHaveLength(3);
    expect(runtime.sleeps).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('retries a connection reset mid-answer, naming the cause', async () => {
    const [, baseUrl] = await standIn({}, [{ action: 'cut-body' }]);
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'deleted', attempts: 2 });
    expect(result.attemptLog[0]?.outcome).toMatch(/^network error: .*(ECONNRESET|aborted|closed mid-answer)/);
  });

  it('explains an empty error body', async () => {
    const [, baseUrl] = await standIn({}, [{ status: 400 }]);
    const result = await perform(settingsFor(baseUrl), recordingLogger(), instantRuntime());
    expect(result).toMatchObject({ status: 'failed', httpStatus: 400, attempts: 1 });
    expect(result.message).toBe(
      'Deleting the link-token failed: HTTP 400. The answer did not come from the Atlas API (no Atlas error body): check base-url, and any proxy between the runner and Atlas.',
    );
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
    expect(result).toMatchObject({ status: 'failed', attempts: 1 });
    expect(result.message).toMatch(/TLS failure: .*(SELF_SIGNED|UNABLE_TO_(GET|VERIFY))/);
    expect(result.hint).toMatch(/certificate is not trusted.*NODE_EXTRA_CA_CERTS/);
    expect(server.requests).toHaveLength(0);
  });
});
