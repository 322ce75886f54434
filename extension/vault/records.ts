// One account <-> one encrypted IndexedDB record. The record id is bound as additional data, so records
// swapped or copied between ids no longer decrypt.
import { open, seal } from '../crypto/aead';
import type { AccountRecord } from './db';
import { decodeUtf8, encodeUtf8 } from '#shared/bytes.ts';
import { VaultError } from './errors';
import type { VaultAccount } from './types';

function recordAad(vaultId: string, id: string): Uint8Array {
  return encodeUtf8(JSON.stringify(['tessera-vault-account', vaultId, id]));
}

export async function sealAccount(key: CryptoKey, vaultId: string, account: VaultAccount): Promise<AccountRecord> {
  const { id, ...details } = account;
  const sealed = await seal(key, encodeUtf8(JSON.stringify(details)), recordAad(vaultId, id));
  return { id, iv: sealed.iv, data: sealed.data };
}

export async function openAccount(key: CryptoKey, vaultId: string, record: AccountRecord): Promise<VaultAccount> {
  const plain = await open(key, { iv: record.iv, data: record.data }, recordAad(vaultId, record.id));
  if (!plain) {
    throw new VaultError('tampered', 'An account record was changed outside Tessera and fails its integrity check. Roll the vault back to a snapshot in Settings, or restore a backup.');
  }
  return { ...(JSON.parse(decodeUtf8(plain)) as Omit<VaultAccount, 'id'>), id: record.id };
}
