import type { SessionRepository, TicketRepository } from '../repositories';
import type { Session, Ticket } from '../rows';
import type { Sql } from './sql';
import { toUser, USER_COLUMNS } from './users';

const TICKET_USER_COLUMNS = USER_COLUMNS.split(',').map((column) => `u.${column.trim()}`).join(', ');

export const toSession = (row: Record<string, any>): Session => ({
  idHash: row.id_hash, userId: row.user_id, scope: row.scope, createdAt: row.created_at, lastSeenAt: row.last_seen_at,
});

export const toTicket = (row: Record<string, any>): Ticket => ({
  idHash: row.id_hash, userId: row.user_id, expiresAt: row.expires_at, failures: row.failures, wantsTokens: row.wants_tokens,
});

export function postgresSessions(sql: Sql): SessionRepository {
  return {
    insert: (s) =>
      sql.run('INSERT INTO sessions (id_hash, user_id, scope, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5)', [s.idHash, s.userId, s.scope, s.createdAt, s.lastSeenAt]),
    find: async (idHash) => {
      const { rows } = await sql('SELECT * FROM sessions WHERE id_hash = $1', [idHash]);
      return rows[0] ? toSession(rows[0]) : null;
    },
    delete: async (idHash) => ((await sql('DELETE FROM sessions WHERE id_hash = $1', [idHash])).rowCount ?? 0) > 0,
    // Only forwards: a slower request must not move "last seen" back.
    touch: (idHash, lastSeenAt) => sql.run('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1 AND last_seen_at < $2', [idHash, lastSeenAt]),
    setScopeForUser: (userId, scope) => sql.run('UPDATE sessions SET scope = $2 WHERE user_id = $1 AND scope <> $2', [userId, scope]),
    deleteForUser: async (userId, exceptIdHash) =>
      (await sql('DELETE FROM sessions WHERE user_id = $1 AND id_hash IS DISTINCT FROM $2', [userId, exceptIdHash ?? null])).rowCount ?? 0,
    deleteExpired: async ({ seenUpTo, createdUpTo }) =>
      (await sql('DELETE FROM sessions WHERE last_seen_at <= $1 OR created_at <= $2', [seenUpTo, createdUpTo])).rowCount ?? 0,
  };
}

export function postgresTickets(sql: Sql): TicketRepository {
  return {
    insert: (t) =>
      sql.run('INSERT INTO tickets (id_hash, user_id, expires_at, failures, wants_tokens) VALUES ($1, $2, $3, $4, $5)', [t.idHash, t.userId, t.expiresAt, t.failures, t.wantsTokens]),
    find: async (idHash) => {
      const { rows } = await sql('SELECT * FROM tickets WHERE id_hash = $1', [idHash]);
      return rows[0] ? toTicket(rows[0]) : null;
    },
    findWithUser: async (idHash) => {
      const { rows } = await sql(`SELECT t.*, ${TICKET_USER_COLUMNS} FROM tickets t JOIN users u ON u.id = t.user_id WHERE t.id_hash = $1`, [idHash]);
      return rows[0] ? { ticket: toTicket(rows[0]), user: toUser(rows[0]) } : null;
    },
    async recordFailure(idHash, maxAttempts) {
      const { rows } = await sql('UPDATE tickets SET failures = failures + 1 WHERE id_hash = $1 RETURNING failures', [idHash]);
      if (!rows[0]) return 0;
      const left = maxAttempts - rows[0].failures;
      if (left <= 0) await sql('DELETE FROM tickets WHERE id_hash = $1', [idHash]);
      return Math.max(0, left);
    },
    consume: async (idHash) => ((await sql('DELETE FROM tickets WHERE id_hash = $1', [idHash])).rowCount ?? 0) > 0,
    deleteForUser: async (userId) => (await sql('DELETE FROM tickets WHERE user_id = $1', [userId])).rowCount ?? 0,
    deleteExpired: async (now) => (await sql('DELETE FROM tickets WHERE expires_at <= $1', [now])).rowCount ?? 0,
  };
}
