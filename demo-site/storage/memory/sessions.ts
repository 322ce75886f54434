import type { SessionRepository, TicketRepository } from '../repositories';
import type { MemoryDb } from './db';
import { copyRow, type Write } from './unit';

export function memorySessions(db: MemoryDb, write: Write): SessionRepository {
  const { sessions } = db;
  return {
    insert: (session) => write(() => sessions.put({ ...session })),
    find: async (idHash) => copyRow(sessions.get(idHash)),
    delete: (idHash) => write(() => sessions.delete(idHash) !== null),
    touch: (idHash, lastSeenAt) =>
      write(() => {
        const session = sessions.get(idHash);
        if (session) sessions.put({ ...session, lastSeenAt });
      }),
    setScopeForUser: (userId, scope) =>
      write(() => {
        for (const session of sessions.findBy('user', userId)) if (session.scope !== scope) sessions.put({ ...session, scope });
      }),
    deleteForUser: (userId, exceptIdHash) =>
      write(() => {
        const ended = sessions.findBy('user', userId).filter((session) => session.idHash !== exceptIdHash);
        for (const session of ended) sessions.delete(session.idHash);
        return ended.length;
      }),
    deleteExpired: ({ seenUpTo, createdUpTo }) =>
      write(() => {
        const expired = [...sessions.values()].filter((session) => session.lastSeenAt <= seenUpTo || session.createdAt <= createdUpTo);
        for (const session of expired) sessions.delete(session.idHash);
        return expired.length;
      }),
  };
}

export function memoryTickets(db: MemoryDb, write: Write): TicketRepository {
  const { tickets } = db;
  return {
    insert: (ticket) => write(() => tickets.put({ ...ticket })),
    find: async (idHash) => copyRow(tickets.get(idHash)),
    findWithUser: async (idHash) => {
      const ticket = copyRow(tickets.get(idHash));
      const user = ticket && copyRow(db.users.get(ticket.userId));
      return ticket && user ? { ticket, user } : null;
    },
    recordFailure: (idHash, maxAttempts) =>
      write(() => {
        const ticket = tickets.get(idHash);
        if (!ticket) return 0;
        const failures = ticket.failures + 1;
        if (failures >= maxAttempts) tickets.delete(idHash);
        else tickets.put({ ...ticket, failures });
        return Math.max(0, maxAttempts - failures);
      }),
    consume: (idHash) => write(() => tickets.delete(idHash) !== null),
    deleteForUser: (userId) =>
      write(() => {
        const gone = tickets.findBy('user', userId);
        for (const ticket of gone) tickets.delete(ticket.idHash);
        return gone.length;
      }),
    deleteExpired: (now) =>
      write(() => {
        const expired = [...tickets.values()].filter((ticket) => ticket.expiresAt <= now);
        for (const ticket of expired) tickets.delete(ticket.idHash);
        return expired.length;
      }),
  };
}
