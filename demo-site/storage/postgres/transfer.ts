// Bulk copying in and out of PostgreSQL: rows in key order, in batches; inserts of whole arrays (unnest), keeping
// the rows already there, so an import run twice adds nothing the second time.
import type { Transfer, TransferRows, TransferTable } from '../storage';
import { toAuditEntry } from './audit';
import { toRequest } from './backup';
import { toSession, toTicket } from './sessions';
import { toFamily, toRefreshToken, toSigningKey } from './tokens';
import type { Sql } from './sql';
import { toUser, userValues } from './users';
import { mailValues, toLinkToken, toMail } from './mail-and-links';
import { toDelivery, toRecovery } from './recovery-and-delivery';
import { toDevice } from './devices-and-throttles';

interface TableSpec<Row> {
  name: string;
  order: string;
  columns: [column: string, type: string][];
  /** Rows that belong to another (a user, a family): those whose owner is not in the database are left out. */
  owner?: string;
  values(row: Row): unknown[];
  read(row: Record<string, any>): Row;
}

const OF_USER = 'EXISTS (SELECT 1 FROM users u WHERE u.id = t.user_id)';

const SPECS: { [T in TransferTable]: TableSpec<TransferRows[T]> } = {
  users: {
    name: 'users', order: 'id',
    columns: [['id', 'text'], ['email', 'text'], ['display_name', 'text'], ['password_hash', 'text'], ['role', 'text'], ['status', 'text'],
      ['created_at', 'bigint'], ['totp_secret_box', 'text'], ['totp_last_step', 'bigint'], ['pending_totp_box', 'text'],
      ['pending_totp_created_at', 'bigint'], ['failed_attempts', 'int'], ['locked_until', 'bigint'], ['last_signin_at', 'bigint'],
      ['email_verified_at', 'bigint'], ['frozen_at', 'bigint'], ['enrol_required', 'boolean']],
    values: userValues, read: toUser,
  },
  backupCodes: {
    name: 'backup_codes', order: 'user_id, hash', owner: OF_USER, columns: [['user_id', 'text'], ['hash', 'text'], ['used_at', 'bigint']],
    values: (c) => [c.userId, c.hash, c.usedAt], read: (row) => ({ userId: row.user_id, hash: row.hash, usedAt: row.used_at }),
  },
  backupRequests: {
    name: 'backup_requests', order: 'id', owner: OF_USER,
    columns: [['id', 'text'], ['user_id', 'text'], ['status', 'text'], ['message', 'text'], ['created_at', 'bigint'], ['updated_at', 'bigint'], ['ip', 'text'], ['reason', 'text']],
    values: (r) => [r.id, r.userId, r.status, r.message, r.createdAt, r.updatedAt, r.ip, r.reason ?? null], read: toRequest,
  },
  sessions: {
    name: 'sessions', order: 'id_hash', owner: OF_USER,
    columns: [['id_hash', 'text'], ['user_id', 'text'], ['scope', 'text'], ['created_at', 'bigint'], ['last_seen_at', 'bigint']],
    values: (s) => [s.idHash, s.userId, s.scope, s.createdAt, s.lastSeenAt], read: toSession,
  },
  tickets: {
    name: 'tickets', order: 'id_hash', owner: OF_USER,
    columns: [['id_hash', 'text'], ['user_id', 'text'], ['expires_at', 'bigint'], ['failures', 'int'], ['wants_tokens', 'boolean']],
    values: (t) => [t.idHash, t.userId, t.expiresAt, t.failures, t.wantsTokens], read: toTicket,
  },
  signingKeys: {
    name: 'signing_keys', order: 'created_at, id',
    columns: [['id', 'text'], ['algorithm', 'text'], ['public_jwk', 'jsonb'], ['private_box', 'text'], ['created_at', 'bigint'], ['retired_at', 'bigint']],
    values: (k) => [k.id, k.algorithm, JSON.stringify(k.publicJwk), k.privateBox, k.createdAt, k.retiredAt], read: toSigningKey,
  },
  refreshFamilies: {
    name: 'refresh_families', order: 'id', owner: OF_USER,
    columns: [['id', 'text'], ['user_id', 'text'], ['amr', 'jsonb'], ['created_at', 'bigint'], ['revoked_at', 'bigint'], ['revoked_reason', 'text']],
    values: (f) => [f.id, f.userId, JSON.stringify(f.amr), f.createdAt, f.revokedAt, f.revokedReason], read: toFamily,
  },
  refreshTokens: {
    name: 'refresh_tokens', order: 'hash', owner: 'EXISTS (SELECT 1 FROM refresh_families f WHERE f.id = t.family_id)',
    columns: [['hash', 'text'], ['family_id', 'text'], ['created_at', 'bigint'], ['expires_at', 'bigint'], ['retired_at', 'bigint']],
    values: (t) => [t.hash, t.familyId, t.createdAt, t.expiresAt, t.retiredAt], read: toRefreshToken,
  },
  linkTokens: {
    name: 'link_tokens', order: 'id_hash', owner: OF_USER,
    columns: [['id_hash', 'text'], ['purpose', 'text'], ['user_id', 'text'], ['created_at', 'bigint'], ['expires_at', 'bigint'], ['used_at', 'bigint'], ['subject', 'text']],
    values: (t) => [t.idHash, t.purpose, t.userId, t.createdAt, t.expiresAt, t.usedAt, t.subject], read: toLinkToken,
  },
  recoveries: {
    name: 'recoveries', order: 'id', owner: OF_USER,
    columns: [['id', 'text'], ['user_id', 'text'], ['state', 'text'], ['created_at', 'bigint'], ['confirmed_at', 'bigint'], ['ready_at', 'bigint'],
      ['closed_at', 'bigint'], ['closed_by', 'text'], ['ip', 'text']],
    values: (r) => [r.id, r.userId, r.state, r.createdAt, r.confirmedAt, r.readyAt, r.closedAt, r.closedBy, r.ip], read: toRecovery,
  },
  backupDeliveries: {
    name: 'backup_deliveries', order: 'id', owner: OF_USER,
    columns: [['id', 'text'], ['user_id', 'text'], ['request_id', 'text'], ['method', 'text'], ['codes_box', 'text'], ['created_at', 'bigint'],
      ['expires_at', 'bigint'], ['fetched_at', 'bigint']],
    values: (d) => [d.id, d.userId, d.requestId, d.method, d.codesBox, d.createdAt, d.expiresAt, d.fetchedAt], read: toDelivery,
  },
  devices: {
    name: 'devices', order: 'id_hash', owner: OF_USER,
    columns: [['id_hash', 'text'], ['user_id', 'text'], ['created_at', 'bigint'], ['last_used_at', 'bigint'], ['failures', 'int']],
    values: (d) => [d.idHash, d.userId, d.createdAt, d.lastUsedAt, d.failures], read: toDevice,
  },
  mail: {
    name: 'mail_queue', order: 'seq',
    columns: [['id', 'text'], ['kind', 'text'], ['user_id', 'text'], ['recipient', 'text'], ['subject', 'text'], ['body_box', 'text'], ['created_at', 'bigint'],
      ['status', 'text'], ['attempts', 'int'], ['next_attempt_at', 'bigint'], ['lease_until', 'bigint'], ['sent_at', 'bigint'], ['last_error', 'text'], ['transport', 'text']],
    values: mailValues, read: toMail,
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
           ${spec.owner ? `WHERE ${spec.owner}` : ''} ON CONFLICT DO NOTHING`,
          arrays,
        );
        added += result.rowCount ?? 0;
      }
      return added;
    },
  };
}
