// The site's data, as the domain sees it whatever the adapter. Secrets are kept only encrypted (TOTP keys) or hashed
// (passwords, session ids, tickets, backup codes, QR tokens, PINs).
export type Role = 'user' | 'admin';
export type SessionScope = 'full' | 'enrol';

export interface TotpState { secretBox: string; lastStep: number }
export interface PendingTotp { secretBox: string; createdAt: number }

export interface User {
  id: string;
  /** Normalised (trimmed, lower case); unique. */
  email: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  /** `pending` until the first code is verified when MFA is required; pending accounts expire. */
  status: 'pending' | 'active';
  createdAt: number;
  totp: TotpState | null;
  pendingTotp: PendingTotp | null;
  failedAttempts: number;
  lockedUntil: number | null;
  lastSignInAt: number | null;
}

export interface BackupCode { userId: string; hash: string; usedAt: number | null }

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

export type BackupRequestStatus = 'open' | 'issued' | 'denied';

export interface BackupCodeRequest {
  id: string;
  userId: string;
  status: BackupRequestStatus;
  message: string;
  createdAt: number;
  updatedAt: number;
  ip: string;
  reason?: string;
}

export type QrKind = 'signin' | 'pair';
/** waiting: shown, not scanned. scanned: PIN step. paired: secret handed out. locked: too many wrong PINs. done: signed in. */
export type QrState = 'waiting' | 'scanned' | 'paired' | 'locked' | 'done';

export interface PinState {
  hash: string;
  expiresAt: number;
  /** The PIN this one replaced: entering it answers "expired" instead of counting as a wrong guess. */
  previousHash: string | null;
  /** Whether the extension has this PIN; one it never received is replaced when it connects. */
  delivered: boolean;
}

/** A live QR sign-in or pairing; it lives at most 10 minutes. */
export interface QrSession {
  /** Not secret: ties the audit entries of one QR together. */
  id: string;
  kind: QrKind;
  tokenHash: string;
  /** Hash of what the owning browser holds: the QR cookie (sign-in) or the session id (pairing). */
  binding: string;
  createdAt: number;
  qrExpiresAt: number;
  state: QrState;
  /** Sign-in: the account that scanned. Pairing: the account being set up. */
  userId: string | null;
  /** Pairing: the sealed pending secret this QR hands out (a newer pending secret makes the QR void). */
  pendingBox: string | null;
  device: string | null;
  pin: PinState | null;
  pinFailures: number;
  channelHash: string | null;
  /** Grows with every change: an update made from an older copy is refused (another request got there first). */
  version: number;
}
