// What every end-to-end test of dist/ needs: the staged action, test certificates, a loopback
// stand-in and forward proxy that are closed after each test, and helpers to read what a run showed.
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { AtlasStandIn, type StandInOptions, type Step } from './atlas-stand-in.ts';
import { makeCertificates, type TestCertificates } from './certificates.ts';
import { CLIENT_ID, CLIENT_SECRET, ORG_ID, PRIVATE_KEY, PUBLIC_KEY } from './fixtures.ts';
import { ForwardProxy } from './forward-proxy.ts';
import { type ActionRun, runAction, type RunOptions, stageAction } from './run-action.ts';

/** A host name only the test proxy resolves: the action can reach it through the proxy alone. */
export const ATLAS_HOST = 'atlas.test';
export const PROXY_USER = 'proxy-user';
export const PROXY_PASSWORD = 'pr0xy-p@ss';

export interface E2E {
  /** The test CA, its certificate for ATLAS_HOST, and the CA file for NODE_EXTRA_CA_CERTS. */
  certificates: () => TestCertificates;
  /** A stand-in accepting the test key pair and service account, closed after the test. */
  standIn: (
    options?: Partial<Omit<StandInOptions, 'tls'>> & { tls?: boolean },
    steps?: Step[],
  ) => Promise<[AtlasStandIn, string]>;
  /** A CONNECT proxy that resolves ATLAS_HOST to loopback; resolves to its `host:port`. */
  forwardProxy: (options?: {
    credentials?: string;
    refused?: Record<string, number>;
    host?: string;
    interim?: string;
  }) => Promise<[ForwardProxy, string]>;
  /** Runs dist/index.js with these inputs. */
  run: (inputs: Record<string, string>, options?: Omit<RunOptions, 'inputs'>) => Promise<ActionRun>;
  /** Registers something to close after the test. */
  onCleanup: (cleanup: () => Promise<void> | void) => void;
  /** Closes now what would be closed after the test (for tests that loop over scenarios). */
  closeAll: () => Promise<void>;
}

/** Registers the suite's hooks; call once at the top of an end-to-end test file. */
export function useE2E(): E2E {
  let actionDir = '';
  let certificates: TestCertificates | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  beforeAll(() => {
    actionDir = stageAction();
  });
  afterAll(() => {
    rmSync(actionDir, { recursive: true, force: true });
    if (certificates) rmSync(certificates.dir, { recursive: true, force: true });
  });
  const closeAll = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  };
  afterEach(closeAll);
  const certs = (): TestCertificates => (certificates ??= makeCertificates(ATLAS_HOST));
  return {
    certificates: certs,
    standIn: async (options = {}, steps = []) => {
      const { tls, ...rest } = options;
      const server = new AtlasStandIn({
        publicKey: PUBLIC_KEY,
        privateKey: PRIVATE_KEY,
        serviceAccount: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
        organizationId: ORG_ID,
        ...(tls ? { tls: { key: certs().key, cert: certs().cert } } : {}),
        ...rest,
      });
      const baseUrl = await server.start();
      server.script(...steps);
      cleanups.push(() => server.close());
      return [server, baseUrl];
    },
    forwardProxy: async (options = {}) => {
      const proxy = new ForwardProxy({ hosts: { [ATLAS_HOST]: '127.0.0.1' }, ...options });
      const address = await proxy.start(options.host);
      cleanups.push(() => proxy.close());
      return [proxy, address];
    },
    run: (inputs, options = {}) => runAction(actionDir, { inputs, ...options }),
    onCleanup: (cleanup) => cleanups.push(cleanup),
    closeAll,
  };
}

/** Inputs of a service-account run against `baseUrl`, with a short back-off. */
export function serviceAccountInputs(baseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'org-id': ORG_ID,
    'client-id': CLIENT_ID,
    'client-secret': CLIENT_SECRET,
    'base-url': baseUrl,
    'retry-delay-seconds': '0.01',
    ...extra,
  };
}

/** The step's `::error::` line, without the command. */
export function errorLine(result: ActionRun): string | undefined {
  return /^::error::(.*)$/m.exec(result.stdout)?.[1];
}

/** Every `::error::` line of a run. */
export function errorLines(result: ActionRun): string[] {
  return result.stdout.split('\n').filter((line) => line.startsWith('::error::'));
}

/** Sends `signal` once the stand-in has seen `count` requests (after `delayMs`); records when. */
export function signalAfter(
  server: { requests: unknown[] },
  count: number,
  signal: NodeJS.Signals,
  sent: { at: number },
  delayMs = 0,
) {
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
