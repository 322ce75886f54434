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
  /** Consecutive failures from clients the account does not trust (no device cookie of it); see auth/throttle.ts. */
  failedAttempts: number;
  /** The hard lock, for clients without a device cookie of the account, after a total far past any guessing budget. */
  lockedUntil: number | null;
  lastSignInAt: number | null;
  /** When the current email address was proven by a link sent to it; null while it is not. */
  emailVerifiedAt: number | null;
  /** Set by "This wasn't me" (or an administrator): no sign-in until an administrator unfreezes the account. */
  frozenAt: number | null;
  /** Set when a recovery turned MFA off: the next sign-in must enrol again, whatever MFA_POLICY says. */
  enrolRequired: boolean;
}

export interface BackupCode { userId: string; hash: string; usedAt: number | null }

export interface Session { idHash: string; userId: string; scope: SessionScope; createdAt: number; lastSeenAt: number }

/** `wantsTokens`: the password step asked for tokens, so the code step answers with tokens too. */
export interface Ticket { idHash: string; userId: string; expiresAt: number; failures: number; wantsTokens: boolean }

/** How the user proved who they are (RFC 8176 names), carried by every access token of a sign-in. */
export type AuthMethod = 'pwd' | 'otp' | 'qr';

/** One sign-in of an API client: its refresh tokens follow one another, and the family ends as a whole. */
export interface RefreshFamily {
  id: string;
  userId: string;
  amr: AuthMethod[];
  createdAt: number;
  revokedAt: number | null;
  /** Why it ended: signout, reuse, mfa_disabled, ... */
  revokedReason: string | null;
}

/** A refresh token, kept as its hash. Retired once traded for the next: presenting it again revokes the family. */
export interface RefreshToken { hash: string; familyId: string; createdAt: number; expiresAt: number; retiredAt: number | null }

/** A key that signs access tokens: the private half sealed under the server key, the public half published. */
export interface SigningKey {
  /** The JWT `kid`. */
  id: string;
  algorithm: 'EdDSA';
  publicJwk: Record<string, string>;
  privateBox: string;
  createdAt: number;
  /** When it stopped signing (a newer key took over); published until the tokens it signed have expired. */
  retiredAt: number | null;
}

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

/** What a single-use link sent by email is for. */
export type LinkPurpose = 'verify_email' | 'change_email' | 'reset_password' | 'not_me' | 'recovery_confirm' | 'recovery_cancel' | 'backup_codes';

/** A single-use link sent by email: the token is in the link, only its hash here. */
export interface LinkToken {
  idHash: string;
  purpose: LinkPurpose;
  userId: string;
  createdAt: number;
  expiresAt: number;
  /** Set when the link was used: it then says "already used" rather than working again. */
  usedAt: number | null;
  /** What the link acts on: the address to verify, the recovery or the delivery it belongs to. */
  subject: string | null;
}

export type MailStatus = 'queued' | 'sent' | 'failed';

/** An outgoing email. Its body (which holds links) is sealed with the server key, and dropped once sent over SMTP. */
export interface MailMessage {
  id: string;
  kind: string;
  userId: string | null;
  to: string;
  subject: string;
  bodyBox: string | null;
  createdAt: number;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: number;
  /** While one process is sending it, no other takes it. */
  leaseUntil: number | null;
  sentAt: number | null;
  lastError: string | null;
  /** Where it went: 'smtp' or 'outbox'. */
  transport: string | null;
}

/** awaiting_email: the link is out. waiting: confirmed, MFA goes off at `readyAt`. Then completed or cancelled. */
export type RecoveryState = 'awaiting_email' | 'waiting' | 'completed' | 'cancelled';

/** Recovery of an account whose every second factor is lost. */
export interface Recovery {
  id: string;
  userId: string;
  state: RecoveryState;
  createdAt: number;
  confirmedAt: number | null;
  readyAt: number | null;
  closedAt: number | null;
  /** Who closed it: the user's id, an administrator's id, or null (the site, when the delay ran out). */
  closedBy: string | null;
  ip: string;
}

/** Backup codes on their way to their user: sealed until fetched once, then only the codes' hashes remain. */
export interface BackupDelivery {
  id: string;
  userId: string;
  requestId: string | null;
  /** 'mail': the user fetches them by link or on /account. 'hand_over': an administrator was shown them. */
  method: 'mail' | 'hand_over';
  codesBox: string | null;
  createdAt: number;
  expiresAt: number;
  fetchedAt: number | null;
}

/** A browser the account signed in from (OWASP device cookies): its failures count apart from strangers'. */
export interface Device { idHash: string; userId: string; createdAt: number; lastUsedAt: number; failures: number }

/** Failures of one client (a device, or an address) against one account, and how long it must wait. */
export interface Throttle { key: string; failures: number; blockedUntil: number | null; updatedAt: number }
