import { useRef, useState } from 'preact/hooks';
import { decodeImportFile, parseImport, refuseOversized, type ImportPreview } from '../../backup/index';
import type { Unlocked } from '../../ui/components/VaultGate';
import { ErrorText } from '../../ui/components/ErrorText';
import { describeError, errorCode, isLockedError } from '../../ui/text/describe-error';
import { ImportPreviewList } from './ImportPreviewList';

/** A chosen file is read but never shown: an export holds every secret in it. */
interface ChosenFile { name: string; size: number; text: string }

const kilobytes = (size: number) => `${Math.max(1, Math.round(size / 1024))} kB`;

/** Import from a file or pasted text: preview first (what is added, what is a duplicate, what is refused and why). */
export function ImportSection({ vault, showLocked }: Unlocked) {
  const [text, setText] = useState('');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);

  const fail = (caught: unknown) => (isLockedError(caught) ? showLocked() : setError(describeError(caught)));

  async function readFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const chosen = input.files?.[0];
    if (!chosen) return;
    // A chosen file takes the place of anything pasted, whether it can be read or not.
    setError(null); setDone(''); setPreview(null); setFile(null); setText('');
    try {
      refuseOversized(chosen.size);
      setFile({ name: chosen.name, size: chosen.size, text: decodeImportFile(new Uint8Array(await chosen.arrayBuffer())) });
    } catch (caught) {
      input.value = '';
      fail(caught);
    }
  }

  function clearFile() {
    setFile(null); setPreview(null);
    if (fileRef.current) fileRef.current.value = '';
  }

  async function showPreview(event: Event) {
    event.preventDefault();
    setError(null); setDone(''); setPreview(null);
    const source = file?.text ?? text;
    if (!source.trim()) return setError('Choose a file or paste the exported text first.');
    try {
      const existing = await vault.list();
      setPreview(await parseImport(source, { password: password || undefined, existing }));
    } catch (caught) {
      if (errorCode(caught) === 'password_required') passwordRef.current?.focus();
      fail(caught);
    }
  }

  async function importAccounts() {
    if (!preview) return;
    const fresh = preview.accounts.filter((account) => !account.duplicate).map(({ duplicate: _, ...account }) => account);
    try {
      // One call, one transaction: either every account is added or none is.
      await vault.add(fresh);
      setDone(`Imported ${fresh.length} ${fresh.length === 1 ? 'account' : 'accounts'}.`);
      setPreview(null); setText(''); setPassword(''); clearFile();
    } catch (caught) {
      fail(caught);
    }
  }

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">Import</h2>
      <p class="hint">From Google Authenticator (migration links), Aegis, 2FAS, a list of otpauth:// links, or a Tessera backup.</p>
      <form class="stack" aria-label="Import accounts" onSubmit={showPreview}>
        <label for="import-file">Import from a file</label>
        <input id="import-file" ref={fileRef} type="file" accept=".json,.txt,.2fas,text/plain,application/json" onChange={readFile} />
        {file && (
          <p class="hint" role="note" aria-label="Chosen file">
            {file.name} ({kilobytes(file.size)}) is read, and kept off the screen: it holds your keys.{' '}
            <button type="button" class="link" onClick={clearFile}>Clear</button>
          </p>
        )}
        {!file && <label for="import-text">Or paste the exported text</label>}
        {!file && (
          <textarea id="import-text" rows={5} spellcheck={false} value={text}
            onInput={(event) => { setText(event.currentTarget.value); setPreview(null); }} />
        )}
        <label for="import-password">File password (encrypted backups only)</label>
        <input id="import-password" ref={passwordRef} type="password" autocomplete="off" value={password}
          onInput={(event) => setPassword(event.currentTarget.value)} />
        <ErrorText message={error} />
        <div><button type="submit">Preview import</button></div>
      </form>
      {preview && <ImportPreviewList preview={preview} onImport={() => void importAccounts()} onCancel={() => setPreview(null)} />}
      <p class="hint" role="status">{done}</p>
    </section>
  );
}
