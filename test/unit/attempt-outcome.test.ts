// From an error or an answer to facts, a description and a hint: every branch, with whole words.
import { describe, expect, it } from 'vitest';
import { readAtlasAnswer } from '../../src/atlas/answer.ts';
import {
  HOST_MISMATCH_HINT,
  NOT_TLS_HINT,
  PROXY_AUTH_HINT,
  PROXY_REFUSED_HINT,
  PROXY_UNREACHABLE_HINT,
  STALE_NONCE_HINT,
  TEMPORARY_HINT,
  TOKEN_ENDPOINT_HINT,
  TOKEN_REFUSED_HINT,
  UNTRUSTED_CERTIFICATE_HINT,
} from '../../src/atlas/hints.ts';
import { NetworkConfigError } from '../../src/atlas/network-env.ts';
import { ProxyRefusalError } from '../../src/atlas/proxy-agent.ts';
import { TransportError } from '../../src/atlas/transport.ts';
import { describeAnswer, describeError, describeRefusal } from '../../src/attempt-outcome.ts';
import { StaleNonceError } from '../../src/auth/api-key.ts';
import { ChallengeError } from '../../src/auth/digest-protocol.ts';
import { TokenEndpointError, UnusableTokenError } from '../../src/auth/service-account.ts';
import { atlasAnswer, safe } from '../support/fixtures.ts';
import { InputError } from '../../src/inputs.ts';

const context = { cancelled: false, timeoutMs: 1500, fateUnknown: false, phase: 'request' as const };
const transportError = (
  kind: TransportError['kind'],
  message: string,
  facts: Partial<ConstructorParameters<typeof TransportError>[2]> = {},
) => new TransportError(kind, message, { requestSent: false, ...facts });

describe('describeError', () => {
  it('tells a timeout from a cancellation', () => {
    const aborted = transportError('aborted', 'the request was aborted', { requestSent: true });
    expect(describeError(aborted, context)).toEqual({
      kind: 'error',
      cancelled: false,
      fateUnknown: false,
      phase: 'request',
      failure: { kind: 'timeout' },
      description: 'timed out after 1.5 s',
      hint: 'No answer came within timeout-seconds: re-run the step later, or raise timeout-seconds or max-attempts.',
      cause: { kind: 'timeout' },
    });
    expect(describeError(aborted, { ...context, cancelled: true, fateUnknown: true })).toEqual({
      kind: 'error',
      cancelled: true,
      fateUnknown: true,
      phase: 'request',
      failure: { kind: 'final' },
      description: 'cancelled during the request',
      cause: { kind: 'cancelled' },
    });
    expect(describeError(aborted, { ...context, cancelled: true, phase: 'token request' })).toMatchObject({
      description: 'cancelled during the token request',
      phase: 'token request',
    });
  });

  it('gives each TLS cause its own hint, and retries none', () => {
    const untrusted = describeError(
      transportError('tls', 'self-signed certificate', { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
      context,
    );
    expect(untrusted).toMatchObject({
      failure: { kind: 'final' },
      description: 'TLS failure: self-signed certificate',
      hint: UNTRUSTED_CERTIFICATE_HINT,
    });
    const mismatch = describeError(
      transportError('tls', 'altnames', { code: 'ERR_TLS_CERT_ALTNAME_INVALID' }),
      context,
    );
    expect(mismatch).toMatchObject({ failure: { kind: 'final' }, hint: HOST_MISMATCH_HINT });
    expect(describeError(transportError('not-tls', 'x\n', { code: 'EPROTO' }), context)).toMatchObject({
      failure: { kind: 'final' },
      description: 'TLS failure: the server did not answer the TLS handshake in TLS (EPROTO)',
      hint: NOT_TLS_HINT,
    });
    expect(describeError(transportError('not-tls', 'x'), context)).toMatchObject({
      description: 'TLS failure: the server did not answer the TLS handshake in TLS (EPROTO)',
    });
  });

  it.each([
    [407, PROXY_AUTH_HINT],
    [403, PROXY_REFUSED_HINT],
    [405, PROXY_REFUSED_HINT],
    [499, PROXY_REFUSED_HINT],
    [500, PROXY_UNREACHABLE_HINT],
    [502, PROXY_UNREACHABLE_HINT],
  ])("passes a proxy's %i on as a fact, with its hint", (status, hint) => {
    const outcome = describeError(
      transportError('proxy', `the proxy refused the tunnel to a:443: HTTP ${status}`, { proxyStatus: status }),
      context,
    );
    expect(outcome).toEqual({
      kind: 'error',
      cancelled: false,
      fateUnknown: false,
      phase: 'request',
      failure: { kind: 'proxy', status },
      description: `proxy failure: the proxy refused the tunnel to a:443: HTTP ${status}`,
      cause: { kind: 'proxy' },
      hint,
    });
  });

  it('retries a network error, with its code as a fact', () => {
    expect(describeError(transportError('network', 'socket hang up', { code: 'ECONNRESET' }), context)).toEqual({
      kind: 'error',
      cancelled: false,
      fateUnknown: false,
      phase: 'request',
      failure: { kind: 'network', code: 'ECONNRESET' },
      description: 'network error: socket hang up',
      hint: TEMPORARY_HINT,
      cause: { kind: 'network' },
    });
  });

  it('points an unresolvable host at base-url, and a passing DNS failure at a re-run', () => {
    const notFound = transportError('network', 'getaddrinfo ENOTFOUND x.test', { code: 'ENOTFOUND' });
    expect(describeError(notFound, context).hint).toBe(
      "The host of base-url could not be resolved: check base-url, and the runner's DNS.",
    );
    const tryAgain = transportError('network', 'getaddrinfo EAI_AGAIN x.test', { code: 'EAI_AGAIN' });
    expect(describeError(tryAgain, context).hint).toBe(TEMPORARY_HINT);
  });

  it('refuses a challenge it cannot meet, and names a stale-nonce run for what it is', () => {
    const unauthorized = atlasAnswer({ status: 401, errorCode: 'UNEXPECTED_ERROR' });
    expect(describeRefusal(new ChallengeError(safe('no Digest')), unauthorized)).toEqual({
      description: 'HTTP 401 UNEXPECTED_ERROR: authentication refused: no Digest',
      hint: 'Atlas challenges with HTTP Digest (MD5, qop=auth): this server asks for something else, so it is not the Atlas API. Check base-url, and any proxy between the runner and Atlas.',
      cause: { kind: 'authentication-refused' },
    });
    expect(describeRefusal(new StaleNonceError(), atlasAnswer({ status: 401 }))).toEqual({
      description: 'HTTP 401: the server declared the nonce stale 3 times in a row',
      hint: STALE_NONCE_HINT,
      cause: { kind: 'authentication-refused' },
    });
  });

  it('calls a token of a type it cannot use final', () => {
    expect(describeError(new UnusableTokenError({ type: safe('N_A') }), context)).toEqual({
      kind: 'error',
      cancelled: false,
      fateUnknown: false,
      phase: 'request',
      failure: { kind: 'final' },
      description:
        "the token endpoint issued a token of type 'N_A', which the action cannot use (only Bearer tokens are defined for this flow)",
      hint: "Atlas's token endpoint issues only Bearer tokens of printable characters: check base-url, and any proxy between the runner and Atlas.",
      cause: { kind: 'not-atlas' },
    });
  });

  it('calls a rate-limited token endpoint so', () => {
    const outcome = describeError(new TokenEndpointError(429, undefined, undefined, safe('busy')), context);
    expect(outcome.cause).toEqual({ kind: 'rate-limited' });
  });

  it.each([
    [400, 'invalid_request', true, TOKEN_REFUSED_HINT],
    [401, 'invalid_client', true, TOKEN_REFUSED_HINT],
    [403, undefined, false, TOKEN_ENDPOINT_HINT],
    [503, undefined, false, TEMPORARY_HINT],
  ])('carries a token endpoint %i as an answer fact, with its OAuth code', (status, oauthError, refused, hint) => {
    const outcome = describeError(
      new TokenEndpointError(
        status,
        '7',
        oauthError === undefined ? undefined : safe(oauthError),
        safe('the token endpoint said no'),
      ),
      context,
    );
    expect(outcome).toEqual({
      kind: 'error',
      cancelled: false,
      fateUnknown: false,
      phase: 'request',
      failure: { kind: 'answer', status, retryAfter: '7' },
      description: 'token request failed: the token endpoint said no',
      errorCode: `oauth:${oauthError ?? `http-${status}`}`,
      cause: refused ? { kind: 'credentials' } : { kind: 'answer', status },
      hint,
    });
  });

  it('calls anything else unexpected, on one line', () => {
    expect(describeError(new Error('boom\nsecond line'), context)).toMatchObject({
      failure: { kind: 'final' },
      description: 'unexpected error: boom second line',
      hint: 'This is a bug in the action: re-run the step, and report it with this log.',
      cause: { kind: 'bug' },
    });
    expect(describeError('a string', context)).toMatchObject({ description: 'unexpected error: a string' });
  });
});

describe('describeAnswer', () => {
  const answer = (status: number, body: string, envelope = false, httpStatus = status) =>
    readAtlasAnswer({ status: httpStatus, headers: {}, body, bodyTruncated: false }, envelope);

  it('names status, code, detail, body problems and the envelope', () => {
    const body = '{"error":403,"errorCode":"X","detail":"Because."}';
    expect(describeAnswer(answer(403, body), 204)).toBe('HTTP 403 X');
    expect(describeAnswer(answer(403, body), 204, true)).toBe('HTTP 403 X: Because.');
    expect(describeAnswer(answer(502, 'oops'), 204, true)).toBe('HTTP 502: oops (the answer was not JSON)');
    expect(describeAnswer(answer(200, '{"status":404,"content":{}}', true), 204)).toBe(
      'HTTP 404 (enveloped in HTTP 200)',
    );
  });

  it.each([
    [200, 204, 'HTTP 200; Atlas documents 204 as the only success of this endpoint'],
    [299, 204, 'HTTP 299; Atlas documents 204 as the only success of this endpoint'],
    [204, 200, 'HTTP 204; Atlas documents 200 as the only success of this endpoint'],
    [300, 204, 'HTTP 300'],
    [199, 204, 'HTTP 199'],
    [204, 204, 'HTTP 204'],
  ])('HTTP %i when %i is the success', (status, success, expected) => {
    expect(describeAnswer(answer(status, ''), success)).toBe(expected);
  });
});

describe('error classes', () => {
  it('name themselves', () => {
    expect(
      [
        new ChallengeError(safe('x')),
        new StaleNonceError(),
        new TokenEndpointError(400, undefined, undefined, safe('x')),
        new TransportError('network', 'x', { requestSent: false }),
        new ProxyRefusalError('a:443', 403),
        new NetworkConfigError('https_proxy', safe('x')),
        new InputError('org-id', safe('x')),
      ].map((error) => error.name),
    ).toEqual([
      'ChallengeError',
      'StaleNonceError',
      'TokenEndpointError',
      'TransportError',
      'ProxyRefusalError',
      'NetworkConfigError',
      'InputError',
    ]);
    expect(new TransportError('network', 'x', { requestSent: false }).staleConnection).toBe(false);
    expect(new ProxyRefusalError('a:443', 403).message).toBe('the proxy refused the tunnel to a:443: HTTP 403');
  });
});
