// Bytes sealed under a key derived from a password: the Argon2id parameters and salt, a check value that tells a wrong
// password apart from changed data, and AES-256-GCM whose additional data binds what the bytes belong to and the
// parameters their key came from (so an edited parameter fails instead of deriving a weaker key). The vault header
// (the data key, wrapped) and Tessera's backup file (the accounts) are both such an envelope, each in its own JSON
// layout. Another way to open the same bytes (e.g. a passkey) seals a copy under its own key with sealText/openText.
import { decodeBase64, encodeBase64, encodeUtf8 } from '#shared/bytes.ts';
import { IV_BYTES, open, randomBytes, seal } from './aead';
import { deriveKeys, isSaneKdf, sameBytes, SALT_BYTES, type KdfParams } from './kdf';

/** The key's parameters as stored: Argon2id, with the salt in Base64. */
export interface PasswordKdf extends KdfParams { algorithm: 'argon2id'; salt: string }

/** AES-256-GCM output in Base64: the IV, and the ciphertext followed by its 16-byte tag. */
export interface SealedText { iv: string; data: string }

export interface PasswordKey { kdf: PasswordKdf; check: string; key: CryptoKey }

export const CHECK_BYTES = 16;
const TAG_BYTES = 16;

/** A new salt, and the key and check value it derives from the password: for sealing something new. */
export async function newPasswordKey(password: string, params: KdfParams): Promise<PasswordKey> {
  const salt = randomBytes(SALT_BYTES);
  const { memoryKiB, iterations, parallelism } = params;
  const kdf: PasswordKdf = { algorithm: 'argon2id', memoryKiB, iterations, parallelism, salt: encodeBase64(salt) };
  const keys = await deriveKeys(password, salt, params);
  return { kdf, check: encodeBase64(keys.check), key: keys.encryptionKey };
}

/**
 * The key stored parameters derive from the password, or null when the check value says the password is wrong.
 * A changed salt or parameter derives another key, which cannot be told apart from a wrong password: both are null.
 */
export async function openPasswordKey(password: string, kdf: PasswordKdf, check: string): Promise<CryptoKey | null> {
  const keys = await deriveKeys(password, decodeBase64(kdf.salt), kdf);
  return sameBytes(keys.check, decodeBase64(check)) ? keys.encryptionKey : null;
}

/** Additional data: what the sealed bytes belong to (`context`), then the parameters of the key that seals them. */
export function envelopeAad(context: readonly (string | number)[], kdf: PasswordKdf): Uint8Array {
  return encodeUtf8(JSON.stringify([...context, kdf.algorithm, kdf.memoryKiB, kdf.iterations, kdf.parallelism, kdf.salt]));
}

export async function sealText(key: CryptoKey, plaintext: Uint8Array, aad: Uint8Array): Promise<SealedText> {
  const sealed = await seal(key, plaintext, aad);
  return { iv: encodeBase64(sealed.iv), data: encodeBase64(sealed.data) };
}

/** The plaintext, or null when the tag does not verify (wrong key, changed ciphertext or changed additional data). */
export function openText(key: CryptoKey, sealed: SealedText, aad: Uint8Array): Promise<Uint8Array | null> {
  return open(key, { iv: decodeBase64(sealed.iv), data: decodeBase64(sealed.data) }, aad);
}

/** Parameters read back from storage or a file, or null when they are not ones Tessera writes. */
export function readPasswordKdf(value: unknown): PasswordKdf | null {
  const kdf = value as Partial<PasswordKdf> | null;
  if (kdf?.algorithm !== 'argon2id' || !isBase64Of(kdf.salt, SALT_BYTES) || !isSaneKdf(kdf)) return null;
  return kdf as PasswordKdf;
}

/** A check value read back, or null when it is not one. */
export function readCheck(value: unknown): string | null {
  return isBase64Of(value, CHECK_BYTES) ? value : null;
}

/** Sealed bytes read back, or null when they are not well formed; `plainBytes` when their length is known. */
export function readSealed(value: { iv?: unknown; data?: unknown } | null | undefined, plainBytes?: number): SealedText | null {
  const { iv, data } = value ?? {};
  if (!isBase64Of(iv, IV_BYTES) || typeof data !== 'string') return null;
  if (plainBytes === undefined ? !isBase64Of(data) : !isBase64Of(data, plainBytes + TAG_BYTES)) return null;
  return { iv, data };
}

function isBase64Of(value: unknown, length?: number): value is string {
  if (typeof value !== 'string') return false;
  try {
    const bytes = decodeBase64(value);
    return length === undefined || bytes.length === length;
  } catch {
    return false;
  }
}
