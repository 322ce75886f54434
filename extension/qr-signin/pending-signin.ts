// A sign-in at its PIN step outlives the popup: clicking into the page to type the PIN closes it. What is needed to
// show the PIN again and rejoin the site's channel waits in the session area (memory only, never on disk, and out of
// reach of content scripts), until the sign-in ends or could no longer exist.
import { QR_SESSION_MAX_MS } from '#shared/protocol/qr-signin.ts';
import type { KeyValueArea } from '../storage/area';
import { pendingSignInItem, type PendingSignIn } from '../storage/items';

export type { PendingSignIn } from '../storage/items';

export function savePendingSignIn(store: KeyValueArea, pending: PendingSignIn): Promise<void> {
  return pendingSignInItem.set(store, pending);
}

export function clearPendingSignIn(store: KeyValueArea): Promise<void> {
  return pendingSignInItem.remove(store);
}

/** The sign-in waiting for its PIN, or null when there is none or it is past the site's limit (then it is removed). */
export async function loadPendingSignIn(store: KeyValueArea, now = Date.now()): Promise<PendingSignIn | null> {
  const pending = await pendingSignInItem.get(store);
  if (!pending) return null;
  if (now >= pending.startedAt + QR_SESSION_MAX_MS) {
    await clearPendingSignIn(store);
    return null;
  }
  return pending;
}
