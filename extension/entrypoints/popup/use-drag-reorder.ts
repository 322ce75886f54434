import { useRef } from 'preact/hooks';
import type { VaultAccount } from '../../vault/index';

/** Drag a row onto another to move it there; `onMove` saves the new order. */
export function useDragReorder(onMove: (movedId: string, targetId: string) => void) {
  const dragged = useRef<string | null>(null);
  return {
    onDragStart: (account: VaultAccount) => { dragged.current = account.id; },
    onDrop: (target: VaultAccount) => {
      const moved = dragged.current;
      dragged.current = null;
      if (moved) onMove(moved, target.id);
    },
  };
}
