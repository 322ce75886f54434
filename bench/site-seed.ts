// Seeds a site store with many accounts and audit entries, fast: one argon2 hash shared by every account, rows
// written in bulk (the embedded store's files written directly; PostgreSQL through bulk inserts).
import { closeSync, mkdirSync, openSync, writeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { encodeBase32 } from '#shared/otp/index.ts';
import { sealSecret } from '../demo-site/crypto/secret-box';
import { loadServerKey } from '../demo-site/crypto/server-key';
import { totpPurpose } from '../demo-site/auth/totp-verify';
import { AUDIT_SEGMENT_BYTES, segmentFile } from '../demo-site/storage/embedded/audit-files';
import { DATA_FILE, emptySnapshot } from '../demo-site/storage/embedded/snapshot';
import { openPostgresStorage } from '../demo-site/storage/postgres';
import type { AuditEntry, User } from '../demo-site/storage/rows';

export const BENCH_SECRET = 'bench server secret, thirty-two characters or more';
export const BENCH_PASSWORD = 'bench password, long enough';
export const PLAIN_EMAIL = 'plain@example.com';
/** Accounts with TOTP on, one per connection of the code-step load: many people at their code step at once. */
export const TOTP_EMAILS = Array.from({ length: 64 }, (_, i) => `totp${i}@example.com`);
/** Accounts without MFA, signed in in turn by the password load: PLAIN_EMAIL and those made right after the TOTP ones. */
export const PLAIN_EMAILS = [PLAIN_EMAIL, ...Array.from({ length: 63 }, (_, i) => `user${TOTP_EMAILS.length + 1 + i}@example.com`)];

export interface Seed { users: User[]; totpSecret: string; auditEntries: number }

const TYPES = ['signin_success', 'signin_failure', 'signup', 'mfa_enabled', 'backup_code_used', 'qr_scanned'];
const AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

/** `count` accounts sharing one real argon2id hash (site defaults); the TOTP accounts' secret sealed under the bench key. */
export async function makeUsers(count: number, dataDir: string): Promise<Seed> {
  const passwordHash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const key = loadServerKey(dataDir, BENCH_SECRET);
  const totpSecret = encodeBase32(randomBytes(20));
  const now = Date.now();
  const users: User[] = Array.from({ length: count }, (_, i) => ({
    id: `u-${i.toString(36).padStart(8, '0')}-${randomBytes(6).toString('hex')}`,
    email: i === 0 ? PLAIN_EMAIL : i <= TOTP_EMAILS.length ? TOTP_EMAILS[i - 1] : `user${i}@example.com`,
    displayName: `User ${i}`, passwordHash, role: 'user', status: 'active', createdAt: now - (count - i) * 1000,
    totp: null, pendingTotp: null, failedAttempts: 0, lockedUntil: null, lastSignInAt: null, emailVerifiedAt: now, frozenAt: null, enrolRequired: false,
  }));
  for (const user of users.slice(1, TOTP_EMAILS.length + 1)) user.totp = { secretBox: sealSecret(key, totpSecret, totpPurpose(user.id)), lastStep: 0 };
  return { users, totpSecret, auditEntries: 0 };
}

function* auditEntries(count: number, users: User[]): Generator<AuditEntry> {
  const start = Date.now() - count * 100;
  for (let i = 0; i < count; i++) {
    const user = users[i % users.length];
    yield {
      id: `a-${i.toString(36).padStart(8, '0')}`, type: TYPES[i % TYPES.length], at: start + i * 100, userId: user.id, actorId: user.id,
      ip: `203.0.113.${i % 250}`, userAgent: AGENT, details: { method: 'password' },
    };
  }
}

/** The embedded store's files, as the site would have written them. */
export function seedEmbedded(dataDir: string, seed: Seed, auditCount: number): void {
  mkdirSync(dataDir, { recursive: true });
  let segment = 1;
  let bytes = 0;
  let fd = openSync(join(dataDir, segmentFile(segment)), 'w', 0o600);
  let chunk: string[] = [];
  const flush = () => {
    if (chunk.length) writeSync(fd, chunk.join(''));
    chunk = [];
  };
  for (const entry of auditEntries(auditCount, seed.users)) {
    const line = `${JSON.stringify(entry)}\n`;
    const length = Buffer.byteLength(line);
    if (bytes + length > AUDIT_SEGMENT_BYTES) {
      flush();
      closeSync(fd);
      fd = openSync(join(dataDir, segmentFile(++segment)), 'w', 0o600);
      bytes = 0;
    }
    chunk.push(line);
    bytes += length;
    if (chunk.length >= 10_000) flush();
  }
  flush();
  closeSync(fd);
  const snapshot = { ...emptySnapshot(), users: seed.users, audit: { segment, bytes } };
  writeFileSync(join(dataDir, DATA_FILE), JSON.stringify(snapshot), { mode: 0o600 });
  seed.auditEntries = auditCount;
}

/** The same rows in PostgreSQL, through the adapter's bulk import. */
export async function seedPostgres(databaseUrl: string, seed: Seed, auditCount: number): Promise<void> {
  const storage = await openPostgresStorage(databaseUrl);
  try {
    await storage.transfer.import('users', seed.users);
    let batch: AuditEntry[] = [];
    for (const entry of auditEntries(auditCount, seed.users)) {
      batch.push(entry);
      if (batch.length === 20_000) {
        await storage.transfer.import('audit', batch);
        batch = [];
      }
    }
    await storage.transfer.import('audit', batch);
    seed.auditEntries = auditCount;
  } finally {
    await storage.close();
  }
}
