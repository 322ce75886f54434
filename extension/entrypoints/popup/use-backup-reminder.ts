import { useEffect, useState } from 'preact/hooks';
import type { VaultAccount } from '../../vault/index';
import { browserArea } from '../../storage/browser-area';
import { backupReminderItem } from '../../storage/items';
import { countAccountsSinceBackup, dismissBackupReminder, type BackupReminderState } from '../../backup/reminder';

/** How many accounts no encrypted backup holds yet (0 hides the reminder), and its Dismiss. */
export function useBackupReminder(accounts: VaultAccount[] | null) {
  const [state, setState] = useState<BackupReminderState | null | undefined>(undefined);
  useEffect(() => { void backupReminderItem.get(browserArea('local')).then(setState).catch(() => setState(null)); }, []);
  const count = accounts && state !== undefined ? countAccountsSinceBackup(accounts, state) : 0;
  const dismiss = async () => {
    const now = Date.now();
    await dismissBackupReminder(browserArea('local'), now);
    setState((current) => ({ exportedAt: current?.exportedAt ?? null, dismissedAt: now }));
  };
  return { count, dismiss };
}
