// The shapes of Atlas credentials: a value with another input's shape is refused (and masked when it
// is a secret); a value with its own shape, or with none the action knows, goes through.
import { describe, expect, it } from 'vitest';
import { looksSecret, misplacedCredential, secretOutOfPlace } from '../../src/credential-shapes.ts';
import { CLIENT_ID, CLIENT_SECRET, PRIVATE_KEY, PUBLIC_KEY } from '../support/fixtures.ts';

const PUBLIC = 'an API public key (8 lower-case letters)';
const PRIVATE = 'an API private key (a UUID)';
const ID = 'a service-account client ID (mdb_sa_id_…)';
const SECRET = 'a service-account client secret (mdb_sa_sk_…)';

describe('misplacedCredential', () => {
  it.each([
    ['public-key', PUBLIC_KEY],
    ['private-key', PRIVATE_KEY],
    ['client-id', CLIENT_ID],
    ['client-secret', CLIENT_SECRET],
  ] as const)('lets %s through with its own shape', (input, value) => {
    expect(misplacedCredential(input, value)).toBeUndefined();
  });

  it.each([
    'OPS-MANAGER-KEY-01',
    'not-a-uuid-at-all',
    'pubkeyabc', // 9 letters
    'pubkeya', // 7 letters
    'PUBKEYAB', // upper case
    'pubkey1b',
    ` ${PUBLIC_KEY}`,
    `${PUBLIC_KEY} `,
    `x${PRIVATE_KEY}`,
    `${PRIVATE_KEY}x`,
    `x${CLIENT_ID}`,
    `x${CLIENT_SECRET}`,
    '',
  ])('lets %j through in any input: no shape the action knows', (value) => {
    for (const input of ['public-key', 'private-key', 'client-id', 'client-secret'] as const) {
      expect(misplacedCredential(input, value)).toBeUndefined();
    }
  });

  it.each([
    ['public-key', PRIVATE_KEY, `it looks like ${PRIVATE}, not ${PUBLIC}: are public-key and private-key swapped?`],
    ['private-key', PUBLIC_KEY, `it looks like ${PUBLIC}, not ${PRIVATE}: are private-key and public-key swapped?`],
    ['client-id', CLIENT_SECRET, `it looks like ${SECRET}, not ${ID}: are client-id and client-secret swapped?`],
    ['client-secret', CLIENT_ID, `it looks like ${ID}, not ${SECRET}: are client-secret and client-id swapped?`],
  ] as const)('asks whether two inputs of one method are swapped: %s', (input, value, expected) => {
    expect(misplacedCredential(input, value)).toBe(expected);
  });

  it.each([
    ['public-key', CLIENT_ID, `it looks like ${ID}, not ${PUBLIC}`],
    ['public-key', CLIENT_SECRET, `it looks like ${SECRET}, not ${PUBLIC}`],
    ['private-key', CLIENT_ID, `it looks like ${ID}, not ${PRIVATE}`],
    ['private-key', CLIENT_SECRET, `it looks like ${SECRET}, not ${PRIVATE}`],
  ] as const)('says where service-account credentials go: %s %j', (input, value, expected) => {
    expect(misplacedCredential(input, value)).toBe(
      `${expected}: service-account credentials go in client-id and client-secret`,
    );
  });

  it.each([
    ['client-id', PUBLIC_KEY, `it looks like ${PUBLIC}, not ${ID}`],
    ['client-id', PRIVATE_KEY, `it looks like ${PRIVATE}, not ${ID}`],
    ['client-secret', PUBLIC_KEY, `it looks like ${PUBLIC}, not ${SECRET}`],
    ['client-secret', PRIVATE_KEY, `it looks like ${PRIVATE}, not ${SECRET}`],
  ] as const)('says where API keys go: %s %j', (input, value, expected) => {
    expect(misplacedCredential(input, value)).toBe(`${expected}: API keys go in public-key and private-key`);
  });

  it.each([
    'MDB_SA_ID_6A1B2C3D4E5F60718293A4B5', // prefixes in any case
    'mdb_sa_id_',
  ])('knows a client ID by its prefix: %j', (value) => {
    expect(misplacedCredential('client-secret', value)).toBe(
      `it looks like ${ID}, not ${SECRET}: are client-secret and client-id swapped?`,
    );
  });

  it.each(['MDB_SA_SK_Q7RW3ET9', 'mdb_sa_sk_'])('knows a client secret by its prefix: %j', (value) => {
    expect(misplacedCredential('client-id', value)).toBe(
      `it looks like ${SECRET}, not ${ID}: are client-id and client-secret swapped?`,
    );
  });

  it.each([
    [PRIVATE_KEY.toUpperCase(), true],
    ['01234567-89ab-cdef-0123', true], // three groups after the first
    ['01234567-89ab-cdef-0123-456789abcdef', true], // four
    ['01234567-89ab-cdef', false], // two
    ['01234567-89ab-cdef-0123-456789abcdef-0123', false], // five
    ['01234567-89ab-cdef-0123-456789abcdef0', false], // a group of 13
    ['01234567-89a-cdef-0123-456789abcdef', false], // a group of 3
    ['0123456-89ab-cdef-0123-456789abcdef', false], // a first group of 7
    ['01234567-89ab-cdef-0123-456789abcdeg', false],
  ])('knows a private key by its UUID-like shape: %j (%s)', (value, isPrivateKey) => {
    expect(misplacedCredential('public-key', value)).toBe(
      isPrivateKey ? `it looks like ${PRIVATE}, not ${PUBLIC}: are public-key and private-key swapped?` : undefined,
    );
  });
});

describe('secretOutOfPlace', () => {
  it('refuses a private key or a client secret, trimmed, naming where it belongs', () => {
    expect(secretOutOfPlace(`\t${PRIVATE_KEY}\n`)).toBe(
      `it looks like ${PRIVATE}, which belongs in private-key; the value is masked and not shown`,
    );
    expect(secretOutOfPlace(` ${CLIENT_SECRET} `)).toBe(
      `it looks like ${SECRET}, which belongs in client-secret; the value is masked and not shown`,
    );
  });

  it.each([PUBLIC_KEY, CLIENT_ID, 'true', 'https://cloud.mongodb.com', '', `${PRIVATE_KEY}-x`])(
    'lets %j through: an identifier or no shape at all',
    (value) => {
      expect(secretOutOfPlace(value)).toBeUndefined();
    },
  );
});

describe('looksSecret', () => {
  it.each([
    [PRIVATE_KEY, true],
    [` ${CLIENT_SECRET}\n`, true],
    [PUBLIC_KEY, false],
    [CLIENT_ID, false],
    ['v2', false],
    ['', false],
  ])('%j: %s', (value, expected) => {
    expect(looksSecret(value)).toBe(expected);
  });
});
