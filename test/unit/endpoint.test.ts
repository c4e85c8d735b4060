// The Atlas endpoints, built from settings only, and the API version a URL speaks.
import { describe, expect, it } from 'vitest';
import {
  acceptHeader,
  apiVersionOf,
  availableProjectsUrl,
  linkTokenUrl,
  organizationUrl,
} from '../../src/atlas/endpoint.ts';
import { ORG_ID } from '../support/fixtures.ts';

const settings = {
  baseUrl: 'https://cloud.mongodb.com',
  apiVersion: 'v1.0',
  orgId: ORG_ID,
  pretty: false,
  envelope: false,
} as const;

describe('the endpoints', () => {
  it('builds the delete, the organization and the role check, the last always under v2', () => {
    expect(linkTokenUrl(settings).href).toBe(
      `https://cloud.mongodb.com/api/atlas/v1.0/orgs/${ORG_ID}/liveMigrations/linkTokens`,
    );
    expect(organizationUrl({ ...settings, apiVersion: 'v2' }).href).toBe(
      `https://cloud.mongodb.com/api/atlas/v2/orgs/${ORG_ID}`,
    );
    expect(availableProjectsUrl(settings).href).toBe(
      `https://cloud.mongodb.com/api/atlas/v2/orgs/${ORG_ID}/liveMigrations/availableProjects`,
    );
  });

  it('adds pretty and envelope only when asked', () => {
    expect(linkTokenUrl({ ...settings, pretty: true, envelope: true }).search).toBe('?pretty=true&envelope=true');
    expect(linkTokenUrl({ ...settings, envelope: true }).search).toBe('?envelope=true');
  });

  it('asks for the v2 media type under v2 only', () => {
    expect(acceptHeader('v2')).toBe('application/vnd.atlas.2023-01-01+json');
    expect(acceptHeader('v1.0')).toBe('application/json');
  });

  it('tells the API version from the path', () => {
    expect(apiVersionOf(availableProjectsUrl(settings))).toBe('v2');
    expect(apiVersionOf(linkTokenUrl(settings))).toBe('v1.0');
    expect(apiVersionOf(new URL('https://x.example/api/atlas/v2'))).toBe('v1.0');
    expect(apiVersionOf(new URL('https://x.example/v/api/atlas/v2/'))).toBe('v1.0');
  });
});
