import type { LinkTokenRepository, MailQueueRepository } from '../repositories';
import type { LinkToken, MailMessage } from '../rows';
import type { Sql } from './sql';

export const toLinkToken = (row: Record<string, any>): LinkToken => ({
  idHash: row.id_hash, purpose: row.purpose, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at, usedAt: row.used_at, subject: row.subject,
});

export const toMail = (row: Record<string, any>): MailMessage => ({
  id: row.id, kind: row.kind, userId: row.user_id, to: row.recipient, subject: row.subject, bodyBox: row.body_box, createdAt: row.created_at,
  status: row.status, attempts: row.attempts, nextAttemptAt: row.next_attempt_at, leaseUntil: row.lease_until, sentAt: row.sent_at,
  lastError: row.last_error, transport: row.transport,
});

const MAIL_COLUMNS = `id, kind, user_id, recipient, subject, body_box, created_at, status, attempts, next_attempt_at, lease_until, sent_at, last_error, transport`;

export const mailValues = (m: MailMessage): unknown[] => [
  m.id, m.kind, m.userId, m.to, m.subject, m.bodyBox, m.createdAt, m.status, m.attempts, m.nextAttemptAt, m.leaseUntil, m.sentAt, m.lastError, m.transport,
];

export function postgresLinkTokens(sql: Sql): LinkTokenRepository {
  return {
    insert: (t) =>
      sql.run(
        'INSERT INTO link_tokens (id_hash, purpose, user_id, created_at, expires_at, used_at, subject) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [t.idHash, t.purpose, t.userId, t.createdAt, t.expiresAt, t.usedAt, t.subject],
      ),
    find: async (idHash) => {
      const { rows } = await sql('SELECT * FROM link_tokens WHERE id_hash = $1', [idHash]);
      return rows[0] ? toLinkToken(rows[0]) : null;
    },
    // One conditional update: of any number of simultaneous uses, one marks the link used.
    use: async (idHash, purpose, now) => {
      const { rows } = await sql(
        'UPDATE link_tokens SET used_at = $3 WHERE id_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 RETURNING *',
        [idHash, purpose, now],
      );
      return rows[0] ? toLinkToken(rows[0]) : null;
    },
    deleteUnused: async (userId, purpose) =>
      (await sql('DELETE FROM link_tokens WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL', [userId, purpose])).rowCount ?? 0,
    deleteExpired: async (upTo) => (await sql('DELETE FROM link_tokens WHERE expires_at <= $1', [upTo])).rowCount ?? 0,
  };
}

export function postgresMailQueue(sql: Sql): MailQueueRepository {
  return {
    enqueue: (m) => sql.run(`INSERT INTO mail_queue (${MAIL_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`, mailValues(m)),
    // SKIP LOCKED: processes polling at the same moment take different messages, never the same one.
    claimDue: async (now, leaseMs, limit) =>
      (await sql(
        `UPDATE mail_queue SET lease_until = $1::bigint + $2::bigint WHERE id IN (
           SELECT id FROM mail_queue WHERE status = 'queued' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
           ORDER BY seq LIMIT $3 FOR UPDATE SKIP LOCKED)
         RETURNING ${MAIL_COLUMNS}, seq`,
        [now, leaseMs, limit],
      )).rows.sort((a, b) => Number(a.seq) - Number(b.seq)).map(toMail),
    markSent: (id, { now, transport, keepBody }) =>
      sql.run(
        `UPDATE mail_queue SET status = 'sent', sent_at = $2, transport = $3, lease_until = NULL, attempts = attempts + 1, last_error = NULL,
           body_box = CASE WHEN $4 THEN body_box ELSE NULL END WHERE id = $1`,
        [id, now, transport, keepBody],
      ),
    markFailed: (id, { error, nextAttemptAt, giveUp }) =>
      sql.run(
        `UPDATE mail_queue SET status = CASE WHEN $4 THEN 'failed' ELSE 'queued' END, attempts = attempts + 1, last_error = $2, next_attempt_at = $3,
           lease_until = NULL WHERE id = $1`,
        [id, error, nextAttemptAt, giveUp],
      ),
    async list({ page, pageSize }) {
      const { rows } = await sql(`SELECT ${MAIL_COLUMNS} FROM mail_queue ORDER BY seq DESC LIMIT $1 OFFSET $2`, [pageSize, (page - 1) * pageSize]);
      const total = (await sql('SELECT count(*)::int AS n FROM mail_queue')).rows[0].n as number;
      return { messages: rows.map(toMail), total };
    },
    find: async (id) => {
      const { rows } = await sql(`SELECT ${MAIL_COLUMNS} FROM mail_queue WHERE id = $1`, [id]);
      return rows[0] ? toMail(rows[0]) : null;
    },
    deleteFinishedUpTo: async (upTo) => (await sql(`DELETE FROM mail_queue WHERE status <> 'queued' AND created_at <= $1`, [upTo])).rowCount ?? 0,
  };
}
