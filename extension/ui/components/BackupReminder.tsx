import { describeBackupReminder } from '../../backup/reminder';

interface Props { count: number; optionsUrl: string; onDismiss(): void }

/** After accounts were added: a reminder to export an encrypted backup, until one is exported or it is dismissed. */
export function BackupReminder({ count, optionsUrl, onDismiss }: Props) {
  return (
    <div class="notice backup-reminder" role="note" aria-label="Backup reminder">
      <p>{describeBackupReminder(count)}</p>
      <div class="buttons" style={{ justifyContent: 'flex-start' }}>
        <a class="button primary" href={`${optionsUrl}#export`} target="_blank" rel="noopener">Export a backup</a>
        <button type="button" onClick={onDismiss}>Dismiss</button>
      </div>
    </div>
  );
}
