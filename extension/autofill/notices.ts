// A message for the popup to show the next time it opens, for actions started where there is no popup
// (keyboard shortcut, context menu). Kept in storage.session: gone when the browser closes.
import { browser } from 'wxt/browser';

export const PENDING_NOTICE_KEY = 'pendingNotice';

export interface PendingNotice {
  message: string;
  /** An account whose code the popup should offer to copy (never the code itself). */
  accountId?: string;
  at: number;
}

export async function leaveNoticeForPopup(notice: Omit<PendingNotice, 'at'>): Promise<void> {
  await browser.storage.session.set({ [PENDING_NOTICE_KEY]: { ...notice, at: Date.now() } });
  // Opening the popup without a click is refused on some browsers and versions: the notice waits for the next opening.
  await browser.action.openPopup().catch(() => undefined);
}

export async function takePendingNotice(): Promise<PendingNotice | null> {
  const stored = (await browser.storage.session.get(PENDING_NOTICE_KEY))[PENDING_NOTICE_KEY] as PendingNotice | undefined;
  if (!stored) return null;
  await browser.storage.session.remove(PENDING_NOTICE_KEY);
  return stored;
}
