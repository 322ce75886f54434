import { useEffect, useState } from 'preact/hooks';
import { NewPasswordFields, checkNewPassword } from './NewPasswordFields';
import { ErrorText } from './ErrorText';
import { describeError } from '../text/describe-error';
import { createVaultInBackground, readCreationState } from '../../vault/create-in-background';
import { browserArea } from '../../storage/browser-area';
import { askPersistentStorage } from '../../storage/persistence';

/** First run: choose the master password that encrypts every key. */
export function CreateVault({ onCreated }: { onCreated(): void }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [cutOff, setCutOff] = useState(false);

  // A creation started from a popup that has closed since goes on in the service worker: wait for it here.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      const state = await readCreationState(browserArea('local'));
      setCutOff(state === 'cut-off');
      if (state !== 'running') return setBusy(false);
      setBusy(true);
      timer = setTimeout(() => { onCreated(); void check(); }, 500);
    };
    void check().catch(() => undefined);
    return () => clearTimeout(timer);
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    const problem = checkNewPassword(password, confirm);
    if (problem) return setError(problem);
    setBusy(true);
    try {
      await createVaultInBackground(password);
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
      {cutOff && <p class="warning" role="alert">Tessera was closed while it was creating your vault, so there is no vault yet. Choose your master password again.</p>}
      <NewPasswordFields idPrefix="create" label="Master password" password={password} confirm={confirm}
        onPassword={setPassword} onConfirm={setConfirm} />
      <ErrorText message={error} />
      <button type="submit" class="primary" disabled={busy}>{busy ? 'Creating…' : 'Create vault'}</button>
    </form>
  );
}
