// RFC 4648 Base32, lenient in what users paste (case, spaces, hyphens, missing padding), strict about everything else.
import { Base32Error } from './errors';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
// Lengths (mod 8) that whole bytes can produce; 1, 3 and 6 leftover characters cannot.
const VALID_TAIL = new Set([0, 2, 4, 5, 7]);

/** Upper case, without separators or padding: the form the vault, URIs and comparisons use. */
export function normalizeSecret(text: string): string {
  return decodeAndCheck(text).normalized;
}

/**
 * What makes two secrets the same key: their bytes, whatever the case, spacing, padding or unused trailing bits of the
 * Base32. Null when the text is not Base32 at all.
 */
export function secretIdentity(text: string): string | null {
  try {
    return Array.from(decodeBase32(text), (byte) => byte.toString(16).padStart(2, '0')).join('');
  } catch {
    return null;
  }
}

export function decodeBase32(text: string): Uint8Array<ArrayBuffer> {
  return decodeAndCheck(text).bytes;
}

export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

function decodeAndCheck(text: string): { bytes: Uint8Array<ArrayBuffer>; normalized: string } {
  let normalized = '';
  let paddingAt = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === ' ' || ch === '-' || ch === '\t' || ch === '\n' || ch === '\r') continue;
    if (ch === '=') {
      if (paddingAt < 0) paddingAt = i;
      continue;
    }
    const upper = ch.toUpperCase();
    if (!ALPHABET.includes(upper)) {
      throw new Base32Error('invalid_base32', `The secret is not valid Base32: '${describe(ch)}' at position ${i + 1}. Use only the letters A-Z and the digits 2-7.`);
    }
    if (paddingAt >= 0) {
      throw new Base32Error('invalid_base32', `The secret is not valid Base32: '=' at position ${paddingAt + 1} may only end it.`);
    }
    normalized += upper;
  }
  if (normalized.length === 0) throw new Base32Error('missing_secret', 'The secret is empty: enter the key the site showed you.');
  if (!VALID_TAIL.has(normalized.length % 8)) {
    throw new Base32Error('invalid_base32', `The secret is not valid Base32: ${normalized.length} characters cannot encode whole bytes. Check that it was copied completely.`);
  }
  return { bytes: toBytes(normalized), normalized };
}

function toBytes(normalized: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(Math.floor((normalized.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const ch of normalized) {
    buffer = ((buffer << 5) | ALPHABET.indexOf(ch)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes[index++] = (buffer >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  return bytes;
}

function describe(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code < 32 || code === 127 ? `U+${code.toString(16).padStart(4, '0')}` : ch;
}
