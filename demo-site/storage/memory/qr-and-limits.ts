import type { AuditRepository, QrSessionRepository, RateLimitRepository } from '../repositories';
import type { MemoryDb } from './db';
import { copyRow, type Write } from './unit';

export function memoryAudit(db: MemoryDb, write: Write): AuditRepository {
  return {
    append: (entry) => write(() => db.audit.append(structuredClone(entry))),
    query: (query) => db.audit.query(query),
  };
}

export function memoryQrSessions(db: MemoryDb, write: Write): QrSessionRepository {
  const { qrSessions } = db;
  return {
    insert: (session) => write(() => qrSessions.put(structuredClone(session))),
    findByToken: async (tokenHash) => copyRow(qrSessions.findOneBy('token', tokenHash)),
    findByChannel: async (channelHash) => copyRow(qrSessions.findOneBy('channel', channelHash)),
    countLive: async () => qrSessions.size,
    listWaiting: async (binding, kind) =>
      qrSessions.findBy('binding', binding).filter((session) => session.kind === kind && session.state === 'waiting').map((row) => structuredClone(row)),
    hasBinding: async (binding) => qrSessions.findOneBy('binding', binding) !== null,
    update: (session, patch) =>
      write(() => {
        const current = qrSessions.get(session.id);
        if (!current || current.version !== session.version) return null;
        const next = { ...structuredClone(current), ...structuredClone(patch), version: current.version + 1 };
        qrSessions.put(next);
        return structuredClone(next);
      }),
    remove: (id) => write(() => qrSessions.delete(id) !== null),
    listDue: async (now, maxAgeMs) =>
      [...qrSessions.values()]
        .filter((s) => now >= s.createdAt + maxAgeMs || (s.state === 'waiting' && now >= s.qrExpiresAt) || (s.state === 'scanned' && s.pin !== null && now >= s.pin.expiresAt))
        .map((row) => structuredClone(row)),
  };
}

export function memoryRateLimits(db: MemoryDb, write: Write): RateLimitRepository {
  const { rateLimits } = db;
  return {
    hit: (key, windowMs, now) =>
      write(() => {
        const row = rateLimits.get(key);
        const next = row && row.resetAt > now ? { ...row, hits: row.hits + 1 } : { key, hits: 1, resetAt: now + windowMs };
        rateLimits.put(next);
        return { hits: next.hits, resetAt: next.resetAt };
      }),
    unhit: (key) =>
      write(() => {
        const row = rateLimits.get(key);
        if (row && row.hits > 0) rateLimits.put({ ...row, hits: row.hits - 1 });
      }),
    reset: (key) => write(() => void rateLimits.delete(key)),
    deleteExpired: (now) =>
      write(() => {
        const ended = [...rateLimits.values()].filter((row) => row.resetAt <= now);
        for (const row of ended) rateLimits.delete(row.key);
        return ended.length;
      }),
  };
}
