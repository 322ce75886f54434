// IndexedDB layout: `meta` holds the header, the settings and the passkey's wrapped key, `accounts` one encrypted record
// per account, `snapshots` the last few copies of both as they were before a change (snapshots.ts), to roll back a bad
// write or a failed upgrade.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { VaultHeader } from './header';
import type { PasskeyRecord } from './passkey';
import type { VaultSettings } from './types';

export interface AccountRecord {
  id: string;
  iv: Uint8Array;
  /** AES-256-GCM ciphertext and tag of the account's JSON (secret, issuer, name, everything). */
  data: Uint8Array;
}

/** Why a snapshot was taken: the change that came after it. */
export type SnapshotReason = 'add' | 'update' | 'remove' | 'reorder' | 'counter' | 'upgrade' | 'rollback';

/** The vault as it was: every `meta` entry (header, settings, passkey, whatever ways of unwrapping the data key it
 * holds) and every record, byte for byte (still encrypted). */
export interface SnapshotRecord {
  /** Unix milliseconds when it was taken, made unique: also its order. */
  id: number;
  reason: SnapshotReason;
  meta: Partial<Record<MetaKey, unknown>>;
  accounts: AccountRecord[];
}

type MetaKey = VaultSchema['meta']['key'];

export interface VaultSchema extends DBSchema {
  meta: { key: 'header' | 'settings' | 'passkey'; value: VaultHeader | VaultSettings | PasskeyRecord };
  accounts: { key: string; value: AccountRecord };
  snapshots: { key: number; value: SnapshotRecord };
}

export type VaultDb = IDBPDatabase<VaultSchema>;
export type VaultTx<Mode extends IDBTransactionMode = 'readwrite'> = IDBPTransaction<VaultSchema, ArrayLike<StoreNames<VaultSchema>>, Mode>;

/** Version 2 added `snapshots`. Each upgrade of a vault that has data first snapshots it, so a failed one rolls back. */
export const DB_VERSION = 2;

export const DEFAULT_DB_NAME = 'tessera-vault';

export function openVaultDb(factory: IDBFactory, name: string): Promise<VaultDb> {
  // idb opens through the global indexedDB; pointing it at the given factory for that one synchronous call keeps
  // tests on their own fake-indexeddb without touching anyone else's connection.
  const scope = globalThis as { indexedDB?: IDBFactory };
  const previous = scope.indexedDB;
  if (previous !== factory) scope.indexedDB = factory;
  try {
    return openDB<VaultSchema>(name, DB_VERSION, {
      async upgrade(db, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) {
          db.createObjectStore('meta');
          db.createObjectStore('accounts', { keyPath: 'id' });
        }
        if (oldVersion < 2) db.createObjectStore('snapshots', { keyPath: 'id' });
        if (oldVersion >= 1) await snapshotBeforeUpgrade(tx as unknown as VaultTx<'versionchange'>);
      },
    });
  } finally {
    if (previous !== factory) scope.indexedDB = previous;
  }
}

/** Every `meta` entry as it is, by key. */
export async function readMetaEntries(tx: VaultTx<'readwrite' | 'versionchange'>): Promise<SnapshotRecord['meta']> {
  const store = tx.objectStore('meta');
  const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
  return Object.fromEntries(keys.map((key, i) => [key, values[i]]));
}

/** Inside the upgrade's own transaction: the data as the older version left it. */
async function snapshotBeforeUpgrade(tx: VaultTx<'versionchange'>): Promise<void> {
  const meta = await readMetaEntries(tx);
  if (!meta.header) return;
  const accounts = await tx.objectStore('accounts').getAll();
  await tx.objectStore('snapshots').put({ id: Date.now(), reason: 'upgrade', meta, accounts });
}
