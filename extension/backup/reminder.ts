// "Export a backup" after adding accounts: the accounts added since the last encrypted backup (or since the user last
// dismissed the reminder) are the ones a lost or reset browser would take with it.
import type { KeyValueArea } from '../storage/area';
import { backupReminderItem } from '../storage/items';

export interface BackupReminderState { exportedAt: number | null; dismissedAt: number | null }

/** How many accounts were added after the last encrypted backup and the last dismissal. */
export function countAccountsSinceBackup(accounts: readonly { createdAt: number }[], state: BackupReminderState | null): number {
  const since = Math.max(state?.exportedAt ?? 0, state?.dismissedAt ?? 0);
  return accounts.filter((account) => account.createdAt > since).length;
}

export function describeBackupReminder(count: number): string {
  const added = count === 1 ? '1 account was added' : `${count} accounts were added`;
  return `${added} since your last encrypted backup. Export one, so they survive a lost computer or a reset browser.`;
}

export async function recordBackupExported(store: KeyValueArea, now: number): Promise<void> {
  const state = await backupReminderItem.get(store);
  await backupReminderItem.set(store, { exportedAt: now, dismissedAt: state?.dismissedAt ?? null });
}

export async function dismissBackupReminder(store: KeyValueArea, now: number): Promise<void> {
  const state = await backupReminderItem.get(store);
  await backupReminderItem.set(store, { exportedAt: state?.exportedAt ?? null, dismissedAt: now });
}
