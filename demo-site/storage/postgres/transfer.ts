// Bulk copying in and out of PostgreSQL: rows in key order, in batches; inserts of whole arrays (unnest), keeping
// the rows already there, so an import run twice adds nothing the second time.
import type { Transfer, TransferRows, TransferTable } from '../storage';
import { toAuditEntry } from './audit';
import { toRequest } from './backup';
import { toSession, toTicket } from './sessions';
import type { Sql } from './sql';
import { toUser, userValues } from './users';

interface TableSpec<Row> {
  name: string;
  order: string;
  columns: [column: string, type: string][];
  /** Rows that belong to a user: those whose user is not in the database are left out. */
  ofUser?: boolean;
  values(row: Row): unknown[];
  read(row: Record<string, any>): Row;
}

const SPECS: { [T in TransferTable]: TableSpec<TransferRows[T]> } = {
  users: {
    name: 'users', order: 'id',
    columns: [['id', 'text'], ['email', 'text'], ['display_name', 'text'], ['password_hash', 'text'], ['role', 'text'], ['status', 'text'],
      ['created_at', 'bigint'], ['totp_secret_box', 'text'], ['totp_last_step', 'bigint'], ['pending_totp_box', 'text'],
      ['pending_totp_created_at', 'bigint'], ['failed_attempts', 'int'], ['locked_until', 'bigint'], ['last_signin_at', 'bigint']],
    values: userValues, read: toUser,
  },
  backupCodes: {
    name: 'backup_codes', order: 'user_id, hash', ofUser: true, columns: [['user_id', 'text'], ['hash', 'text'], ['used_at', 'bigint']],
    values: (c) => [c.userId, c.hash, c.usedAt], read: (row) => ({ userId: row.user_id, hash: row.hash, usedAt: row.used_at }),
  },
  backupRequests: {
    name: 'backup_requests', order: 'id', ofUser: true,
    columns: [['id', 'text'], ['user_id', 'text'], ['status', 'text'], ['message', 'text'], ['created_at', 'bigint'], ['updated_at', 'bigint'], ['ip', 'text'], ['reason', 'text']],
    values: (r) => [r.id, r.userId, r.status, r.message, r.createdAt, r.updatedAt, r.ip, r.reason ?? null], read: toRequest,
  },
  sessions: {
    name: 'sessions', order: 'id_hash', ofUser: true,
    columns: [['id_hash', 'text'], ['user_id', 'text'], ['scope', 'text'], ['created_at', 'bigint'], ['last_seen_at', 'bigint']],
    values: (s) => [s.idHash, s.userId, s.scope, s.createdAt, s.lastSeenAt], read: toSession,
  },
  tickets: {
    name: 'tickets', order: 'id_hash', ofUser: true, columns: [['id_hash', 'text'], ['user_id', 'text'], ['expires_at', 'bigint'], ['failures', 'int']],
    values: (t) => [t.idHash, t.userId, t.expiresAt, t.failures], read: toTicket,
  },
  audit: {
    name: 'audit', order: 'seq',
    columns: [['id', 'text'], ['type', 'text'], ['at', 'bigint'], ['user_id', 'text'], ['actor_id', 'text'], ['ip', 'text'], ['user_agent', 'text'], ['details', 'jsonb']],
    values: (e) => [e.id, e.type, e.at, e.userId, e.actorId, e.ip, e.userAgent, JSON.stringify(e.details)], read: toAuditEntry,
  },
};

const BATCH = 5000;

export function postgresTransfer(sql: Sql): Transfer {
  return {
    async *export<T extends TransferTable>(table: T): AsyncIterable<TransferRows[T][]> {
      const spec = SPECS[table] as TableSpec<TransferRows[T]>;
      for (let offset = 0; ; offset += BATCH) {
        const { rows } = await sql(`SELECT * FROM ${spec.name} ORDER BY ${spec.order} LIMIT $1 OFFSET $2`, [BATCH, offset]);
        if (rows.length > 0) yield rows.map(spec.read);
        if (rows.length < BATCH) return;
      }
    },
    async import<T extends TransferTable>(table: T, rows: TransferRows[T][]): Promise<number> {
      const spec = SPECS[table] as TableSpec<TransferRows[T]>;
      let added = 0;
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH).map(spec.values);
        // One array per column; jsonb travels as text and is cast back.
        const arrays = spec.columns.map((_, column) => batch.map((values) => values[column]));
        const unnest = spec.columns.map(([, type], i) => `$${i + 1}::${type === 'jsonb' ? 'text' : type}[]`).join(', ');
        const select = spec.columns.map(([name, type]) => (type === 'jsonb' ? `${name}::jsonb` : name)).join(', ');
        const names = spec.columns.map(([name]) => name).join(', ');
        const result = await sql(
          `INSERT INTO ${spec.name} (${names}) SELECT ${select} FROM unnest(${unnest}) AS t(${names})
           ${spec.ofUser ? 'WHERE EXISTS (SELECT 1 FROM users u WHERE u.id = t.user_id)' : ''} ON CONFLICT DO NOTHING`,
          arrays,
        );
        added += result.rowCount ?? 0;
      }
      return added;
    },
  };
}
