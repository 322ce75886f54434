// Backup codes: 10 characters from Crockford's base32 alphabet (no i, l, o, u), 5 bits each = 50 bits, shown as
// xxxxx-xxxxx. Stored only as a keyed hash under a subkey of the server key (see docs/security.md for why).
import { randomBytes } from 'node:crypto';
import { deriveSubkey, keyedHash } from '../crypto/keyed-hash';

export const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const CODE_LENGTH = 10;
export const CODES_PER_ISSUE = 10;

export function generateBackupCode(): string {
  // 256 is a multiple of 32, so the low 5 bits of a random byte are uniform.
  const chars = [...randomBytes(CODE_LENGTH)].map((byte) => ALPHABET[byte & 31]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** Case, spaces and dashes do not matter; letters people confuse with digits are read as those digits. */
export function normaliseBackupCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0').replace(/[il]/g, '1');
}

export function isWellFormedBackupCode(normalised: string): boolean {
  return normalised.length === CODE_LENGTH && [...normalised].every((char) => ALPHABET.includes(char));
}

export function hashBackupCode(serverKey: Buffer, normalised: string): string {
  return keyedHash(deriveSubkey(serverKey, 'tessera backup codes v1'), normalised);
}
