// PINs: 6 random digits, kept only as an HMAC under a key derived from the server key, bound to their QR session.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export function deriveQrKey(serverKey: Buffer): Buffer {
  return createHmac('sha256', serverKey).update('tessera-qr-pin-v1').digest();
}

export function generatePin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function hashPin(key: Buffer, sessionId: string, pin: string): string {
  return createHmac('sha256', key).update(`${sessionId}:${pin}`).digest('base64url');
}

export function isPinMatch(key: Buffer, sessionId: string, pin: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashPin(key, sessionId, pin));
  const expected = Buffer.from(expectedHash);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
