// Secrets through dist/index.js under step debug logging, in every kind of scenario: masked
// before anything else is printed, and never shown.
import { describe, expect, it } from 'vitest';
import { ATLAS_ERRORS, type Step } from '../support/atlas-stand-in.ts';
import { apiKeyInputs as apiKey, PRIVATE_KEY, PUBLIC_KEY } from '../support/fixtures.ts';
import { ATLAS_HOST, PROXY_PASSWORD, PROXY_USER, useE2E } from '../support/e2e.ts';
import { visibleOutput } from '../support/run-action.ts';

const { standIn, forwardProxy, run, certificates, closeAll } = useE2E();

async function proxy() {
  const [forward, address] = await forwardProxy({ credentials: `${PROXY_USER}:${PROXY_PASSWORD}` });
  return [forward, `http://${PROXY_USER}:${encodeURIComponent(PROXY_PASSWORD)}@${address}`] as const;
}

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
      const [server, atlasBase] = await standIn({ tls }, scenario.steps ?? []);
      const env: Record<string, string> = { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' };
      let baseUrl = atlasBase;
      if (scenario.proxied) {
        const [, proxyUrl] = await proxy();
        const url = scenario.name === 'wrong proxy credentials' ? proxyUrl.replace('p%40ss', 'nope') : proxyUrl;
        Object.assign(env, { https_proxy: url, NODE_EXTRA_CA_CERTS: certificates().caFile });
        baseUrl = `https://${ATLAS_HOST}:${new URL(atlasBase).port}`;
      }
      const result = await run(
        { ...apiKey(baseUrl), ...scenario.inputs },
        {
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
        },
      );
      expect(result.outputs['status'], `${scenario.name}: outputs written`).toMatch(/^(deleted|not-found|failed)$/);

      const privateKey = scenario.inputs?.['private-key'] ?? PRIVATE_KEY;
      const lines = result.stdout.split('\n');
      const firstOther = lines.findIndex((line) => !line.startsWith('::add-mask::'));
      expect(
        lines.slice(firstOther).some((line) => line.startsWith('::add-mask::')),
        `${scenario.name}: masks first`,
      ).toBe(false);
      expect(lines.slice(0, firstOther), `${scenario.name}: both keys masked`).toEqual(
        expect.arrayContaining([`::add-mask::${PUBLIC_KEY}`, `::add-mask::${privateKey.split('\n')[0]}`]),
      );
      const visible = visibleOutput(result);
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
      expect(result.stdout, `${scenario.name}: debug output, or the early failure`).toMatch(
        endsEarly ? /^::error::/m : /::debug::/,
      );
      await closeAll();
    }
  }, 120_000);
});
