// The proxy environment, read once: which variable wins, what is masked, which hosts bypass the
// proxy (the rules of @actions/http-client), and the exact words of an unusable value.
import { describe, expect, it } from 'vitest';
import { safe } from '../support/fixtures.ts';
import { bypasses, NetworkConfigError, parseProxyUrl, readNetworkEnvironment } from '../../src/atlas/network-env.ts';

const ATLAS = new URL('https://cloud.mongodb.com');
const EXPECTED = 'expected [http://|https://][user:password@]host[:port], e.g. http://proxy.example.com:3128';

describe('readNetworkEnvironment', () => {
  it('prefers https_proxy, then HTTPS_PROXY, skipping blank values and trimming', () => {
    const route = (env: NodeJS.ProcessEnv) => readNetworkEnvironment(env).proxyFor(ATLAS)?.address;
    expect(route({ https_proxy: 'http://a:1', HTTPS_PROXY: 'http://b:2' })).toBe('http://a:1');
    expect(route({ https_proxy: '  ', HTTPS_PROXY: ' http://b:2 ' })).toBe('http://b:2');
    expect(route({ HTTPS_PROXY: 'http://b:2' })).toBe('http://b:2');
    expect(route({ http_proxy: 'http://c:3' })).toBeUndefined(); // plain-http proxies are for plain http
    expect(route({})).toBeUndefined();
  });

  it('never proxies plain http (loopback only) and honours no_proxy, then NO_PROXY', () => {
    const env = { https_proxy: 'http://proxy:3128', no_proxy: 'cloud.mongodb.com', NO_PROXY: 'other.example' };
    expect(readNetworkEnvironment(env).proxyFor(new URL('http://127.0.0.1:8089'))).toBeUndefined();
    expect(readNetworkEnvironment(env).proxyFor(new URL('http://plain.example'))).toBeUndefined();
    expect(readNetworkEnvironment(env).proxyFor(ATLAS)).toBeUndefined();
    expect(readNetworkEnvironment({ ...env, no_proxy: '' }).proxyFor(ATLAS)?.host).toBe('proxy'); // NO_PROXY then
    expect(
      readNetworkEnvironment({ ...env, no_proxy: undefined, NO_PROXY: 'cloud.mongodb.com' }).proxyFor(ATLAS),
    ).toBeUndefined();
    expect(readNetworkEnvironment({ ...env, no_proxy: ' ', NO_PROXY: 'x.example' }).proxyFor(ATLAS)?.host).toBe(
      'proxy',
    );
  });

  it('finds every proxy password to mask, raw and decoded, once each, in every proxy variable', () => {
    const env = {
      https_proxy: 'http://u:p%40ss@proxy:3128',
      HTTPS_PROXY: 'http://u:p%40ss@proxy:3128',
      http_proxy: 'proxy2:80',
      HTTP_PROXY: ' http://u:second@proxy2 ',
      all_proxy: 'http://u:third@p3',
      ALL_PROXY: 'http://u:fourth@p4',
    };
    expect(readNetworkEnvironment(env).secrets).toEqual(['p%40ss', 'p@ss', 'second', 'third', 'fourth']);
    expect(readNetworkEnvironment({ https_proxy: 'http://user@proxy:3128' }).secrets).toEqual([]);
    expect(readNetworkEnvironment({ https_proxy: ':3128', HTTP_PROXY: '   ' }).secrets).toEqual([]);
  });

  it('notices NODE_TLS_REJECT_UNAUTHORIZED=0, and only that', () => {
    expect(readNetworkEnvironment({ NODE_TLS_REJECT_UNAUTHORIZED: '0' }).tlsOverrideIgnored).toBe(true);
    expect(readNetworkEnvironment({ NODE_TLS_REJECT_UNAUTHORIZED: '1' }).tlsOverrideIgnored).toBe(false);
    expect(readNetworkEnvironment({}).tlsOverrideIgnored).toBe(false);
  });
});

describe('parseProxyUrl', () => {
  it('reads scheme, host, port and credentials, with default ports', () => {
    expect(parseProxyUrl('https_proxy', 'http://us%20er:p%3Ass@proxy.example:3128')).toEqual({
      protocol: 'http:',
      host: 'proxy.example',
      port: 3128,
      username: 'us er',
      password: 'p:ss',
      address: 'http://proxy.example:3128',
      variable: 'https_proxy',
    });
    expect(parseProxyUrl('x', 'proxy.example')).toMatchObject({ protocol: 'http:', port: 80 });
    expect(parseProxyUrl('x', 'https://proxy.example')).toMatchObject({ protocol: 'https:', port: 443 });
    expect(parseProxyUrl('x', 'HTTPS://proxy.example:8443')).toMatchObject({ protocol: 'https:', port: 8443 });
    expect(parseProxyUrl('x', 'http://[::1]:3128')).toMatchObject({ host: '::1', address: 'http://[::1]:3128' });
    expect(parseProxyUrl('x', 'http://u:50%off@p:1')).toMatchObject({ password: '50%off' });
    expect(parseProxyUrl('x', 'http://proxy/')).toMatchObject({ host: 'proxy' });
  });

  it.each([
    [':3128', `it is not a usable proxy URL; ${EXPECTED}`],
    ['socks5://proxy:1080', `the proxy scheme 'socks5' is not supported; ${EXPECTED}`],
    ['http://proxy:3128/path', `it has a path, query or fragment after the host; ${EXPECTED}`],
    ['http://proxy:3128?x=1', `it has a path, query or fragment after the host; ${EXPECTED}`],
    ['http://proxy:3128#top', `it has a path, query or fragment after the host; ${EXPECTED}`],
    ['file:///etc/passwd', `the proxy scheme 'file' is not supported; ${EXPECTED}`],
    // Only a scheme at the start counts: this is host:port with a query, not scheme "proxy".
    ['proxy:3128?u=http://x', `it has a path, query or fragment after the host; ${EXPECTED}`],
  ])('refuses %j, naming the variable', (value, problem) => {
    expect(() => parseProxyUrl('HTTPS_PROXY', value)).toThrow(new NetworkConfigError('HTTPS_PROXY', safe(problem)));
    try {
      parseProxyUrl('HTTPS_PROXY', value);
    } catch (error) {
      expect(error).toMatchObject({
        name: 'NetworkConfigError',
        variable: 'HTTPS_PROXY',
        message: `Invalid environment variable 'HTTPS_PROXY': ${problem}`,
      });
    }
  });
});

describe('bypasses (no_proxy)', () => {
  const atlas = (url = 'https://cloud.mongodb.com') => new URL(url);
  it.each([
    ['', 'https://cloud.mongodb.com', false],
    ['*', 'https://cloud.mongodb.com', true],
    ['cloud.mongodb.com', 'https://cloud.mongodb.com', true],
    ['CLOUD.MONGODB.COM', 'https://cloud.mongodb.com', true],
    [' example.com , mongodb.com ', 'https://cloud.mongodb.com', true],
    ['.mongodb.com', 'https://cloud.mongodb.com', true],
    ['ongodb.com', 'https://cloud.mongodb.com', false],
    ['cloud.mongodb', 'https://cloud.mongodb.com', false],
    ['cloud.mongodb.com:443', 'https://cloud.mongodb.com', true],
    ['cloud.mongodb.com:8443', 'https://cloud.mongodb.com', false],
    ['cloud.mongodb.com:8443', 'https://cloud.mongodb.com:8443', true],
    ['atlas.test:80', 'http://atlas.test', true],
    [',,', 'https://cloud.mongodb.com', false],
    ['other.example', 'https://localhost:8443', true],
    ['', 'https://LOCALHOST', true],
    ['', 'https://127.5.6.7', true],
    ['', 'https://[::1]:8443', true],
    ['', 'https://[0:0:0:0:0:0:0:1]', true],
    ['', 'https://[::2]', false],
    ['', 'https://128.0.0.1', false],
    ['', 'https://my127.example', false],
  ])('no_proxy %j and %s -> %s', (noProxy, url, expected) => {
    expect(bypasses(noProxy, atlas(url))).toBe(expected);
  });
});
