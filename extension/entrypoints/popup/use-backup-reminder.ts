import { useEffect, useState } from 'preact/hooks';
import type { VaultAccount } from '../../vault/index';
import { browserArea } from '../../storage/browser-area';
import { knownFirstScreen, readFirstScreen } from './first-screen';
import { countAccountsSinceBackup, dismissBackupReminder, type BackupReminderState } from '../../backup/reminder';

/** How many accounts no encrypted backup holds yet (0 hides the reminder), and its Dismiss. */
export function useBackupReminder(accounts: VaultAccount[] | null) {
  // undefined until read; null when nothing was ever exported or dismissed.
  const [state, setState] = useState<BackupReminderState | null | undefined>(() => knownFirstScreen()?.reminder);
  useEffect(() => { void readFirstScreen().then((first) => setState(first.reminder)); }, []);
  const count = accounts && state !== undefined ? countAccountsSinceBackup(accounts, state) : 0;
  const dismiss = async () => {
    const now = Date.now();
    await dismissBackupReminder(browserArea('local'), now);
    setState((current) => ({ exportedAt: current?.exportedAt ?? null, dismissedAt: now }));
  };
  return { count, dismiss };
}
