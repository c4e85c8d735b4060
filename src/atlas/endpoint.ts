// The Atlas endpoints the action calls, built only from validated settings.
import type { Settings } from '../inputs.ts';
import { fromSettings, type SafeText } from '../text.ts';

export const V2_MEDIA_TYPE = 'application/vnd.atlas.2023-01-01+json';

type UrlSettings = Pick<Settings, 'baseUrl' | 'apiVersion' | 'orgId' | 'pretty' | 'envelope'>;

function atlasUrl(settings: UrlSettings, path: string, version: Settings['apiVersion'] = settings.apiVersion): URL {
  const url = new URL(`/api/atlas/${version}/orgs/${settings.orgId}${path}`, settings.baseUrl);
  if (settings.pretty) url.searchParams.set('pretty', 'true');
  if (settings.envelope) url.searchParams.set('envelope', 'true');
  return url;
}

/** Delete One Link-Token. */
export function linkTokenUrl(settings: UrlSettings): URL {
  return atlasUrl(settings, '/liveMigrations/linkTokens');
}

/** Return One Organization: what a dry run asks for first (any organization role may read it). */
export function organizationUrl(settings: UrlSettings): URL {
  return atlasUrl(settings, '');
}

/**
 * Return All Projects Available for Migration: read-only, and requires the Organization Owner role,
 * as the DELETE does. It exists only under v2, whatever api-version says.
 */
export function availableProjectsUrl(settings: UrlSettings): URL {
  return atlasUrl(settings, '/liveMigrations/availableProjects', 'v2');
}

export function acceptHeader(apiVersion: Settings['apiVersion']): string {
  return apiVersion === 'v2' ? V2_MEDIA_TYPE : 'application/json';
}

/** `DELETE https://cloud.mongodb.com/api/…`: built from validated settings only. */
export function describeRequest(method: string, url: URL): SafeText {
  return fromSettings(`${method} ${url.href}`);
}

/** The API version a URL speaks, from its path. */
export function apiVersionOf(url: URL): Settings['apiVersion'] {
  return url.pathname.startsWith('/api/atlas/v2/') ? 'v2' : 'v1.0';
}
