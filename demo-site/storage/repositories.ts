// The storage boundary: the narrow repositories domain code talks to, the same on every adapter.
// One rule for durability: a call that changes data returns once the change is durable; calls made through the
// repositories handed to `transaction()` take effect together, when the transaction returns, or not at all.
// A new kind of data gets an interface here, a memory and a PostgreSQL implementation (plus a migration), an entry in
// both adapters' createRepositories, and cases in tests/storage/repositories.contract.ts, which every adapter runs.
import type {
  AuditEntry, BackupCodeRequest, BackupRequestStatus, QrKind, QrSession, Role, Session, SessionScope, Ticket, TotpState, User,
} from './rows';

export interface UserListQuery { email?: string; page: number; pageSize: number }
export interface UserSummary extends User { codesLeft: number }

export interface UserRepository {
  findById(id: string): Promise<User | null>;
  findByEmail(email: string): Promise<User | null>;
  /** False when the email is taken (nothing is written then). */
  insert(user: User): Promise<boolean>;
  /** Newest first; `email` matches a part of the address. */
  list(query: UserListQuery): Promise<{ users: UserSummary[]; total: number }>;
  hasAdmin(): Promise<boolean>;
  /** Any one account with TOTP on (to check at start that the server key opens the stored secrets). */
  findAnyEnrolled(): Promise<User | null>;
  setRole(id: string, role: Role): Promise<void>;
  setPasswordHash(id: string, passwordHash: string): Promise<void>;
  /**
   * Counts one failure, atomically: a lock that ran out starts the count afresh, and reaching `threshold` locks the
   * account until `now + lockMs` (the count starts again). Returns the new lock's end when this failure locked it.
   */
  recordFailure(id: string, rule: { threshold: number; lockMs: number; now: number }): Promise<{ lockedUntil: number | null }>;
  /** A completed sign-in: failures and lock cleared, last sign-in time set. */
  markSignedIn(id: string, now: number): Promise<void>;
  unlock(id: string): Promise<void>;
  /** Only while TOTP is off; false otherwise. */
  setPendingTotp(id: string, pending: { secretBox: string; createdAt: number }): Promise<boolean>;
  /** Only while TOTP is off and `pendingBox` is still the pending secret: TOTP on, pending cleared, account active. */
  activateTotp(id: string, totp: TotpState, pendingBox: string): Promise<boolean>;
  /** Replay protection: records `step` as used only if it is later than every step used before. */
  advanceTotpStep(id: string, step: number): Promise<boolean>;
  /** Only while TOTP is on: TOTP and the pending secret cleared, failures reset. */
  disableTotp(id: string): Promise<boolean>;
  /** Accounts never activated, made at or before `cutoff`, with everything that belongs to them. */
  deletePendingCreatedUpTo(cutoff: number): Promise<number>;
}

export interface SessionRepository {
  insert(session: Session): Promise<void>;
  find(idHash: string): Promise<Session | null>;
  delete(idHash: string): Promise<boolean>;
  touch(idHash: string, lastSeenAt: number): Promise<void>;
  setScopeForUser(userId: string, scope: SessionScope): Promise<void>;
  /** Sessions last seen at or before `seenUpTo`, or made at or before `createdUpTo`. */
  deleteExpired(rule: { seenUpTo: number; createdUpTo: number }): Promise<number>;
}

export interface TicketRepository {
  insert(ticket: Ticket): Promise<void>;
  find(idHash: string): Promise<Ticket | null>;
  /** Counts a wrong code, atomically; at `maxAttempts` the ticket is deleted. Returns the attempts left. */
  recordFailure(idHash: string, maxAttempts: number): Promise<number>;
  /** Deletes the ticket; true for the one caller that did. */
  consume(idHash: string): Promise<boolean>;
  /** Tickets whose time ran out at or before `now`. */
  deleteExpired(now: number): Promise<number>;
}

export interface BackupCodeRepository {
  /** The user's codes become `hashes` (all unused); returns how many unused codes were revoked. */
  replaceForUser(userId: string, hashes: string[]): Promise<number>;
  /** Marks an unused code used; true for exactly one of any number of simultaneous callers. */
  redeem(userId: string, hash: string, usedAt: number): Promise<boolean>;
  countUnused(userId: string): Promise<number>;
}

export interface BackupRequestView extends BackupCodeRequest { userEmail: string | null }

export interface BackupRequestRepository {
  /** One open request per user: updates it when there is one, opens a request with `id` otherwise. */
  openOrUpdate(input: { id: string; userId: string; message: string; ip: string; now: number }): Promise<BackupCodeRequest>;
  find(id: string): Promise<BackupCodeRequest | null>;
  findOpenForUser(userId: string): Promise<BackupCodeRequest | null>;
  latestForUser(userId: string): Promise<BackupCodeRequest | null>;
  /** Only an open request closes; null when it was closed already. */
  close(id: string, outcome: { status: Exclude<BackupRequestStatus, 'open'>; now: number; reason?: string }): Promise<BackupCodeRequest | null>;
  /** Oldest first, at most `limit`. */
  listByStatus(status: BackupRequestStatus, limit: number): Promise<BackupRequestView[]>;
}

export interface AuditQuery { userId?: string; type?: string; page: number; pageSize: number }

export interface AuditRepository {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first; `userId` matches the subject or the actor. */
  query(query: AuditQuery): Promise<{ entries: AuditEntry[]; total: number }>;
}

export interface QrSessionRepository {
  insert(session: QrSession): Promise<void>;
  findByToken(tokenHash: string): Promise<QrSession | null>;
  findByChannel(channelHash: string): Promise<QrSession | null>;
  countLive(): Promise<number>;
  listWaiting(binding: string, kind: QrKind): Promise<QrSession[]>;
  hasBinding(binding: string): Promise<boolean>;
  /** Applies `patch` if nobody changed the session since `session` was read; the new state, or null. */
  update(session: QrSession, patch: Partial<Omit<QrSession, 'id' | 'version'>>): Promise<QrSession | null>;
  /** True for the one caller that removed it. */
  remove(id: string): Promise<boolean>;
  /** Sessions the clock has moved on: older than `maxAgeMs`, unscanned past their QR's time, PINs run out. */
  listDue(now: number, maxAgeMs: number): Promise<QrSession[]>;
}

export interface RateLimitRepository {
  /** Counts one hit on `key` in its current window (a new window starts when the last one ended). */
  hit(key: string, windowMs: number, now: number): Promise<{ hits: number; resetAt: number }>;
  /** Takes one hit back (a request that should not count). */
  unhit(key: string): Promise<void>;
  reset(key: string): Promise<void>;
  /** Forgets windows that ended at or before `now`. */
  deleteExpired(now: number): Promise<number>;
}

export interface Repositories {
  users: UserRepository;
  sessions: SessionRepository;
  tickets: TicketRepository;
  backupCodes: BackupCodeRepository;
  backupRequests: BackupRequestRepository;
  audit: AuditRepository;
  qrSessions: QrSessionRepository;
  rateLimits: RateLimitRepository;
}
