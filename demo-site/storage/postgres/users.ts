import type { UserListQuery, UserRepository } from '../repositories';
import type { User } from '../rows';
import type { Sql } from './sql';

export const USER_COLUMNS = `id, email, display_name, password_hash, role, status, created_at, totp_secret_box, totp_last_step,
  pending_totp_box, pending_totp_created_at, failed_attempts, locked_until, last_signin_at, email_verified_at, frozen_at, enrol_required`;

export function toUser(row: Record<string, any>): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    role: row.role,
    status: row.status,
    createdAt: row.created_at,
    totp: row.totp_secret_box === null ? null : { secretBox: row.totp_secret_box, lastStep: row.totp_last_step },
    pendingTotp: row.pending_totp_box === null ? null : { secretBox: row.pending_totp_box, createdAt: row.pending_totp_created_at },
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
    lastSignInAt: row.last_signin_at,
    emailVerifiedAt: row.email_verified_at,
    frozenAt: row.frozen_at,
    enrolRequired: row.enrol_required,
  };
}

export const userValues = (u: User): unknown[] => [
  u.id, u.email, u.displayName, u.passwordHash, u.role, u.status, u.createdAt, u.totp?.secretBox ?? null, u.totp?.lastStep ?? null,
  u.pendingTotp?.secretBox ?? null, u.pendingTotp?.createdAt ?? null, u.failedAttempts, u.lockedUntil, u.lastSignInAt, u.emailVerifiedAt, u.frozenAt,
  u.enrolRequired,
];

export function postgresUsers(sql: Sql): UserRepository {
  const one = async (text: string, values: unknown[]) => {
    const { rows } = await sql(text, values);
    return rows[0] ? toUser(rows[0]) : null;
  };
  const changed = async (text: string, values: unknown[]) => ((await sql(text, values)).rowCount ?? 0) > 0;

  return {
    findById: (id) => one(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]),
    findByEmail: (email) => one(`SELECT ${USER_COLUMNS} FROM users WHERE email = $1`, [email]),
    insert: (user) =>
      changed(`INSERT INTO users (${USER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) ON CONFLICT (email) DO NOTHING`, userValues(user)),
    async list({ email, page, pageSize }: UserListQuery) {
      const where = 'WHERE ($1::text IS NULL OR strpos(email, $1) > 0)';
      const wanted = email ? email.toLowerCase() : null;
      const { rows } = await sql(
        `SELECT ${USER_COLUMNS}, (SELECT count(*) FROM backup_codes c WHERE c.user_id = u.id AND c.used_at IS NULL)::int AS codes_left
         FROM users u ${where} ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [wanted, pageSize, (page - 1) * pageSize],
      );
      const total = (await sql(`SELECT count(*)::int AS n FROM users ${where}`, [wanted])).rows[0].n as number;
      return { users: rows.map((row) => ({ ...toUser(row), codesLeft: row.codes_left })), total };
    },
    findAnyEnrolled: () => one(`SELECT ${USER_COLUMNS} FROM users WHERE totp_secret_box IS NOT NULL LIMIT 1`, []),
    hasAdmin: async () => (await sql(`SELECT 1 FROM users WHERE role = 'admin' LIMIT 1`)).rows.length > 0,
    setRole: (id, role) => sql.run('UPDATE users SET role = $2 WHERE id = $1', [id, role]),
    setPasswordHash: (id, hash) => sql.run('UPDATE users SET password_hash = $2 WHERE id = $1', [id, hash]),
    async recordFailure(id, { threshold, lockMs, now }) {
      // One statement, so simultaneous failures each count once, and exactly one of them locks.
      const { rows } = await sql(
        `WITH counted AS (
           SELECT id, CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN 1 ELSE failed_attempts + 1 END AS failures,
                  CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN NULL ELSE locked_until END AS lock
           FROM users WHERE id = $1 FOR UPDATE)
         UPDATE users u SET
           failed_attempts = CASE WHEN c.failures >= $3 THEN 0 ELSE c.failures END,
           locked_until = CASE WHEN c.failures >= $3 THEN $2::bigint + $4::bigint ELSE c.lock END
         FROM counted c WHERE u.id = c.id
         RETURNING c.failures >= $3 AS locked, u.locked_until`,
        [id, now, threshold, lockMs],
      );
      return { lockedUntil: rows[0]?.locked ? rows[0].locked_until : null };
    },
    markSignedIn: (id, now) => sql.run('UPDATE users SET failed_attempts = 0, locked_until = NULL, last_signin_at = $2 WHERE id = $1', [id, now]),
    unlock: (id) => sql.run('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [id]),
    setPendingTotp: (id, pending, activeBox) =>
      changed(
        'UPDATE users SET pending_totp_box = $2, pending_totp_created_at = $3 WHERE id = $1 AND totp_secret_box IS NOT DISTINCT FROM $4',
        [id, pending.secretBox, pending.createdAt, activeBox],
      ),
    activateTotp: (id, totp, pendingBox) =>
      changed(
        `UPDATE users SET totp_secret_box = $2, totp_last_step = $3, pending_totp_box = NULL, pending_totp_created_at = NULL, status = 'active', enrol_required = false
         WHERE id = $1 AND totp_secret_box IS NULL AND pending_totp_box = $4`,
        [id, totp.secretBox, totp.lastStep, pendingBox],
      ),
    replaceTotp: (id, totp, pendingBox) =>
      changed(
        `UPDATE users SET totp_secret_box = $2, totp_last_step = $3, pending_totp_box = NULL, pending_totp_created_at = NULL
         WHERE id = $1 AND totp_secret_box IS NOT NULL AND pending_totp_box = $4`,
        [id, totp.secretBox, totp.lastStep, pendingBox],
      ),
    clearPendingTotp: (id, pendingBox) =>
      changed('UPDATE users SET pending_totp_box = NULL, pending_totp_created_at = NULL WHERE id = $1 AND pending_totp_box = $2', [id, pendingBox]),
    // The replay rule in one conditional update: of any number of processes, one records a step, once.
    advanceTotpStep: (id, step) => changed('UPDATE users SET totp_last_step = $2 WHERE id = $1 AND totp_secret_box IS NOT NULL AND totp_last_step < $2', [id, step]),
    disableTotp: (id, { enrolAgain = false } = {}) =>
      changed(
        `UPDATE users SET totp_secret_box = NULL, totp_last_step = NULL, pending_totp_box = NULL, pending_totp_created_at = NULL, failed_attempts = 0,
           enrol_required = enrol_required OR $2
         WHERE id = $1 AND totp_secret_box IS NOT NULL`,
        [id, enrolAgain],
      ),
    deleteAbandoned: async ({ unenrolledUpTo, unverifiedUpTo }) =>
      (await sql(
        `DELETE FROM users WHERE (status = 'pending' AND coalesce(email_verified_at, created_at) <= $1)
           OR ($2::bigint IS NOT NULL AND email_verified_at IS NULL AND last_signin_at IS NULL AND created_at <= $2)`,
        [unenrolledUpTo, unverifiedUpTo ?? null],
      )).rowCount ?? 0,
    markEmailVerified: (id, email, now) =>
      changed('UPDATE users SET email_verified_at = coalesce(email_verified_at, $3) WHERE id = $1 AND email = $2', [id, email, now]),
    async changeEmail(id, email, now) {
      // The unique index decides between two accounts taking the same address at the same moment.
      try {
        return await changed(
          'UPDATE users SET email = $2, email_verified_at = $3 WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM users o WHERE o.email = $2 AND o.id <> $1)',
          [id, email, now],
        );
      } catch (error) {
        if ((error as { code?: string }).code === '23505') return false;
        throw error;
      }
    },
    freeze: (id, now) => changed('UPDATE users SET frozen_at = $2 WHERE id = $1 AND frozen_at IS NULL', [id, now]),
    unfreeze: (id) => changed('UPDATE users SET frozen_at = NULL WHERE id = $1 AND frozen_at IS NOT NULL', [id]),
    listFrozen: async (limit) =>
      (await sql(`SELECT ${USER_COLUMNS} FROM users WHERE frozen_at IS NOT NULL ORDER BY frozen_at DESC, id LIMIT $1`, [limit])).rows.map(toUser),
  };
}
