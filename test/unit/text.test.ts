// The one type of text the log and the summary accept, and how text becomes it.
import { describe, expect, it } from 'vitest';
import { endSentence, formatDuration, fromServer, fromSettings, hideSecret, joinText, line } from '../../src/text.ts';

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [3, '3 ms'],
    [370, '370 ms'],
    [1000, '1 s'],
    [1234, '1.23 s'],
    [1500, '1.5 s'],
    [30_000, '30 s'],
    [59_994, '59.99 s'],
    [60_000, '1 min'],
    [61_499, '1 min 1 s'],
    [395_000, '6 min 35 s'],
    [3_600_000, '60 min'],
  ])('%i ms -> %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('fromServer', () => {
  it('flattens control characters and runs of space, and cuts at the limit with an ellipsis', () => {
    expect(fromServer('a\r\n::error::b\u2028c\t\td ')).toBe('a ::error::b c d');
    expect(fromServer('x'.repeat(301))).toBe(`${'x'.repeat(299)}…`);
    expect(fromServer('x'.repeat(300))).toBe('x'.repeat(300));
    expect(fromServer('abcdef', 4)).toBe('abc…');
  });

  it('flattens C1 controls, bidirectional overrides and every other format character', () => {
    expect(fromServer('a\u0085b\u009bc')).toBe('a b c');
    expect(fromServer('left\u202Eright\u2066x\u2069y\u200Bz\uFEFF')).toBe('left right x y z');
    expect(fromServer('p\u2029q')).toBe('p q');
  });

  it('cuts between code points, never inside a surrogate pair, and flattens a lone surrogate', () => {
    expect(fromServer('ab😀😀', 3)).toBe('ab…');
    expect(fromServer('😀😀😀😀', 3)).toBe('😀😀…');
    expect(fromServer('😀😀😀', 3)).toBe('😀😀😀');
    expect(fromServer('a\ud800b')).toBe('a b');
  });
});

describe('fromServer with the run’s secrets', () => {
  it('replaces a secret before cutting, so no cut shows a part of it', () => {
    hideSecret(' cut-me-not-0123456789 ');
    expect(fromServer(`${'y'.repeat(290)} cut-me-not-0123456789 after`)).toBe(`${'y'.repeat(290)} *** after`);
    expect(fromServer(`${'y'.repeat(297)} cut-me-not-0123456789`)).toBe(`${'y'.repeat(297)} *…`);
  });

  it('replaces the longer of two secrets whole, and each occurrence; quotes side by side as one', () => {
    hideSecret('abcd1');
    hideSecret('abcd1-longer');
    expect(fromServer('abcd1-longer, abcd1; abcd1')).toBe('***, ***; ***');
    expect(fromServer('abcd1-longer abcd1')).toBe('***');
  });

  it('finds a secret with filler inside it (zero-width, soft hyphen, line breaks, no-break spaces)', () => {
    const secret = 'mdb_sa_sk_filler0123456789';
    hideSecret(secret);
    for (const filler of ['\u200B', '\u00AD', '\r\n', '\t', '\u00A0', '\u202E', ' ']) {
      const quoted = `${secret.slice(0, 12)}${filler}${secret.slice(12)}`;
      expect(fromServer(`unknown secret ${quoted}.`), JSON.stringify(filler)).toBe('unknown secret ***.');
    }
  });

  it('hides any run of 8 characters of a secret: a quote missing its end, or split across fields', () => {
    const secret = 'tok_SECRETaccess0123456789';
    hideSecret(secret);
    expect(fromServer(`token ${secret.slice(0, -1)} lacks role`)).toBe('token *** lacks role');
    expect(fromServer(`code ${secret.slice(0, 8)}: detail ${secret.slice(8)}`)).toBe('code ***: detail ***');
    expect(fromServer(`short ${secret.slice(0, 7)}`)).toBe(`short ${secret.slice(0, 7)}`); // 7 is no quote
  });

  it('replaces each line of a multi-line secret, wherever one appears alone', () => {
    hideSecret('first-line-1\r\nsecond-line-2\nab');
    expect(fromServer('x first-line-1 y second-line-2 z ab')).toBe('x *** y *** z ab');
    expect(fromServer('x second-line-2')).toBe('x ***');
  });

  it('ignores what is too short to be a secret: it would blank ordinary words', () => {
    hideSecret(' ab1 ');
    hideSecret('wxyz');
    expect(fromServer('ab1 wxyz')).toBe('ab1 ***');
  });
});

describe('line', () => {
  it('fills the holes of the template with SafeText and numbers, in order', () => {
    expect(line`Attempt ${2} of ${5}: ${fromServer('HTTP 503')}.`).toBe('Attempt 2 of 5: HTTP 503.');
    expect(line`plain`).toBe('plain');
    expect(line`${1}${2}`).toBe('12');
  });
});

describe('joinText and fromSettings', () => {
  it('joins pieces with the separator, and flattens settings without cutting them', () => {
    expect(joinText([fromServer('a'), fromServer('b')], ', ')).toBe('a, b');
    expect(fromSettings(`https://${'x'.repeat(400)}.example`)).toHaveLength(416);
    expect(fromSettings('a\nb')).toBe('a b');
  });
});

describe('endSentence', () => {
  it('adds a full stop unless the sentence has one', () => {
    expect(endSentence(fromServer('Done'))).toBe('Done.');
    expect(endSentence(fromServer('Done.'))).toBe('Done.');
    expect(endSentence(fromServer('Why?'))).toBe('Why?');
    expect(endSentence(fromServer('Cut…'))).toBe('Cut…');
  });
});

describe('endSentence, anchored', () => {
  it('looks only at the last character', () => {
    expect(endSentence(fromServer('v1.0 is old'))).toBe('v1.0 is old.');
  });
});
