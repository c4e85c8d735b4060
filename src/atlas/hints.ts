// One-line hints for the failures users actually hit, keyed on status and Atlas's errorCode.
import type { AtlasAnswer } from './answer.ts';

const IPV4_OR_IPV6 = /\b(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})\b/i;

/** The runner's IP as Atlas quoted it, from `parameters` or else from `detail`. */
function quotedIp(answer: AtlasAnswer): string | undefined {
  const fromParameters = answer.parameters?.find((value) => typeof value === 'string' && IPV4_OR_IPV6.test(value));
  if (typeof fromParameters === 'string') return fromParameters;
  return answer.detail ? IPV4_OR_IPV6.exec(answer.detail)?.[0] : undefined;
}

export function hintFor(answer: AtlasAnswer): string | undefined {
  const { status, errorCode } = answer;
  if (status >= 300 && status < 400) {
    return 'Atlas answered with a redirect, which the action never follows so that credentials only go to base-url: check base-url.';
  }
  if (status === 401) {
    return 'Check the key pair: the public and private key must belong together, and the key must be an API key of this organization.';
  }
  if (status === 403 && errorCode === 'IP_ADDRESS_NOT_ON_ACCESS_LIST') {
    const ip = quotedIp(answer);
    return `The runner's IP address${ip ? ` ${ip}` : ''} is not on the API key's access list: add it to the key's API access list in Atlas, or run on a runner with an allowed address.`;
  }
  if (status === 403) {
    return 'The API key needs the Organization Owner role in this organization.';
  }
  if (status === 404) {
    return 'No link-token exists for this organization: it was already deleted or never created (or the org-id is wrong).';
  }
  if (status === 409) {
    return 'A live migration is still active in this organization: run this step after the cutover has completed.';
  }
  if (status === 429) {
    return 'Atlas rate-limited the requests until the last retry: re-run later, or raise max-attempts or retry-delay-seconds.';
  }
  return undefined;
}
