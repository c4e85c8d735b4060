import { describe, expect, it } from 'vitest';
import { DEFAULTS, InputError, readSettings } from '../../src/inputs.ts';
import { CLIENT_ID, CLIENT_SECRET, ORG_ID, PRIVATE_KEY, PUBLIC_KEY } from '../support/fixtures.ts';

const REQUIRED = { 'org-id': ORG_ID, 'public-key': PUBLIC_KEY, 'private-key': PRIVATE_KEY };

function read(inputs: Record<string, string>) {
  return readSettings((name) => inputs[name] ?? '');
}

/** The error readSettings throws for these inputs (fails the test when none is thrown). */
function rejection(inputs: Record<string, string>): InputError {
  try {
    read({ ...REQUIRED, ...inputs });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error(`accepted ${JSON.stringify(inputs)}`);
}

describe('readSettings', () => {
  it('applies the documented defaults', () => {
    expect(read(REQUIRED)).toEqual({
      orgId: ORG_ID,
      credentials: { method: 'digest', publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY },
      baseUrl: 'https://cloud.mongodb.com',
      apiVersion: 'v1.0',
      maxAttempts: 5,
      retryDelayMs: 2000,
      timeoutMs: 30_000,
      failOnNotFound: false,
      pretty: false,
      envelope: false,
      dryRun: false,
      migrationWaitMs: 0,
    });
  });

  it('reads every optional input', () => {
    const settings = read({
      ...REQUIRED,
      'base-url': 'http://127.0.0.1:8080/',
      'api-version': 'v2',
      'max-attempts': '1',
      'retry-delay-seconds': '0.05',
      'timeout-seconds': '.5',
      'fail-on-not-found': 'TRUE',
      pretty: 'True',
      envelope: 'true',
      'dry-run': 'tRuE',
    });
    expect(settings).toMatchObject({
      dryRun: true,
      baseUrl: 'http://127.0.0.1:8080',
      apiVersion: 'v2',
      maxAttempts: 1,
      retryDelayMs: 50,
      timeoutMs: 500,
      failOnNotFound: true,
      pretty: true,
      envelope: true,
    });
  });

  it('trims keys and lower-cases the org ID', () => {
    const settings = read({
      'org-id': ` ${ORG_ID.toUpperCase()} `,
      'public-key': ` ${PUBLIC_KEY}\n`,
      'private-key': `\t${PRIVATE_KEY} `,
    });
    expect(settings).toMatchObject({ orgId: ORG_ID, credentials: { publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY } });
  });

  it.each([
    'http://localhost:3000',
    'http://127.5.6.7',
    'http://[::1]:9000',
    'https://cloud-qa.mongodb.com',
    'https://cloud.mongodbgov.com:443/',
  ])('accepts base-url %s', (baseUrl) => {
    expect(read({ ...REQUIRED, 'base-url': baseUrl }).baseUrl).toBe(new URL(baseUrl).origin);
  });
});

describe('credentials: exactly one complete pair', () => {
  const SA = { 'client-id': CLIENT_ID, 'client-secret': CLIENT_SECRET };

  it('reads a service account', () => {
    expect(read({ 'org-id': ORG_ID, ...SA }).credentials).toEqual({
      method: 'service-account',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
    });
  });

  it.each([
    [{}, 'client-id', /no credentials were given; expected exactly one method: client-id and client-secret/],
    [{ ...REQUIRED, ...SA }, 'client-id', /both an API key and a service account were given/],
    [{ 'public-key': PUBLIC_KEY }, 'private-key', /'private-key': it is missing, but 'public-key' is set/],
    [{ 'private-key': PRIVATE_KEY }, 'public-key', /'public-key': it is missing, but 'private-key' is set/],
    [{ 'client-id': CLIENT_ID }, 'client-secret', /'client-secret': it is missing, but 'client-id' is set/],
    [{ 'client-secret': CLIENT_SECRET }, 'client-id', /'client-id': it is missing/],
    [{ ...REQUIRED, 'client-id': CLIENT_ID }, 'client-secret', /'client-secret': it is missing/],
    [{ 'client-id': CLIENT_ID, 'client-secret': 'line-one\nline-two' }, 'client-secret', /line break/],
  ])('%j is refused, naming %s', (inputs, input, expected) => {
    let error: unknown;
    try {
      read({ 'org-id': ORG_ID, ...inputs });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe(input);
    expect((error as InputError).message).toMatch(expected);
    for (const secret of [PRIVATE_KEY, CLIENT_SECRET, 'line-one', 'line-two']) {
      expect((error as InputError).message).not.toContain(secret);
    }
  });
});

describe('rejected inputs name the input and what is expected', () => {
  it.each([
    ['', /org-id'.*required.*24 hexadecimal/],
    [`${ORG_ID.slice(0, 23)}`, /has 23 characters/],
    [`${ORG_ID}0`, /has 25 characters/],
    [`${ORG_ID.slice(0, 12)}/${ORG_ID.slice(13)}`, /character 13 is '\/'/],
    ['..' + ORG_ID.slice(2), /character 1 is '\.'/],
    [ORG_ID.slice(0, 20) + '?a=b', /character 21 is '\?'/],
    [ORG_ID.slice(0, 20) + '#abc', /'#'/],
    [ORG_ID.slice(0, 18) + '%2F' + ORG_ID.slice(21), /'%'/],
    [ORG_ID.slice(0, 12) + ' ' + ORG_ID.slice(13), /U\+0020/],
    [ORG_ID.slice(0, 12) + '\n' + ORG_ID.slice(13), /U\+000A/],
    [ORG_ID.slice(0, 12) + '\u0000' + ORG_ID.slice(13), /U\+0000/],
    [ORG_ID.slice(0, 23) + '\uFF11', /U\+FF11/], // fullwidth digit one
    [ORG_ID.slice(0, 23) + '\u0661', /U\+0661/], // Arabic-Indic digit one
    ['5f1e2d3c4b5a69788796a5bg', /'g'/],
  ])('org-id %j', (orgId, expected) => {
    const error = rejection({ 'org-id': orgId });
    expect(error.input).toBe('org-id');
    expect(error.message).toMatch(expected);
    expect(error.message).toMatch(/^Invalid input 'org-id': /);
    expect(error.message).not.toMatch(/\p{Cc}/u);
  });

  it.each([
    ['public-key', ''],
    ['private-key', ''],
    ['public-key', 'zqxw\nvbnm'],
    ['private-key', 'secret-part-1\nsecret-part-2'],
    ['private-key', 'zqxw\u0007vbnm'],
    ['public-key', 'zqxw"vbnm'],
  ])('%s %j, without echoing it', (name, value) => {
    const error = rejection({ [name]: value });
    expect(error.input).toBe(name);
    expect(error.message).toContain(`'${name}'`);
    for (const part of value.split(/["\p{Cc}]/u).filter(Boolean)) expect(error.message).not.toContain(part);
  });

  it.each([
    ['https://cloud.mongodb.com/api', /contains a path/],
    ['https://cloud.mongodb.com?x=1', /query or fragment/],
    ['https://cloud.mongodb.com/#top', /query or fragment/],
    ['https://user:pass@cloud.mongodb.com', /user information/],
    ['https://user@cloud.mongodb.com', /user information/],
    ['http://cloud.mongodb.com', /plain http is accepted only for loopback/],
    ['http://127.0.0.1.example.com', /plain http is accepted only for loopback/],
    ['http://10.0.0.1', /plain http is accepted only for loopback/],
    ['https://[2001:db8::1]', /IPv6 literal/],
    ['cloud.mongodb.com', /no scheme/],
    ['localhost:8080', /no scheme/],
    ['ftp://cloud.mongodb.com', /scheme 'ftp' is not supported/],
    ['https://cloud.mongodb.com\n.example.com', /whitespace or control/],
    ['https://cloud.mon godb.com', /whitespace or control/],
    ['https://', /not a valid URL/],
  ])('base-url %j', (baseUrl, expected) => {
    const error = rejection({ 'base-url': baseUrl });
    expect(error.input).toBe('base-url');
    expect(error.message).toMatch(expected);
    expect(error.message).toMatch(/expected/);
  });

  it.each(['v1', 'V2', 'v2.0', '2'])('api-version %j', (version) => {
    expect(rejection({ 'api-version': version }).message).toMatch(/'api-version'.*expected v1\.0 or v2/);
  });

  it.each([
    ['max-attempts', 'five', /not a whole number; expected 1 to 10/],
    ['max-attempts', '-1', /not a whole number/],
    ['max-attempts', '0', /out of range; expected 1 to 10/],
    ['max-attempts', '11', /out of range/],
    ['max-attempts', '2.5', /not a whole number/],
    ['max-attempts', '1e3', /not a whole number/],
    ['max-attempts', 'Infinity', /not a whole number/],
    ['max-attempts', '99999999999999999999', /out of range/],
    ['retry-delay-seconds', 'two', /not a number of seconds; expected from 0 up to 30/],
    ['retry-delay-seconds', '-1', /not a number of seconds/],
    ['retry-delay-seconds', 'NaN', /not a number of seconds/],
    ['retry-delay-seconds', '31', /out of range/],
    ['timeout-seconds', '0', /^Invalid input 'timeout-seconds': 0 is out of range; expected at least 0.001 up to 300$/],
    [
      'timeout-seconds',
      '0.0004',
      /^Invalid input 'timeout-seconds': 0.0004 is out of range; expected at least 0.001 up to 300$/,
    ],
    ['timeout-seconds', 'Infinity', /not a number of seconds/],
    ['timeout-seconds', '301', /out of range/],
    ['timeout-seconds', '1e2', /not a number of seconds/],
    ['fail-on-not-found', 'yes', /not a boolean; expected true or false/],
    ['pretty', '1', /not a boolean/],
    ['envelope', 'on', /not a boolean/],
  ])('%s %j', (name, value, expected) => {
    const error = rejection({ [name]: value });
    expect(error.input).toBe(name);
    expect(error.message).toContain(`'${name}'`);
    expect(error.message).toMatch(expected);
  });
});

describe('a secret in an input that is no credential', () => {
  it.each(Object.keys(DEFAULTS))('%s: refused by its shape, naming where it belongs, never quoting it', (name) => {
    expect(rejection({ [name]: ` ${PRIVATE_KEY}\n` }).message).toBe(
      `Invalid input '${name}': it looks like an API private key (a UUID), which belongs in private-key; the value is masked and not shown`,
    );
    expect(rejection({ [name]: CLIENT_SECRET }).message).toBe(
      `Invalid input '${name}': it looks like a service-account client secret (mdb_sa_sk_…), which belongs in client-secret; the value is masked and not shown`,
    );
  });

  it('lets identifiers through to the input’s own rule: a client ID or public key is no secret', () => {
    expect(rejection({ 'api-version': CLIENT_ID }).message).toBe(
      `Invalid input 'api-version': '${CLIENT_ID}' is not supported; expected v1.0 or v2`,
    );
    expect(rejection({ pretty: PUBLIC_KEY }).message).toBe(
      `Invalid input 'pretty': '${PUBLIC_KEY}' is not a boolean; expected true or false`,
    );
  });
});

describe('boundaries and the exact words of a rejection', () => {
  const message = (inputs: Record<string, string>): string => rejection(inputs).message;

  it.each([
    ['max-attempts', '10', { maxAttempts: 10 }],
    ['max-attempts', '1', { maxAttempts: 1 }],
    ['retry-delay-seconds', '30', { retryDelayMs: 30_000 }],
    ['retry-delay-seconds', '0', { retryDelayMs: 0 }],
    ['timeout-seconds', '300', { timeoutMs: 300_000 }],
    ['timeout-seconds', '0.001', { timeoutMs: 1 }],
    ['timeout-seconds', '16.1', { timeoutMs: 16_100 }],
    ['retry-delay-seconds', '2.01', { retryDelayMs: 2010 }],
  ])('accepts %s %j, the documented edge', (name, value, expected) => {
    expect(read({ ...REQUIRED, [name]: value })).toMatchObject(expected);
  });

  it.each([
    ['max-attempts', '11', "Invalid input 'max-attempts': 11 is out of range; expected 1 to 10"],
    ['max-attempts', '0', "Invalid input 'max-attempts': 0 is out of range; expected 1 to 10"],
    [
      'retry-delay-seconds',
      '30.001',
      "Invalid input 'retry-delay-seconds': 30.001 is out of range; expected from 0 up to 30",
    ],
    [
      'timeout-seconds',
      '300.001',
      "Invalid input 'timeout-seconds': 300.001 is out of range; expected at least 0.001 up to 300",
    ],
  ])('refuses %s %j, just past the edge', (name, value, expected) => {
    expect(message({ [name]: value })).toBe(expected);
  });

  it('escapes what it quotes: non-printable characters as ?, cut after 40 characters', () => {
    expect(message({ 'api-version': 'v1\u0007\u00e9\n' })).toBe(
      "Invalid input 'api-version': 'v1??' is not supported; expected v1.0 or v2", // trimmed first
    );
    expect(message({ 'api-version': `${'x'.repeat(40)}y` })).toBe(
      `Invalid input 'api-version': '${'x'.repeat(40)}…' is not supported; expected v1.0 or v2`,
    );
    expect(message({ 'api-version': 'x'.repeat(40) })).toBe(
      `Invalid input 'api-version': '${'x'.repeat(40)}' is not supported; expected v1.0 or v2`,
    );
    expect(message({ 'api-version': ' ~' })).toBe(
      "Invalid input 'api-version': '~' is not supported; expected v1.0 or v2",
    );
  });

  it('names an org-id character by its code point unless it is printable ASCII', () => {
    const expected = 'expected the Atlas organization ID: exactly 24 hexadecimal characters (0-9, a-f)';
    expect(message({ 'org-id': `g${ORG_ID.slice(1)}` })).toBe(
      `Invalid input 'org-id': character 1 is 'g' (U+0067), not a hexadecimal digit; ${expected}`,
    );
    expect(message({ 'org-id': `${ORG_ID.slice(0, 5)}\u007f${ORG_ID.slice(6)}` })).toBe(
      `Invalid input 'org-id': character 6 is U+007F, not a hexadecimal digit; ${expected}`,
    );
    expect(message({ 'org-id': `${ORG_ID.slice(0, 23)}~` })).toBe(
      `Invalid input 'org-id': character 24 is '~' (U+007E), not a hexadecimal digit; ${expected}`,
    );
    expect(message({ 'org-id': `\uff11${ORG_ID.slice(1)}` })).toBe(
      `Invalid input 'org-id': character 1 is U+FF11, not a hexadecimal digit; ${expected}`,
    );
    expect(message({ 'org-id': ORG_ID.slice(1) })).toBe(`Invalid input 'org-id': it has 23 characters; ${expected}`);
  });
});

describe('a URL where the organization ID belongs', () => {
  const expected = 'expected the Atlas organization ID: exactly 24 hexadecimal characters (0-9, a-f)';
  const quoting = `Invalid input 'org-id': it is a URL, not an ID; the organization ID in it is ${ORG_ID}: set org-id to that`;
  const pointing = `Invalid input 'org-id': it is a URL, not an ID; ${expected}: in Atlas it is under Organization Settings, and in the address of any organization page after /org/`;

  it.each([
    `https://cloud.mongodb.com/v2#/org/${ORG_ID}/projects`,
    `HTTPS://CLOUD.MONGODB.COM/V2#/ORG/${ORG_ID.toUpperCase()}/PROJECTS`,
    `https://cloud.mongodb.com/api/atlas/v2/orgs/${ORG_ID}`,
    `https://cloud.mongodb.com/api/atlas/v2/orgs/${ORG_ID}?pretty=true`,
    ` https://cloud.mongodb.com/v2#/org/${ORG_ID}/ `,
  ])('quotes the organization ID a URL holds, in lower case: %j', (orgId) => {
    const error = rejection({ 'org-id': orgId });
    expect(error.input).toBe('org-id');
    expect(error.message).toBe(quoting);
  });

  it.each([
    `https://cloud.mongodb.com/v2/${ORG_ID}#/overview`, // not after /org/
    `https://cloud.mongodb.com/v2#/org/${ORG_ID}0/projects`, // 25 hexadecimal digits
    `https://cloud.mongodb.com/v2#/org/${ORG_ID}g`,
    `https://cloud.mongodb.com/v2#/org/${ORG_ID.slice(1)}/projects`, // 23
    `https://cloud.mongodb.com/v2#/organization/${ORG_ID}`,
    'mongodb+srv://cluster0.example.net',
    'x.y-z://anything',
  ])('points at where the ID is when a URL holds none: %j', (orgId) => {
    const error = rejection({ 'org-id': orgId });
    expect(error.input).toBe('org-id');
    expect(error.message).toBe(pointing);
  });

  it.each([
    ['5f1e://cloud.mongodb.com', `character 5 is ':' (U+003A)`],
    [`${ORG_ID.slice(0, 4)}://x`, `character 5 is ':' (U+003A)`],
    ['https:/cloud.mongodb.com', `character 1 is 'h' (U+0068)`],
    ['-https://cloud.mongodb.com', `character 1 is '-' (U+002D)`],
  ])('takes only a scheme at the start for a URL: %j', (orgId, character) => {
    expect(rejection({ 'org-id': orgId }).message).toBe(
      `Invalid input 'org-id': ${character}, not a hexadecimal digit; ${expected}`,
    );
  });

  it('names a space by its code point, the first printable character by itself', () => {
    expect(rejection({ 'org-id': `${ORG_ID.slice(0, 12)} ${ORG_ID.slice(13)}` }).message).toBe(
      `Invalid input 'org-id': character 13 is U+0020, not a hexadecimal digit; ${expected}`,
    );
    expect(rejection({ 'org-id': `${ORG_ID.slice(0, 12)}!${ORG_ID.slice(13)}` }).message).toBe(
      `Invalid input 'org-id': character 13 is '!' (U+0021), not a hexadecimal digit; ${expected}`,
    );
  });
});

describe('credentials: blank is missing, and what each may contain', () => {
  const CHOOSE_ONE =
    'expected exactly one method: client-id and client-secret (service account, recommended), or public-key and private-key (API key, legacy)';

  it('takes a value of only whitespace for a missing one', () => {
    expect(rejection({ 'public-key': ' \t', 'private-key': PRIVATE_KEY }).message).toBe(
      `Invalid input 'public-key': it is missing, but 'private-key' is set: public-key and private-key go together; ${CHOOSE_ONE}`,
    );
    expect(rejection({ 'public-key': ' ', 'private-key': '\n' }).message).toBe(
      `Invalid input 'client-id': no credentials were given; ${CHOOSE_ONE}`,
    );
    expect(
      read({
        'org-id': ORG_ID,
        'public-key': ' ',
        'private-key': ' ',
        'client-id': CLIENT_ID,
        'client-secret': CLIENT_SECRET,
      }).credentials.method,
    ).toBe('service-account');
  });

  it('says where a control character is, not what it is', () => {
    expect(rejection({ 'private-key': 'ab\u0007cd' }).message).toBe(
      "Invalid input 'private-key': it contains a line break or control character at position 3; expected a single line (pass it from a secret)",
    );
  });

  it.each([
    ['pub"keyab', 4],
    ['pub\\keyab', 4],
    ['pubkéyab', 5],
    ['pub\u00a0keyab', 4],
  ])('refuses a public key %j that cannot be sent in a header, at the character', (publicKey, position) => {
    expect(rejection({ 'public-key': publicKey }).message).toBe(
      `Invalid input 'public-key': character ${position} cannot be sent in an HTTP header field (a quote, a backslash, or not printable ASCII); expected an Atlas API public key`,
    );
  });

  it('sends any other character in a public key, and any character at all in the other credentials', () => {
    expect(read({ ...REQUIRED, 'public-key': ' !~ key ' }).credentials).toEqual({
      method: 'digest',
      publicKey: '!~ key',
      privateKey: PRIVATE_KEY,
    });
    expect(read({ ...REQUIRED, 'private-key': 'sé"c\\ret' }).credentials).toMatchObject({ privateKey: 'sé"c\\ret' });
    expect(read({ 'org-id': ORG_ID, 'client-id': 'id:"\\é', 'client-secret': 'sk:"\\é' }).credentials).toEqual({
      method: 'service-account',
      clientId: 'id:"\\é',
      clientSecret: 'sk:"\\é',
    });
  });
});

describe('base-url: the exact rule that refuses it', () => {
  const expected = 'expected scheme://host[:port] only, e.g. https://cloud.mongodb.com';

  it.each([
    'https://@cloud.mongodb.com',
    'https://:@cloud.mongodb.com',
    'https://user@cloud.mongodb.com',
    'https://:pass@cloud.mongodb.com',
  ])('%j: user information, even empty', (baseUrl) => {
    expect(rejection({ 'base-url': baseUrl }).message).toBe(
      `Invalid input 'base-url': it contains user information; ${expected} (credentials have inputs of their own)`,
    );
  });

  it.each([
    ['https://cloud.mongodb.com/@x', `it contains a path ('/@x'); ${expected}`],
    ['cloud.mongodb.com/https://x', `it has no scheme; ${expected}`],
    ['https://', `it is not a valid URL; ${expected}`],
    [
      'http://127.0.0.1x',
      'plain http is accepted only for loopback hosts (localhost, 127.0.0.0/8, [::1]); expected https://',
    ],
  ])('%j', (baseUrl, problem) => {
    expect(rejection({ 'base-url': baseUrl }).message).toBe(`Invalid input 'base-url': ${problem}`);
  });

  it.each(['http://127.10.0.1', 'http://127.0.200.1', 'http://127.0.0.254', 'http://127.255.255.255:8080'])(
    'accepts plain http to the loopback address %s',
    (baseUrl) => {
      expect(read({ ...REQUIRED, 'base-url': baseUrl }).baseUrl).toBe(baseUrl);
    },
  );
});

describe('seconds: any plain decimal', () => {
  it.each([
    ['.55', 550],
    ['0.', 0],
    ['1.', 1000],
    ['.05', 50],
    ['29.9995', 30_000],
  ])('retry-delay-seconds %j is %d ms', (value, ms) => {
    expect(read({ ...REQUIRED, 'retry-delay-seconds': value }).retryDelayMs).toBe(ms);
  });

  it.each(['.', '1.2.3', '+1', '1,5'])('retry-delay-seconds %j is refused', (value) => {
    expect(rejection({ 'retry-delay-seconds': value }).message).toBe(
      `Invalid input 'retry-delay-seconds': '${value}' is not a number of seconds; expected from 0 up to 30 (decimals allowed)`,
    );
  });
});

describe('dry-run and migration-wait-seconds', () => {
  it('reads them, up to the six hours of a hosted job', () => {
    expect(read({ ...REQUIRED, 'dry-run': 'true', 'migration-wait-seconds': '21600' })).toMatchObject({
      dryRun: true,
      migrationWaitMs: 21_600_000,
    });
  });

  it.each([
    ['dry-run', 'yes', "'yes' is not a boolean; expected true or false"],
    [
      'migration-wait-seconds',
      'ten',
      "'ten' is not a number of seconds; expected from 0 up to 21600 (decimals allowed)",
    ],
    ['migration-wait-seconds', '21600.001', '21600.001 is out of range; expected from 0 up to 21600'],
  ])('refuses %s %j, naming it', (name, value, problem) => {
    const error = rejection({ [name]: value });
    expect(error.input).toBe(name);
    expect(error.message).toBe(`Invalid input '${name}': ${problem}`);
  });
});
