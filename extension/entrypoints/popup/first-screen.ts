// What the popup's first screen is drawn from besides the vault: the page it was opened on (its accounts come first)
// and whether to remind of a backup (a banner above the list). Read from the popup's first moment, alongside the
// vault, and shown with it, so the list neither reorders nor gets pushed down under the pointer once it is there.
import { readActivePage, type ActivePage } from '../../ui/page/active-page';
import { browserArea } from '../../storage/browser-area';
import { backupReminderItem } from '../../storage/items';
import type { BackupReminderState } from '../../backup/reminder';

export interface FirstScreen { page: ActivePage | null; reminder: BackupReminderState | null }

let reading: Promise<FirstScreen> | null = null;
let known: FirstScreen | undefined;

/** Read once per popup. */
export function readFirstScreen(): Promise<FirstScreen> {
  reading ??= Promise.all([
    readActivePage().catch(() => null),
    backupReminderItem.get(browserArea('local')).catch(() => null),
  ]).then(([page, reminder]) => (known = { page, reminder }));
  return reading;
}

/** What was read, once it has been (always by the time the list shows); undefined before. */
export function knownFirstScreen(): FirstScreen | undefined {
  return known;
}
