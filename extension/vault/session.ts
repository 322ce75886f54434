// What an unlocked vault keeps in the session area (memory only): the data key and the time of last use.
import { decodeBase64, encodeBase64 } from '#shared/bytes.ts';
import type { KeyValueArea } from '../storage/area';
import { vaultKeyItem, vaultLastUsedItem } from '../storage/items';

export interface SessionKey {
  vaultId: string;
  raw: Uint8Array;
}

export async function saveSessionKey(session: KeyValueArea, vaultId: string, raw: Uint8Array, now: number): Promise<void> {
  await vaultKeyItem.set(session, { vaultId, key: encodeBase64(raw) });
  await vaultLastUsedItem.set(session, now);
}

export async function readSessionKey(session: KeyValueArea): Promise<SessionKey | null> {
  const entry = await vaultKeyItem.get(session);
  return entry && { vaultId: entry.vaultId, raw: decodeBase64(entry.key) };
}

export function readLastUsed(session: KeyValueArea): Promise<number | null> {
  return vaultLastUsedItem.get(session);
}

export async function recordUse(session: KeyValueArea, now: number): Promise<void> {
  await vaultLastUsedItem.set(session, now);
}

export async function clearSession(session: KeyValueArea): Promise<void> {
  await vaultKeyItem.remove(session);
  await vaultLastUsedItem.remove(session);
}
