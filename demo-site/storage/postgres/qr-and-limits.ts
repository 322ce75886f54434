import type { QrSessionRepository, RateLimitRepository } from '../repositories';
import type { QrSession } from '../rows';
import type { Sql } from './sql';

const QR_COLUMNS = `id, kind, token_hash, binding, created_at, qr_expires_at, state, user_id, pending_box, device, pin_hash, pin_expires_at,
  pin_previous_hash, pin_delivered, pin_failures, channel_hash, version`;

function toQrSession(row: Record<string, any>): QrSession {
  return {
    id: row.id, kind: row.kind, tokenHash: row.token_hash, binding: row.binding, createdAt: row.created_at, qrExpiresAt: row.qr_expires_at,
    state: row.state, userId: row.user_id, pendingBox: row.pending_box, device: row.device,
    pin: row.pin_hash === null ? null : { hash: row.pin_hash, expiresAt: row.pin_expires_at, previousHash: row.pin_previous_hash, delivered: row.pin_delivered },
    pinFailures: row.pin_failures, channelHash: row.channel_hash, version: row.version,
  };
}

const qrValues = (q: QrSession): unknown[] => [
  q.id, q.kind, q.tokenHash, q.binding, q.createdAt, q.qrExpiresAt, q.state, q.userId, q.pendingBox, q.device, q.pin?.hash ?? null,
  q.pin?.expiresAt ?? null, q.pin?.previousHash ?? null, q.pin?.delivered ?? null, q.pinFailures, q.channelHash, q.version,
];
const PLACEHOLDERS = Array.from({ length: 17 }, (_, i) => `$${i + 1}`).join(', ');

export function postgresQrSessions(sql: Sql): QrSessionRepository {
  const many = async (text: string, values: unknown[]) => (await sql(text, values)).rows.map(toQrSession);
  const one = async (text: string, values: unknown[]) => (await many(text, values))[0] ?? null;
  return {
    insert: (session) => sql.run(`INSERT INTO qr_sessions (${QR_COLUMNS}) VALUES (${PLACEHOLDERS})`, qrValues(session)),
    findByToken: (tokenHash) => one(`SELECT ${QR_COLUMNS} FROM qr_sessions WHERE token_hash = $1`, [tokenHash]),
    findByChannel: (channelHash) => one(`SELECT ${QR_COLUMNS} FROM qr_sessions WHERE channel_hash = $1`, [channelHash]),
    countLive: async () => (await sql('SELECT count(*)::int AS n FROM qr_sessions')).rows[0].n,
    listWaiting: (binding, kind) => many(`SELECT ${QR_COLUMNS} FROM qr_sessions WHERE binding = $1 AND kind = $2 AND state = 'waiting'`, [binding, kind]),
    hasBinding: async (binding) => (await sql('SELECT 1 FROM qr_sessions WHERE binding = $1 LIMIT 1', [binding])).rows.length > 0,
    // The whole row is written back, but only over the version it was read at: of two racing requests one wins.
    update: (session, patch) => {
      const next: QrSession = { ...session, ...patch, version: session.version + 1 };
      const sets = QR_COLUMNS.split(',').map((column, i) => `${column.trim()} = $${i + 1}`).slice(1).join(', ');
      return one(`UPDATE qr_sessions SET ${sets} WHERE id = $1 AND version = $18 RETURNING ${QR_COLUMNS}`, [...qrValues(next), session.version]);
    },
    remove: async (id) => ((await sql('DELETE FROM qr_sessions WHERE id = $1', [id])).rowCount ?? 0) > 0,
    listDue: (now, maxAgeMs) =>
      many(
        `SELECT ${QR_COLUMNS} FROM qr_sessions WHERE created_at <= $1::bigint - $2::bigint OR (state = 'waiting' AND qr_expires_at <= $1)
           OR (state = 'scanned' AND pin_expires_at <= $1)`,
        [now, maxAgeMs],
      ),
  };
}

export function postgresRateLimits(sql: Sql): RateLimitRepository {
  return {
    async hit(key, windowMs, now) {
      const { rows } = await sql(
        `INSERT INTO rate_limits (key, hits, reset_at) VALUES ($1, 1, $2::bigint + $3::bigint)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN rate_limits.reset_at <= $2 THEN 1 ELSE rate_limits.hits + 1 END,
           reset_at = CASE WHEN rate_limits.reset_at <= $2 THEN $2::bigint + $3::bigint ELSE rate_limits.reset_at END
         RETURNING hits, reset_at`,
        [key, now, windowMs],
      );
      return { hits: rows[0].hits, resetAt: rows[0].reset_at };
    },
    unhit: (key) => sql.run('UPDATE rate_limits SET hits = hits - 1 WHERE key = $1 AND hits > 0', [key]),
    reset: (key) => sql.run('DELETE FROM rate_limits WHERE key = $1', [key]),
    deleteExpired: async (now) => (await sql('DELETE FROM rate_limits WHERE reset_at <= $1', [now])).rowCount ?? 0,
  };
}
