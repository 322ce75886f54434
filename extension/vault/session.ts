// What an unlocked vault keeps in the session store (memory only): the data key and the time of last use.
import { encodeBase64, decodeBase64 } from './encoding';
import type { SessionStore } from './types';

const KEY_ENTRY = 'tessera.vault.key';
const LAST_USED_ENTRY = 'tessera.vault.lastUsed';

export interface SessionKey {
  vaultId: string;
  raw: Uint8Array;
}

export async function saveSessionKey(session: SessionStore, vaultId: string, raw: Uint8Array, now: number): Promise<void> {
  // Base64 because chrome.storage.session only keeps JSON-serialisable values.
  await session.set(KEY_ENTRY, { vaultId, key: encodeBase64(raw) });
  await session.set(LAST_USED_ENTRY, now);
}

export async function readSessionKey(session: SessionStore): Promise<SessionKey | null> {
  const entry = (await session.get(KEY_ENTRY)) as { vaultId?: unknown; key?: unknown } | undefined;
  if (!entry || typeof entry.vaultId !== 'string' || typeof entry.key !== 'string') return null;
  return { vaultId: entry.vaultId, raw: decodeBase64(entry.key) };
}

export async function readLastUsed(session: SessionStore): Promise<number | null> {
  const value = await session.get(LAST_USED_ENTRY);
  return typeof value === 'number' ? value : null;
}

export async function recordUse(session: SessionStore, now: number): Promise<void> {
  await session.set(LAST_USED_ENTRY, now);
}

export async function clearSession(session: SessionStore): Promise<void> {
  await session.remove(KEY_ENTRY);
  await session.remove(LAST_USED_ENTRY);
}

/** A session store in plain memory, for Node and for tests. */
export function memorySessionStore(initial?: Map<string, unknown>): SessionStore & { entries: Map<string, unknown> } {
  const entries = initial ?? new Map<string, unknown>();
  return {
    entries,
    async get(key) {
      return entries.get(key);
    },
    async set(key, value) {
      entries.set(key, value);
    },
    async remove(key) {
      entries.delete(key);
    },
  };
}
