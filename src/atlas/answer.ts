// Reading what Atlas answered: the effective status (inside the envelope when asked for one and
// the envelope came in an HTTP 200, as Atlas sends it) and the fields of its JSON error body,
// tolerating bodies that are not JSON at all. Every text field is flattened and cut here.
import { fromServer, line, type SafeText } from '../text.ts';
import type { HttpAnswer } from './transport.ts';

export interface AtlasAnswer {
  /** The status that decides the result: the envelope's `status` when enveloped, else HTTP's. */
  status: number;
  httpStatus: number;
  errorCode?: SafeText;
  detail?: SafeText;
  /** The string parameters of an Atlas error body. */
  parameters?: SafeText[];
  /** Why the body could not be read as Atlas JSON, when it could not. */
  bodyProblem?: SafeText;
  /**
   * The error body is Atlas's own (a JSON object whose `error` repeats the status, with a `detail`
   * or `errorCode`), not a page from a proxy or another server behind a wrong base-url.
   */
  fromAtlas?: boolean;
  /** The JSON object the answer carried (the envelope's content when enveloped), for successes that have one. */
  json?: Json;
  /** The JSON array the answer carried instead (a list operation's success). */
  list?: unknown[];
  /** Response headers, as Node gives them (names in lower case). */
  headers: HttpAnswer['headers'];
}

export type Json = Record<string, unknown>;

function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown; // a byte order mark, which RFC 8259 lets parsers ignore
    // Stryker disable next-line BlockStatement: equivalent, an empty catch returns undefined too
  } catch {
    return undefined;
  }
}

/** The body as a JSON object, or undefined when it is not one (not JSON, an array, …). */
export function parseJsonObject(text: string): Json | undefined {
  const value = parseJson(text);
  return isJsonObject(value) ? value : undefined;
}

type ErrorFields = Pick<AtlasAnswer, 'errorCode' | 'detail' | 'parameters' | 'fromAtlas'>;

function errorFields(body: Json, status: number): ErrorFields {
  const fields: ErrorFields = {};
  if (typeof body['errorCode'] === 'string') fields.errorCode = fromServer(body['errorCode'], 100);
  if (typeof body['detail'] === 'string') fields.detail = fromServer(body['detail']);
  if (Array.isArray(body['parameters'])) {
    fields.parameters = body['parameters']
      .filter((value): value is string => typeof value === 'string')
      .slice(0, 10)
      .map((value) => fromServer(value, 100));
  }
  if (body['error'] === status && (fields.errorCode !== undefined || fields.detail !== undefined)) {
    fields.fromAtlas = true;
  }
  return fields;
}

const PROBLEMS = {
  truncated: 'the body was larger than 64 KiB and was not read in full',
  emptyEnvelope: 'an enveloped answer was expected, but the body was empty',
  noEnvelopeStatus: 'an enveloped answer was expected, but the body has no numeric status',
  html: 'the answer was an HTML page, not Atlas JSON (it may come from a proxy or load balancer)',
  notJson: 'the answer was not JSON',
} as const satisfies Record<string, string>;

const problem = (key: keyof typeof PROBLEMS): SafeText => fromServer(PROBLEMS[key]);

export function readAtlasAnswer(answer: HttpAnswer, envelope: boolean): AtlasAnswer {
  const base = { status: answer.status, httpStatus: answer.status, headers: answer.headers };
  const text = answer.body.trim();
  // Atlas envelopes only inside an HTTP 200; any other status is read as itself, whatever the body says.
  const enveloped = envelope && answer.status === 200;
  if (answer.bodyTruncated) return { ...base, bodyProblem: problem('truncated') };
  if (text === '') return enveloped ? { ...base, bodyProblem: problem('emptyEnvelope') } : base;
  const value = parseJson(text);
  if (Array.isArray(value)) {
    return enveloped ? { ...base, list: value, bodyProblem: problem('noEnvelopeStatus') } : { ...base, list: value };
  }
  if (!isJsonObject(value)) return { ...base, ...describeNonJson(answer, text) };
  const json = value;
  if (!enveloped) return { ...base, ...errorFields(json, answer.status), json };
  if (typeof json['status'] !== 'number' || !Number.isInteger(json['status'])) {
    return { ...base, ...errorFields(json, answer.status), bodyProblem: problem('noEnvelopeStatus') };
  }
  const content = json['content'];
  const status = json['status'];
  const inner = isJsonObject(content)
    ? { ...errorFields(content, status), json: content }
    : Array.isArray(content)
      ? { list: content }
      : {};
  return { ...base, status, ...inner };
}

function describeNonJson(answer: HttpAnswer, text: string): Pick<AtlasAnswer, 'detail' | 'bodyProblem'> {
  const encoding = String(answer.headers['content-encoding'] ?? '').trim();
  if (encoding !== '' && !/^identity$/i.test(encoding)) {
    // The action asks for no encoding: a compressed body is bytes, not text worth quoting.
    return {
      bodyProblem: line`the answer was encoded (${fromServer(encoding, 40)}), which the action did not ask for`,
    };
  }
  // Stryker disable next-line StringLiteral: equivalent, no stand-in for a missing header holds "html"
  const contentType = String(answer.headers['content-type'] ?? '');
  if (contentType.includes('html') || text.startsWith('<')) {
    const title = fromServer(/<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1] ?? '');
    return { bodyProblem: problem('html'), ...(title ? { detail: title } : {}) };
  }
  return { bodyProblem: problem('notJson'), detail: fromServer(text, 200) };
}
