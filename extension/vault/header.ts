// The vault header: KDF parameters, salt and the wrapped data key. The parameters are bound to the wrapped key
// as additional data, so a header edited by anyone without the password no longer opens.
import { importAesKey, open, randomBytes, seal, KEY_BYTES, IV_BYTES } from './aead';
import { decodeBase64, encodeBase64, encodeUtf8 } from '#shared/bytes.ts';
import { deriveKeys, isSaneKdf, sameBytes, SALT_BYTES, type KdfParams } from './kdf';
import { VaultError } from './errors';

export interface VaultHeader {
  version: 1;
  vaultId: string;
  kdf: KdfParams & { algorithm: 'argon2id'; salt: string };
  check: string;
  wrappedKey: { iv: string; data: string };
}

function headerAad(header: Pick<VaultHeader, 'version' | 'vaultId' | 'kdf'>): Uint8Array {
  const { version, vaultId, kdf } = header;
  return encodeUtf8(JSON.stringify(['tessera-vault-header', version, vaultId, kdf.algorithm, kdf.memoryKiB, kdf.iterations, kdf.parallelism, kdf.salt]));
}

export async function wrapDataKey(password: string, params: KdfParams, dataKey: Uint8Array, vaultId: string): Promise<VaultHeader> {
  const salt = randomBytes(SALT_BYTES);
  const kdf = { algorithm: 'argon2id' as const, ...pickKdf(params), salt: encodeBase64(salt) };
  const keys = await deriveKeys(password, salt, params);
  const base = { version: 1 as const, vaultId, kdf };
  const sealed = await seal(keys.encryptionKey, dataKey, headerAad(base));
  return { ...base, check: encodeBase64(keys.check), wrappedKey: { iv: encodeBase64(sealed.iv), data: encodeBase64(sealed.data) } };
}

/** The raw data key, or VaultError wrong_password / tampered. */
export async function unwrapDataKey(stored: unknown, password: string): Promise<Uint8Array> {
  const header = readHeader(stored);
  const keys = await deriveKeys(password, decodeBase64(header.kdf.salt), header.kdf);
  // A changed salt or parameter derives another key, which cannot be told apart from a wrong password: both are refused.
  if (!sameBytes(keys.check, decodeBase64(header.check))) {
    throw new VaultError('wrong_password', 'Wrong master password.');
  }
  const wrapped = { iv: decodeBase64(header.wrappedKey.iv), data: decodeBase64(header.wrappedKey.data) };
  const dataKey = await open(keys.encryptionKey, wrapped, headerAad(header));
  if (!dataKey || dataKey.length !== KEY_BYTES) throw tampered();
  return dataKey;
}

export function readHeader(stored: unknown): VaultHeader {
  if (typeof stored !== 'object' || stored === null) throw tampered();
  const h = stored as VaultHeader;
  const ok = h.version === 1 && typeof h.vaultId === 'string' && h.kdf?.algorithm === 'argon2id' && isSaneKdf(h.kdf)
    && isBase64(h.kdf.salt, SALT_BYTES) && isBase64(h.check, 16) && isBase64(h.wrappedKey?.iv, IV_BYTES)
    && isBase64(h.wrappedKey?.data, KEY_BYTES + 16);
  if (!ok) throw tampered();
  return h;
}

export async function newDataKey(): Promise<{ raw: Uint8Array; key: CryptoKey }> {
  const raw = randomBytes(KEY_BYTES);
  return { raw, key: await importAesKey(raw) };
}

function pickKdf(params: KdfParams): KdfParams {
  return { memoryKiB: params.memoryKiB, iterations: params.iterations, parallelism: params.parallelism };
}

function isBase64(value: unknown, length: number): boolean {
  if (typeof value !== 'string') return false;
  try {
    return decodeBase64(value).length === length;
  } catch {
    return false;
  }
}

function tampered(): VaultError {
  return new VaultError('tampered', 'The vault header has been changed outside Tessera and cannot be trusted. Restore it from a backup.');
}
