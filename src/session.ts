// What one run holds while it talks to Atlas: the transport (connections, proxy) and the
// authenticator (nonce or access token). Closed after the result has been reported.
import type { NetworkEnvironment } from './atlas/network-env.ts';
import { Transport } from './atlas/transport.ts';
import { ApiKeyAuthenticator } from './auth/api-key.ts';
import type { RequestAuthenticator } from './auth/authenticator.ts';
import { ServiceAccountAuthenticator } from './auth/service-account.ts';
import type { Settings } from './inputs.ts';
import { USER_AGENT } from './version.ts';

export interface Logger {
  info: (message: string) => void;
  warning: (message: string) => void;
  debug: (message: string) => void;
  /** Registers a secret that exists only at run time (an access token) with the runner's masking. */
  mask: (secret: string) => void;
}

export interface Runtime {
  now: () => number;
  /** In [0, 1); drives the retry jitter. */
  random: () => number;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Aborted when the job is cancelled. */
  cancelSignal: AbortSignal;
}

export interface Session {
  settings: Settings;
  transport: Transport;
  auth: RequestAuthenticator;
  log: Logger;
  runtime: Runtime;
}

export function openSession(settings: Settings, network: NetworkEnvironment, log: Logger, runtime: Runtime): Session {
  const transport = new Transport(network);
  const { credentials } = settings;
  const auth =
    credentials.method === 'digest'
      ? new ApiKeyAuthenticator(credentials, log.debug)
      : new ServiceAccountAuthenticator(credentials, {
          baseUrl: settings.baseUrl,
          transport,
          headers: { 'User-Agent': USER_AGENT },
          mask: log.mask,
          log,
          now: runtime.now,
        });
  return { settings, transport, auth, log, runtime };
}

/** Releases the credentials (revokes a token, within its own budget) and closes the connections. */
export async function closeSession(session: Session): Promise<void> {
  try {
    await session.auth.finish(session.runtime.cancelSignal);
  } finally {
    session.transport.close();
  }
}
