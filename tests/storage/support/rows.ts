// Rows for storage tests.
import { randomUUID } from 'node:crypto';
import type { AuditEntry, QrSession, RefreshFamily, RefreshToken, SigningKey, User } from '../../../demo-site/storage/rows';

export function sampleUser(email: string, extra: Partial<User> = {}): User {
  return {
    id: randomUUID(), email, displayName: email.split('@')[0], passwordHash: '$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g', role: 'user', status: 'active',
    createdAt: 1_000, totp: null, pendingTotp: null, failedAttempts: 0, lockedUntil: null, lastSignInAt: null,
    emailVerifiedAt: 1_000, frozenAt: null, enrolRequired: false, ...extra,
  };
}

export function sampleAudit(id: string, extra: Partial<AuditEntry> = {}): AuditEntry {
  return { id, type: 'test', at: 1, userId: null, actorId: null, ip: '127.0.0.1', userAgent: 'test', details: {}, ...extra };
}

export function sampleQr(extra: Partial<QrSession> = {}): QrSession {
  return {
    id: randomUUID(), kind: 'signin', tokenHash: randomUUID(), binding: 'qr:a', createdAt: 1_000, qrExpiresAt: 121_000, state: 'waiting', userId: null,
    pendingBox: null, device: null, pin: null, pinFailures: 0, channelHash: null, version: 0, ...extra,
  };
}

export function sampleFamily(id: string, userId: string, extra: Partial<RefreshFamily> = {}): RefreshFamily {
  return { id, userId, amr: ['pwd'], createdAt: 1_000, revokedAt: null, revokedReason: null, ...extra };
}

export function sampleRefreshToken(hash: string, familyId: string, extra: Partial<RefreshToken> = {}): RefreshToken {
  return { hash, familyId, createdAt: 1_000, expiresAt: 100_000, retiredAt: null, ...extra };
}

export function sampleSigningKey(id: string, createdAt: number): SigningKey {
  return { id, algorithm: 'EdDSA', publicJwk: { kty: 'OKP', crv: 'Ed25519', x: id }, privateBox: `sealed-${id}`, createdAt, retiredAt: null };
}
