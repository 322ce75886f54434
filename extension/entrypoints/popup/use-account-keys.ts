import { useEffect } from 'preact/hooks';
import type { RefObject } from 'preact';

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
