// Refresh-token families and signing keys in PostgreSQL. Each promise of the repository is one statement, so it holds
// across processes without a transaction.
import type { RefreshTokenRepository, SigningKeyRepository } from '../repositories';
import type { RefreshFamily, RefreshToken, SigningKey } from '../rows';
import type { Sql } from './sql';

export const toFamily = (row: Record<string, any>): RefreshFamily => ({
  id: row.id, userId: row.user_id, amr: row.amr, createdAt: row.created_at, revokedAt: row.revoked_at, revokedReason: row.revoked_reason,
});

export const toRefreshToken = (row: Record<string, any>): RefreshToken => ({
  hash: row.hash, familyId: row.family_id, createdAt: row.created_at, expiresAt: row.expires_at, retiredAt: row.retired_at,
});

export const toSigningKey = (row: Record<string, any>): SigningKey => ({
  id: row.id, algorithm: row.algorithm, publicJwk: row.public_jwk, privateBox: row.private_box, createdAt: row.created_at, retiredAt: row.retired_at,
});

export function postgresRefreshTokens(sql: Sql): RefreshTokenRepository {
  const count = async (text: string, values: unknown[]) => (await sql(text, values)).rowCount ?? 0;
  return {
    async insertFamily(family, first) {
      // One statement: the family and its first token are stored together or not at all.
      await sql(
        `WITH family AS (
           INSERT INTO refresh_families (id, user_id, amr, created_at, revoked_at, revoked_reason) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id)
         INSERT INTO refresh_tokens (hash, family_id, created_at, expires_at, retired_at) SELECT $7, id, $8, $9, $10 FROM family`,
        [family.id, family.userId, JSON.stringify(family.amr), family.createdAt, family.revokedAt, family.revokedReason, first.hash, first.createdAt, first.expiresAt, first.retiredAt],
      );
    },
    async find(hash) {
      const { rows } = await sql(
        `SELECT t.*, f.user_id, f.amr, f.created_at AS family_created_at, f.revoked_at, f.revoked_reason
         FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id WHERE t.hash = $1`,
        [hash],
      );
      const row = rows[0];
      if (!row) return null;
      return {
        token: { hash: row.hash, familyId: row.family_id, createdAt: row.created_at, expiresAt: row.expires_at, retiredAt: row.retired_at },
        family: toFamily({ ...row, id: row.family_id, created_at: row.family_created_at }),
      };
    },
    findFamily: async (id) => {
      const { rows } = await sql('SELECT * FROM refresh_families WHERE id = $1', [id]);
      return rows[0] ? toFamily(rows[0]) : null;
    },
    // Retiring and adding in one statement: of racing requests (in any process) one retires the token, and only it adds.
    rotate: async (hash, next, now) =>
      (await count(
        `WITH retired AS (
           UPDATE refresh_tokens t SET retired_at = $2 FROM refresh_families f
           WHERE t.hash = $1 AND t.retired_at IS NULL AND f.id = t.family_id AND f.revoked_at IS NULL
           RETURNING t.family_id)
         INSERT INTO refresh_tokens (hash, family_id, created_at, expires_at) SELECT $3, family_id, $4, $5 FROM retired`,
        [hash, now, next.hash, next.createdAt, next.expiresAt],
      )) > 0,
    revokeFamily: async (id, { now, reason }) =>
      (await count('UPDATE refresh_families SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL', [id, now, reason])) > 0,
    revokeAllForUser: (userId, { now, reason }) =>
      count('UPDATE refresh_families SET revoked_at = $2, revoked_reason = $3 WHERE user_id = $1 AND revoked_at IS NULL', [userId, now, reason]),
    async deleteExpired(now) {
      const { rows } = await sql('DELETE FROM refresh_tokens WHERE expires_at <= $1 RETURNING family_id', [now]);
      const families = [...new Set(rows.map((row) => row.family_id as string))];
      if (families.length > 0) {
        await sql('DELETE FROM refresh_families f WHERE f.id = ANY($1) AND NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = f.id)', [families]);
      }
      return rows.length;
    },
  };
}

export function postgresSigningKeys(sql: Sql): SigningKeyRepository {
  return {
    list: async () =>
      (await sql('SELECT * FROM signing_keys ORDER BY retired_at IS NULL DESC, created_at DESC, id')).rows.map(toSigningKey),
    insertCurrent: async (key) =>
      ((
        await sql(
          `INSERT INTO signing_keys (id, algorithm, public_jwk, private_box, created_at, retired_at) VALUES ($1, $2, $3, $4, $5, NULL)
           ON CONFLICT ((retired_at IS NULL)) WHERE retired_at IS NULL DO NOTHING`,
          [key.id, key.algorithm, JSON.stringify(key.publicJwk), key.privateBox, key.createdAt],
        )
      ).rowCount ?? 0) > 0,
    retire: async (id, now) => ((await sql('UPDATE signing_keys SET retired_at = $2 WHERE id = $1 AND retired_at IS NULL', [id, now])).rowCount ?? 0) > 0,
    deleteRetiredUpTo: async (cutoff) => (await sql('DELETE FROM signing_keys WHERE retired_at IS NOT NULL AND retired_at <= $1', [cutoff])).rowCount ?? 0,
  };
}
