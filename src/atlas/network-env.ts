// The environment variables that decide how requests travel, read once and in this one place:
// the proxy (https_proxy / HTTPS_PROXY), its credentials (secrets to mask), the hosts that bypass
// it (no_proxy / NO_PROXY), and a TLS override the action refuses to honour.
import { fromSettings, line, type SafeText } from '../text.ts';

/** A forward proxy as the tunnel agent needs it. */
export interface ProxyRoute {
  protocol: 'http:' | 'https:';
  /** Host name or IP address, without the brackets of an IPv6 literal. */
  host: string;
  port: number;
  username: string;
  password: string;
  /** `scheme://host:port`, safe for the log (no credentials). */
  address: string;
  /** The variable it came from, for messages. */
  variable: string;
}

/** An environment variable the action cannot use; reported like a rejected input. */
export class NetworkConfigError extends Error {
  readonly variable: string;
  readonly text: SafeText;
  constructor(variable: string, problem: SafeText) {
    const text = line`Invalid environment variable '${fromSettings(variable)}': ${problem}`;
    super(text);
    this.name = 'NetworkConfigError';
    this.variable = variable;
    this.text = text;
  }
}

export interface NetworkEnvironment {
  /** Every credential found in a proxy variable, raw and decoded, to mask before anything prints. */
  secrets: string[];
  /** NODE_TLS_REJECT_UNAUTHORIZED=0 was set: the action verifies certificates all the same. */
  tlsOverrideIgnored: boolean;
  /** How requests to `url` travel: through a proxy, or directly (undefined). Throws NetworkConfigError. */
  proxyFor(url: URL): ProxyRoute | undefined;
}

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY'] as const;
const NO_PROXY_VARIABLES = ['no_proxy', 'NO_PROXY'] as const;
/** Read only to find credentials to mask: the action never sends plain http through a proxy. */
const OTHER_PROXY_VARIABLES = ['http_proxy', 'HTTP_PROXY', 'all_proxy', 'ALL_PROXY'] as const;

const EXPECTED = line`expected [http://|https://][user:password@]host[:port], e.g. http://proxy.example.com:3128`;

export function readNetworkEnvironment(env: NodeJS.ProcessEnv): NetworkEnvironment {
  const firstSet = (names: readonly string[]): [string, string] | undefined => {
    for (const name of names) {
      const value = env[name]?.trim();
      if (value) return [name, value];
    }
    return undefined;
  };
  const proxy = firstSet(PROXY_VARIABLES);
  // Stryker disable next-line StringLiteral: equivalent, no host name matches any fallback text
  const noProxy = firstSet(NO_PROXY_VARIABLES)?.[1] ?? '';
  const secrets = [...PROXY_VARIABLES, ...OTHER_PROXY_VARIABLES].flatMap((name) => credentialsIn(env[name]));
  return {
    secrets: [...new Set(secrets)],
    tlsOverrideIgnored: env['NODE_TLS_REJECT_UNAUTHORIZED'] === '0',
    proxyFor(url) {
      if (url.protocol !== 'https:' || proxy === undefined || bypasses(noProxy, url)) return undefined;
      return parseProxyUrl(proxy[0], proxy[1]);
    },
  };
}

/** A proxy URL as people write it: the scheme may be left out (curl reads `host:port` as http). */
function withScheme(value: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
}

/** Percent-decoded when it is valid percent-encoding; otherwise used as written (`50%off`). */
function decodeLeniently(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The user name and password of a proxy URL, raw and decoded; nothing when it is not a URL. */
function credentialsIn(value: string | undefined): string[] {
  // Stryker disable next-line MethodExpression: equivalent, a blank value fails to parse below
  if (!value?.trim()) return [];
  let url: URL;
  try {
    url = new URL(withScheme(value.trim()));
  } catch {
    return [];
  }
  return [url.password, decodeLeniently(url.password)].filter((secret) => secret !== '');
}

export function parseProxyUrl(variable: string, value: string): ProxyRoute {
  let url: URL;
  try {
    url = new URL(withScheme(value));
  } catch {
    throw new NetworkConfigError(variable, line`it is not a usable proxy URL; ${EXPECTED}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NetworkConfigError(
      variable,
      line`the proxy scheme '${fromSettings(url.protocol.slice(0, -1))}' is not supported; ${EXPECTED}`,
    );
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new NetworkConfigError(variable, line`it has a path, query or fragment after the host; ${EXPECTED}`);
  }
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  return {
    protocol: url.protocol,
    // Stryker disable next-line Regex: equivalent, URL brackets only IPv6 literals, always both ends
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    username: decodeLeniently(url.username),
    password: decodeLeniently(url.password),
    address: `${url.protocol}//${url.host}`,
    variable,
  };
}

/** URL has already lower-cased the name and shortened any spelling of ::1 to [::1]. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname.startsWith('127.') || hostname === '[::1]';
}

/** no_proxy as @actions/http-client reads it: `*`, host names (and their subdomains), host:port. */
export function bypasses(noProxy: string, url: URL): boolean {
  if (isLoopback(url.hostname)) return true;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const host = url.hostname.toUpperCase();
  const candidates = [host, `${host}:${port}`];
  return noProxy
    .split(',')
    .map((item) => item.trim().toUpperCase()) // an empty item matches nothing
    .some(
      (item) =>
        item === '*' ||
        candidates.some(
          (candidate) =>
            candidate === item || candidate.endsWith(`.${item}`) || (item.startsWith('.') && candidate.endsWith(item)),
        ),
    );
}
