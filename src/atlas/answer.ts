// Reading what Atlas answered: the effective status (inside the envelope when asked for one)
// and the fields of its JSON error body, tolerating bodies that are not JSON at all.
import { oneLine } from '../text.ts';
import type { HttpAnswer } from './transport.ts';

export interface AtlasAnswer {
  /** The status that decides the result: the envelope's `status` when enveloped, else HTTP's. */
  status: number;
  httpStatus: number;
  errorCode?: string;
  detail?: string;
  parameters?: unknown[];
  /** Why the body could not be read as Atlas JSON, when it could not. */
  bodyProblem?: string;
  /**
   * The error body is Atlas's own (a JSON object whose `error` repeats the status, with a `detail`
   * or `errorCode`), not a page from a proxy or another server behind a wrong base-url.
   */
  fromAtlas?: boolean;
  /** The JSON object the answer carried (the envelope's content when enveloped), for successes that have one. */
  json?: Json;
}

export type Json = Record<string, unknown>;

/** The body as a JSON object, or undefined when it is not one (not JSON, an array, …). */
export function parseJsonObject(text: string): Json | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

type ErrorFields = Pick<AtlasAnswer, 'errorCode' | 'detail' | 'parameters' | 'fromAtlas'>;

function errorFields(body: Json, status: number): ErrorFields {
  const fields: ErrorFields = {};
  // Text from the network: kept to one printable line before it can reach a log.
  if (typeof body['errorCode'] === 'string') fields.errorCode = oneLine(body['errorCode'], 100);
  if (typeof body['detail'] === 'string') fields.detail = oneLine(body['detail']);
  if (Array.isArray(body['parameters'])) fields.parameters = body['parameters'];
  if (body['error'] === status && (fields.errorCode !== undefined || fields.detail !== undefined)) {
    fields.fromAtlas = true;
  }
  return fields;
}

export function readAtlasAnswer(answer: HttpAnswer, envelope: boolean): AtlasAnswer {
  const base = { status: answer.status, httpStatus: answer.status };
  const text = answer.body.trim();
  if (answer.bodyTruncated) {
    return { ...base, bodyProblem: 'the body was larger than 64 KiB and was not read in full' };
  }
  if (text === '') {
    return envelope && answer.status !== 204
      ? { ...base, bodyProblem: 'an enveloped answer was expected, but the body was empty' }
      : base;
  }
  const json = parseJsonObject(text);
  if (!json) return { ...base, ...describeNonJson(answer, text) };
  if (!envelope) return { ...base, ...errorFields(json, answer.status), json };
  if (typeof json['status'] !== 'number' || !Number.isInteger(json['status'])) {
    return {
      ...base,
      ...errorFields(json, answer.status),
      bodyProblem: 'an enveloped answer was expected, but the body has no numeric status',
    };
  }
  const content = json['content'];
  const status = json['status'];
  const inner =
    typeof content === 'object' && content !== null && !Array.isArray(content)
      ? { ...errorFields(content as Json, status), json: content as Json }
      : {};
  return { status, httpStatus: answer.status, ...inner };
}

function describeNonJson(answer: HttpAnswer, text: string): Pick<AtlasAnswer, 'detail' | 'bodyProblem'> {
  const contentType = String(answer.headers['content-type'] ?? '');
  if (contentType.includes('html') || text.startsWith('<')) {
    const title = oneLine(/<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1] ?? '');
    return {
      bodyProblem: 'the answer was an HTML page, not Atlas JSON (it may come from a proxy or load balancer)',
      ...(title ? { detail: title } : {}),
    };
  }
  return { bodyProblem: 'the answer was not JSON', detail: oneLine(text, 200) };
}
