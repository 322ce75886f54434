// A scan started without the popup (shortcut, context menu, or a box drawn after the popup closed) waits here,
// in memory-only session storage, until the popup opens and takes it.
import type { ScanRegionResponse } from './messages';

export const PENDING_SCAN_KEY = 'pendingScan';
/** An unread result this old is dropped rather than shown out of the blue (and its secret with it). */
export const PENDING_SCAN_MAX_AGE_MS = 5 * 60_000;

export interface PendingScan { at: number; source: 'shortcut' | 'context-menu' | 'region'; response: ScanRegionResponse }

export interface PendingStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export async function savePendingScan(store: PendingStore, pending: PendingScan): Promise<void> {
  await store.set(PENDING_SCAN_KEY, pending);
}

/**
 * Leaves the result for the popup and asks the browser to open it. Opening is refused when no browser window has
 * focus (and by older browsers): the result then waits for the user's next click on the toolbar button.
 */
export async function handOverScan(
  store: PendingStore,
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
export async function takePendingScan(store: PendingStore, now = Date.now()): Promise<PendingScan | null> {
  const pending = (await store.get(PENDING_SCAN_KEY)) as PendingScan | undefined;
  if (!pending) return null;
  await store.remove(PENDING_SCAN_KEY);
  if (typeof pending.at !== 'number' || now - pending.at > PENDING_SCAN_MAX_AGE_MS) return null;
  return pending;
}
