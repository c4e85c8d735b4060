// What Atlas credentials look like today, to catch a value pasted into the wrong input before it
// is sent: API public keys are 8 lower-case letters, private keys UUIDs, service-account client
// IDs `mdb_sa_id_` + 24 hex digits, client secrets `mdb_sa_sk_…` (MongoDB's API description).
// Only a value with another input's shape is refused: formats are MongoDB's to change, and Ops
// Manager, Atlas for Government or a test server may differ, so anything else goes through.
import { fromSettings, line, type SafeText } from './text.ts';

export type CredentialInput = 'public-key' | 'private-key' | 'client-id' | 'client-secret';

type Shape = 'public key' | 'private key' | 'client ID' | 'client secret';

const SHAPES: ReadonlyArray<readonly [Shape, RegExp]> = [
  ['client ID', /^mdb_sa_id_/i],
  ['client secret', /^mdb_sa_sk_/i],
  ['private key', /^[0-9a-f]{8}(?:-[0-9a-f]{4,12}){3,4}$/i],
  ['public key', /^[a-z]{8}$/],
];

/** The shape each input should have. */
const EXPECTED: Record<CredentialInput, Shape> = {
  'public-key': 'public key',
  'private-key': 'private key',
  'client-id': 'client ID',
  'client-secret': 'client secret',
};

/** Where a value of each shape belongs. */
const HOME: Record<Shape, CredentialInput> = {
  'public key': 'public-key',
  'private key': 'private-key',
  'client ID': 'client-id',
  'client secret': 'client-secret',
};

const DESCRIPTIONS: Record<Shape, SafeText> = {
  'public key': line`an API public key (8 lower-case letters)`,
  'private key': line`an API private key (a UUID)`,
  'client ID': line`a service-account client ID (mdb_sa_id_…)`,
  'client secret': line`a service-account client secret (mdb_sa_sk_…)`,
};

function shapeOf(value: string): Shape | undefined {
  return SHAPES.find(([, pattern]) => pattern.test(value))?.[0];
}

/** A value that looks like a secret, whichever input holds it: mask it before anything prints. */
export function looksSecret(value: string): boolean {
  return secretOutOfPlace(value) !== undefined;
}

/**
 * Why a value does not belong in this input, when it has another input's shape; undefined when
 * it has its own shape or none the action knows.
 */
export function misplacedCredential(input: CredentialInput, value: string): SafeText | undefined {
  const shape = shapeOf(value);
  if (shape === undefined || shape === EXPECTED[input]) return undefined;
  const home = HOME[shape];
  const sameMethod = input.startsWith('client-') === home.startsWith('client-');
  const advice = sameMethod
    ? line`are ${fromSettings(input)} and ${fromSettings(home)} swapped?`
    : home.startsWith('client-')
      ? line`service-account credentials go in client-id and client-secret`
      : line`API keys go in public-key and private-key`;
  return line`it looks like ${DESCRIPTIONS[shape]}, not ${DESCRIPTIONS[EXPECTED[input]]}: ${advice}`;
}

/** Why a secret-shaped value does not belong in an input that is no credential; undefined otherwise. */
export function secretOutOfPlace(value: string): SafeText | undefined {
  const shape = shapeOf(value.trim());
  if (shape !== 'private key' && shape !== 'client secret') return undefined;
  return line`it looks like ${DESCRIPTIONS[shape]}, which belongs in ${fromSettings(HOME[shape])}; the value is masked and not shown`;
}
