import { useState } from 'preact/hooks';
import type { Unlocked } from '../../ui/components/VaultGate';
import { NewPasswordFields, checkNewPassword } from '../../ui/components/NewPasswordFields';
import { ErrorText } from '../../ui/components/ErrorText';
import { describeError, errorCode } from '../../ui/text/describe-error';

/** Change the master password: the current one is checked first, and a wrong one changes nothing. A passkey set up
 * before is removed with the old password (see vault/passkey.ts), and the message says so. */
export function PasswordSection({ vault, onChanged }: Unlocked & { onChanged?(): void }) {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setDone('');
    const problem = checkNewPassword(password, confirm);
    if (problem) return setError(problem);
    setError(null);
    setBusy(true);
    try {
      const hadPasskey = (await vault.passkey()) !== null;
      await vault.changePassword(current, password);
      setCurrent(''); setPassword(''); setConfirm('');
      setDone('The master password was changed. Use the new one from now on.' +
        (hadPasskey ? ' The passkey went with the old password: set it up again to unlock with it.' : ''));
      onChanged?.();
    } catch (caught) {
      setError(errorCode(caught) === 'wrong_password' ? 'The current password is wrong. Nothing was changed.' : describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">Master password</h2>
      <form class="stack" aria-label="Change the master password" onSubmit={submit}>
        <label for="current-password">Current password</label>
        <input id="current-password" type="password" autocomplete="current-password" required value={current}
          onInput={(event) => setCurrent(event.currentTarget.value)} />
        <NewPasswordFields idPrefix="change" label="New password" password={password} confirm={confirm}
          onPassword={setPassword} onConfirm={setConfirm} />
        <ErrorText message={error} />
        <p class="hint" role="status">{done}</p>
        <div><button type="submit" class="primary" disabled={busy}>{busy ? 'Changing…' : 'Change password'}</button></div>
      </form>
    </section>
  );
}
