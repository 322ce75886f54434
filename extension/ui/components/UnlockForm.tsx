import { useState } from 'preact/hooks';
import type { Vault } from '../../vault/index';
import { ErrorText } from './ErrorText';
import { describeError, errorCode } from '../text/describe-error';
import { PasskeyUnlock } from './PasskeyUnlock';

/** The locked screen: a password field and nothing else, and "Unlock with a passkey" where one is set up. */
export function UnlockForm({ vault, onUnlocked }: { vault: Vault; onUnlocked(): void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!password) return setError('Enter your master password.');
    setBusy(true);
    try {
      await vault.unlock(password);
      onUnlocked();
    } catch (caught) {
      setPassword('');
      setError(errorCode(caught) === 'wrong_password' ? 'Wrong password. Try again.' : describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
    <form class="stack unlock" onSubmit={submit} aria-label="Unlock Tessera">
      <label for="unlock-password">Master password</label>
      <input id="unlock-password" type="password" autocomplete="current-password" autofocus value={password}
        aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'unlock-error' : undefined}
        onInput={(event) => setPassword(event.currentTarget.value)} />
      <ErrorText id="unlock-error" message={error} />
      <button type="submit" class="primary" disabled={busy}>{busy ? 'Unlocking…' : 'Unlock'}</button>
    </form>
    <PasskeyUnlock vault={vault} onUnlocked={onUnlocked} />
    </>
  );
}
