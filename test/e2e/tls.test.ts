// TLS through dist/index.js: verification that cannot be turned off, and a hint per cause.
import { describe, expect, it } from 'vitest';
import { apiKeyInputs as apiKey } from '../support/fixtures.ts';
import { errorLine, useE2E } from '../support/e2e.ts';

const { standIn, run, certificates } = useE2E();

describe('NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment', () => {
  it('is ignored with a warning: an untrusted server gets no request', async () => {
    const [server, baseUrl] = await standIn({ tls: true });
    const result = await run(apiKey(baseUrl), { env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' } });
    expect(result.outputs).toMatchObject({ status: 'failed', attempts: '1' });
    expect(result.stdout).toContain(
      '::warning::NODE_TLS_REJECT_UNAUTHORIZED=0 is ignored: the action always verifies TLS certificates.\n',
    );
    expect(errorLine(result)).toMatch(/^Deleting the link-token failed: TLS failure: .*certificate/);
    expect(server.requests).toHaveLength(0);
    // Node's own warning, that verification is off, would contradict the action's: it never appears.
    expect(result.stderr).toBe('');
  });
});

describe('a hint per cause, every log line one line', () => {
  it('a certificate for another host: check base-url, not the CA', async () => {
    const [, baseUrl] = await standIn({ tls: true, host: 'localhost' });
    const result = await run(apiKey(baseUrl), { env: { NODE_EXTRA_CA_CERTS: certificates().caFile } });
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
