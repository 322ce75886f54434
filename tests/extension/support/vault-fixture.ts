// A vault on its own fake IndexedDB, a Map for chrome.storage.session and a clock the test moves by hand.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openVault, type NewAccount, type Vault, type VaultDeps } from '../../../extension/vault';
import { memoryArea } from '../../../extension/storage/area';
import { openVaultDb, DEFAULT_DB_NAME, type AccountRecord } from '../../../extension/vault/db';
import type { VaultHeader } from '../../../extension/vault/header';

/** Low Argon2id cost so a unit test stays fast; one test checks the real defaults. */
export const FAST_KDF = { memoryKiB: 64, iterations: 1, parallelism: 1 };
export const PASSWORD = 'correct horse battery';

export interface Harness {
  vault: Vault;
  indexedDB: IDBFactory;
  session: ReturnType<typeof memoryArea>;
  clock: { now: number; advanceMinutes(minutes: number): void };
  /** Another page of the same extension: same database and session store, its own Vault object. */
  secondPage(deps?: Partial<VaultDeps>): Vault;
  rawHeader(): Promise<VaultHeader>;
  rawRecords(): Promise<AccountRecord[]>;
  writeRaw(store: 'meta' | 'accounts', value: unknown, key?: string): Promise<void>;
}

export function makeHarness(deps: Partial<VaultDeps> = {}): Harness {
  const indexedDB = new IDBFactory();
  const session = memoryArea();
  const clock = { now: 1_700_000_000_000, advanceMinutes(minutes: number) { clock.now += minutes * 60_000; } };
  const base: VaultDeps = { indexedDB, session, now: () => clock.now, kdf: FAST_KDF, ...deps };
  const db = () => openVaultDb(indexedDB, DEFAULT_DB_NAME);
  return {
    vault: openVault(base),
    indexedDB,
    session,
    clock,
    secondPage: (more = {}) => openVault({ ...base, ...more }),
    rawHeader: async () => (await (await db()).get('meta', 'header')) as VaultHeader,
    rawRecords: async () => (await db()).getAll('accounts'),
    writeRaw: async (store, value, key) => {
      const d = await db();
      if (store === 'meta') await d.put('meta', value as VaultHeader, key as 'header');
      else await d.put('accounts', value as AccountRecord);
    },
  };
}

export async function unlockedHarness(deps: Partial<VaultDeps> = {}): Promise<Harness> {
  const h = makeHarness(deps);
  await h.vault.create(PASSWORD);
  return h;
}

export const GITHUB: NewAccount = {
  type: 'totp', issuer: 'GitHub', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: ['github.com'],
};
export const BANK: NewAccount = {
  type: 'hotp', issuer: 'Bank of Zurich', account: 'bob', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  algorithm: 'SHA256', digits: 8, period: 30, counter: 41,
};
export const MAIL: NewAccount = {
  type: 'totp', issuer: 'Fastmail', account: 'carol', secret: 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TFOQ',
  algorithm: 'SHA512', digits: 7, period: 60, counter: 0,
};

/** Latin-1 view of bytes, to search raw records for readable text. */
export function asText(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => String.fromCharCode(b)).join('');
}
