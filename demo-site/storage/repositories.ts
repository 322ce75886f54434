// The storage boundary: the narrow repositories domain code talks to, the same on every adapter.
// One rule for durability: a call that changes data returns once the change is durable; calls made through the
// repositories handed to `transaction()` take effect together, when the transaction returns, or not at all.
// A new kind of data gets an interface here, a memory and a PostgreSQL implementation (plus a migration), an entry in
// both adapters' createRepositories, and cases in tests/storage/repositories.contract.ts, which every adapter runs.
import type {
  AuditEntry, BackupCodeRequest, BackupDelivery, BackupRequestStatus, Device, LinkPurpose, LinkToken, MailMessage, PendingTotp, QrKind, QrSession,
  Recovery, RecoveryState, RefreshFamily, RefreshToken, Role, Session, SessionScope, SigningKey, Throttle, Ticket, TotpState, User,
} from './rows';
import type { ThrottleRule } from './throttle-rule';

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
  /**
   * The secret of a new authenticator being set up: only while the active secret is `activeBox` (null: TOTP off, an
   * enrolment; a secret: a move to a new device). False otherwise.
   */
  setPendingTotp(id: string, pending: PendingTotp, activeBox: string | null): Promise<boolean>;
  /** Only while TOTP is off and `pendingBox` is still the pending secret: TOTP on, pending cleared, account active. */
  activateTotp(id: string, totp: TotpState, pendingBox: string): Promise<boolean>;
  /** A move to a new device ends: only while TOTP is on and `pendingBox` is still the pending secret, which becomes `totp`. */
  replaceTotp(id: string, totp: TotpState, pendingBox: string): Promise<boolean>;
  /** Drops the pending secret if it is still `pendingBox` (a cancelled move); true when it did. */
  clearPendingTotp(id: string, pendingBox: string): Promise<boolean>;
  /** Replay protection: records `step` as used only if it is later than every step used before. */
  advanceTotpStep(id: string, step: number): Promise<boolean>;
  /** Only while TOTP is on: TOTP and the pending secret cleared, failures reset; `enrolAgain` makes the next sign-in enrol. */
  disableTotp(id: string, options?: { enrolAgain?: boolean }): Promise<boolean>;
  /**
   * Abandoned signups, with everything that belongs to them: accounts never activated whose enrolment window started
   * (at verification, or else at creation) at or before `unenrolledUpTo`, and, when given, accounts never signed in
   * whose address was never verified, made at or before `unverifiedUpTo`.
   */
  deleteAbandoned(rule: { unenrolledUpTo: number; unverifiedUpTo?: number }): Promise<number>;
  /** Marks the address verified, only if it is still the account's address. */
  markEmailVerified(id: string, email: string, now: number): Promise<boolean>;
  /** Replaces the address by a verified new one; false when another account has it. */
  changeEmail(id: string, email: string, now: number): Promise<boolean>;
  /** False when it was frozen already. */
  freeze(id: string, now: number): Promise<boolean>;
  /** False when it was not frozen. */
  unfreeze(id: string): Promise<boolean>;
  /** Frozen accounts, the most recently frozen first. */
  listFrozen(limit: number): Promise<User[]>;
}

export interface SessionRepository {
  insert(session: Session): Promise<void>;
  find(idHash: string): Promise<Session | null>;
  delete(idHash: string): Promise<boolean>;
  touch(idHash: string, lastSeenAt: number): Promise<void>;
  setScopeForUser(userId: string, scope: SessionScope): Promise<void>;
  /** Every session of the user but `exceptIdHash`; returns how many ended. */
  deleteForUser(userId: string, exceptIdHash?: string): Promise<number>;
  /** Sessions last seen at or before `seenUpTo`, or made at or before `createdUpTo`. */
  deleteExpired(rule: { seenUpTo: number; createdUpTo: number }): Promise<number>;
}

export interface TicketRepository {
  insert(ticket: Ticket): Promise<void>;
  find(idHash: string): Promise<Ticket | null>;
  /** The ticket and the account it is for, read together; null when either is gone. */
  findWithUser(idHash: string): Promise<{ ticket: Ticket; user: User } | null>;
  /** Counts a wrong code, atomically; at `maxAttempts` the ticket is deleted. Returns the attempts left. */
  recordFailure(idHash: string, maxAttempts: number): Promise<number>;
  /** Deletes the ticket; true for the one caller that did. */
  consume(idHash: string): Promise<boolean>;
  /** Every ticket of the user (a password step done with a password that changed). */
  deleteForUser(userId: string): Promise<number>;
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

export interface LinkTokenRepository {
  insert(token: LinkToken): Promise<void>;
  find(idHash: string): Promise<LinkToken | null>;
  /** Marks the link used if it is of `purpose`, unused and not expired; the link for the one caller that did, else null. */
  use(idHash: string, purpose: LinkPurpose, now: number): Promise<LinkToken | null>;
  /** Unused links of the user for `purpose` stop working (a newer one replaces them, or what they were for is done). */
  deleteUnused(userId: string, purpose: LinkPurpose): Promise<number>;
  /** Links whose time ran out at or before `upTo`. */
  deleteExpired(upTo: number): Promise<number>;
}

export interface MailQueueRepository {
  enqueue(message: MailMessage): Promise<void>;
  /** Takes up to `limit` messages due at `now` that nobody is sending, for `leaseMs`; oldest first. */
  claimDue(now: number, leaseMs: number, limit: number): Promise<MailMessage[]>;
  markSent(id: string, outcome: { now: number; transport: string; keepBody: boolean }): Promise<void>;
  /** A failed try: tried again at `nextAttemptAt`, or given up on (`failed`). */
  markFailed(id: string, outcome: { error: string; nextAttemptAt: number; giveUp: boolean }): Promise<void>;
  /** Newest first. */
  list(query: { page: number; pageSize: number }): Promise<{ messages: MailMessage[]; total: number }>;
  find(id: string): Promise<MailMessage | null>;
  /** Sent or given-up messages made at or before `upTo`. */
  deleteFinishedUpTo(upTo: number): Promise<number>;
}

export interface RecoveryView extends Recovery { userEmail: string | null }

export interface RecoveryRepository {
  /** One open recovery (awaiting_email or waiting) per user: false when there is one. */
  insert(recovery: Recovery): Promise<boolean>;
  find(id: string): Promise<Recovery | null>;
  findOpenForUser(userId: string): Promise<Recovery | null>;
  /** Applies `patch` only while the recovery is in one of `from`; the new state for the one caller that did, else null. */
  transition(id: string, from: RecoveryState[], patch: Partial<Omit<Recovery, 'id' | 'userId' | 'createdAt'>>): Promise<Recovery | null>;
  /** Open recoveries, oldest first. */
  listOpen(limit: number): Promise<RecoveryView[]>;
}

export interface BackupDeliveryRepository {
  insert(delivery: BackupDelivery): Promise<void>;
  find(id: string): Promise<BackupDelivery | null>;
  latestForUser(userId: string): Promise<BackupDelivery | null>;
  findByRequest(requestId: string): Promise<BackupDelivery | null>;
  /** Hands the sealed codes out once: to the one caller that took them before `expiresAt`; null for anyone else. */
  take(id: string, now: number): Promise<string | null>;
  /** The user's codes still waiting are dropped (replaced or revoked): returns how many deliveries held some. */
  dropForUser(userId: string): Promise<number>;
  /** Deliveries still holding codes that nobody fetched before `now`: the codes are dropped; returns how many. */
  dropExpired(now: number): Promise<number>;
}

export interface DeviceRepository {
  insert(device: Device): Promise<void>;
  /** The devices of those that exist, in any order (a browser's cookie holds a few). */
  findMany(idHashes: string[]): Promise<Device[]>;
  /** Counts one failure; returns the failures so far (0 when the device is unknown). */
  recordFailure(idHash: string): Promise<number>;
  /** A sign-in from the device: failures cleared, last use set. */
  markUsed(idHash: string, now: number): Promise<void>;
  delete(idHash: string): Promise<boolean>;
  /** Every device of the user but `exceptIdHash`. */
  deleteForUser(userId: string, exceptIdHash?: string): Promise<number>;
  deleteUnusedUpTo(upTo: number): Promise<number>;
}

export interface ThrottleRepository {
  /** The counters of those that exist, in any order (the delays that may apply to one client). */
  findMany(keys: string[]): Promise<Throttle[]>;
  /**
   * Counts one failure, atomically. Past `freeFailures`, the client must wait `baseMs` doubled for each further failure,
   * at most `maxMs`, from `now`.
   */
  recordFailure(key: string, rule: ThrottleRule): Promise<void>;
  clear(key: string): Promise<void>;
  /** Counters not changed since `upTo`. */
  deleteIdleUpTo(upTo: number): Promise<number>;
}

export interface RefreshTokenRepository {
  /** A new family with its first token. */
  insertFamily(family: RefreshFamily, first: RefreshToken): Promise<void>;
  /** The token with its family, retired or not, or null. */
  find(hash: string): Promise<{ token: RefreshToken; family: RefreshFamily } | null>;
  findFamily(id: string): Promise<RefreshFamily | null>;
  /**
   * Trades the token `hash` for `next` (same family), atomically: only while `hash` is unretired and its family live.
   * True for exactly one of any number of simultaneous callers.
   */
  rotate(hash: string, next: Omit<RefreshToken, 'familyId' | 'retiredAt'>, now: number): Promise<boolean>;
  /** Ends a family; true when it was live. */
  revokeFamily(id: string, end: { now: number; reason: string }): Promise<boolean>;
  /** Ends every live family of a user; returns how many. */
  revokeAllForUser(userId: string, end: { now: number; reason: string }): Promise<number>;
  /** Forgets tokens whose time ran out at or before `now`, and the families left without any. */
  deleteExpired(now: number): Promise<number>;
}

export interface SigningKeyRepository {
  /** Every key kept, the current one (never retired) first, then the others newest first. */
  list(): Promise<SigningKey[]>;
  /** Adds `key` as the current key, unless there is one already (another process made it first): then false. */
  insertCurrent(key: SigningKey): Promise<boolean>;
  /** The current key `id` stops signing at `now`; false when it was not the current key. */
  retire(id: string, now: number): Promise<boolean>;
  /** Forgets keys retired at or before `cutoff`. */
  deleteRetiredUpTo(cutoff: number): Promise<number>;
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
  linkTokens: LinkTokenRepository;
  mail: MailQueueRepository;
  recoveries: RecoveryRepository;
  backupDeliveries: BackupDeliveryRepository;
  devices: DeviceRepository;
  throttles: ThrottleRepository;
  refreshTokens: RefreshTokenRepository;
  signingKeys: SigningKeyRepository;
}
