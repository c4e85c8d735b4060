// Reading a proxy's answers to CONNECT past the interim ones Node reports as final.
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finalConnectAnswer } from '../../src/atlas/proxy-agent.ts';

/** Feeds `text` to a fresh socket in the given chunks; resolves to what finalConnectAnswer made of it. */
async function read(status: number, head: string, chunks: string[], end: 'open' | 'close' = 'open') {
  const socket = new PassThrough();
  const answer = finalConnectAnswer(status, socket, Buffer.from(head, 'latin1'));
  for (const chunk of chunks) socket.write(Buffer.from(chunk, 'latin1'));
  if (end === 'close') socket.destroy();
  const settled = await answer.then(
    ({ status: final, rest }) => ({ status: final, rest: rest.toString('latin1') }),
    (error: Error & { code?: string }) => ({ error: error.message, code: error.code }),
  );
  return { settled, listeners: socket.listenerCount('data') + socket.listenerCount('close') };
}

const interimCode = fc.integer({ min: 100, max: 199 }).filter((code) => code !== 101);
const interimAnswer = fc
  .record({
    code: interimCode,
    reason: fc.stringMatching(/^[A-Za-z ]{0,20}$/),
    headers: fc.array(fc.stringMatching(/^[A-Za-z-]{1,10}: [ -~]{0,30}$/), { maxLength: 3 }),
  })
  .map(({ code, reason, headers }) => `HTTP/1.1 ${code} ${reason}\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n`);

/** Cuts text into pieces at the given positions. */
function cut(text: string, positions: number[]): string[] {
  const points = [...new Set(positions.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const point of [...points, text.length]) {
    pieces.push(text.slice(start, point));
    start = point;
  }
  return pieces.filter((piece) => piece !== '');
}

describe('finalConnectAnswer', () => {
  it('passes a final answer through untouched, reading nothing', async () => {
    for (const status of [200, 101, 407, 502, 99, 0]) {
      expect(await read(status, 'rest', [])).toEqual({ settled: { status, rest: 'rest' }, listeners: 0 });
    }
  });

  it('reads past any run of interim answers, however the bytes are cut, to the final one and what follows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(interimAnswer, { maxLength: 4 }),
        fc.constantFrom(200, 101, 403, 407, 502, 599),
        fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((code) => String.fromCharCode(code)), maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (interims, final, after, positions) => {
          // What follows the final answer comes with its last piece (later bytes are the tunnel's).
          const [head = '', ...chunks] = cut(`${interims.join('')}HTTP/1.1 ${final} Final\r\n\r\n`, positions);
          if (chunks.length > 0) chunks.push(`${chunks.pop() ?? ''}${after}`);
          const { settled, listeners } = await read(100, chunks.length > 0 ? head : `${head}${after}`, chunks);
          expect(settled).toEqual({ status: final, rest: after });
          expect(listeners).toBe(0);
        },
      ),
    );
  });

  it('accepts HTTP/1.0 and a status line without a reason', async () => {
    expect((await read(100, '', ['HTTP/1.0 200\r\n\r\n'])).settled).toEqual({ status: 200, rest: '' });
  });

  it.each([
    ['not HTTP at all', 'SSH-2.0-OpenSSH\r\n\r\n'],
    ['HTTP/2 on the wire', 'HTTP/2 200\r\n\r\n'],
    ['a status out of range', 'HTTP/1.1 600 Nope\r\n\r\n'],
    ['a status of two digits', 'HTTP/1.1 20 OK\r\n\r\n'],
    ['a status glued to its reason', 'HTTP/1.1 200OK\r\n\r\n'],
  ])('refuses %s after an interim answer, and closes the socket', async (_name, text) => {
    expect(await read(100, '', [text])).toEqual({
      settled: {
        error: 'the proxy answered CONNECT with something that is not an HTTP status line',
        code: 'ERR_PROXY_ANSWER',
      },
      listeners: 0,
    });
  });

  it('refuses more than 16 KiB of answers without their end, and no less', async () => {
    const line = 'HTTP/1.1 100 Continue\r\nX: ';
    const exactly = line + 'x'.repeat(16 * 1024 - line.length);
    const socket = new PassThrough();
    let settled = false;
    const settle = (): void => {
      settled = true;
    };
    void finalConnectAnswer(100, socket, Buffer.from(exactly)).then(settle, settle);
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect(await read(100, exactly, ['y'])).toEqual({
      settled: { error: 'the proxy sent more than 16 KiB of answers to CONNECT', code: 'ERR_PROXY_ANSWER' },
      listeners: 0,
    });
    socket.destroy();
  });

  it('fails when the proxy closes the connection after an interim answer', async () => {
    expect(await read(100, 'HTTP/1.1 200 O', [], 'close')).toEqual({
      settled: {
        error: 'the proxy closed the connection after an interim answer to CONNECT',
        code: 'ERR_PROXY_ANSWER',
      },
      listeners: 0,
    });
  });
});
