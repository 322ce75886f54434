// What the site must recognise but never keep in the clear (backup codes, QR sign-in PINs) is kept as HMAC-SHA256
// under a subkey of the server key, one subkey per purpose: a copy of the data without the key cannot test guesses.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The server key's subkey for one purpose; the purpose text is part of every stored hash, so it never changes. */
export function deriveSubkey(serverKey: Buffer, purpose: string): Buffer {
  return createHmac('sha256', serverKey).update(purpose).digest();
}

export function keyedHash(subkey: Buffer, text: string): string {
  return createHmac('sha256', subkey).update(text).digest('base64url');
}

/** Compares two hashes in constant time, so a guess cannot be tuned by how soon the comparison fails. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
