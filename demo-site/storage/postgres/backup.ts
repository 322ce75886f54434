import type { BackupCodeRepository, BackupRequestRepository } from '../repositories';
import type { BackupCodeRequest } from '../rows';
import type { Sql } from './sql';

export function toRequest(row: Record<string, any>): BackupCodeRequest {
  const request: BackupCodeRequest = {
    id: row.id, userId: row.user_id, status: row.status, message: row.message, createdAt: row.created_at, updatedAt: row.updated_at, ip: row.ip,
  };
  if (row.reason !== null) request.reason = row.reason;
  return request;
}

export function postgresBackupCodes(sql: Sql): BackupCodeRepository {
  return {
    async replaceForUser(userId, hashes) {
      const { rows } = await sql('DELETE FROM backup_codes WHERE user_id = $1 RETURNING used_at', [userId]);
      if (hashes.length > 0) await sql('INSERT INTO backup_codes (user_id, hash) SELECT $1, unnest($2::text[])', [userId, hashes]);
      return rows.filter((row) => row.used_at === null).length;
    },
    // One conditional update: of simultaneous redemptions in any number of processes, exactly one changes the row.
    redeem: async (userId, hash, usedAt) =>
      ((await sql('UPDATE backup_codes SET used_at = $3 WHERE user_id = $1 AND hash = $2 AND used_at IS NULL', [userId, hash, usedAt])).rowCount ?? 0) > 0,
    countUnused: async (userId) => (await sql('SELECT count(*)::int AS n FROM backup_codes WHERE user_id = $1 AND used_at IS NULL', [userId])).rows[0].n,
  };
}

export function postgresBackupRequests(sql: Sql): BackupRequestRepository {
  const one = async (text: string, values: unknown[]) => {
    const { rows } = await sql(text, values);
    return rows[0] ? toRequest(rows[0]) : null;
  };
  return {
    openOrUpdate: async ({ id, userId, message, ip, now }) =>
      (await one(
        `INSERT INTO backup_requests (id, user_id, status, message, created_at, updated_at, ip) VALUES ($1, $2, 'open', $3, $4, $4, $5)
         ON CONFLICT (user_id) WHERE status = 'open' DO UPDATE SET message = EXCLUDED.message, updated_at = EXCLUDED.updated_at, ip = EXCLUDED.ip
         RETURNING *`,
        [id, userId, message, now, ip],
      ))!,
    find: (id) => one('SELECT * FROM backup_requests WHERE id = $1', [id]),
    findOpenForUser: (userId) => one(`SELECT * FROM backup_requests WHERE user_id = $1 AND status = 'open'`, [userId]),
    latestForUser: (userId) => one('SELECT * FROM backup_requests WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1', [userId]),
    close: (id, { status, now, reason }) =>
      one(`UPDATE backup_requests SET status = $2, updated_at = $3, reason = coalesce($4, reason) WHERE id = $1 AND status = 'open' RETURNING *`, [id, status, now, reason ?? null]),
    async listByStatus(status, limit) {
      const { rows } = await sql(
        'SELECT r.*, u.email AS user_email FROM backup_requests r LEFT JOIN users u ON u.id = r.user_id WHERE r.status = $1 ORDER BY r.created_at, r.id LIMIT $2',
        [status, limit],
      );
      return rows.map((row) => ({ ...toRequest(row), userEmail: row.user_email }));
    },
  };
}
