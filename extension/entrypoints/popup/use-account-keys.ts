import { useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { VaultAccount } from '../../vault/index';

/** "/" anywhere outside a text field jumps to the search box. */
export function useSearchShortcut(searchRef: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [searchRef]);
}

export type Navigation = { kind: 'focus'; index: number } | { kind: 'search' } | { kind: 'move'; by: -1 | 1 } | null;

/** What a key pressed on the row at `index` (of `count`) asks for. */
export function navigationFor(event: KeyboardEvent, index: number, count: number): Navigation {
  if (event.altKey && event.key === 'ArrowUp') return { kind: 'move', by: -1 };
  if (event.altKey && event.key === 'ArrowDown') return { kind: 'move', by: 1 };
  switch (event.key) {
    case 'ArrowDown': return { kind: 'focus', index: Math.min(index + 1, count - 1) };
    case 'ArrowUp': return index === 0 ? { kind: 'search' } : { kind: 'focus', index: index - 1 };
    case 'Home': return { kind: 'focus', index: 0 };
    case 'End': return { kind: 'focus', index: count - 1 };
    case 'Escape': return { kind: 'search' };
    default: return null;
  }
}

interface ListKeyHandlers {
  /** Alt+arrow on a row: move it to its neighbour's place. */
  onMove(moved: VaultAccount, target: VaultAccount): void;
  /** Enter in the search box: copy the first match. */
  onCopy(account: VaultAccount): void;
  /** Escape in the search box: clear it; false when it was empty already. */
  onClear(): boolean;
}

/** Which row has the keyboard focus, and what keys do on a row and in the search box (`/` focuses it from anywhere). */
export function useListKeys(shown: VaultAccount[], handlers: ListKeyHandlers) {
  const searchRef = useRef<HTMLInputElement>(null);
  const [focus, setFocus] = useState({ index: -1, seq: 0 });
  const focusRow = (index: number) => setFocus((current) => ({ index, seq: current.seq + 1 }));
  useSearchShortcut(searchRef);

  const onRowKey = (index: number, event: KeyboardEvent) => {
    const step = navigationFor(event, index, shown.length);
    if (!step) return;
    event.preventDefault();
    if (step.kind === 'search') return searchRef.current?.focus();
    if (step.kind === 'focus') return focusRow(step.index);
    const neighbour = shown[index + step.by];
    if (!neighbour) return;
    focusRow(index + step.by);
    handlers.onMove(shown[index], neighbour);
  };
  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && shown.length > 0) { event.preventDefault(); focusRow(0); }
    if (event.key === 'Enter' && shown.length > 0) handlers.onCopy(shown[0]);
    if (event.key === 'Escape' && handlers.onClear()) event.preventDefault();
  };
  return { searchRef, focus, onRowKey, onSearchKey };
}
