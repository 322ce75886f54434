// Everything Tessera keeps in the browser's extension storage, in one place: each item's area, key and shape. A value
// that is not of its item's shape (left by an older version, or damaged) reads as null rather than as something else.
// The vault's encrypted records and settings are in IndexedDB (vault/db.ts), not here.
import type { ScanRegionResponse } from '../capture/responses';
import type { ClockReading } from '../clock/skew';
import type { BackupReminderState } from '../backup/reminder';
import type { AreaName, KeyValueArea } from './area';

export interface StorageItem<T> {
  readonly area: AreaName;
  readonly key: string;
  get(store: KeyValueArea): Promise<T | null>;
  set(store: KeyValueArea, value: T): Promise<void>;
  remove(store: KeyValueArea): Promise<void>;
  /** Reads and removes in one go: for what is shown once. */
  take(store: KeyValueArea): Promise<T | null>;
}

function defineItem<T>(area: AreaName, key: string, read: (value: unknown) => T | null): StorageItem<T> {
  return {
    area,
    key,
    get: async (store) => read(await store.get(key)),
    set: (store, value) => store.set(key, value),
    remove: (store) => store.remove(key),
    async take(store) {
      const value = await store.get(key);
      if (value === undefined) return null;
      await store.remove(key);
      return read(value);
    },
  };
}

/** The unlocked vault's data key (Base64, as storage keeps only JSON) and the vault it opens. Session only. */
export interface SessionKeyEntry { vaultId: string; key: string }

/** A scan started without the popup (shortcut, context menu, a box drawn after the popup closed), for its next opening. */
export interface PendingScan { at: number; source: 'shortcut' | 'context-menu' | 'region'; response: ScanRegionResponse }

/** Positions read so far of each export split over several QR codes, by batch id: never an account. */
export type BatchReads = Record<string, { size: number; read: number[] }>;

/** A QR sign-in at its PIN step, so the popup can show the PIN again and rejoin the site's channel. */
export interface PendingSignIn {
  origin: string;
  channelToken: string;
  pin: string;
  pinExpiresAt: number;
  attemptsLeft: number;
  /** Unix milliseconds when the QR code was scanned. */
  startedAt: number;
}

/** A message for the popup's next opening, from an action that had no popup (fill shortcut, context menu). */
export interface PendingNotice {
  message: string;
  /** An account whose code the popup should offer to copy (never the code itself). */
  accountId?: string;
  at: number;
}

export const vaultKeyItem = defineItem<SessionKeyEntry>('session', 'tessera.vault.key', (value) => {
  const entry = asRecord(value);
  return typeof entry?.vaultId === 'string' && typeof entry.key === 'string' ? { vaultId: entry.vaultId, key: entry.key } : null;
});

/** Unix milliseconds of the last use of the unlocked vault: the idle time counts from it. */
export const vaultLastUsedItem = defineItem<number>('session', 'tessera.vault.lastUsed', (value) => (typeof value === 'number' ? value : null));

export const pendingScanItem = defineItem<PendingScan>('session', 'pendingScan', (value) => {
  const pending = asRecord(value);
  return typeof pending?.at === 'number' && asRecord(pending.response) ? (pending as unknown as PendingScan) : null;
});

export const batchReadsItem = defineItem<BatchReads>('session', 'migrationProgress', (value) => {
  const reads: BatchReads = {};
  for (const [id, entry] of Object.entries(asRecord(value) ?? {})) {
    const { size, read } = asRecord(entry) ?? {};
    if (typeof size === 'number' && Array.isArray(read)) reads[id] = { size, read: read.filter((i): i is number => typeof i === 'number') };
  }
  return reads;
});

export const pendingSignInItem = defineItem<PendingSignIn>('session', 'qrSignIn', (value) => {
  const v = asRecord(value);
  const ok = typeof v?.origin === 'string' && typeof v.channelToken === 'string' && typeof v.pin === 'string'
    && typeof v.pinExpiresAt === 'number' && typeof v.attemptsLeft === 'number' && typeof v.startedAt === 'number';
  return ok ? (v as unknown as PendingSignIn) : null;
});

export const pendingNoticeItem = defineItem<PendingNotice>('session', 'pendingNotice', (value) => {
  const notice = asRecord(value);
  if (typeof notice?.message !== 'string' || typeof notice.at !== 'number') return null;
  return { message: notice.message, at: notice.at, ...(typeof notice.accountId === 'string' ? { accountId: notice.accountId } : {}) };
});

/** The sites where the user turned automatic filling on. On disk: it outlives the browser session, like the permission. */
export const autoFillSitesItem = defineItem<string[]>('local', 'autoFillSites', (value) =>
  Array.isArray(value) ? value.filter((site): site is string => typeof site === 'string') : null);

/** The last reading of this computer's clock against a web server's. On disk: a wrong clock stays wrong across restarts. */
export const clockReadingItem = defineItem<ClockReading>('local', 'clockReading', (value) => {
  const v = asRecord(value);
  const ok = typeof v?.offsetMs === 'number' && typeof v.uncertaintyMs === 'number' && typeof v.site === 'string' && typeof v.at === 'number';
  return ok ? { offsetMs: v.offsetMs as number, uncertaintyMs: v.uncertaintyMs as number, site: v.site as string, at: v.at as number } : null;
});

/** Milliseconds added to the clock for making codes, set only when the user agreed to correct a wrong clock. */
export const clockCorrectionItem = defineItem<number>('local', 'clockCorrection', (value) =>
  (typeof value === 'number' && Number.isFinite(value) ? value : null));

/** When the last encrypted backup was exported and the backup reminder last dismissed (unix ms, or null). */
export const backupReminderItem = defineItem<BackupReminderState>('local', 'backupReminder', (value) => {
  const v = asRecord(value);
  if (!v) return null;
  const time = (t: unknown) => (typeof t === 'number' ? t : null);
  return { exportedAt: time(v.exportedAt), dismissedAt: time(v.dismissedAt) };
});

/** Unix milliseconds when the service worker started creating the vault; removed when it is done, whatever the outcome.
 * Left behind only when the browser stopped it: the next first-run page then says there is no vault yet. */
export const vaultCreationItem = defineItem<number>('local', 'vaultCreationStarted', (value) => (typeof value === 'number' ? value : null));

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
