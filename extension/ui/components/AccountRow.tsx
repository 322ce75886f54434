import { useLayoutEffect, useRef } from 'preact/hooks';
import type { VaultAccount } from '../../vault/index';
import { formatAccountLabel, groupCode } from '../text/format-code';
import { Countdown } from './Countdown';
import { FillButton } from './FillButton';
import { AccountIcon } from './AccountIcon';

export const ROW_HEIGHT = 64;

export interface RowActions {
  onCopy(account: VaultAccount, code: string): void;
  onNext(account: VaultAccount): void;
  onPin(account: VaultAccount): void;
  onEdit(account: VaultAccount): void;
  onDelete(account: VaultAccount): void;
  onKey(index: number, event: KeyboardEvent): void;
  onDragStart(account: VaultAccount): void;
  onDrop(account: VaultAccount): void;
  /** Fills the code on screen; an account not bound to the page's site gets the warning first. */
  onFill(account: VaultAccount, code: string): void;
}

interface Props {
  account: VaultAccount; code: string; now: number; index: number; total: number; focusSeq: number; actions: RowActions;
  /** The site of the page the popup was opened on, or null when there is no web page to fill. */
  pageSite: string | null;
}

export function AccountRow({ account, code, now, index, total, focusSeq, actions, pageSite }: Props) {
  const copyRef = useRef<HTMLButtonElement>(null);
  // focusSeq changes each time keyboard navigation lands on this row (0 when it is not the active one).
  useLayoutEffect(() => { if (focusSeq) copyRef.current?.focus(); }, [focusSeq]);
  const label = formatAccountLabel(account);
  const codeId = `code-${account.id}`;
  const copy = () => actions.onCopy(account, code);
  // A click anywhere on the row copies, except on its own buttons.
  const clickRow = (event: MouseEvent) => { if (!(event.target as Element).closest('button')) copy(); };

  return (
    <li class={account.pinned ? 'account pinned' : 'account'} aria-label={label} aria-posinset={index + 1} aria-setsize={total}
      style={{ top: `${index * ROW_HEIGHT}px` }} draggable onClick={clickRow}
      onDragStart={(event) => { event.dataTransfer?.setData('text/plain', account.id); actions.onDragStart(account); }}
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => { event.preventDefault(); actions.onDrop(account); }}>
      <span class="who">
        <AccountIcon account={account} />
        <span class="issuer">{account.issuer || account.account}</span>
        {account.issuer && <span class="name">{account.account}</span>}
      </span>
      <button ref={copyRef} type="button" class="code" aria-label={`Copy code for ${label}`} aria-describedby={codeId}
        onClick={copy} onKeyDown={(event) => actions.onKey(index, event)}>
        <span id={codeId}>{groupCode(code)}</span>
      </button>
      {account.type === 'totp'
        ? <Countdown now={now} period={account.period} />
        : <button type="button" class="icon" aria-label={`Next code for ${label}`} title="Next code" onClick={() => actions.onNext(account)}>↻</button>}
      <span class="row-actions">
        {pageSite && <FillButton account={account} label={label} pageSite={pageSite} onFill={() => actions.onFill(account, code)} />}
        <button type="button" class="icon" aria-label={`Pin ${label}`} aria-pressed={account.pinned} title={account.pinned ? 'Unpin' : 'Pin to top'}
          onClick={() => actions.onPin(account)}>★</button>
        <button type="button" class="icon" aria-label={`Edit ${label}`} title="Edit" onClick={() => actions.onEdit(account)}>✎</button>
        <button type="button" class="icon" aria-label={`Delete ${label}`} title="Delete" onClick={() => actions.onDelete(account)}>✕</button>
      </span>
    </li>
  );
}
