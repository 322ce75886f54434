import { useEffect, useState } from 'preact/hooks';
import { ErrorText } from './ErrorText';
import { describeError } from '../text/describe-error';
import type { PasskeyInfo, Vault } from '../../vault/index';
import { passkeyUnavailableReason, readPrfOutput } from '../../passkey/webauthn';

/** "Unlock with a passkey" on the locked screen, shown only where a passkey is set up and the browser can use it. */
export function PasskeyUnlock({ vault, onUnlocked }: { vault: Pick<Vault, 'passkey' | 'unlockWithPasskey'>; onUnlocked(): void }) {
  const [passkey, setPasskey] = useState<PasskeyInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void (async () => {
      const found = await vault.passkey();
      if (found && !(await passkeyUnavailableReason())) setPasskey(found);
    })().catch(() => undefined);
  }, [vault]);

  if (!passkey) return null;

  async function unlock() {
    setError(null);
    setBusy(true);
    try {
      await vault.unlockWithPasskey(await readPrfOutput(passkey!));
      onUnlocked();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="stack">
      <button type="button" onClick={unlock} disabled={busy}>{busy ? 'Waiting for the passkey…' : 'Unlock with a passkey'}</button>
      <ErrorText message={error} />
    </div>
  );
}
