// The PostgreSQL schema, as numbered migrations applied in order at start, each in its own transaction, under an
// advisory lock so that processes starting together apply each one once. A new table is a new entry at the end;
// an applied migration is never edited.
import type { Pool } from 'pg';
import { toStorageError } from './sql';

export interface Migration { version: number; name: string; sql: string }

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'users, backup codes, sessions, tickets, backup-code requests, audit log',
    sql: `
      CREATE TABLE users (
        id text PRIMARY KEY,
        email text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('user', 'admin')),
        status text NOT NULL CHECK (status IN ('pending', 'active')),
        created_at bigint NOT NULL,
        totp_secret_box text,
        totp_last_step bigint,
        pending_totp_box text,
        pending_totp_created_at bigint,
        failed_attempts integer NOT NULL DEFAULT 0,
        locked_until bigint,
        last_signin_at bigint
      );
      CREATE INDEX users_newest ON users (created_at DESC, id);
      CREATE INDEX users_admins ON users (id) WHERE role = 'admin';
      CREATE INDEX users_pending ON users (created_at) WHERE status = 'pending';

      CREATE TABLE backup_codes (
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        hash text NOT NULL,
        used_at bigint,
        PRIMARY KEY (user_id, hash)
      );

      CREATE TABLE sessions (
        id_hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        scope text NOT NULL CHECK (scope IN ('full', 'enrol')),
        created_at bigint NOT NULL,
        last_seen_at bigint NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (user_id);
      CREATE INDEX sessions_last_seen ON sessions (last_seen_at);
      CREATE INDEX sessions_created ON sessions (created_at);

      CREATE TABLE tickets (
        id_hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        expires_at bigint NOT NULL,
        failures integer NOT NULL DEFAULT 0
      );
      CREATE INDEX tickets_user ON tickets (user_id);
      CREATE INDEX tickets_expires ON tickets (expires_at);

      CREATE TABLE backup_requests (
        id text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('open', 'issued', 'denied')),
        message text NOT NULL,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL,
        ip text NOT NULL,
        reason text
      );
      CREATE UNIQUE INDEX backup_requests_one_open ON backup_requests (user_id) WHERE status = 'open';
      CREATE INDEX backup_requests_user ON backup_requests (user_id, created_at);
      CREATE INDEX backup_requests_status ON backup_requests (status, created_at);

      CREATE TABLE audit (
        seq bigserial PRIMARY KEY,
        id text NOT NULL UNIQUE,
        type text NOT NULL,
        at bigint NOT NULL,
        user_id text,
        actor_id text,
        ip text NOT NULL,
        user_agent text NOT NULL,
        details jsonb NOT NULL
      );
      CREATE INDEX audit_user ON audit (user_id, seq);
      CREATE INDEX audit_actor ON audit (actor_id, seq);
      CREATE INDEX audit_type ON audit (type, seq);
    `,
  },
  {
    version: 2,
    name: 'QR sign-ins and rate-limit counters, shared by every process',
    sql: `
      CREATE TABLE qr_sessions (
        id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('signin', 'pair')),
        token_hash text NOT NULL UNIQUE,
        binding text NOT NULL,
        created_at bigint NOT NULL,
        qr_expires_at bigint NOT NULL,
        state text NOT NULL CHECK (state IN ('waiting', 'scanned', 'paired', 'locked', 'done')),
        user_id text,
        pending_box text,
        device text,
        pin_hash text,
        pin_expires_at bigint,
        pin_previous_hash text,
        pin_delivered boolean,
        pin_failures integer NOT NULL DEFAULT 0,
        channel_hash text UNIQUE,
        version integer NOT NULL DEFAULT 0
      );
      CREATE INDEX qr_sessions_binding ON qr_sessions (binding);
      CREATE INDEX qr_sessions_created ON qr_sessions (created_at);

      CREATE TABLE rate_limits (
        key text PRIMARY KEY,
        hits integer NOT NULL,
        reset_at bigint NOT NULL
      );
      CREATE INDEX rate_limits_reset ON rate_limits (reset_at);
    `,
  },
  {
    version: 3,
    name: 'email verification, freezing and recovery; mail queue, links by email, recoveries, backup-code deliveries, devices, throttles',
    sql: `
      ALTER TABLE users ADD COLUMN email_verified_at bigint, ADD COLUMN frozen_at bigint, ADD COLUMN enrol_required boolean NOT NULL DEFAULT false;
      -- Accounts made before verification existed keep signing in.
      UPDATE users SET email_verified_at = created_at;
      CREATE INDEX users_unverified ON users (created_at) WHERE email_verified_at IS NULL;
      CREATE INDEX users_frozen ON users (frozen_at) WHERE frozen_at IS NOT NULL;

      CREATE TABLE link_tokens (
        id_hash text PRIMARY KEY,
        purpose text NOT NULL,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at bigint NOT NULL,
        expires_at bigint NOT NULL,
        used_at bigint,
        subject text
      );
      CREATE INDEX link_tokens_user ON link_tokens (user_id, purpose);
      CREATE INDEX link_tokens_expires ON link_tokens (expires_at);

      CREATE TABLE mail_queue (
        seq bigserial UNIQUE,
        id text PRIMARY KEY,
        kind text NOT NULL,
        user_id text,
        recipient text NOT NULL,
        subject text NOT NULL,
        body_box text,
        created_at bigint NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at bigint NOT NULL,
        lease_until bigint,
        sent_at bigint,
        last_error text,
        transport text
      );
      CREATE INDEX mail_queue_due ON mail_queue (next_attempt_at) WHERE status = 'queued';

      CREATE TABLE recoveries (
        id text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        state text NOT NULL CHECK (state IN ('awaiting_email', 'waiting', 'completed', 'cancelled')),
        created_at bigint NOT NULL,
        confirmed_at bigint,
        ready_at bigint,
        closed_at bigint,
        closed_by text,
        ip text NOT NULL
      );
      CREATE UNIQUE INDEX recoveries_one_open ON recoveries (user_id) WHERE state IN ('awaiting_email', 'waiting');

      CREATE TABLE backup_deliveries (
        id text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        request_id text,
        method text NOT NULL CHECK (method IN ('mail', 'hand_over')),
        codes_box text,
        created_at bigint NOT NULL,
        expires_at bigint NOT NULL,
        fetched_at bigint
      );
      CREATE INDEX backup_deliveries_user ON backup_deliveries (user_id, created_at);
      CREATE INDEX backup_deliveries_request ON backup_deliveries (request_id);

      CREATE TABLE devices (
        id_hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at bigint NOT NULL,
        last_used_at bigint NOT NULL,
        failures integer NOT NULL DEFAULT 0
      );
      CREATE INDEX devices_user ON devices (user_id);

      CREATE TABLE throttles (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        blocked_until bigint,
        updated_at bigint NOT NULL
      );
      CREATE INDEX throttles_updated ON throttles (updated_at);
    `,
  },
  {
    version: 4,
    name: 'access-token signing keys, refresh-token families, tickets that end in tokens',
    sql: `
      CREATE TABLE signing_keys (
        id text PRIMARY KEY,
        algorithm text NOT NULL,
        public_jwk jsonb NOT NULL,
        private_box text NOT NULL,
        created_at bigint NOT NULL,
        retired_at bigint
      );
      -- At most one key signs: processes starting together make one between them.
      CREATE UNIQUE INDEX signing_keys_one_current ON signing_keys ((retired_at IS NULL)) WHERE retired_at IS NULL;

      CREATE TABLE refresh_families (
        id text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        amr jsonb NOT NULL,
        created_at bigint NOT NULL,
        revoked_at bigint,
        revoked_reason text
      );
      CREATE INDEX refresh_families_user ON refresh_families (user_id) WHERE revoked_at IS NULL;

      CREATE TABLE refresh_tokens (
        hash text PRIMARY KEY,
        family_id text NOT NULL REFERENCES refresh_families (id) ON DELETE CASCADE,
        created_at bigint NOT NULL,
        expires_at bigint NOT NULL,
        retired_at bigint
      );
      CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
      CREATE INDEX refresh_tokens_expires ON refresh_tokens (expires_at);

      ALTER TABLE tickets ADD COLUMN wants_tokens boolean NOT NULL DEFAULT false;
    `,
  },
  {
    version: 5,
    name: 'rate-limit counters and per-client delays kept without the write-ahead log',
    // Written at nearly every request, they need no fsync of their own: a database crash forgets them (as a restart
    // of the embedded store does), and an account's own failure count, which decides the hard lock, stays logged.
    sql: `
      ALTER TABLE rate_limits SET UNLOGGED;
      ALTER TABLE throttles SET UNLOGGED;
    `,
  },
];

/** Any number: every Tessera process uses the same one to take turns at migrating. */
const MIGRATION_LOCK = 0x7e55e7a;

/** Applies what is missing; refuses a database whose schema is newer than this code knows. Returns the versions applied. */
export async function migrate(pool: Pool): Promise<number[]> {
  const client = await pool.connect().catch((error) => Promise.reject(toStorageError(error)));
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
    const newest = Math.max(0, ...done);
    if (newest > MIGRATIONS.length) {
      throw new Error(`The database's schema (version ${newest}) is newer than this site knows (${MIGRATIONS.length}): update the site.`);
    }
    const applied: number[] = [];
    for (const migration of MIGRATIONS.filter((candidate) => !done.has(candidate.version))) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      applied.push(migration.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
