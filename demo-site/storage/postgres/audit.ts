import type { AuditRepository } from '../repositories';
import type { AuditEntry } from '../rows';
import type { Sql } from './sql';

export const toAuditEntry = (row: Record<string, any>): AuditEntry => ({
  id: row.id, type: row.type, at: row.at, userId: row.user_id, actorId: row.actor_id, ip: row.ip, userAgent: row.user_agent, details: row.details,
});

export function postgresAudit(sql: Sql): AuditRepository {
  return {
    append: (e) =>
      sql.run(
        'INSERT INTO audit (id, type, at, user_id, actor_id, ip, user_agent, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [e.id, e.type, e.at, e.userId, e.actorId, e.ip, e.userAgent, JSON.stringify(e.details)],
      ),
    async query({ userId, type, page, pageSize }) {
      const where = 'WHERE ($1::text IS NULL OR user_id = $1 OR actor_id = $1) AND ($2::text IS NULL OR type = $2)';
      const filters = [userId ?? null, type ?? null];
      const { rows } = await sql(`SELECT * FROM audit ${where} ORDER BY seq DESC LIMIT $3 OFFSET $4`, [...filters, pageSize, (page - 1) * pageSize]);
      const total = (await sql(`SELECT count(*)::int AS n FROM audit ${where}`, filters)).rows[0].n as number;
      return { entries: rows.map(toAuditEntry), total };
    },
  };
}
