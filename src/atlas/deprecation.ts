// A word before the API version goes away: the Deprecation (RFC 9745) and Sunset (RFC 8594)
// headers of an answer, and the Link relations that point at their documentation. Parsed as
// strictly as Retry-After: a value that is none of the documented forms is ignored.
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiVersion } from '../inputs.ts';
import { parseHttpDate } from '../retry.ts';
import { fromServer, joinText, line, type SafeText } from '../text.ts';

export interface Deprecation {
  /** The answer said its resource is deprecated. */
  deprecated: boolean;
  /** Since when (epoch ms), when it said. */
  sinceMs?: number;
  /** When the resource goes away (epoch ms), from Sunset. */
  sunsetMs?: number;
  /** Links with rel="deprecation" or rel="sunset": where to read more. */
  links: SafeText[];
}

/** The largest time a Date can hold (ECMAScript's ±8.64e15 ms). */
const MAX_DATE_MS = 8.64e15;

function asDate(ms: number): number | undefined {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS ? ms : undefined;
}

/**
 * A Deprecation header: RFC 9745's structured date `@<unix seconds>`, or the forms of the drafts
 * before it, `true` or an HTTP date (Atlas sends `Mon, 5 Aug 2024 00:00:00 GMT`). Undefined when
 * absent or none of these.
 */
export function parseDeprecation(value: string | undefined, nowMs: number): Pick<Deprecation, 'sinceMs'> | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === 'true') return {};
  const structured = /^@(-?\d{1,15})$/.exec(text)?.[1];
  const since = structured === undefined ? parseHttpDate(text, nowMs) : asDate(Number(structured) * 1000);
  return since === undefined ? undefined : { sinceMs: since };
}

/** A Sunset header: an HTTP date; undefined when absent or not one. */
export function parseSunset(value: string | undefined, nowMs: number): number | undefined {
  return value === undefined ? undefined : parseHttpDate(value.trim(), nowMs);
}

/** The targets of Link header values (RFC 8288) whose rel is `deprecation` or `sunset`, http(s) only. */
export function deprecationLinks(header: string | string[] | undefined): SafeText[] {
  const text = Array.isArray(header) ? header.join(', ') : (header ?? '');
  const links: SafeText[] = [];
  for (const match of text.matchAll(/<([^>]*)>([^<]*)/g)) {
    const [, target = '', params = ''] = match;
    const rel = /(?:^|;)\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i.exec(params);
    const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (!relations.some((relation) => relation === 'deprecation' || relation === 'sunset')) continue;
    if (!/^https?:\/\/[\x21-\x7e]+$/i.test(target)) continue; // printable ASCII only, as a URI is
    links.push(fromServer(target, 200));
    if (links.length === 3) break;
  }
  return links;
}

/** What an answer's headers say of its resource's future; undefined when they say nothing usable. */
export function readDeprecation(headers: IncomingHttpHeaders, nowMs: number): Deprecation | undefined {
  const deprecation = parseDeprecation(single(headers['deprecation']), nowMs);
  const sunsetMs = parseSunset(single(headers['sunset']), nowMs);
  if (deprecation === undefined && sunsetMs === undefined) return undefined;
  return {
    deprecated: deprecation !== undefined,
    ...deprecation,
    ...(sunsetMs === undefined ? {} : { sunsetMs }),
    links: deprecationLinks(headers['link']),
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** 2027-07-01 */
function calendarDate(ms: number): SafeText {
  return fromServer(new Date(ms).toISOString().slice(0, 10));
}

/** The one warning of a run: which request, since when, until when, where to read, what to do. */
export function describeDeprecation(
  deprecation: Deprecation,
  request: SafeText,
  apiVersion: ApiVersion,
  nowMs: number,
): SafeText {
  const since = deprecation.sinceMs === undefined ? line`` : line` since ${calendarDate(deprecation.sinceMs)}`;
  const sunset = deprecation.sunsetMs;
  const removal =
    sunset === undefined
      ? line``
      : sunset > nowMs
        ? line`it will be removed on ${calendarDate(sunset)}`
        : line`its removal date, ${calendarDate(sunset)}, has passed`;
  const what = deprecation.deprecated
    ? line`Atlas marks this API as deprecated${since}${sunset === undefined ? line`` : line`; ${removal}`}`
    : line`Atlas says of this API: ${removal}`;
  const links = deprecation.links.length === 0 ? line`` : line` Read more: ${joinText(deprecation.links, ', ')}.`;
  const action =
    apiVersion === 'v1.0'
      ? line`Set api-version: v2 to move to the current Atlas Administration API.`
      : line`Update this action to a release that uses a current version of the API.`;
  return line`${what} (${request}).${links} ${action} The step's result is not affected.`;
}
