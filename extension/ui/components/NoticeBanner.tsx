import { formatAccountLabel } from '../text/format-code';

interface Props { message: string; account: { issuer: string; account: string } | null; onCopy(): void; onDismiss(): void }

/** A message left by the keyboard shortcut or the context menu, shown when the popup opens. */
export function NoticeBanner({ message, account, onCopy, onDismiss }: Props) {
  return (
    <div class="notice warning" role="alert">
      <p>{message}</p>
      <div class="buttons">
        {account && <button type="button" class="primary" onClick={onCopy}>Copy the code for {formatAccountLabel(account)}</button>}
        <button type="button" onClick={onDismiss}>Dismiss</button>
      </div>
    </div>
  );
}
