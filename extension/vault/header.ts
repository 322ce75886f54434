// The vault header: the data key, wrapped in a password envelope (crypto/envelope.ts) bound to this vault's id and the
// header's version. Another way to unwrap the data key would be a second wrapped copy beside `wrappedKey`.
import { importAesKey, randomBytes, KEY_BYTES } from '../crypto/aead';
import {
  envelopeAad, newPasswordKey, openPasswordKey, openText, readCheck, readPasswordKdf, readSealed, sealText,
  type PasswordKdf, type SealedText,
} from '../crypto/envelope';
import type { KdfParams } from '../crypto/kdf';
import { VaultError } from './errors';

export interface VaultHeader {
  version: 1;
  vaultId: string;
  kdf: PasswordKdf;
  check: string;
  wrappedKey: SealedText;
}

const headerAad = (header: Pick<VaultHeader, 'version' | 'vaultId' | 'kdf'>) =>
  envelopeAad(['tessera-vault-header', header.version, header.vaultId], header.kdf);

export async function wrapDataKey(password: string, params: KdfParams, dataKey: Uint8Array, vaultId: string): Promise<VaultHeader> {
  const { kdf, check, key } = await newPasswordKey(password, params);
  const base = { version: 1 as const, vaultId, kdf };
  return { ...base, check, wrappedKey: await sealText(key, dataKey, headerAad(base)) };
}

/** The raw data key, or VaultError wrong_password / tampered. */
export async function unwrapDataKey(stored: unknown, password: string): Promise<Uint8Array> {
  const header = readHeader(stored);
  const key = await openPasswordKey(password, header.kdf, header.check);
  if (!key) throw new VaultError('wrong_password', 'Wrong master password.');
  const dataKey = await openText(key, header.wrappedKey, headerAad(header));
  if (!dataKey || dataKey.length !== KEY_BYTES) throw tampered();
  return dataKey;
}

export function readHeader(stored: unknown): VaultHeader {
  if (typeof stored !== 'object' || stored === null) throw tampered();
  const h = stored as VaultHeader;
  const ok = h.version === 1 && typeof h.vaultId === 'string' && readPasswordKdf(h.kdf) !== null && readCheck(h.check) !== null
    && readSealed(h.wrappedKey, KEY_BYTES) !== null;
  if (!ok) throw tampered();
  return h;
}

export async function newDataKey(): Promise<{ raw: Uint8Array; key: CryptoKey }> {
  const raw = randomBytes(KEY_BYTES);
  return { raw, key: await importAesKey(raw) };
}

function tampered(): VaultError {
  return new VaultError('tampered', 'The vault header has been changed outside Tessera and cannot be trusted. Restore it from a backup.');
}
