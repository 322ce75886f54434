// What every vault operation needs: the database, the session store, the clock, the KDF settings, and the unlocked key.
import { importAesKey } from '../crypto/aead';
import { DEFAULT_DB_NAME, openVaultDb, type VaultDb } from './db';
import { VaultError } from './errors';
import type { VaultHeader } from './header';
import { DEFAULT_KDF, type KdfParams } from '../crypto/kdf';
import { clearSession, readLastUsed, readSessionKey, recordUse } from './session';
import type { KeyValueArea } from '../storage/area';
import { browserArea } from '../storage/browser-area';
import type { VaultDeps, VaultSettings } from './types';

export const DEFAULT_SETTINGS: VaultSettings = { autoLockMinutes: 15 };

export interface VaultContext {
  db(): Promise<VaultDb>;
  session: KeyValueArea;
  now: () => number;
  kdf: KdfParams;
  newId: () => string;
}

export interface UnlockedKey {
  vaultId: string;
  key: CryptoKey;
}

export function createContext(deps: VaultDeps = {}): VaultContext {
  const factory = deps.indexedDB ?? globalThis.indexedDB;
  let connection: Promise<VaultDb> | null = null;
  return {
    db: () => (connection ??= openVaultDb(factory, deps.dbName ?? DEFAULT_DB_NAME)),
    session: deps.session ?? browserArea('session'),
    now: deps.now ?? Date.now,
    kdf: deps.kdf ?? DEFAULT_KDF,
    newId: deps.newId ?? (() => crypto.randomUUID()),
  };
}

export async function readHeaderValue(ctx: VaultContext): Promise<VaultHeader | undefined> {
  return (await (await ctx.db()).get('meta', 'header')) as VaultHeader | undefined;
}

export async function readSettings(ctx: VaultContext): Promise<VaultSettings> {
  return settingsOf(await (await ctx.db()).get('meta', 'settings'));
}

/** The settings as stored, with the defaults for what a vault has never set. */
export function settingsOf(stored: unknown): VaultSettings {
  return { ...DEFAULT_SETTINGS, ...(stored as Partial<VaultSettings> | undefined) };
}

/** True when the idle time has run out; counts from the last use. */
export async function isIdle(ctx: VaultContext, now: number): Promise<boolean> {
  const [settings, lastUsed] = await Promise.all([readSettings(ctx), readLastUsed(ctx.session)]);
  return hasIdledOut(settings, lastUsed, now);
}

/** The auto-lock rule: the idle time has run out since the last use (never, with auto-lock off). */
export function hasIdledOut({ autoLockMinutes }: VaultSettings, lastUsed: number | null, now: number): boolean {
  if (autoLockMinutes === null) return false;
  return lastUsed === null || now - lastUsed >= autoLockMinutes * 60_000;
}

/** The data key of an unlocked vault; also records this as a use. Locks first if the idle time ran out meanwhile. */
export async function requireKey(ctx: VaultContext): Promise<UnlockedKey> {
  const stored = await readSessionKey(ctx.session);
  const header = await readHeaderValue(ctx);
  if (!header) throw new VaultError('no_vault', 'There is no vault yet: create one with a master password first.');
  const now = ctx.now();
  // A key for another (deleted and re-created) vault, or one that outlived the idle time, must not be used.
  if (!stored || stored.vaultId !== header.vaultId || (await isIdle(ctx, now))) {
    if (stored) await clearSession(ctx.session);
    throw new VaultError('locked', 'The vault is locked: unlock it with the master password.');
  }
  await recordUse(ctx.session, now);
  return { vaultId: stored.vaultId, key: await importAesKey(stored.raw) };
}
