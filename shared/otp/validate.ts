// Range checks shared by code generation, URI parsing and migration decoding, each with a message a person can act on.
import { decodeBase32 } from './base32';
import { ParameterError, SecretError } from './errors';
import { ALGORITHMS, MAX_PERIOD, MAX_SECRET_BYTES, MIN_PERIOD, MIN_SECRET_BYTES, type Algorithm, type Digits } from './types';

export function checkAlgorithm(value: string): Algorithm {
  const upper = value.toUpperCase().replace('-', '');
  if ((ALGORITHMS as readonly string[]).includes(upper)) return upper as Algorithm;
  throw new ParameterError('invalid_algorithm', `algorithm must be SHA1, SHA256 or SHA512, not ${value}`);
}

export function checkDigits(value: number | string): Digits {
  const n = Number(value);
  if (n === 6 || n === 7 || n === 8) return n;
  throw new ParameterError('invalid_digits', `digits must be 6, 7 or 8, not ${value}`);
}

export function checkPeriod(value: number | string): number {
  const n = Number(value);
  if (Number.isInteger(n) && n >= MIN_PERIOD && n <= MAX_PERIOD && String(value).trim() !== '') return n;
  throw new ParameterError('invalid_period', `period must be a whole number of seconds from ${MIN_PERIOD} to ${MAX_PERIOD}, not ${value}`);
}

export function checkCounter(value: number | string): number {
  const n = Number(value);
  if (Number.isSafeInteger(n) && n >= 0 && String(value).trim() !== '') return n;
  throw new ParameterError('invalid_counter', `counter must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, not ${value}`);
}

/** Decodes a Base32 secret and checks its length. */
export function secretBytes(secret: string | Uint8Array): Uint8Array {
  const bytes = typeof secret === 'string' ? decodeBase32(secret) : secret;
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new SecretError('secret_too_short', `The secret is ${bytes.length} bytes; at least ${MIN_SECRET_BYTES} bytes (16 Base32 characters) are needed.`);
  }
  if (bytes.length > MAX_SECRET_BYTES) {
    throw new SecretError('secret_too_long', `The secret is ${bytes.length} bytes; at most ${MAX_SECRET_BYTES} bytes are supported.`);
  }
  return bytes;
}
