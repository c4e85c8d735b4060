import { describe, expect, it } from 'vitest';
import { readAtlasAnswer } from '../src/atlas/answer.ts';
import { hintFor } from '../src/atlas/hints.ts';
import type { HttpAnswer } from '../src/atlas/transport.ts';

function http(status: number, body: string, headers: Record<string, string> = {}, bodyTruncated = false): HttpAnswer {
  return { status, headers, body, bodyTruncated };
}

describe('readAtlasAnswer', () => {
  it('reads a plain 204', () => {
    expect(readAtlasAnswer(http(204, ''), false)).toEqual({ status: 204, httpStatus: 204 });
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
    // Issue 12's survivor: an envelope without content is no Atlas 404.
    expect(readAtlasAnswer(http(200, '{"status":404,"content":null}'), true)).toEqual({ status: 404, httpStatus: 200 });
  });

  it('falls back to the HTTP status when the envelope is missing', () => {
    expect(readAtlasAnswer(http(502, 'upstream down'), true)).toMatchObject({
      status: 502,
      bodyProblem: 'the answer was not JSON',
    });
    const noStatus = readAtlasAnswer(http(503, '{"detail":"x"}'), true);
    expect(noStatus).toMatchObject({ status: 503, detail: 'x' });
    expect(noStatus.bodyProblem).toMatch(/no numeric status/);
    const empty = readAtlasAnswer(http(500, ''), true);
    expect(empty.status).toBe(500);
    expect(empty.bodyProblem).toMatch(/body was empty/);
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
    expect(readAtlasAnswer(http(500, '[1,2]'), false).bodyProblem).toBe('the answer was not JSON');
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
    [{ status: 404, fromAtlas: true }, /No link-token exists/],
    [{ status: 429 }, /rate-limited/],
    [{ status: 301 }, /never follows/],
  ])('%j', (answer, expected) => {
    expect(hintFor({ httpStatus: answer.status, ...answer })).toMatch(expected);
  });

  it('has no hint for an unremarkable status', () => {
    expect(hintFor({ status: 500, httpStatus: 500 })).toBeUndefined();
    expect(hintFor({ status: 409, httpStatus: 409, errorCode: 'CONFLICT' })).toBeUndefined();
  });
});
