import type { DeviceRepository, ThrottleRepository } from '../repositories';
import type { Device, Throttle } from '../rows';
import type { Sql } from './sql';

export const toDevice = (row: Record<string, any>): Device => ({
  idHash: row.id_hash, userId: row.user_id, createdAt: row.created_at, lastUsedAt: row.last_used_at, failures: row.failures,
});

const toThrottle = (row: Record<string, any>): Throttle => ({ key: row.key, failures: row.failures, blockedUntil: row.blocked_until, updatedAt: row.updated_at });

export function postgresDevices(sql: Sql): DeviceRepository {
  return {
    insert: async (d) =>
      void (await sql('INSERT INTO devices (id_hash, user_id, created_at, last_used_at, failures) VALUES ($1, $2, $3, $4, $5)', [d.idHash, d.userId, d.createdAt, d.lastUsedAt, d.failures])),
    find: async (idHash) => {
      const { rows } = await sql('SELECT * FROM devices WHERE id_hash = $1', [idHash]);
      return rows[0] ? toDevice(rows[0]) : null;
    },
    recordFailure: async (idHash) => (await sql('UPDATE devices SET failures = failures + 1 WHERE id_hash = $1 RETURNING failures', [idHash])).rows[0]?.failures ?? 0,
    markUsed: async (idHash, now) => void (await sql('UPDATE devices SET failures = 0, last_used_at = GREATEST(last_used_at, $2) WHERE id_hash = $1', [idHash, now])),
    delete: async (idHash) => ((await sql('DELETE FROM devices WHERE id_hash = $1', [idHash])).rowCount ?? 0) > 0,
    deleteForUser: async (userId, exceptIdHash) =>
      (await sql('DELETE FROM devices WHERE user_id = $1 AND id_hash IS DISTINCT FROM $2', [userId, exceptIdHash ?? null])).rowCount ?? 0,
    deleteUnusedUpTo: async (upTo) => (await sql('DELETE FROM devices WHERE last_used_at <= $1', [upTo])).rowCount ?? 0,
  };
}

export function postgresThrottles(sql: Sql): ThrottleRepository {
  return {
    find: async (key) => {
      const { rows } = await sql('SELECT * FROM throttles WHERE key = $1', [key]);
      return rows[0] ? toThrottle(rows[0]) : null;
    },
    // storage/throttle-rule.ts in SQL: the count in one statement, so simultaneous failures each count; the wait only grows.
    async recordFailure(key, { now, freeFailures, baseMs, maxMs }) {
      const counted = await sql(
        `INSERT INTO throttles AS t (key, failures, blocked_until, updated_at) VALUES ($1, 1, NULL, $2)
         ON CONFLICT (key) DO UPDATE SET failures = t.failures + 1, updated_at = $2 RETURNING *`,
        [key, now],
      );
      const over = (counted.rows[0].failures as number) - freeFailures;
      if (over <= 0) return toThrottle(counted.rows[0]);
      const { rows } = await sql(
        `UPDATE throttles SET blocked_until = GREATEST(coalesce(blocked_until, 0), $2::bigint + LEAST($3::bigint, ($4::float8 * power(2, LEAST($5::int - 1, 40)))::bigint))
         WHERE key = $1 RETURNING *`,
        [key, now, maxMs, baseMs, over],
      );
      return toThrottle(rows[0]);
    },
    clear: async (key) => void (await sql('DELETE FROM throttles WHERE key = $1', [key])),
    deleteIdleUpTo: async (upTo) => (await sql('DELETE FROM throttles WHERE updated_at <= $1', [upTo])).rowCount ?? 0,
  };
}
