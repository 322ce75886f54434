// A scan started without the popup (shortcut, context menu, or a box drawn after the popup closed) waits in the
// session area until the popup opens and takes it.
import type { KeyValueArea } from '../storage/area';
import { pendingScanItem, type PendingScan } from '../storage/items';

export type { PendingScan } from '../storage/items';

/** An unread result this old is dropped rather than shown out of the blue (and its secret with it). */
export const PENDING_SCAN_MAX_AGE_MS = 5 * 60_000;

export async function savePendingScan(store: KeyValueArea, pending: PendingScan): Promise<void> {
  await pendingScanItem.set(store, pending);
}

/**
 * Leaves the result for the popup and asks the browser to open it. Opening is refused when no browser window has
 * focus (and by older browsers): the result then waits for the user's next click on the toolbar button.
 */
export async function handOverScan(
  store: KeyValueArea,
  pending: PendingScan,
  openPopup: () => Promise<unknown>,
): Promise<{ popupOpened: boolean }> {
  await savePendingScan(store, pending);
  try {
    await openPopup();
    return { popupOpened: true };
  } catch {
    return { popupOpened: false };
  }
}

/** The waiting result, removed as it is read; null if there is none or it is stale. */
export async function takePendingScan(store: KeyValueArea, now = Date.now()): Promise<PendingScan | null> {
  const pending = await pendingScanItem.take(store);
  if (!pending || now - pending.at > PENDING_SCAN_MAX_AGE_MS) return null;
  return pending;
}
