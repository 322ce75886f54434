// The rules an account obeys, shared by code generation, URI parsing, migration decoding, the vault and the manual add
// form, each with a message a person can act on.
import { decodeBase32, normalizeSecret } from './base32';
import { ParameterError, SecretError } from './errors';
import {
  ALGORITHMS, DEFAULT_PERIOD, MAX_PERIOD, MAX_SECRET_BYTES, MIN_PERIOD, MIN_SECRET_BYTES, type Algorithm, type Digits, type OtpAccount,
  type OtpType,
} from './types';

/** An account's fields as a form, a file or a URI holds them, before they are checked. */
export interface AccountFields {
  type: unknown;
  issuer: string;
  account: string;
  secret: string;
  algorithm: unknown;
  digits: unknown;
  /** Read for TOTP only. */
  period: unknown;
  /** Read for HOTP only. */
  counter: unknown;
}

/** Every field checked, the names trimmed and the secret in canonical Base32; the first rule broken is thrown. */
export function checkAccount(fields: AccountFields): OtpAccount {
  const type = checkType(fields.type);
  return {
    type,
    issuer: fields.issuer.trim(),
    account: fields.account.trim(),
    secret: checkSecret(fields.secret),
    algorithm: checkAlgorithm(fields.algorithm),
    digits: checkDigits(fields.digits),
    period: type === 'totp' ? checkPeriod(fields.period) : DEFAULT_PERIOD,
    counter: type === 'hotp' ? checkCounter(fields.counter) : 0,
  };
}

export function checkType(value: unknown): OtpType {
  const type = String(value).toLowerCase();
  if (type === 'totp' || type === 'hotp') return type;
  throw new ParameterError('invalid_type', `type must be totp or hotp, not '${String(value)}'`);
}

/** The secret in canonical Base32 (upper case, no separators or padding), once its length is checked. */
export function checkSecret(text: string): string {
  const normalized = normalizeSecret(text);
  secretBytes(normalized);
  return normalized;
}

export function checkAlgorithm(value: unknown): Algorithm {
  const upper = String(value).toUpperCase().replace('-', '');
  if ((ALGORITHMS as readonly string[]).includes(upper)) return upper as Algorithm;
  throw new ParameterError('invalid_algorithm', `algorithm must be SHA1, SHA256 or SHA512, not ${String(value)}`);
}

export function checkDigits(value: unknown): Digits {
  const n = Number(value);
  if (n === 6 || n === 7 || n === 8) return n;
  throw new ParameterError('invalid_digits', `digits must be 6, 7 or 8, not ${String(value)}`);
}

export function checkPeriod(value: unknown): number {
  const n = Number(value);
  if (Number.isInteger(n) && n >= MIN_PERIOD && n <= MAX_PERIOD && String(value).trim() !== '') return n;
  throw new ParameterError('invalid_period', `period must be a whole number of seconds from ${MIN_PERIOD} to ${MAX_PERIOD}, not ${String(value)}`);
}

export function checkCounter(value: unknown): number {
  const n = Number(value);
  if (Number.isSafeInteger(n) && n >= 0 && String(value).trim() !== '') return n;
  throw new ParameterError('invalid_counter', `counter must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, not ${String(value)}`);
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
