// Raw action inputs -> one typed, validated settings object.
// Every rule names the input, says what is wrong and what is expected, and never echoes a key.
import { misplacedCredential, secretOutOfPlace } from './credential-shapes.ts';
import { fromSettings, line, type SafeText } from './text.ts';

export type ApiVersion = 'v1.0' | 'v2';

export type Credentials =
  | { method: 'digest'; publicKey: string; privateKey: string }
  | { method: 'service-account'; clientId: string; clientSecret: string };

export interface Settings {
  orgId: string;
  credentials: Credentials;
  /** Origin only, e.g. `https://cloud.mongodb.com` (no trailing slash). */
  baseUrl: string;
  apiVersion: ApiVersion;
  maxAttempts: number;
  retryDelayMs: number;
  timeoutMs: number;
  failOnNotFound: boolean;
  pretty: boolean;
  envelope: boolean;
  /** Verify credentials, access list, organization and role with GETs; never DELETE. */
  dryRun: boolean;
  /** How long, in total, to keep checking while Atlas reports an active live migration; 0: fail at once. */
  migrationWaitMs: number;
}

/** Returns the raw value of an input, or '' when it is not set. */
export type InputReader = (name: string) => string;

export class InputError extends Error {
  readonly input: string;
  readonly text: SafeText;
  constructor(input: string, problem: SafeText) {
    const text = line`Invalid input '${fromSettings(input)}': ${problem}`;
    super(text);
    this.name = 'InputError';
    this.input = input;
    this.text = text;
  }
}

export const DEFAULTS = {
  'base-url': 'https://cloud.mongodb.com',
  'api-version': 'v1.0',
  'max-attempts': '5',
  'retry-delay-seconds': '2',
  'timeout-seconds': '30',
  'fail-on-not-found': 'false',
  pretty: 'false',
  envelope: 'false',
  'dry-run': 'false',
  'migration-wait-seconds': '0',
} as const;

/** Upper bounds that keep a misconfigured step from blocking a pipeline for hours. */
export const LIMITS = {
  maxAttempts: 10,
  retryDelaySeconds: 30,
  timeoutSeconds: 300,
  /** A GitHub-hosted job's own limit: 6 hours. */
  migrationWaitSeconds: 21_600,
} as const;

/** Inputs without a default; only org-id is required on its own, the credentials go in pairs. */
export const REQUIRED_INPUTS = ['org-id'] as const;
export const CREDENTIAL_INPUTS = ['public-key', 'private-key', 'client-id', 'client-secret'] as const;

export const INPUT_NAMES = [
  ...REQUIRED_INPUTS,
  ...CREDENTIAL_INPUTS,
  ...(Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]),
] as const;

/**
 * The first input the workflow gave that the action does not have, from the runner's `INPUT_*`
 * variables (the runner upper-cases names and turns spaces into underscores; GitHub's
 * local-action also reads them as written): an error naming it and the nearest real input. The
 * runner itself only warns of such an input, and the action never sees its value — for
 * `dry_run: true`, that would mean a real delete.
 */
export function checkInputNames(variables: readonly string[]): void {
  const known = new Set(INPUT_NAMES.map((name) => name.toUpperCase()));
  for (const variable of variables) {
    if (!variable.toUpperCase().startsWith('INPUT_')) continue;
    const name = variable.slice('INPUT_'.length);
    if (known.has(name.toUpperCase())) {
      // Inputs are read as INPUT_<NAME IN UPPER CASE>, as the runner writes them; another spelling
      // (from a .env file, say) would be ignored, and `dry-run` silently lost.
      const expected = `INPUT_${name.toUpperCase()}`;
      if (variable === expected) continue;
      throw new InputError(
        name.toLowerCase(),
        line`it is given as ${sanitizeForMessage(variable)}, which is not read: name it ${fromSettings(expected)}`,
      );
    }
    const nearest = nearestInput(name);
    const suggestion =
      nearest === undefined
        ? line`; its inputs are listed in action.yml and the README`
        : line`; did you mean '${fromSettings(nearest)}'?`;
    throw new InputError(sanitizeForMessage(name.toLowerCase()), line`it is not an input of this action${suggestion}`);
  }
}

/** The real input closest to a misspelled one: the same once separators are ignored, or within 3 edits. */
function nearestInput(name: string): string | undefined {
  const normalize = (text: string): string => text.toLowerCase().replace(/[-_\s]/g, '');
  const target = normalize(name);
  let best: { name: string; distance: number } | undefined;
  for (const candidate of INPUT_NAMES) {
    const distance = editDistance(target, normalize(candidate));
    if (distance <= 3 && (best === undefined || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

export function readSettings(read: InputReader): Settings {
  // A secret pasted into an input that is no credential is refused before any rule could quote it.
  for (const name of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
    const problem = secretOutOfPlace(read(name));
    if (problem) throw new InputError(name, problem);
  }
  const value = (name: keyof typeof DEFAULTS): string => read(name).trim() || DEFAULTS[name];
  return {
    orgId: parseOrgId(read('org-id')),
    credentials: parseCredentials(read),
    baseUrl: parseBaseUrl(value('base-url')),
    apiVersion: parseApiVersion(value('api-version')),
    maxAttempts: parseWholeNumber('max-attempts', value('max-attempts'), 1, LIMITS.maxAttempts),
    retryDelayMs: parseMilliseconds('retry-delay-seconds', value('retry-delay-seconds'), {
      allowZero: true,
      maxSeconds: LIMITS.retryDelaySeconds,
    }),
    timeoutMs: parseMilliseconds('timeout-seconds', value('timeout-seconds'), {
      allowZero: false,
      maxSeconds: LIMITS.timeoutSeconds,
    }),
    failOnNotFound: parseBoolean('fail-on-not-found', value('fail-on-not-found')),
    pretty: parseBoolean('pretty', value('pretty')),
    envelope: parseBoolean('envelope', value('envelope')),
    dryRun: parseBoolean('dry-run', value('dry-run')),
    migrationWaitMs: parseMilliseconds('migration-wait-seconds', value('migration-wait-seconds'), {
      allowZero: true,
      maxSeconds: LIMITS.migrationWaitSeconds,
    }),
  };
}

/** Describes a character safely for a log line: printable ASCII as itself, anything else as U+XXXX. */
function describeChar(char: string): SafeText {
  const code = char.codePointAt(0) ?? 0;
  const hex = fromSettings(`U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
  return code > 0x20 && code < 0x7f ? line`'${fromSettings(char)}' (${hex})` : hex;
}

export function parseOrgId(raw: string): string {
  const orgId = raw.trim();
  const expected = line`expected the Atlas organization ID: exactly 24 hexadecimal characters (0-9, a-f)`;
  if (orgId === '') throw new InputError('org-id', line`it is required; ${expected}`);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(orgId)) {
    // A URL copied from the Atlas UI: say where the ID is rather than guess at one.
    const id = /\/orgs?\/([0-9a-f]{24})(?![0-9a-z])/i.exec(orgId)?.[1];
    throw new InputError(
      'org-id',
      id === undefined
        ? line`it is a URL, not an ID; ${expected}: in Atlas it is under Organization Settings, and in the address of any organization page after /org/`
        : line`it is a URL, not an ID; the organization ID in it is ${fromSettings(id.toLowerCase())}: set org-id to that`,
    );
  }
  const bad = [...orgId].findIndex((char) => !/^[0-9a-fA-F]$/.test(char));
  if (bad !== -1) {
    const char = [...orgId][bad] as string;
    throw new InputError(
      'org-id',
      line`character ${bad + 1} is ${describeChar(char)}, not a hexadecimal digit; ${expected}`,
    );
  }
  if (orgId.length !== 24) {
    throw new InputError('org-id', line`it has ${orgId.length} characters; ${expected}`);
  }
  return orgId.toLowerCase();
}

const PAIRS = {
  digest: ['public-key', 'private-key'],
  'service-account': ['client-id', 'client-secret'],
} as const;

const CHOOSE_ONE = line`expected exactly one method: client-id and client-secret (service account, recommended), or public-key and private-key (API key, legacy)`;

/** Exactly one complete pair of credentials: an API key or a service account. */
export function parseCredentials(read: InputReader): Credentials {
  const given = (name: string): boolean => read(name).trim() !== '';
  const complete = (pair: readonly [string, string]): boolean => given(pair[0]) && given(pair[1]);
  for (const [first, second] of Object.values(PAIRS)) {
    if (given(first) !== given(second)) {
      const missing = given(first) ? second : first;
      const present = given(first) ? first : second;
      throw new InputError(
        missing,
        line`it is missing, but '${fromSettings(present)}' is set: ${fromSettings(first)} and ${fromSettings(second)} go together; ${CHOOSE_ONE}`,
      );
    }
  }
  if (complete(PAIRS.digest) && complete(PAIRS['service-account'])) {
    throw new InputError('client-id', line`both an API key and a service account were given; ${CHOOSE_ONE}`);
  }
  if (complete(PAIRS.digest)) {
    return {
      method: 'digest',
      publicKey: parseCredential('public-key', read('public-key')),
      privateKey: parseCredential('private-key', read('private-key')),
    };
  }
  if (complete(PAIRS['service-account'])) {
    return {
      method: 'service-account',
      clientId: parseCredential('client-id', read('client-id')),
      clientSecret: parseCredential('client-secret', read('client-secret')),
    };
  }
  throw new InputError('client-id', line`no credentials were given; ${CHOOSE_ONE}`);
}

/** A credential: one line that can be sent, and not the value of another credential input. */
function parseCredential(name: (typeof CREDENTIAL_INPUTS)[number], raw: string): string {
  const value = parseSecretLine(name, raw);
  const misplaced = misplacedCredential(name, value);
  if (misplaced !== undefined) throw new InputError(name, misplaced);
  return value;
}

/** A key or secret: one line, trimmed. Never echoes the value or the offending character. */
export function parseSecretLine(name: (typeof CREDENTIAL_INPUTS)[number], raw: string): string {
  const value = raw.trim();
  const control = [...value].findIndex((char) => /\p{Cc}/u.test(char));
  if (control !== -1) {
    throw new InputError(
      name,
      line`it contains a line break or control character at position ${control + 1}; expected a single line (pass it from a secret)`,
    );
  }
  // The digest user name travels in a header, in a quoted field. The other values are only hashed,
  // or form-urlencoded and base64-encoded (a colon in a client ID included), so any character goes.
  if (name === 'public-key') {
    const unsendable = [...value].findIndex((char) => !/^[\x20-\x7e]$/.test(char) || char === '"' || char === '\\');
    if (unsendable !== -1) {
      throw new InputError(
        name,
        line`character ${unsendable + 1} cannot be sent in an HTTP header field (a quote, a backslash, or not printable ASCII); expected an Atlas API public key`,
      );
    }
  }
  return value;
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

export function parseBaseUrl(raw: string): string {
  const expected = line`expected scheme://host[:port] only, e.g. https://cloud.mongodb.com`;
  if (/[\s\p{Cc}]/u.test(raw)) {
    throw new InputError('base-url', line`it contains whitespace or control characters; ${expected}`);
  }
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(raw)) {
    throw new InputError('base-url', line`it has no scheme; ${expected}`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError('base-url', line`it is not a valid URL; ${expected}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(
      'base-url',
      line`the scheme '${sanitizeForMessage(url.protocol.slice(0, -1))}' is not supported; ${expected}`,
    );
  }
  if (
    url.username !== '' ||
    url.password !== '' ||
    raw
      .slice(raw.indexOf('//') + 2)
      .split('/')[0]
      ?.includes('@')
  ) {
    throw new InputError(
      'base-url',
      line`it contains user information; ${expected} (credentials have inputs of their own)`,
    );
  }
  if (raw.includes('?') || raw.includes('#')) {
    throw new InputError('base-url', line`it contains a query or fragment; ${expected}`);
  }
  if (url.pathname !== '/') {
    throw new InputError('base-url', line`it contains a path ('${sanitizeForMessage(url.pathname)}'); ${expected}`);
  }
  if (url.hostname.startsWith('[') && url.hostname !== '[::1]') {
    throw new InputError('base-url', line`IPv6 literal hosts other than [::1] are not accepted; ${expected}`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new InputError(
      'base-url',
      line`plain http is accepted only for loopback hosts (localhost, 127.0.0.0/8, [::1]); expected https://`,
    );
  }
  return url.origin;
}

export function parseApiVersion(raw: string): ApiVersion {
  if (raw === 'v1.0' || raw === 'v2') return raw;
  throw new InputError('api-version', line`'${sanitizeForMessage(raw)}' is not supported; expected v1.0 or v2`);
}

export function parseWholeNumber(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw)) {
    throw new InputError(name, line`'${sanitizeForMessage(raw)}' is not a whole number; expected ${min} to ${max}`);
  }
  const value = Number(raw);
  if (value < min || value > max) {
    throw new InputError(name, line`${sanitizeForMessage(raw)} is out of range; expected ${min} to ${max}`);
  }
  return value;
}

/**
 * A number of seconds, written as a plain decimal, as whole milliseconds: timers take nothing
 * else, so the rounding happens here, once (`16.1` is 16100).
 */
export function parseMilliseconds(
  name: string,
  raw: string,
  bounds: { allowZero: boolean; maxSeconds: number },
): number {
  const range = line`${bounds.allowZero ? line`from 0` : line`at least 0.001`} up to ${bounds.maxSeconds}`;
  // Digits only: rejects words, signs, exponents, NaN and Infinity alike.
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(raw)) {
    throw new InputError(
      name,
      line`'${sanitizeForMessage(raw)}' is not a number of seconds; expected ${range} (decimals allowed)`,
    );
  }
  const seconds = Number(raw);
  const ms = Math.round(seconds * 1000);
  if (seconds > bounds.maxSeconds || (!bounds.allowZero && ms === 0)) {
    throw new InputError(name, line`${sanitizeForMessage(raw)} is out of range; expected ${range}`);
  }
  return ms;
}

export function parseBoolean(name: string, raw: string): boolean {
  const lower = raw.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw new InputError(name, line`'${sanitizeForMessage(raw)}' is not a boolean; expected true or false`);
}

/** Non-secret input values may be quoted in errors, but only as one short, printable line. */
function sanitizeForMessage(raw: string): SafeText {
  const printable = raw.replace(/[^\x20-\x7e]/g, '?');
  return fromSettings(printable.length > 40 ? `${printable.slice(0, 40)}…` : printable);
}
