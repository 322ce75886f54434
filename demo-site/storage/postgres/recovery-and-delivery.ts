import type { BackupDeliveryRepository, RecoveryRepository } from '../repositories';
import type { BackupDelivery, Recovery } from '../rows';
import type { Sql } from './sql';

export const toRecovery = (row: Record<string, any>): Recovery => ({
  id: row.id, userId: row.user_id, state: row.state, createdAt: row.created_at, confirmedAt: row.confirmed_at, readyAt: row.ready_at,
  closedAt: row.closed_at, closedBy: row.closed_by, ip: row.ip,
});

export const toDelivery = (row: Record<string, any>): BackupDelivery => ({
  id: row.id, userId: row.user_id, requestId: row.request_id, method: row.method, codesBox: row.codes_box, createdAt: row.created_at,
  expiresAt: row.expires_at, fetchedAt: row.fetched_at,
});

const RECOVERY_FIELDS: Record<string, string> = {
  state: 'state', confirmedAt: 'confirmed_at', readyAt: 'ready_at', closedAt: 'closed_at', closedBy: 'closed_by', ip: 'ip',
};

export function postgresRecoveries(sql: Sql): RecoveryRepository {
  const one = async (text: string, values: unknown[]) => {
    const { rows } = await sql(text, values);
    return rows[0] ? toRecovery(rows[0]) : null;
  };
  return {
    insert: async (r) =>
      ((await sql(
        `INSERT INTO recoveries (id, user_id, state, created_at, confirmed_at, ready_at, closed_at, closed_by, ip) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (user_id) WHERE state IN ('awaiting_email', 'waiting') DO NOTHING`,
        [r.id, r.userId, r.state, r.createdAt, r.confirmedAt, r.readyAt, r.closedAt, r.closedBy, r.ip],
      )).rowCount ?? 0) > 0,
    find: (id) => one('SELECT * FROM recoveries WHERE id = $1', [id]),
    findOpenForUser: (userId) => one(`SELECT * FROM recoveries WHERE user_id = $1 AND state IN ('awaiting_email', 'waiting')`, [userId]),
    transition(id, from, patch) {
      const entries = Object.entries(patch).filter(([field]) => field in RECOVERY_FIELDS);
      const sets = entries.map(([field], i) => `${RECOVERY_FIELDS[field]} = $${i + 3}`).join(', ');
      return one(`UPDATE recoveries SET ${sets} WHERE id = $1 AND state = ANY($2::text[]) RETURNING *`, [id, from, ...entries.map(([, value]) => value)]);
    },
    listOpen: async (limit) =>
      (await sql(
        `SELECT r.*, u.email AS user_email FROM recoveries r LEFT JOIN users u ON u.id = r.user_id
         WHERE r.state IN ('awaiting_email', 'waiting') ORDER BY r.created_at, r.id LIMIT $1`,
        [limit],
      )).rows.map((row) => ({ ...toRecovery(row), userEmail: row.user_email })),
  };
}

export function postgresBackupDeliveries(sql: Sql): BackupDeliveryRepository {
  const one = async (text: string, values: unknown[]) => {
    const { rows } = await sql(text, values);
    return rows[0] ? toDelivery(rows[0]) : null;
  };
  return {
    insert: (d) =>
      sql.run(
        'INSERT INTO backup_deliveries (id, user_id, request_id, method, codes_box, created_at, expires_at, fetched_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [d.id, d.userId, d.requestId, d.method, d.codesBox, d.createdAt, d.expiresAt, d.fetchedAt],
      ),
    find: (id) => one('SELECT * FROM backup_deliveries WHERE id = $1', [id]),
    latestForUser: (userId) => one('SELECT * FROM backup_deliveries WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1', [userId]),
    findByRequest: (requestId) => one('SELECT * FROM backup_deliveries WHERE request_id = $1 LIMIT 1', [requestId]),
    // The old box comes back from the row as it was before this update: exactly one caller gets it.
    take: async (id, now) =>
      (await sql(
        `UPDATE backup_deliveries d SET codes_box = NULL, fetched_at = $2 FROM (SELECT id, codes_box FROM backup_deliveries WHERE id = $1 FOR UPDATE) old
         WHERE d.id = old.id AND d.codes_box IS NOT NULL AND d.expires_at > $2 RETURNING old.codes_box`,
        [id, now],
      )).rows[0]?.codes_box ?? null,
    dropForUser: async (userId) => (await sql('UPDATE backup_deliveries SET codes_box = NULL WHERE user_id = $1 AND codes_box IS NOT NULL', [userId])).rowCount ?? 0,
    dropExpired: async (now) => (await sql('UPDATE backup_deliveries SET codes_box = NULL WHERE codes_box IS NOT NULL AND expires_at <= $1', [now])).rowCount ?? 0,
  };
}
