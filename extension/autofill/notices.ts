// A message for the popup to show the next time it opens, for actions started where there is no popup
// (keyboard shortcut, context menu). Kept in the session area: gone when the browser closes.
import { browser } from 'wxt/browser';
import type { KeyValueArea } from '../storage/area';
import { browserArea } from '../storage/browser-area';
import { pendingNoticeItem, type PendingNotice } from '../storage/items';

export type { PendingNotice } from '../storage/items';

export async function leaveNoticeForPopup(notice: Omit<PendingNotice, 'at'>, store: KeyValueArea = browserArea('session')): Promise<void> {
  await pendingNoticeItem.set(store, { ...notice, at: Date.now() });
  // Opening the popup without a click is refused on some browsers and versions: the notice waits for the next opening.
  await browser.action.openPopup().catch(() => undefined);
}

export function takePendingNotice(store: KeyValueArea = browserArea('session')): Promise<PendingNotice | null> {
  return pendingNoticeItem.take(store);
}
