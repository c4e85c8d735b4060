// The Delete One Link-Token endpoint, built only from validated settings.
import type { Settings } from '../inputs.ts';

export const V2_MEDIA_TYPE = 'application/vnd.atlas.2023-01-01+json';

export function linkTokenUrl(
  settings: Pick<Settings, 'baseUrl' | 'apiVersion' | 'orgId' | 'pretty' | 'envelope'>,
): URL {
  const url = new URL(
    `/api/atlas/${settings.apiVersion}/orgs/${settings.orgId}/liveMigrations/linkTokens`,
    settings.baseUrl,
  );
  if (settings.pretty) url.searchParams.set('pretty', 'true');
  if (settings.envelope) url.searchParams.set('envelope', 'true');
  return url;
}

export function acceptHeader(apiVersion: Settings['apiVersion']): string {
  return apiVersion === 'v2' ? V2_MEDIA_TYPE : 'application/json';
}
