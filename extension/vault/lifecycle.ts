// Creating, unlocking, locking and re-keying the vault. Each change to IndexedDB is a single transaction.
import { clearSession, readSessionKey, recordUse, saveSessionKey } from './session';
import { DEFAULT_SETTINGS, isIdle, readHeaderValue, readSettings, requireKey, type VaultContext } from './context';
import { VaultError } from './errors';
import { newDataKey, readHeader, unwrapDataKey, wrapDataKey, type VaultHeader } from './header';
import type { KdfParams } from '../crypto/kdf';
import { MIN_PASSWORD_LENGTH } from './strength';
import type { VaultSettings, VaultState } from './types';

export async function readState(ctx: VaultContext): Promise<VaultState> {
  const header = await readHeaderValue(ctx);
  if (!header) return 'empty';
  const stored = await readSessionKey(ctx.session);
  if (!stored || stored.vaultId !== header.vaultId || (await isIdle(ctx, ctx.now()))) return 'locked';
  return 'unlocked';
}

export async function createVault(ctx: VaultContext, password: string): Promise<void> {
  checkNewPassword(password);
  if (await readHeaderValue(ctx)) throw vaultExists();
  const dataKey = await newDataKey();
  const vaultId = ctx.newId();
  const header = await wrapDataKey(password, ctx.kdf, dataKey.raw, vaultId);
  const tx = (await ctx.db()).transaction('meta', 'readwrite');
  // Checked again inside the transaction: another page may have created a vault while the KDF ran.
  if (await tx.store.get('header')) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw vaultExists();
  }
  await Promise.all([tx.store.put(header, 'header'), tx.store.put({ ...DEFAULT_SETTINGS }, 'settings'), tx.done]);
  await saveSessionKey(ctx.session, vaultId, dataKey.raw, ctx.now());
}

export async function unlockVault(ctx: VaultContext, password: string): Promise<void> {
  const stored = await readHeaderValue(ctx);
  if (!stored) throw noVault();
  const header = readHeader(stored);
  const dataKey = await unwrapDataKey(header, password);
  await saveSessionKey(ctx.session, header.vaultId, dataKey, ctx.now());
  // Parameters raised since this vault was made: re-wrap now, while the password is at hand.
  if (isWeaker(header.kdf, ctx.kdf)) await replaceHeader(ctx, header, await wrapDataKey(password, strongest(header.kdf, ctx.kdf), dataKey, header.vaultId));
}

export async function changeVaultPassword(ctx: VaultContext, oldPassword: string, newPassword: string): Promise<void> {
  checkNewPassword(newPassword);
  const stored = await readHeaderValue(ctx);
  if (!stored) throw noVault();
  const header = readHeader(stored);
  const dataKey = await unwrapDataKey(header, oldPassword);
  // Same data key, new wrapping: the account records stay as they are. A passkey set up before goes with the old
  // password (see passkey.ts).
  const next = await wrapDataKey(newPassword, strongest(header.kdf, ctx.kdf), dataKey, header.vaultId);
  await replaceHeader(ctx, header, next, { removePasskey: true });
}

export async function lockVault(ctx: VaultContext): Promise<void> {
  await clearSession(ctx.session);
}

export async function touchVault(ctx: VaultContext): Promise<void> {
  await requireKey(ctx);
}

export async function lockVaultIfIdle(ctx: VaultContext, now: number): Promise<boolean> {
  if (!(await readSessionKey(ctx.session))) return false;
  if (!(await isIdle(ctx, now))) return false;
  await clearSession(ctx.session);
  return true;
}

export async function updateSettings(ctx: VaultContext, patch: Partial<VaultSettings>): Promise<void> {
  const minutes = patch.autoLockMinutes;
  if (minutes !== undefined && minutes !== null && !(Number.isInteger(minutes) && minutes >= 1 && minutes <= 10_080)) {
    throw new VaultError('invalid_settings', 'Auto-lock must be a whole number of minutes from 1 to 10080 (a week), or never.');
  }
  // A key whose idle time already ran out must not be revived by a longer setting: lock it first.
  await lockVaultIfIdle(ctx, ctx.now());
  const db = await ctx.db();
  const tx = db.transaction('meta', 'readwrite');
  const current = { ...DEFAULT_SETTINGS, ...((await tx.store.get('settings')) as VaultSettings | undefined) };
  const next = minutes === undefined ? current : { ...current, autoLockMinutes: minutes };
  await Promise.all([tx.store.put(next, 'settings'), tx.done]);
  // A shorter idle time starts counting now, not from a use long ago.
  if (await readSessionKey(ctx.session)) await recordUse(ctx.session, ctx.now());
}

export { readSettings };

async function replaceHeader(ctx: VaultContext, expected: VaultHeader, next: VaultHeader, options: { removePasskey?: boolean } = {}): Promise<void> {
  const tx = (await ctx.db()).transaction('meta', 'readwrite');
  const current = (await tx.store.get('header')) as VaultHeader | undefined;
  // Refuse to overwrite a header another page changed meanwhile (e.g. a password change there).
  if (current?.wrappedKey.data !== expected.wrappedKey.data) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new VaultError('changed_elsewhere', 'The master password was changed elsewhere meanwhile: try again with the current one.');
  }
  await Promise.all([tx.store.put(next, 'header'), ...(options.removePasskey ? [tx.store.delete('passkey')] : []), tx.done]);
}

function checkNewPassword(password: string): void {
  if (typeof password !== 'string' || [...password].length < MIN_PASSWORD_LENGTH) {
    throw new VaultError('weak_password', `The master password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
}

function isWeaker(a: KdfParams, b: KdfParams): boolean {
  return a.memoryKiB < b.memoryKiB || a.iterations < b.iterations;
}

function strongest(a: KdfParams, b: KdfParams): KdfParams {
  return { memoryKiB: Math.max(a.memoryKiB, b.memoryKiB), iterations: Math.max(a.iterations, b.iterations), parallelism: Math.max(a.parallelism, b.parallelism) };
}

function vaultExists(): VaultError {
  return new VaultError('vault_exists', 'A vault already exists: unlock it, or remove it before creating a new one.');
}

function noVault(): VaultError {
  return new VaultError('no_vault', 'There is no vault yet: create one with a master password first.');
}
