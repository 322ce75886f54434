import { useEffect, useState } from 'preact/hooks';
import type { Unlocked } from '../../ui/components/VaultGate';
import { ErrorText } from '../../ui/components/ErrorText';
import { describeError, errorCode, isLockedError } from '../../ui/text/describe-error';
import type { PasskeyInfo, Vault } from '../../vault/index';
import { createPasskey, passkeyUnavailableReason } from '../../passkey/webauthn';

export type PasskeyShown = { kind: 'unavailable'; reason: string } | { kind: 'ready'; passkey: PasskeyInfo | null };
type Shown = { kind: 'loading' } | PasskeyShown;

/** Whether this browser can unlock with a passkey, and the passkey set up if any. */
export async function readPasskeyShown(vault: Vault): Promise<PasskeyShown> {
  try {
    const reason = await passkeyUnavailableReason();
    return reason ? { kind: 'unavailable', reason } : { kind: 'ready', passkey: await vault.passkey() };
  } catch (caught) {
    return { kind: 'unavailable', reason: describeError(caught) };
  }
}

/** Set up or remove the passkey that unlocks Tessera; both ask for the master password first. */
export function PasskeySection({ initial, ...unlocked }: Unlocked & { initial?: PasskeyShown }) {
  const { vault } = unlocked;
  const [shown, setShown] = useState<Shown>(initial ?? { kind: 'loading' });
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const refresh = async () => setShown(await readPasskeyShown(vault));
  useEffect(() => { if (!initial) void refresh(); }, []);

  async function submit(event: Event) {
    event.preventDefault();
    if (shown.kind !== 'ready') return;
    setDone('');
    if (!password) return setError('Enter the master password first.');
    setError(null);
    setBusy(true);
    try {
      if (shown.passkey) {
        await vault.removePasskey(password);
        setDone('The passkey was removed: unlock with the master password from now on.');
      } else {
        await vault.enrolPasskey(password, createPasskey);
        setDone('Passkey set up: "Unlock with a passkey" now opens Tessera. The master password still works, and is asked for changes like this one.');
      }
      setPassword('');
      await refresh();
    } catch (caught) {
      if (isLockedError(caught)) return unlocked.showLocked();
      setError(errorCode(caught) === 'wrong_password' ? 'The master password is wrong. Nothing was changed.' : describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="passkey-title">
      <h2 id="passkey-title">Passkey</h2>
      {shown.kind === 'unavailable' && <p class="hint" role="status">{shown.reason}</p>}
      {shown.kind === 'ready' && (
        <form class="stack" aria-label={shown.passkey ? 'Remove passkey' : 'Set up a passkey'} onSubmit={submit}>
          <p class="hint">{shown.passkey
            ? `A passkey unlocks Tessera (set up on ${new Date(shown.passkey.createdAt).toLocaleDateString()}). Removing it leaves the master password as the only way in.`
            : 'Unlock with Touch ID, Windows Hello, your phone or a security key instead of typing the master password. The master password stays the way back in, and is still asked for changes to how Tessera opens.'}</p>
          <label for="passkey-password">Master password</label>
          <input id="passkey-password" type="password" autocomplete="current-password" value={password}
            onInput={(event) => setPassword(event.currentTarget.value)} />
          <ErrorText message={error} />
          <p class="hint" role="status">{done}</p>
          <div>
            <button type="submit" class={shown.passkey ? 'danger' : 'primary'} disabled={busy}>
              {busy ? 'Waiting for the passkey…' : shown.passkey ? 'Remove passkey' : 'Set up a passkey'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
