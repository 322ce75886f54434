import { useEffect, useRef } from 'preact/hooks';
import type { VaultAccount } from '../../vault/index';
import { formatAccountLabel } from '../text/format-code';

/** Deleting loses the key for good, so it is asked once more, with Cancel focused. */
export function ConfirmDelete({ account, onConfirm, onCancel }: { account: VaultAccount; onConfirm(): void; onCancel(): void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  const label = formatAccountLabel(account);
  return (
    <section class="panel stack" role="alertdialog" aria-labelledby="delete-title" aria-describedby="delete-text"
      onKeyDown={(event) => { if (event.key === 'Escape') onCancel(); }}>
      <h2 id="delete-title">Delete {label}?</h2>
      <p id="delete-text">Its key is removed from this device. Turn off two-factor sign-in on the site first, or make sure you
        have another way in (backup codes, another authenticator).</p>
      <div class="buttons">
        <button type="button" ref={cancelRef} onClick={onCancel}>Cancel</button>
        <button type="button" class="danger" onClick={onConfirm}>Delete</button>
      </div>
    </section>
  );
}
