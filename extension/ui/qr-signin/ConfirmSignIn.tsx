import { useEffect, useRef } from 'preact/hooks';
import type { VaultAccount } from '../../vault/index';
import { formatAccountLabel } from '../text/format-code';

interface Props {
  origin: string;
  accounts: VaultAccount[];
  chosenId: string;
  onChoose(accountId: string): void;
  onApprove(): void;
  onCancel(): void;
}

/** "Sign in to <origin>?": nothing is sent before the user approves, with the account they picked. */
export function ConfirmSignIn({ origin, accounts, chosenId, onChoose, onApprove, onCancel }: Props) {
  const approveRef = useRef<HTMLButtonElement>(null);
  useEffect(() => approveRef.current?.focus(), []);
  return (
    <div class="stack" onKeyDown={(event) => { if (event.key === 'Escape') onCancel(); }}>
      <h2 id="qr-link-title">Sign in to {origin}?</h2>
      {accounts.length === 1
        ? <p>As <strong>{formatAccountLabel(accounts[0])}</strong>.</p>
        : (
          <fieldset class="qr-accounts">
            <legend>Sign in as</legend>
            {accounts.map((account) => (
              <label key={account.id}>
                <input type="radio" name="qr-account" value={account.id} checked={account.id === chosenId}
                  onChange={() => onChoose(account.id)} />
                {formatAccountLabel(account)}
              </label>
            ))}
          </fieldset>
        )}
      <p class="hint">Approve only if you asked to sign in on this page just now.</p>
      <div class="buttons">
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="button" class="primary" ref={approveRef} onClick={onApprove}>Approve</button>
      </div>
    </div>
  );
}
