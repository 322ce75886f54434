import { useState } from 'preact/hooks';
import { exportOtpauthList, exportTesseraBackup } from '../../backup/index';
import type { Unlocked } from '../../ui/components/VaultGate';
import { NewPasswordFields, checkNewPassword } from '../../ui/components/NewPasswordFields';
import { ErrorText } from '../../ui/components/ErrorText';
import { describeError, isLockedError } from '../../ui/text/describe-error';
import { datedName, downloadText } from '../../ui/files/download-text';
import { MigrationQrCodes } from './MigrationQrCodes';
import { recordBackupExported } from '../../backup/reminder';
import { browserArea } from '../../storage/browser-area';

/** Export: Tessera's encrypted backup, a plain otpauth list (behind a warning), Google Authenticator QR codes. */
export function ExportSection(unlocked: Unlocked) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [plainError, setPlainError] = useState<string | null>(null);
  const [done, setDone] = useState('');

  const failWith = (show: (message: string) => void) => (caught: unknown) =>
    (isLockedError(caught) ? unlocked.showLocked() : show(describeError(caught)));

  async function exportBackup(event: Event) {
    event.preventDefault();
    setDone('');
    const problem = checkNewPassword(password, confirm);
    if (problem) return setError(problem);
    setError(null);
    try {
      const text = await exportTesseraBackup(await unlocked.vault.list(), password);
      downloadText(datedName('tessera-backup', 'json'), text, 'application/json');
      await recordBackupExported(browserArea('local'), Date.now());
      setPassword(''); setConfirm('');
      setDone('Encrypted backup saved. Keep its password somewhere safe: without it the backup cannot be opened.');
    } catch (caught) {
      failWith(setError)(caught);
    }
  }

  async function exportPlain() {
    setDone('');
    setPlainError(null);
    try {
      downloadText(datedName('tessera-otpauth', 'txt'), exportOtpauthList(await unlocked.vault.list()), 'text/plain');
      setDone('Plain list saved. Delete the file once you have imported it elsewhere.');
    } catch (caught) {
      failWith(setPlainError)(caught);
    }
  }

  return (
    <section id="export" aria-labelledby="export-title" class="stack">
      <h2 id="export-title">Export</h2>
      <form class="stack" aria-label="Encrypted backup" onSubmit={exportBackup}>
        <h3>Encrypted backup</h3>
        <p class="hint">A Tessera file that can only be opened with the password you choose here.</p>
        <NewPasswordFields idPrefix="backup" label="Backup password" password={password} confirm={confirm}
          onPassword={setPassword} onConfirm={setConfirm} />
        <ErrorText message={error} />
        <div><button type="submit" class="primary">Download encrypted backup</button></div>
      </form>
      <div class="stack" role="group" aria-labelledby="plain-title">
        <h3 id="plain-title">Plain otpauth list</h3>
        <p class="warning" id="plain-warning">This file is NOT encrypted: anyone who gets it can make your sign-in codes.
          Use it only to move to another app, and delete it afterwards.</p>
        <label><input type="checkbox" checked={understood} style={{ width: 'auto' }}
          onChange={(event) => setUnderstood(event.currentTarget.checked)} /> I understand the file is not protected</label>
        <ErrorText message={plainError} />
        <div><button type="button" disabled={!understood} aria-describedby="plain-warning" onClick={() => void exportPlain()}>
          Download plain otpauth list</button></div>
      </div>
      <MigrationQrCodes {...unlocked} />
      <p class="hint" role="status">{done}</p>
    </section>
  );
}
