// One-line hints for the failures users actually hit, keyed on status and Atlas's errorCode.
import { isIP } from 'node:net';
import type { AuthMethod } from '../auth/authenticator.ts';
import type { ApiVersion } from '../inputs.ts';
import type { Cause, Diagnosis } from '../result.ts';
import { joinText, line, type SafeText } from '../text.ts';
import { isTransientStatus } from '../retry.ts';
import type { AtlasAnswer } from './answer.ts';

/** Runs of the characters an IP literal is made of, not glued to letters, digits, dots or colons. */
const ADDRESS_CANDIDATE = /(?<![\w.:])[0-9A-Fa-f.:]{2,45}(?![\w.:])/g;

/**
 * The first IP address in a text, exactly as matched and only if it is one (net.isIP). An IPv6
 * literal needs a group of two or more hex digits, so words like `a::b` or `::` do not count.
 */
export function firstIpAddress(text: string): SafeText | undefined {
  for (const match of text.match(ADDRESS_CANDIDATE) ?? []) {
    const candidate = match.replace(/\.+$/, ''); // the full stop of a sentence that ends with the address
    const version = isIP(candidate);
    if (version === 4 || (version === 6 && /[0-9A-Fa-f]{2}/.test(candidate))) return candidate as SafeText;
  }
  return undefined;
}

/** The runner's IP as Atlas quoted it, from `parameters` or else from `detail`. */
function quotedIp(answer: AtlasAnswer): SafeText | undefined {
  for (const text of [...(answer.parameters ?? []), answer.detail ?? '']) {
    const address = firstIpAddress(text);
    if (address) return address;
  }
  return undefined;
}

const CREDENTIAL_NOUNS: Record<AuthMethod, SafeText> = {
  digest: line`API key`,
  'service-account': line`service account`,
};

/** Atlas's error code when a live migration still uses the link-token. */
export const ACTIVE_MIGRATION_CODE = 'CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK';

export const NOT_FROM_ATLAS_HINT = line`The answer did not come from the Atlas API (no Atlas error body): check base-url, and any proxy between the runner and Atlas.`;

/**
 * Whether an answer to a request that carried no credentials is one Atlas gives only once it has
 * them: a success, or any refusal but its challenge (401). A gateway's passing failures (408,
 * 429, 5xx) and redirects are read as themselves.
 */
export function answersOnlyAfterAuthentication(status: number): boolean {
  if (status >= 200 && status < 300) return true;
  return status >= 400 && status < 500 && status !== 401 && !isTransientStatus(status);
}

/** A request without credentials answered as only an authenticated one is: Atlas always asks for credentials first. */
export const UNAUTHENTICATED_ANSWER: Diagnosis = {
  cause: { kind: 'not-atlas' },
  hint: line`Atlas always asks for credentials before it answers: this server is not the Atlas API. Check base-url, and any proxy between the runner and Atlas.`,
};

/**
 * What the request was after: the link-token (the delete), the organization (the dry run's first
 * check, or the confirmation of a 404), or the projects available for migration (the role check).
 */
export type Target = 'link-token' | 'organization' | 'role';

export interface HintContext {
  method: AuthMethod;
  target: Target;
  apiVersion: ApiVersion;
}

const DEFAULT_CONTEXT: HintContext = { method: 'digest', target: 'link-token', apiVersion: 'v1.0' };

/** The project IDs Atlas names in an active-migration refusal (24 hexadecimal digits each). */
export function activeMigrationProjects(answer: AtlasAnswer): SafeText[] {
  const texts = [answer.detail ?? '', ...(answer.parameters ?? [])];
  const ids = texts.flatMap((text) => text.match(/\b[0-9a-f]{24}\b/gi) ?? []).map((id) => id.toLowerCase());
  return [...new Set(ids)].slice(0, 20) as SafeText[];
}

/** `project 60c4…` or `projects 60c4…, 60c5…`, or nothing when Atlas named none. */
export function projectList(projects: SafeText[]): SafeText {
  if (projects.length === 0) return line``;
  return projects.length === 1
    ? line` in project ${projects[0] as SafeText}`
    : line` in projects ${joinText(projects, ', ')}`;
}

/** What an Atlas answer that is not a success comes to: its cause, and a one-line hint. */
export function diagnose(answer: AtlasAnswer, context: Partial<HintContext> = {}): Diagnosis {
  const { method, target, apiVersion } = { ...DEFAULT_CONTEXT, ...context };
  const { status, errorCode } = answer;
  const credential = CREDENTIAL_NOUNS[method];
  const notAtlas: Cause = { kind: 'not-atlas' };
  if (status < 200) {
    return {
      cause: notAtlas,
      hint: line`The server answered with an interim or protocol-switching status instead of an answer: it is not the Atlas API. Check base-url, and any proxy between the runner and Atlas.`,
    };
  }
  if (status >= 300 && status < 400) {
    return {
      cause: notAtlas,
      hint: line`Atlas answered with a redirect, which the action never follows so that credentials only go to base-url: check base-url.`,
    };
  }
  if (errorCode === ACTIVE_MIGRATION_CODE) {
    const projects = activeMigrationProjects(answer);
    return {
      cause: { kind: 'active-migration', projects },
      hint: line`A live migration is still active${projectList(projects)}: run this step after every migration of the organization has been cut over, or let it wait for the cutover with migration-wait-seconds.`,
    };
  }
  if (status === 410) {
    return {
      cause: { kind: 'version-gone' },
      hint:
        apiVersion === 'v1.0'
          ? line`Atlas says this version of its API is gone: set api-version: v2.`
          : line`Atlas says this version of its API is gone: update this action to a release that uses a current version.`,
    };
  }
  if (status === 401) {
    return {
      cause: { kind: 'credentials' },
      hint:
        method === 'digest'
          ? line`Check the key pair: the public and private key must belong together, and the key must be an API key of this organization.`
          : line`Atlas refused the access token: check that the service account belongs to this organization.`,
    };
  }
  if (status === 403 && errorCode === 'IP_ADDRESS_NOT_ON_ACCESS_LIST') {
    const ip = quotedIp(answer);
    const address = ip ? line` ${ip}` : line``;
    return {
      cause: { kind: 'access-list', ip },
      hint: line`The runner's IP address${address} is not on the ${credential}'s API access list: add it in Atlas, or run on a runner with an allowed address.`,
    };
  }
  if (status === 403 && target === 'organization') {
    return {
      cause: { kind: 'organization' },
      hint: line`The ${credential} has no role in this organization: any organization role lets it read the organization (the delete itself needs Organization Owner).`,
    };
  }
  if (status === 403) {
    return {
      cause: { kind: 'role' },
      hint: line`The ${credential} needs the Organization Owner role in this organization.`,
    };
  }
  if (status === 404 && !answer.fromAtlas) return { cause: notAtlas, hint: NOT_FROM_ATLAS_HINT };
  if (status === 404 && target === 'organization') {
    return {
      cause: { kind: 'organization' },
      hint: line`Atlas knows no organization with this org-id that the ${credential} can see: check org-id, and that the ${credential} belongs to this organization.`,
    };
  }
  if (status === 429) {
    return {
      cause: { kind: 'rate-limited' },
      hint: line`Atlas rate-limited the requests until the last retry: re-run later, or raise max-attempts or retry-delay-seconds.`,
    };
  }
  const cause: Cause = { kind: 'answer', status };
  if (isTransientStatus(status)) return { cause, hint: TEMPORARY_HINT };
  if (status >= 500) return { cause, hint: line`Atlas failed to carry out the request: re-run the step later.` };
  if (status >= 400 && !answer.fromAtlas) return { cause: notAtlas, hint: NOT_FROM_ATLAS_HINT };
  if (status >= 400) {
    return {
      cause,
      hint: line`Check org-id, the credentials and api-version against Atlas's message: nothing else in the request comes from the inputs.`,
    };
  }
  return {
    cause: notAtlas,
    hint: line`Atlas never answers this request that way: check base-url, and any proxy between the runner and Atlas.`,
  };
}

/** After the last attempt at a failure that is chance rather than a refusal. */
export const TEMPORARY_HINT = line`This is usually temporary: re-run the step later, or raise max-attempts or retry-delay-seconds.`;

/** The hint alone. */
export function hintFor(answer: AtlasAnswer, context: Partial<HintContext> = {}): SafeText | undefined {
  return diagnose(answer, context).hint;
}

/** For a refused token request (400 or 401 from the token endpoint). */
export const TOKEN_REFUSED_HINT = line`Check client-id and client-secret (they must belong together), and that the service account belongs to this organization.`;

export const TOKEN_ENDPOINT_HINT = line`Atlas's token endpoint never answers that way: check base-url, and any proxy between the runner and Atlas.`;

export const UNTRUSTED_CERTIFICATE_HINT = line`The server's TLS certificate is not trusted: on a runner behind a TLS-inspecting proxy, add its CA with NODE_EXTRA_CA_CERTS. Verification is never turned off.`;

export const HOST_MISMATCH_HINT = line`The server's TLS certificate does not name the host in base-url: check base-url (certificates are issued for cloud.mongodb.com).`;

export const NOT_TLS_HINT = line`base-url says https, but the server at that address answered in plain HTTP: check the scheme and port of base-url.`;

export const TIMEOUT_HINT = line`No answer came within timeout-seconds: re-run the step later, or raise timeout-seconds or max-attempts.`;

export const UNRESOLVED_HOST_HINT = line`The host of base-url could not be resolved: check base-url, and the runner's DNS.`;

export const PROXY_UNREACHABLE_HINT = line`The proxy could not reach Atlas: re-run the step later; if it persists, ask the proxy's administrators.`;

export const UNUSABLE_TOKEN_HINT = line`Atlas's token endpoint issues only Bearer tokens of printable characters: check base-url, and any proxy between the runner and Atlas.`;

export const BUG_HINT = line`This is a bug in the action: re-run the step, and report it with this log.`;

export const PROXY_AUTH_HINT = line`The proxy refused its credentials: check the user name and password in https_proxy.`;

export const PROXY_REFUSED_HINT = line`The proxy refused to open a tunnel to Atlas: ask its administrators to allow the Atlas host, or set no_proxy for it.`;

export const CHALLENGE_REFUSED_HINT = line`Atlas challenges with HTTP Digest (MD5, qop=auth): this server asks for something else, so it is not the Atlas API. Check base-url, and any proxy between the runner and Atlas.`;

export const STALE_NONCE_HINT = line`The keys are not the problem: the server kept declaring its nonces stale. Re-run later; if it persists, check for a proxy that replays requests.`;
