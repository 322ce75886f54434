import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { VaultAccount } from '../../vault/index';
import type { CodeCache } from '../accounts/code-cache';
import { AccountRow, ROW_HEIGHT, type RowActions } from './AccountRow';

// Rows outside the visible area are not rendered (and their codes not computed): hundreds of accounts
// cost no more per second than the dozen on screen.
const OVERSCAN = 3;

interface Props { accounts: VaultAccount[]; now: number; codes: CodeCache; activeIndex: number; focusSeq: number; actions: RowActions; pageSite: string | null }

export function AccountList({ accounts, now, codes, activeIndex, focusSeq, actions, pageSite }: Props) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(480);

  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const observer = new ResizeObserver(() => setHeight(viewport.clientHeight || 480));
    observer.observe(viewport);
    return () => observer.disconnect();
  }, []);

  // Keyboard navigation may move to a row that is not rendered yet: scroll it into view first.
  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport || activeIndex < 0) return;
    const top = activeIndex * ROW_HEIGHT;
    let next = viewport.scrollTop;
    if (top < next) next = top;
    else if (top + ROW_HEIGHT > next + viewport.clientHeight) next = top + ROW_HEIGHT - viewport.clientHeight;
    if (next === viewport.scrollTop) return;
    viewport.scrollTop = next;
    setScrollTop(next);
  }, [activeIndex, focusSeq]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(accounts.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const visible = accounts.slice(first, last);

  return (
    <div class="list-viewport" ref={viewportRef} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <ul class="accounts" aria-label="Accounts" style={{ height: `${accounts.length * ROW_HEIGHT}px` }}>
        {visible.map((account, offset) => (
          <AccountRow key={account.id} account={account} code={codes.codeFor(account, now)} now={now}
            index={first + offset} total={accounts.length} focusSeq={first + offset === activeIndex ? focusSeq : 0} actions={actions} pageSite={pageSite} />
        ))}
      </ul>
    </div>
  );
}
