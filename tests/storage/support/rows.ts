// Rows for storage tests.
import { randomUUID } from 'node:crypto';
import type { AuditEntry, QrSession, User } from '../../../demo-site/storage/rows';

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
