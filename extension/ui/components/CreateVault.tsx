import { useState } from 'preact/hooks';
import { NewPasswordFields, checkNewPassword } from './NewPasswordFields';
import { ErrorText } from './ErrorText';
import { describeError } from '../describe-error';
import { getVault } from '../../vault/extension-vault';
import { askPersistentStorage } from '../../storage/persistence';

/** First run: choose the master password that encrypts every key. */
export function CreateVault({ onCreated }: { onCreated(): void }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const problem = checkNewPassword(password, confirm);
    if (problem) return setError(problem);
    setBusy(true);
    try {
      await getVault().create(password);
      // A new vault is the moment to ask the browser to keep it; the answer is shown on the options page.
      void askPersistentStorage();
      onCreated();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="stack" onSubmit={submit} aria-labelledby="create-title">
      <h1 id="create-title">Welcome to Tessera</h1>
      <p>Choose a master password. It encrypts your two-factor keys on this device and cannot be recovered if you forget it.</p>
      <NewPasswordFields idPrefix="create" label="Master password" password={password} confirm={confirm}
        onPassword={setPassword} onConfirm={setConfirm} />
      <ErrorText message={error} />
      <button type="submit" class="primary" disabled={busy}>{busy ? 'Creating…' : 'Create vault'}</button>
    </form>
  );
}
