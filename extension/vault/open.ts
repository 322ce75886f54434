// What a page shows first, in one pass: opening the popup must not wait on a chain of storage round trips.
import { importAesKey } from '../crypto/aead';
import { openAll } from './accounts';
import { hasIdledOut, settingsOf, type VaultContext } from './context';
import type { AccountRecord } from './db';
import type { VaultHeader } from './header';
import { clearSession, readLastUsed, readSessionKey, recordUse } from './session';
import type { OpenOptions, VaultOpening, VaultSettings } from './types';

/**
 * The vault's state, and for an unlocked vault its accounts. Header, settings, session key, last use and the encrypted
 * records are read at once; a key whose idle time ran out (or that belongs to a vault since replaced) is dropped
 * first, so an expired session locks before the page counts as a use.
 */
export async function openVaultSession(ctx: VaultContext, { accounts: wanted = true }: OpenOptions = {}): Promise<VaultOpening> {
  const [[header, settings, records], stored, lastUsed] = await Promise.all([
    readVaultAtOnce(ctx, wanted), readSessionKey(ctx.session), readLastUsed(ctx.session),
  ]);
  const now = ctx.now();
  const expired = stored !== null && hasIdledOut(settings, lastUsed, now);
  if (expired) await clearSession(ctx.session);
  if (!header) return { state: 'empty' };
  if (!stored || expired || stored.vaultId !== header.vaultId) return { state: 'locked' };
  const unlocked = { vaultId: stored.vaultId, key: await importAesKey(stored.raw) };
  // A record that fails to open is the list's to report (it says how to roll back): the vault itself is unlocked.
  const opened = records && openAll(unlocked, records).catch(() => null);
  const [accounts] = await Promise.all([opened, recordUse(ctx.session, now)]);
  return { state: 'unlocked', accounts };
}

/** The header, the settings and, if wanted, the records (still encrypted: opened only if the session is unlocked),
 * in one transaction. */
async function readVaultAtOnce(ctx: VaultContext, withRecords: boolean): Promise<[VaultHeader | undefined, VaultSettings, AccountRecord[] | null]> {
  const tx = (await ctx.db()).transaction(['meta', 'accounts'], 'readonly');
  const [header, settings, records] = await Promise.all([
    tx.objectStore('meta').get('header'), tx.objectStore('meta').get('settings'), withRecords ? tx.objectStore('accounts').getAll() : null,
  ]);
  return [header as VaultHeader | undefined, settingsOf(settings), records];
}
