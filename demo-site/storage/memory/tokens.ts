// Refresh-token families and signing keys in memory (and, through the embedded adapter, on disk).
import type { RefreshTokenRepository, SigningKeyRepository } from '../repositories';
import type { RefreshFamily } from '../rows';
import type { MemoryDb } from './db';
import { copyRow, type Write } from './unit';

export function memoryRefreshTokens(db: MemoryDb, write: Write): RefreshTokenRepository {
  const { refreshFamilies: families, refreshTokens: tokens } = db;
  const end = (family: RefreshFamily, now: number, reason: string) => families.put({ ...family, revokedAt: now, revokedReason: reason });
  return {
    insertFamily: (family, first) =>
      write(() => {
        families.put(structuredClone(family));
        tokens.put({ ...first });
      }),
    find: async (hash) => {
      const token = tokens.get(hash);
      const family = token && families.get(token.familyId);
      return token && family ? { token: { ...token }, family: structuredClone(family) } : null;
    },
    findFamily: async (id) => copyRow(families.get(id)),
    rotate: (hash, next, now) =>
      write(() => {
        const token = tokens.get(hash);
        const family = token && families.get(token.familyId);
        if (!token || token.retiredAt !== null || !family || family.revokedAt !== null) return false;
        tokens.put({ ...token, retiredAt: now });
        tokens.put({ ...next, familyId: token.familyId, retiredAt: null });
        return true;
      }),
    revokeFamily: (id, { now, reason }) =>
      write(() => {
        const family = families.get(id);
        if (!family || family.revokedAt !== null) return false;
        end(family, now, reason);
        return true;
      }),
    revokeAllForUser: (userId, { now, reason }) =>
      write(() => {
        const live = families.findBy('user', userId).filter((family) => family.revokedAt === null);
        for (const family of live) end(family, now, reason);
        return live.length;
      }),
    deleteExpired: (now) =>
      write(() => {
        const expired = [...tokens.values()].filter((token) => token.expiresAt <= now);
        for (const token of expired) tokens.delete(token.hash);
        for (const familyId of new Set(expired.map((token) => token.familyId))) {
          if (tokens.findBy('family', familyId).length === 0) families.delete(familyId);
        }
        return expired.length;
      }),
  };
}

export function memorySigningKeys(db: MemoryDb, write: Write): SigningKeyRepository {
  const { signingKeys: keys } = db;
  return {
    list: async () =>
      [...keys.values()].sort((a, b) => (a.retiredAt === null ? -1 : b.retiredAt === null ? 1 : b.createdAt - a.createdAt)).map((key) => structuredClone(key)),
    insertCurrent: (key) =>
      write(() => {
        if (keys.findOneBy('current', 'current')) return false;
        keys.put(structuredClone(key));
        return true;
      }),
    retire: (id, now) =>
      write(() => {
        const key = keys.get(id);
        if (!key || key.retiredAt !== null) return false;
        keys.put({ ...key, retiredAt: now });
        return true;
      }),
    deleteRetiredUpTo: (cutoff) =>
      write(() => {
        const old = [...keys.values()].filter((key) => key.retiredAt !== null && key.retiredAt <= cutoff);
        for (const key of old) keys.delete(key.id);
        return old.length;
      }),
  };
}
