// PINs: random digits, kept only as a keyed hash under a subkey of the server key, bound to their QR session.
import { randomInt } from 'node:crypto';
import { PIN_DIGITS } from '#shared/protocol/qr-signin.ts';
import { deriveSubkey, keyedHash, sameHash } from '../crypto/keyed-hash';

export function deriveQrKey(serverKey: Buffer): Buffer {
  return deriveSubkey(serverKey, 'tessera-qr-pin-v1');
}

export function generatePin(): string {
  return String(randomInt(0, 10 ** PIN_DIGITS)).padStart(PIN_DIGITS, '0');
}

export function hashPin(key: Buffer, sessionId: string, pin: string): string {
  return keyedHash(key, `${sessionId}:${pin}`);
}

export function isPinMatch(key: Buffer, sessionId: string, pin: string, expectedHash: string): boolean {
  return sameHash(hashPin(key, sessionId, pin), expectedHash);
}
