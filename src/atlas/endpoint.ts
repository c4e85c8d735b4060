// The Atlas endpoints the action calls, built only from validated settings.
import type { Settings } from '../inputs.ts';

export const V2_MEDIA_TYPE = 'application/vnd.atlas.2023-01-01+json';

type UrlSettings = Pick<Settings, 'baseUrl' | 'apiVersion' | 'orgId' | 'pretty' | 'envelope'>;

function atlasUrl(settings: UrlSettings, path: string): URL {
  const url = new URL(`/api/atlas/${settings.apiVersion}/orgs/${settings.orgId}${path}`, settings.baseUrl);
  if (settings.pretty) url.searchParams.set('pretty', 'true');
  if (settings.envelope) url.searchParams.set('envelope', 'true');
  return url;
}

/** Delete One Link-Token. */
export function linkTokenUrl(settings: UrlSettings): URL {
  return atlasUrl(settings, '/liveMigrations/linkTokens');
}

/** Return One Organization: what a dry run asks for instead. */
export function organizationUrl(settings: UrlSettings): URL {
  return atlasUrl(settings, '');
}

export function acceptHeader(apiVersion: Settings['apiVersion']): string {
  return apiVersion === 'v2' ? V2_MEDIA_TYPE : 'application/json';
}
