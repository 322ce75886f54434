// IndexedDB layout: `meta` holds the header, the settings and the passkey's wrapped key, `accounts` one encrypted record
// per account.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { VaultHeader } from './header';
import type { PasskeyRecord } from './passkey';
import type { VaultSettings } from './types';

export interface AccountRecord {
  id: string;
  iv: Uint8Array;
  /** AES-256-GCM ciphertext and tag of the account's JSON (secret, issuer, name, everything). */
  data: Uint8Array;
}

export interface VaultSchema extends DBSchema {
  meta: { key: 'header' | 'settings' | 'passkey'; value: VaultHeader | VaultSettings | PasskeyRecord };
  accounts: { key: string; value: AccountRecord };
}

export type VaultDb = IDBPDatabase<VaultSchema>;

export const DEFAULT_DB_NAME = 'tessera-vault';

export function openVaultDb(factory: IDBFactory, name: string): Promise<VaultDb> {
  // idb opens through the global indexedDB; pointing it at the given factory for that one synchronous call keeps
  // tests on their own fake-indexeddb without touching anyone else's connection.
  const scope = globalThis as { indexedDB?: IDBFactory };
  const previous = scope.indexedDB;
  if (previous !== factory) scope.indexedDB = factory;
  try {
    return openDB<VaultSchema>(name, 1, {
      upgrade(db) {
        db.createObjectStore('meta');
        db.createObjectStore('accounts', { keyPath: 'id' });
      },
    });
  } finally {
    if (previous !== factory) scope.indexedDB = previous;
  }
}
