// A sign-in at its PIN step outlives the popup: clicking into the page to type the PIN closes it. What is needed to
// show the PIN again and rejoin the site's channel waits in memory-only session storage (never on disk, and out of
// reach of content scripts), until the sign-in ends or could no longer exist.
import { QR_SESSION_MAX_MS } from '#shared/protocol/qr-signin.ts';

export const PENDING_SIGNIN_KEY = 'qrSignIn';

export interface PendingSignIn {
  origin: string;
  channelToken: string;
  pin: string;
  pinExpiresAt: number;
  attemptsLeft: number;
  /** Unix milliseconds when the QR code was scanned. */
  startedAt: number;
}

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export function savePendingSignIn(store: KeyValueStore, pending: PendingSignIn): Promise<void> {
  return store.set(PENDING_SIGNIN_KEY, pending);
}

export function clearPendingSignIn(store: KeyValueStore): Promise<void> {
  return store.remove(PENDING_SIGNIN_KEY);
}

/** The sign-in waiting for its PIN, or null when there is none or it is past the site's limit (then it is removed). */
export async function loadPendingSignIn(store: KeyValueStore, now = Date.now()): Promise<PendingSignIn | null> {
  const value = (await store.get(PENDING_SIGNIN_KEY)) as PendingSignIn | undefined;
  if (!isPendingSignIn(value)) return null;
  if (now >= value.startedAt + QR_SESSION_MAX_MS) {
    await clearPendingSignIn(store);
    return null;
  }
  return value;
}

function isPendingSignIn(value: unknown): value is PendingSignIn {
  const v = value as Partial<PendingSignIn> | undefined;
  return typeof v?.origin === 'string' && typeof v.channelToken === 'string' && typeof v.pin === 'string'
    && typeof v.pinExpiresAt === 'number' && typeof v.attemptsLeft === 'number' && typeof v.startedAt === 'number';
}
