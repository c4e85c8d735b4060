import { describe, expect, it } from 'vitest';
import { type AtlasAnswer, parseJsonObject, readAtlasAnswer as readWithHeaders } from '../../src/atlas/answer.ts';
import {
  activeMigrationProjects,
  answersOnlyAfterAuthentication,
  diagnose,
  firstIpAddress,
  hintFor,
} from '../../src/atlas/hints.ts';
import type { HttpAnswer } from '../../src/atlas/transport.ts';
import { atlasAnswer } from '../support/fixtures.ts';

/** What answer.ts reads, without the headers it passes on unchanged. */
function readAtlasAnswer(answer: HttpAnswer, envelope: boolean): Omit<AtlasAnswer, 'headers'> {
  const read: Partial<AtlasAnswer> = readWithHeaders(answer, envelope);
  expect(read.headers).toBe(answer.headers);
  delete read.headers;
  return read as Omit<AtlasAnswer, 'headers'>;
}

function http(status: number, body: string, headers: Record<string, string> = {}, bodyTruncated = false): HttpAnswer {
  return { status, headers, body, bodyTruncated };
}

describe('readAtlasAnswer', () => {
  it('reads a plain 204', () => {
    expect(readAtlasAnswer(http(204, ''), false)).toEqual({ status: 204, httpStatus: 204 });
  });

  it('reads JSON after a byte order mark, which RFC 8259 lets a parser ignore', () => {
    const body = '\uFEFF{"detail":"d","error":409,"errorCode":"CONFLICT"}';
    expect(readAtlasAnswer(http(409, body), false)).toMatchObject({ errorCode: 'CONFLICT', fromAtlas: true });
    expect(parseJsonObject(body)).toEqual({ detail: 'd', error: 409, errorCode: 'CONFLICT' });
    expect(parseJsonObject('x\uFEFF{}')).toBeUndefined(); // only at the start
  });

  it('names an encoding the action did not ask for, and quotes none of the bytes', () => {
    const gzip = http(503, '\u001f\u008b\u0008garbage', { 'content-encoding': ' GZIP ' });
    expect(readAtlasAnswer(gzip, false)).toEqual({
      status: 503,
      httpStatus: 503,
      bodyProblem: 'the answer was encoded (GZIP), which the action did not ask for',
    });
    const identity = http(503, 'plain', { 'content-encoding': 'Identity' });
    expect(readAtlasAnswer(identity, false)).toMatchObject({ bodyProblem: 'the answer was not JSON', detail: 'plain' });
    const empty = http(503, 'plain', { 'content-encoding': '' });
    expect(readAtlasAnswer(empty, false)).toMatchObject({ bodyProblem: 'the answer was not JSON', detail: 'plain' });
  });

  it('reads the fields of an Atlas error body', () => {
    const json = {
      detail: 'IP address 203.0.113.7 is not allowed to access this resource.',
      error: 403,
      errorCode: 'IP_ADDRESS_NOT_ON_ACCESS_LIST',
      parameters: ['203.0.113.7'],
      reason: 'Forbidden',
    };
    expect(readAtlasAnswer(http(403, JSON.stringify(json)), false)).toEqual({
      json,
      status: 403,
      httpStatus: 403,
      errorCode: 'IP_ADDRESS_NOT_ON_ACCESS_LIST',
      detail: 'IP address 203.0.113.7 is not allowed to access this resource.',
      parameters: ['203.0.113.7'],
      fromAtlas: true,
    });
  });

  it('accepts an error body without errorCode', () => {
    const body = JSON.stringify({
      detail: 'You are not authorized for this resource.',
      error: 401,
      parameters: [],
      reason: 'Unauthorized',
    });
    const answer = readAtlasAnswer(http(401, body), false);
    expect(answer.errorCode).toBeUndefined();
    expect(answer.detail).toBe('You are not authorized for this resource.');
  });

  it('takes the status from the envelope', () => {
    expect(readAtlasAnswer(http(200, '{"status":204,"content":{}}'), true)).toEqual({
      status: 204,
      httpStatus: 200,
      json: {},
    });
    const content = { errorCode: 'UNEXPECTED_ERROR', detail: 'gone', error: 404 };
    const enveloped404 = readAtlasAnswer(http(200, JSON.stringify({ status: 404, content })), true);
    expect(enveloped404).toEqual({
      status: 404,
      httpStatus: 200,
      errorCode: 'UNEXPECTED_ERROR',
      detail: 'gone',
      fromAtlas: true,
      json: content,
    });
    // An envelope without content is no Atlas 404.
    expect(readAtlasAnswer(http(200, '{"status":404,"content":null}'), true)).toEqual({ status: 404, httpStatus: 200 });
  });

  it('falls back to the HTTP status when a 200 carries no envelope', () => {
    const noStatus = readAtlasAnswer(http(200, '{"detail":"x"}'), true);
    expect(noStatus).toMatchObject({ status: 200, detail: 'x' });
    expect(noStatus.bodyProblem).toBe('an enveloped answer was expected, but the body has no numeric status');
    const empty = readAtlasAnswer(http(200, ''), true);
    expect(empty).toEqual({
      status: 200,
      httpStatus: 200,
      bodyProblem: 'an enveloped answer was expected, but the body was empty',
    });
  });

  it('reads any status but 200 as itself, whatever its body says, when an envelope was asked for', () => {
    for (const status of [201, 204, 401, 404, 500, 502, 503]) {
      const lying = readAtlasAnswer(http(status, '{"status":204,"content":{}}'), true);
      expect(lying).toMatchObject({ status, httpStatus: status });
      expect(lying.bodyProblem).toBeUndefined();
    }
    expect(readAtlasAnswer(http(502, 'upstream down'), true)).toMatchObject({
      status: 502,
      bodyProblem: 'the answer was not JSON',
    });
    expect(readAtlasAnswer(http(500, ''), true)).toEqual({ status: 500, httpStatus: 500 });
  });

  it('describes HTML, plain text and cut bodies', () => {
    const html = readAtlasAnswer(
      http(502, '<html><title>Bad Gateway</title></html>', { 'content-type': 'text/html' }),
      false,
    );
    expect(html.detail).toBe('Bad Gateway');
    expect(html.bodyProblem).toMatch(/HTML page/);
    expect(readAtlasAnswer(http(500, 'oops'), false)).toMatchObject({
      detail: 'oops',
      bodyProblem: 'the answer was not JSON',
    });
    expect(readAtlasAnswer(http(500, '{"detail":"x"', {}, true), false).bodyProblem).toMatch(/larger than 64 KiB/);
    // JSON, but a list: what a list operation answers, never an Atlas error body.
    expect(readAtlasAnswer(http(500, '[1,2]'), false)).toEqual({ status: 500, httpStatus: 500, list: [1, 2] });
    expect(readAtlasAnswer(http(200, '[1,2]'), true)).toEqual({
      status: 200,
      httpStatus: 200,
      list: [1, 2],
      bodyProblem: 'an enveloped answer was expected, but the body has no numeric status',
    });
  });

  it('keeps network text to one line, so it cannot start a workflow command', () => {
    const body = JSON.stringify({ detail: 'bad\n::add-mask::x\r\nmore', errorCode: 'CODE\n::error::y' });
    const answer = readAtlasAnswer(http(400, body), false);
    expect(answer.detail).toBe('bad ::add-mask::x more');
    expect(answer.errorCode).toBe('CODE ::error::y');
  });
});

describe('hintFor', () => {
  it.each([
    [{ status: 401 }, /key pair/],
    [
      { status: 403, errorCode: 'IP_ADDRESS_NOT_ON_ACCESS_LIST', parameters: ['198.51.100.4'] },
      /IP address 198\.51\.100\.4 is not on/,
    ],
    [
      { status: 403, errorCode: 'IP_ADDRESS_NOT_ON_ACCESS_LIST', detail: 'IP address 2001:db8::7 is not allowed' },
      /2001:db8::7/,
    ],
    [{ status: 403, errorCode: 'USER_UNAUTHORIZED' }, /Organization Owner/],
    [{ status: 400, errorCode: 'CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK' }, /after every migration/],
    [{ status: 404 }, /did not come from the Atlas API/],
    [{ status: 429 }, /rate-limited/],
    [{ status: 301 }, /never follows/],
  ])('%j', (answer, expected) => {
    expect(hintFor(atlasAnswer(answer))).toMatch(expected);
  });

  const TEMPORARY = 'This is usually temporary: re-run the step later, or raise max-attempts or retry-delay-seconds.';
  const CHECK_INPUTS =
    "Check org-id, the credentials and api-version against Atlas's message: nothing else in the request comes from the inputs.";

  it.each([408, 500, 502, 503, 504])('after a %i at the last attempt: says it is usually temporary', (status) => {
    expect(diagnose(atlasAnswer({ status, fromAtlas: true }))).toEqual({
      cause: { kind: 'answer', status },
      hint: TEMPORARY,
    });
    expect(hintFor(atlasAnswer({ status, fromAtlas: false }))).toBe(TEMPORARY); // from a gateway, too
  });

  it.each([501, 505, 599])('after a %i that no retry changes: re-run later', (status) => {
    expect(diagnose(atlasAnswer({ status, fromAtlas: true }))).toEqual({
      cause: { kind: 'answer', status },
      hint: 'Atlas failed to carry out the request: re-run the step later.',
    });
  });

  it.each([400, 409, 422, 499])('after Atlas’s own %i: points at the inputs the request holds', (status) => {
    expect(diagnose(atlasAnswer({ status, errorCode: 'CONFLICT', fromAtlas: true }))).toEqual({
      cause: { kind: 'answer', status },
      hint: CHECK_INPUTS,
    });
  });

  it.each([400, 409, 499])('after a %i that is not from Atlas: points at base-url and proxies', (status) => {
    expect(diagnose(atlasAnswer({ status, fromAtlas: false }))).toEqual({
      cause: { kind: 'not-atlas' },
      hint: 'The answer did not come from the Atlas API (no Atlas error body): check base-url, and any proxy between the runner and Atlas.',
    });
  });

  it.each([200, 202, 299])('after a %i where another success is documented: not how Atlas answers', (status) => {
    expect(diagnose(atlasAnswer({ status, fromAtlas: true }))).toEqual({
      cause: { kind: 'not-atlas' },
      hint: 'Atlas never answers this request that way: check base-url, and any proxy between the runner and Atlas.',
    });
  });
});

describe('what counts as Atlas speaking', () => {
  const read = (status: number, body: string, envelope = false, headers: Record<string, string> = {}) =>
    readAtlasAnswer({ status, headers, body, bodyTruncated: false }, envelope);

  it.each([
    ['{"error":404,"detail":"x"}', true],
    ['{"error":404,"errorCode":"X"}', true],
    ['{"error":404}', false],
    ['{"error":"404","detail":"x"}', false],
    ['{"error":403,"detail":"x"}', false],
    ['{"detail":"x","errorCode":"X"}', false],
    ['[{"error":404,"detail":"x"}]', false],
    ['null', false],
    ['"text"', false],
  ])('%s -> %s', (body, fromAtlas) => {
    expect(read(404, body).fromAtlas === true).toBe(fromAtlas);
  });

  it('reads a body with whitespace around it, and an envelope without content', () => {
    expect(read(404, '  \n{"error":404,"detail":"x"}\n ')).toMatchObject({ fromAtlas: true, detail: 'x' });
    expect(read(200, '{"status":204}', true)).toEqual({ status: 204, httpStatus: 200 });
    expect(read(200, '{"status":404,"content":[1]}', true)).toEqual({ status: 404, httpStatus: 200, list: [1] });
    expect(read(204, '', true)).toEqual({ status: 204, httpStatus: 204 });
    expect(read(200, '  ', true)).toEqual({
      status: 200,
      httpStatus: 200,
      bodyProblem: 'an enveloped answer was expected, but the body was empty',
    });
  });

  it('tells HTML by its content type or its first character, and quotes its title', () => {
    const html = 'the answer was an HTML page, not Atlas JSON (it may come from a proxy or load balancer)';
    expect(read(502, 'Bad <b>gateway</b>', false, { 'content-type': 'text/html; charset=utf-8' })).toEqual({
      status: 502,
      httpStatus: 502,
      bodyProblem: html,
    });
    expect(read(502, '<HTML><TITLE lang="en">502 Bad\nGateway</TITLE></HTML>')).toMatchObject({
      bodyProblem: html,
      detail: '502 Bad Gateway',
    });
    expect(read(502, 'plain words', false, { 'content-type': 'text/plain' })).toEqual({
      status: 502,
      httpStatus: 502,
      bodyProblem: 'the answer was not JSON',
      detail: 'plain words',
    });
  });
});

describe('hintFor, at the edges', () => {
  it.each([299, 400])('gives no redirect hint to %i', (status) => {
    expect(hintFor(atlasAnswer({ status, httpStatus: status })) ?? '').not.toMatch(/redirect/);
  });
  it.each([300, 399])('gives the redirect hint to %i', (status) => {
    expect(hintFor(atlasAnswer({ status, httpStatus: status }))).toMatch(/redirect/);
  });

  it('names the credential of the method, and quotes only an IP address', () => {
    const access = (method: 'digest' | 'service-account', parameters: unknown[]) =>
      hintFor(atlasAnswer({ status: 403, httpStatus: 403, errorCode: 'IP_ADDRESS_NOT_ON_ACCESS_LIST', parameters }), {
        method,
      });
    expect(access('digest', ['abc', 7, '203.0.113.7'])).toBe(
      "The runner's IP address 203.0.113.7 is not on the API key's API access list: add it in Atlas, or run on a runner with an allowed address.",
    );
    expect(access('service-account', ['1.2.3'])).toBe(
      "The runner's IP address is not on the service account's API access list: add it in Atlas, or run on a runner with an allowed address.",
    );
    expect(hintFor(atlasAnswer({ status: 403, httpStatus: 403 }), { method: 'service-account' })).toBe(
      'The service account needs the Organization Owner role in this organization.',
    );
    expect(hintFor(atlasAnswer({ status: 403, httpStatus: 403 }), { target: 'organization' })).toBe(
      'The API key has no role in this organization: any organization role lets it read the organization (the delete itself needs Organization Owner).',
    );
    expect(
      hintFor(atlasAnswer({ status: 404, httpStatus: 404, fromAtlas: true }), {
        method: 'service-account',
        target: 'organization',
      }),
    ).toBe(
      'Atlas knows no organization with this org-id that the service account can see: check org-id, and that the service account belongs to this organization.',
    );
    // Atlas's own 404 to the role check: the request's inputs are the suspects.
    expect(
      hintFor(atlasAnswer({ status: 404, httpStatus: 404, fromAtlas: true }), {
        method: 'digest',
        target: 'role',
      }),
    ).toBe(
      "Check org-id, the credentials and api-version against Atlas's message: nothing else in the request comes from the inputs.",
    );
  });

  it('says what to do when the API version is gone: v2 for v1.0, an update for v2', () => {
    const gone = atlasAnswer({ status: 410, errorCode: 'VERSION_GONE', fromAtlas: true });
    expect(hintFor(gone, { apiVersion: 'v1.0' })).toBe(
      'Atlas says this version of its API is gone: set api-version: v2.',
    );
    expect(hintFor(gone, { apiVersion: 'v2' })).toBe(
      'Atlas says this version of its API is gone: update this action to a release that uses a current version.',
    );
  });

  it('names the projects of an active migration, and the input that waits for it', () => {
    const detail =
      'Cannot delete organization link while there is active migration in following project ids: 60c4fd418ebe251047c50554, 60C4FD418EBE251047C50555';
    const active = (parameters: unknown[] = []) =>
      hintFor(
        atlasAnswer({
          status: 409,
          errorCode: 'CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK',
          detail,
          parameters,
          fromAtlas: true,
        }),
      );
    expect(active()).toBe(
      'A live migration is still active in projects 60c4fd418ebe251047c50554, 60c4fd418ebe251047c50555: run this step after every migration of the organization has been cut over, or let it wait for the cutover with migration-wait-seconds.',
    );
    expect(
      hintFor(
        atlasAnswer({
          status: 409,
          errorCode: 'CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK',
          detail: 'busy',
        }),
      ),
    ).toBe(
      'A live migration is still active: run this step after every migration of the organization has been cut over, or let it wait for the cutover with migration-wait-seconds.',
    );
    expect(
      hintFor(
        atlasAnswer({
          status: 400,
          errorCode: 'CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK',
          detail: 'x',
          parameters: ['60c4fd418ebe251047c50556'],
        }),
      ),
    ).toMatch(/^A live migration is still active in project 60c4fd418ebe251047c50556: /);
  });
});

describe('answersOnlyAfterAuthentication', () => {
  it.each([200, 204, 299, 400, 403, 404, 409, 499])('%i: Atlas gives it only to an authenticated request', (status) => {
    expect(answersOnlyAfterAuthentication(status)).toBe(true);
  });

  it.each([100, 199, 300, 302, 399, 401, 408, 429, 500, 503, 599])('%i: read as itself', (status) => {
    expect(answersOnlyAfterAuthentication(status)).toBe(false);
  });
});

describe('the facts a hint quotes', () => {
  it('quotes an IP address without the full stops of the sentence it ends', () => {
    expect(firstIpAddress('IP address 203.0.113.7.. is not allowed')).toBe('203.0.113.7');
    expect(firstIpAddress('from 2001:db8::7.')).toBe('2001:db8::7');
  });

  it('takes no IPv6 address without a group of two hex digits (words such as a:b::c)', () => {
    expect(firstIpAddress('at a:b::c now')).toBeUndefined();
    expect(firstIpAddress('at a:b::cd now')).toBe('a:b::cd');
  });

  it('quotes the address from parameters before the detail, and from the detail when parameters have none', () => {
    const access = (fields: { parameters?: unknown[]; detail?: string }) =>
      diagnose(atlasAnswer({ status: 403, errorCode: 'IP_ADDRESS_NOT_ON_ACCESS_LIST', fromAtlas: true, ...fields }))
        .cause;
    expect(access({ parameters: ['198.51.100.1'], detail: 'IP address 203.0.113.9 is not allowed' })).toEqual({
      kind: 'access-list',
      ip: '198.51.100.1',
    });
    expect(access({ detail: 'IP address 203.0.113.9 is not allowed' })).toEqual({
      kind: 'access-list',
      ip: '203.0.113.9',
    });
    expect(access({ parameters: ['none here'] })).toEqual({ kind: 'access-list', ip: undefined });
  });

  it('names the projects of an active migration from its parameters alone, each once, in lower case', () => {
    const answer = atlasAnswer({
      status: 409,
      errorCode: 'CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK',
      parameters: ['60C4FD418EBE251047C50554', '60c4fd418ebe251047c50554', '60c4fd418ebe251047c50555'],
    });
    expect(activeMigrationProjects(answer)).toEqual(['60c4fd418ebe251047c50554', '60c4fd418ebe251047c50555']);
    expect(activeMigrationProjects(atlasAnswer({ status: 409 }))).toEqual([]);
  });

  it.each([100, 101, 103, 199])('calls an interim or protocol-switching %i no answer of Atlas', (status) => {
    expect(diagnose(atlasAnswer({ status }))).toEqual({
      cause: { kind: 'not-atlas' },
      hint: 'The server answered with an interim or protocol-switching status instead of an answer: it is not the Atlas API. Check base-url, and any proxy between the runner and Atlas.',
    });
  });

  it.each([300, 301, 399])('calls a %i a redirect it never follows', (status) => {
    expect(diagnose(atlasAnswer({ status })).hint).toBe(
      'Atlas answered with a redirect, which the action never follows so that credentials only go to base-url: check base-url.',
    );
  });
});

describe('what an error body is read for', () => {
  const body = (json: unknown, status = 404) =>
    readWithHeaders({ status, headers: {}, body: JSON.stringify(json), bodyTruncated: false }, false);

  it('keeps the first ten string parameters, and only strings', () => {
    const parameters = [7, null, ...Array.from({ length: 12 }, (_, i) => `p${i}`)];
    expect(body({ error: 404, errorCode: 'X', parameters }).parameters).toEqual(
      Array.from({ length: 10 }, (_, i) => `p${i}`),
    );
  });

  it('takes a body for Atlas’s only when its error is the status it came with', () => {
    expect(body({ error: 404, errorCode: 'X' }).fromAtlas).toBe(true);
    expect(body({ error: 500, errorCode: 'X' }).fromAtlas).toBeUndefined();
    expect(body({ error: 404 }).fromAtlas).toBeUndefined();
    expect(body({ error: 404, detail: 'd' }).fromAtlas).toBe(true);
  });

  it('reads an encoding by its whole name, and white space as none', () => {
    const encoded = (encoding: string) =>
      readWithHeaders(
        { status: 503, headers: { 'content-encoding': encoding }, body: 'plain', bodyTruncated: false },
        false,
      ).bodyProblem;
    expect(encoded('x-identity')).toBe('the answer was encoded (x-identity), which the action did not ask for');
    expect(encoded('identity2')).toBe('the answer was encoded (identity2), which the action did not ask for');
    expect(encoded(' ')).toBe('the answer was not JSON');
  });

  it('quotes the title of an HTML page, and nothing when it has none', () => {
    const html = (text: string) =>
      readWithHeaders({ status: 502, headers: {}, body: text, bodyTruncated: false }, false);
    expect(html('<html><title>Bad Gateway</title></html>').detail).toBe('Bad Gateway');
    expect(html('<html><body>x</body></html>')).not.toHaveProperty('detail');
  });
});
