// Nothing vanishes: before each change the vault keeps a copy of itself as it was (header, settings and every record,
// all still encrypted: a snapshot is the same bytes, never decrypted to be kept). The last few are kept, and one can be
// rolled back to from the options page when a record is damaged or a change went wrong. Rolling back first snapshots
// the vault as it is, so a rollback can itself be undone.
import { requireKey, type VaultContext } from './context';
import { readMetaEntries, type SnapshotReason, type VaultTx } from './db';
import { VaultError } from './errors';
import { openAccount } from './records';
import type { VaultHeader } from './header';
import type { VaultSettings } from './types';

export const MAX_SNAPSHOTS = 8;
// Edits that come in bursts (reordering by drag, HOTP counters, renames) keep the state before the burst, not each step:
// a snapshot of the same kind less than a minute old stands for the whole burst.
const COALESCE_MS = 60_000;
const COALESCED: ReadonlySet<SnapshotReason> = new Set(['update', 'reorder', 'counter']);

export interface SnapshotInfo { id: number; takenAt: number; reason: SnapshotReason; accounts: number }

/** Within a change's own transaction (stores meta, accounts, snapshots), before it writes: the vault as it is now. */
export async function snapshotWithin(tx: VaultTx, reason: SnapshotReason, now: number): Promise<void> {
  const snapshots = tx.objectStore('snapshots');
  const newest = (await snapshots.openCursor(null, 'prev'))?.value;
  if (newest && COALESCED.has(reason) && newest.reason === reason && now >= newest.id && now - newest.id < COALESCE_MS) return;
  const meta = await readMetaEntries(tx);
  if (!meta.header) return;
  const accounts = await tx.objectStore('accounts').getAll();
  await snapshots.put({ id: Math.max(now, (newest?.id ?? 0) + 1), reason, meta, accounts });
  const keys = await snapshots.getAllKeys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_SNAPSHOTS)).map((key) => snapshots.delete(key)));
}

/** Newest first. */
export async function listSnapshots(ctx: VaultContext): Promise<SnapshotInfo[]> {
  await requireKey(ctx);
  const all = await (await ctx.db()).getAll('snapshots');
  return all.reverse().map((s) => ({ id: s.id, takenAt: s.id, reason: s.reason, accounts: s.accounts.length }));
}

/** Puts the snapshot's records and settings back; the header and the passkey (the password and any other way to
 * unlock) stay as they are now: they wrap the same data key. Refuses a snapshot of another vault or one with a record that does not open. */
export async function rollBackTo(ctx: VaultContext, id: number): Promise<{ accounts: number }> {
  const unlocked = await requireKey(ctx);
  const snapshot = await (await ctx.db()).get('snapshots', id);
  if (!snapshot) throw new VaultError('not_found', 'That snapshot is gone: newer changes have replaced it. Choose another one.');
  if ((snapshot.meta.header as VaultHeader | undefined)?.vaultId !== unlocked.vaultId) {
    throw new VaultError('tampered', 'That snapshot belongs to another vault and cannot be rolled back to.');
  }
  // Every record is checked before anything is written: a damaged snapshot changes nothing.
  for (const record of snapshot.accounts) {
    await openAccount(unlocked.key, unlocked.vaultId, record).catch(() => {
      throw new VaultError('tampered', 'That snapshot has a damaged record too: choose an older one, or restore a backup.');
    });
  }
  const tx = (await ctx.db()).transaction(['meta', 'accounts', 'snapshots'], 'readwrite');
  await snapshotWithin(tx, 'rollback', ctx.now());
  const accounts = tx.objectStore('accounts');
  await accounts.clear();
  await Promise.all(snapshot.accounts.map((record) => accounts.put(record)));
  if (snapshot.meta.settings) await tx.objectStore('meta').put(snapshot.meta.settings as VaultSettings, 'settings');
  await tx.done;
  return { accounts: snapshot.accounts.length };
}
