// What one run holds while it talks to Atlas: the transport (connections, proxy) and the
// authenticator (nonce or access token). Closed after the result has been reported.
import type { NetworkEnvironment } from './atlas/network-env.ts';
import { Transport } from './atlas/transport.ts';
import { ApiKeyAuthenticator } from './auth/api-key.ts';
import type { RequestAuthenticator } from './auth/authenticator.ts';
import { ServiceAccountAuthenticator } from './auth/service-account.ts';
import type { Settings } from './inputs.ts';
import type { AtlasAnswer } from './atlas/answer.ts';
import type { AttemptRecord } from './attempts.ts';
import type { SafeText } from './text.ts';
import { USER_AGENT } from './version.ts';

export interface Logger {
  info: (message: SafeText) => void;
  warning: (message: SafeText) => void;
  debug: (message: SafeText) => void;
  /** Registers a secret that exists only at run time (an access token) with the runner's masking. */
  mask: (secret: string) => void;
}

/**
 * What the run has done so far, kept up to date by the attempt loop: what a result reported without
 * the operation's own verdict (the run's deadline passed, or it would not end after a cancellation)
 * is made of.
 */
export interface Progress {
  /** Attempts begun, over every request of the run. */
  attempts: number;
  /** The answer to the last attempt that got one (undefined after an attempt that got none). */
  last: AtlasAnswer | undefined;
  /** A DELETE with the run's credentials was sent: the only request that can delete the link-token. */
  deleteSent: boolean;
  /** One is on its way now. */
  deleteInFlight: boolean;
  /** Some authorized request may have been carried out without a success to show for it. */
  fateUnknown: boolean;
  /** Every attempt so far, for the summary. */
  attemptLog: AttemptRecord[];
  /** The run has warned that its API is deprecated (once is enough). */
  deprecationWarned: boolean;
  /** The Atlas API requests that reached the server (`DELETE https://…`), each once, in order. */
  requestsSent: SafeText[];
}

export interface Runtime {
  now: () => number;
  /** In [0, 1); drives the retry jitter. */
  random: () => number;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Aborted when the job is cancelled, or when the run's deadline passes. */
  cancelSignal: AbortSignal;
}

export interface Session {
  settings: Settings;
  transport: Transport;
  auth: RequestAuthenticator;
  log: Logger;
  runtime: Runtime;
  progress: Progress;
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
  const progress: Progress = {
    attempts: 0,
    last: undefined,
    deleteSent: false,
    deleteInFlight: false,
    fateUnknown: false,
    attemptLog: [],
    deprecationWarned: false,
    requestsSent: [],
  };
  return { settings, transport, auth, log, runtime, progress };
}

/** Releases the credentials (revokes a token, within its own budget) and closes the connections. */
export async function closeSession(session: Session): Promise<void> {
  try {
    await session.auth.finish(session.runtime.cancelSignal);
  } finally {
    session.transport.close();
  }
}
