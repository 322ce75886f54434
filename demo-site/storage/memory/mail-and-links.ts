import type { LinkTokenRepository, MailQueueRepository } from '../repositories';
import type { MemoryDb } from './db';
import { copyRow, type Write } from './unit';

export function memoryLinkTokens(db: MemoryDb, write: Write): LinkTokenRepository {
  const { linkTokens } = db;
  return {
    insert: (token) => write(() => linkTokens.put({ ...token })),
    find: async (idHash) => copyRow(linkTokens.get(idHash)),
    use: (idHash, purpose, now) =>
      write(() => {
        const token = linkTokens.get(idHash);
        if (!token || token.purpose !== purpose || token.usedAt !== null || token.expiresAt <= now) return null;
        const used = { ...token, usedAt: now };
        linkTokens.put(used);
        return { ...used };
      }),
    deleteUnused: (userId, purpose) =>
      write(() => {
        const unused = linkTokens.findBy('user', userId).filter((token) => token.purpose === purpose && token.usedAt === null);
        for (const token of unused) linkTokens.delete(token.idHash);
        return unused.length;
      }),
    deleteExpired: (upTo) =>
      write(() => {
        const expired = [...linkTokens.values()].filter((token) => token.expiresAt <= upTo);
        for (const token of expired) linkTokens.delete(token.idHash);
        return expired.length;
      }),
  };
}

export function memoryMailQueue(db: MemoryDb, write: Write): MailQueueRepository {
  const { mail } = db;
  const update = (id: string, patch: (message: NonNullable<ReturnType<typeof mail.get>>) => object) =>
    write(() => {
      const message = mail.get(id);
      if (message) mail.put({ ...message, ...patch(message) });
    });
  return {
    enqueue: (message) => write(() => mail.put({ ...message })),
    claimDue: (now, leaseMs, limit) =>
      write(() => {
        const due = mail
          .findBy('queued', 'queued')
          .filter((message) => message.nextAttemptAt <= now && (message.leaseUntil === null || message.leaseUntil <= now))
          .sort((a, b) => a.createdAt - b.createdAt)
          .slice(0, limit);
        return due.map((message) => {
          const claimed = { ...message, leaseUntil: now + leaseMs };
          mail.put(claimed);
          return { ...claimed };
        });
      }),
    markSent: (id, { now, transport, keepBody }) =>
      update(id, (message) => ({ status: 'sent', sentAt: now, transport, leaseUntil: null, attempts: message.attempts + 1, lastError: null, bodyBox: keepBody ? message.bodyBox : null })),
    markFailed: (id, { error, nextAttemptAt, giveUp }) =>
      update(id, (message) => ({ status: giveUp ? 'failed' : 'queued', attempts: message.attempts + 1, lastError: error, nextAttemptAt, leaseUntil: null })),
    async list({ page, pageSize }) {
      const all = [...mail.values()].reverse();
      const start = (page - 1) * pageSize;
      return { messages: all.slice(start, start + pageSize).map((message) => ({ ...message })), total: all.length };
    },
    find: async (id) => copyRow(mail.get(id)),
    deleteFinishedUpTo: (upTo) =>
      write(() => {
        const finished = [...mail.values()].filter((message) => message.status !== 'queued' && message.createdAt <= upTo);
        for (const message of finished) mail.delete(message.id);
        return finished.length;
      }),
  };
}
