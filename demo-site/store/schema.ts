// The shape of the data file. Secrets are stored only encrypted (TOTP keys) or hashed (passwords, session ids, tickets).
export type Role = 'user' | 'admin';
export type SessionScope = 'full' | 'enrol';

export interface TotpState { secretBox: string; lastStep: number }

export interface User {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  /** `pending` until the first code is verified when MFA is required; pending accounts expire. */
  status: 'pending' | 'active';
  createdAt: number;
  totp: TotpState | null;
  pendingTotp: { secretBox: string; createdAt: number } | null;
  failedAttempts: number;
  lockedUntil: number | null;
  lastSignInAt: number | null;
  backupCodes: BackupCode[];
}

export interface BackupCode { hash: string; usedAt: number | null }

export interface Session { idHash: string; userId: string; scope: SessionScope; createdAt: number; lastSeenAt: number }

export interface Ticket { idHash: string; userId: string; expiresAt: number; failures: number }

export interface AuditEntry {
  id: string;
  type: string;
  at: number;
  userId: string | null;
  actorId: string | null;
  ip: string;
  userAgent: string;
  details: Record<string, unknown>;
}

export interface BackupCodeRequest {
  id: string;
  userId: string;
  status: 'open' | 'issued' | 'denied';
  message: string;
  createdAt: number;
  updatedAt: number;
  ip: string;
  reason?: string;
}

export interface SiteData {
  users: User[];
  sessions: Session[];
  tickets: Ticket[];
  audit: AuditEntry[];
  backupCodeRequests: BackupCodeRequest[];
}

export function emptyData(): SiteData {
  return { users: [], sessions: [], tickets: [], audit: [], backupCodeRequests: [] };
}
