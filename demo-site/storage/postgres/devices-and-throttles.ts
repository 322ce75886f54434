import type { DeviceRepository, ThrottleRepository } from '../repositories';
import type { Device, Throttle } from '../rows';
import type { Sql } from './sql';

export const toDevice = (row: Record<string, any>): Device => ({
  idHash: row.id_hash, userId: row.user_id, createdAt: row.created_at, lastUsedAt: row.last_used_at, failures: row.failures,
});

const toThrottle = (row: Record<string, any>): Throttle => ({ key: row.key, failures: row.failures, blockedUntil: row.blocked_until, updatedAt: row.updated_at });

export function postgresDevices(sql: Sql): DeviceRepository {
  return {
    insert: (d) =>
      sql.run('INSERT INTO devices (id_hash, user_id, created_at, last_used_at, failures) VALUES ($1, $2, $3, $4, $5)', [d.idHash, d.userId, d.createdAt, d.lastUsedAt, d.failures]),
    findMany: async (idHashes) => (await sql('SELECT * FROM devices WHERE id_hash = ANY($1::text[])', [idHashes])).rows.map(toDevice),
    recordFailure: async (idHash) => (await sql('UPDATE devices SET failures = failures + 1 WHERE id_hash = $1 RETURNING failures', [idHash])).rows[0]?.failures ?? 0,
    markUsed: (idHash, now) => sql.run('UPDATE devices SET failures = 0, last_used_at = GREATEST(last_used_at, $2) WHERE id_hash = $1', [idHash, now]),
    delete: async (idHash) => ((await sql('DELETE FROM devices WHERE id_hash = $1', [idHash])).rowCount ?? 0) > 0,
    deleteForUser: async (userId, exceptIdHash) =>
      (await sql('DELETE FROM devices WHERE user_id = $1 AND id_hash IS DISTINCT FROM $2', [userId, exceptIdHash ?? null])).rowCount ?? 0,
    deleteUnusedUpTo: async (upTo) => (await sql('DELETE FROM devices WHERE last_used_at <= $1', [upTo])).rowCount ?? 0,
  };
}

export function postgresThrottles(sql: Sql): ThrottleRepository {
  return {
    findMany: async (keys) => (await sql('SELECT * FROM throttles WHERE key = ANY($1::text[])', [keys])).rows.map(toThrottle),
    // storage/throttle-rule.ts in SQL, in one statement, so simultaneous failures each count; the wait only grows.
    recordFailure: (key, { now, freeFailures, baseMs, maxMs }) =>
      sql.run(
        `INSERT INTO throttles AS t (key, failures, blocked_until, updated_at)
           VALUES ($1, 1, CASE WHEN 1 > $3::int THEN $2::bigint + LEAST($5::bigint, $4::float8::bigint) END, $2)
         ON CONFLICT (key) DO UPDATE SET failures = t.failures + 1, updated_at = $2, blocked_until = CASE WHEN t.failures + 1 > $3::int
           THEN GREATEST(coalesce(t.blocked_until, 0), $2::bigint + LEAST($5::bigint, ($4::float8 * power(2, LEAST(t.failures - $3::int, 40)))::bigint))
           ELSE t.blocked_until END`,
        [key, now, freeFailures, baseMs, maxMs],
      ),
    clear: (key) => sql.run('DELETE FROM throttles WHERE key = $1', [key]),
    deleteIdleUpTo: async (upTo) => (await sql('DELETE FROM throttles WHERE updated_at <= $1', [upTo])).rowCount ?? 0,
  };
}
