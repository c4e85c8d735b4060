// The Deprecation and Sunset headers, their Link relations, and the one warning made of them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deprecationLinks,
  describeDeprecation,
  parseDeprecation,
  parseSunset,
  readDeprecation,
} from '../../src/atlas/deprecation.ts';
import { safe } from '../support/fixtures.ts';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const AUG_5_2024 = Date.parse('2024-08-05T00:00:00Z');
const JUL_1_2027 = Date.parse('2027-07-01T00:00:00Z');
const REQUEST = safe('DELETE https://cloud.mongodb.com/api/atlas/v1.0/orgs/x/liveMigrations/linkTokens');

describe('parseDeprecation', () => {
  it.each([
    ['@1722816000', { sinceMs: AUG_5_2024 }],
    ['@0', { sinceMs: 0 }],
    ['@-86400', { sinceMs: -86_400_000 }],
    ['true', {}],
    ['Mon, 5 Aug 2024 00:00:00 GMT', { sinceMs: AUG_5_2024 }], // as Atlas sends it
    ['Mon, 05 Aug 2024 00:00:00 GMT', { sinceMs: AUG_5_2024 }],
    ['  @1722816000 ', { sinceMs: AUG_5_2024 }],
  ])('%j -> %j', (value, expected) => {
    expect(parseDeprecation(value, NOW)).toEqual(expected);
  });

  it.each([
    undefined,
    '',
    'false',
    'TRUE',
    'yes',
    '@',
    '@1.5',
    '@ 17',
    '1722816000',
    '@9999999999999999',
    'Mon, 32 Aug 2024 00:00:00 GMT',
  ])('ignores %j', (value) => {
    expect(parseDeprecation(value, NOW)).toBeUndefined();
  });

  it('never throws; any date it gives is one a Date can hold', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.integer().map((n) => `@${n}`),
          fc.date().map((d) => d.toUTCString()),
        ),
        (value) => {
          const parsed = parseDeprecation(value, NOW);
          if (parsed?.sinceMs !== undefined) expect(Number.isNaN(new Date(parsed.sinceMs).getTime())).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round-trips structured dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8_640_000_000_000, max: 8_640_000_000_000 }), (seconds) => {
        expect(parseDeprecation(`@${seconds}`, NOW)).toEqual({ sinceMs: seconds * 1000 });
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseSunset', () => {
  it('reads an HTTP date, as Atlas writes it and in the standard forms, and nothing else', () => {
    expect(parseSunset('Thu, 1 Jul 2027 00:00:00 GMT', NOW)).toBe(JUL_1_2027);
    expect(parseSunset('Thu, 01 Jul 2027 00:00:00 GMT', NOW)).toBe(JUL_1_2027);
    expect(parseSunset('Thursday, 01-Jul-27 00:00:00 GMT', NOW)).toBe(JUL_1_2027);
    expect(parseSunset('@1814400000', NOW)).toBeUndefined();
    expect(parseSunset('2027-07-01', NOW)).toBeUndefined();
    expect(parseSunset(undefined, NOW)).toBeUndefined();
  });

  it('round-trips any date in IMF-fixdate', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        (date) => {
          const whole = Math.floor(date.getTime() / 1000) * 1000;
          expect(parseSunset(new Date(whole).toUTCString(), NOW)).toBe(whole);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('deprecationLinks', () => {
  it('keeps the http(s) targets of rel=deprecation and rel=sunset, quoted or not', () => {
    expect(
      deprecationLinks(
        '<https://example.com/deprecation>; rel="deprecation"; type="text/html", <https://example.com/sunset>; rel=sunset, <https://example.com/other>; rel="next"',
      ),
    ).toEqual(['https://example.com/deprecation', 'https://example.com/sunset']);
    expect(deprecationLinks(['<https://a.example/x>; rel="alternate deprecation"'])).toEqual(['https://a.example/x']);
  });

  it('drops other schemes and spaces, and keeps at most three', () => {
    expect(deprecationLinks('<javascript:alert(1)>; rel=deprecation, <https://a b>; rel=deprecation')).toEqual([]);
    const many = Array.from({ length: 5 }, (_, i) => `<https://x.example/${i}>; rel=deprecation`).join(', ');
    expect(deprecationLinks(many)).toHaveLength(3);
    expect(deprecationLinks(undefined)).toEqual([]);
  });

  it('never yields a target with a control or format character, or longer than 200', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        for (const link of deprecationLinks(`<https://x.example/${text}>; rel=deprecation`)) {
          expect(link).not.toMatch(/[\p{Cc}\p{Cf}\s]/u);
          expect([...link].length).toBeLessThanOrEqual(200);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the warning', () => {
  it('says which request, since when, until when, where to read, and what to do for v1.0', () => {
    const deprecation = readDeprecation(
      {
        deprecation: 'Mon, 5 Aug 2024 00:00:00 GMT',
        sunset: 'Thu, 1 Jul 2027 00:00:00 GMT',
        link: '<https://www.mongodb.com/docs/atlas/api/versioning-overview/>; rel="deprecation"',
      },
      NOW,
    );
    expect(deprecation).toBeDefined();
    expect(describeDeprecation(deprecation!, REQUEST, 'v1.0', NOW)).toBe(
      `Atlas marks this API as deprecated since 2024-08-05; it will be removed on 2027-07-01 (${REQUEST}). Read more: https://www.mongodb.com/docs/atlas/api/versioning-overview/. Set api-version: v2 to move to the current Atlas Administration API. The step's result is not affected.`,
    );
  });

  it('says to update the action for v2, and that a sunset has passed', () => {
    const deprecation = readDeprecation({ deprecation: 'true', sunset: 'Mon, 5 Aug 2024 00:00:00 GMT' }, NOW);
    expect(describeDeprecation(deprecation!, REQUEST, 'v2', NOW)).toBe(
      `Atlas marks this API as deprecated; its removal date, 2024-08-05, has passed (${REQUEST}). Update this action to a release that uses a current version of the API. The step's result is not affected.`,
    );
  });

  it('speaks of a sunset alone, and of nothing when neither header is usable', () => {
    const sunset = readDeprecation({ sunset: 'Thu, 1 Jul 2027 00:00:00 GMT' }, NOW);
    expect(describeDeprecation(sunset!, REQUEST, 'v1.0', NOW)).toMatch(
      /^Atlas says of this API: it will be removed on 2027-07-01 \(/,
    );
    expect(readDeprecation({ deprecation: 'soon', sunset: 'tomorrow' }, NOW)).toBeUndefined();
    expect(readDeprecation({}, NOW)).toBeUndefined();
  });
});

describe('the edges of what is read', () => {
  it('takes a structured date up to the largest a Date holds, and not one second more', () => {
    expect(parseDeprecation('@8640000000000', NOW)).toEqual({ sinceMs: 8.64e15 });
    expect(parseDeprecation('@-8640000000000', NOW)).toEqual({ sinceMs: -8.64e15 });
    expect(parseDeprecation('@8640000000001', NOW)).toBeUndefined();
    expect(parseDeprecation('x@1722816000', NOW)).toBeUndefined();
    expect(parseDeprecation('@1722816000x', NOW)).toBeUndefined();
  });

  it('reads a Sunset with white space around it', () => {
    expect(parseSunset('  Thu, 1 Jul 2027 00:00:00 GMT \t', NOW)).toBe(JUL_1_2027);
  });

  it('reads each of several Link headers, and the rel however it is spaced', () => {
    expect(deprecationLinks(['<https://a.example/1>; rel=deprecation', '<https://a.example/2>; rel="sunset"'])).toEqual(
      ['https://a.example/1', 'https://a.example/2'],
    );
    expect(deprecationLinks('<https://a.example/3>;  rel = "deprecation"')).toEqual(['https://a.example/3']);
    expect(deprecationLinks('<https://a.example/4> rel=sunset')).toEqual(['https://a.example/4']);
    expect(deprecationLinks('<https://a.example/5>; x-rel=sunset')).toEqual([]);
  });

  it('keeps http and https targets only, from their first character', () => {
    expect(deprecationLinks('<http://a.example/plain>; rel=sunset')).toEqual(['http://a.example/plain']);
    expect(deprecationLinks('<javascript:https://a.example/x>; rel=sunset')).toEqual([]);
  });

  it('carries no sunset it was not given, and no date it was not given', () => {
    expect(readDeprecation({ deprecation: 'true' }, NOW)).toStrictEqual({ deprecated: true, links: [] });
    expect(readDeprecation({ sunset: 'Thu, 1 Jul 2027 00:00:00 GMT' }, NOW)).toStrictEqual({
      deprecated: false,
      sunsetMs: JUL_1_2027,
      links: [],
    });
    expect(readDeprecation({ deprecation: ['@0', 'true'] }, NOW)).toStrictEqual({
      deprecated: true,
      sinceMs: 0,
      links: [],
    });
  });
});

describe('the warning, at its edges', () => {
  it('says only "deprecated" when there is no date of removal, and lists every link', () => {
    const deprecation = readDeprecation(
      { deprecation: 'true', link: '<https://a.example/1>; rel=deprecation, <https://a.example/2>; rel=sunset' },
      NOW,
    );
    expect(describeDeprecation(deprecation!, REQUEST, 'v1.0', NOW)).toBe(
      `Atlas marks this API as deprecated (${REQUEST}). Read more: https://a.example/1, https://a.example/2. Set api-version: v2 to move to the current Atlas Administration API. The step's result is not affected.`,
    );
  });

  it('calls a removal date of this very moment passed', () => {
    const deprecation = { deprecated: false, sunsetMs: NOW, links: [] };
    expect(describeDeprecation(deprecation, REQUEST, 'v2', NOW)).toBe(
      `Atlas says of this API: its removal date, 2026-12-02, has passed (${REQUEST}). Update this action to a release that uses a current version of the API. The step's result is not affected.`,
    );
    expect(describeDeprecation({ ...deprecation, sunsetMs: NOW + 1 }, REQUEST, 'v2', NOW)).toMatch(
      /^Atlas says of this API: it will be removed on 2026-12-02 \(/,
    );
  });
});
