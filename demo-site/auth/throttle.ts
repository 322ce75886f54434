// Failed attempts (passwords, TOTP codes, backup codes, QR scans, wrong proofs on the account page) are throttled per
// account and client, never per account alone, so nobody can lock an owner out by failing on purpose:
// - a client (a browser with a device cookie of the account, else the account's address plus the client's IP) gets
//   THROTTLE_FREE_FAILURES failures, then waits THROTTLE_BASE_SECONDS doubling with each failure, up to
//   THROTTLE_MAX_MINUTES (429 with Retry-After); the account's unknown addresses are throttled the same way;
// - only clients without a device cookie of the account add to its count of consecutive failures, which hard-locks
//   them (423) at LOCKOUT_THRESHOLD (NIST SP 800-63B allows at most 100) for LOCKOUT_MINUTES;
// - a browser with a device cookie is held by neither the lock nor others' delays; its own failures lose it that trust.
// What decides is read once per check (readAttempt, one round trip on PostgreSQL) and handed to what records the
// outcome, so a sign-in reads nothing twice.
import { createHash } from 'node:crypto';
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { AccountLockedError, AttemptsThrottledError } from '../errors';
import { normaliseEmail } from '../accounts/users';
import { hashToken } from '../crypto/tokens';
import type { Repositories } from '../storage/repositories';
import type { Device, Throttle, User } from '../storage/rows';
import { findCookieDevices, trustedAmong } from './devices';

/** A client trying an account, as the rules see it at one moment. */
export interface Attempt {
  user: User | null;
  /** The cookie's devices that belong to the account, trusted now or not (a sign-in renews one of them). */
  devices: Device[];
  /** The one the account trusts now: its failures count apart from everyone else's. */
  trusted: Device | null;
  /** Where this client's failures are counted, and what is counted there so far. */
  key: string;
  throttle: Throttle | null;
}
export type AccountAttempt = Attempt & { user: User };

const deviceKey = (idHash: string) => `device:${idHash}`;

function clientKey(email: string, request: RequestInfo): string {
  const account = createHash('sha256').update(normaliseEmail(email)).digest('base64url').slice(0, 22);
  return `client:${account}:${request.ip}`;
}

function rule(ctx: SiteContext) {
  const { freeFailures, baseMs, maxMs } = ctx.config.throttle;
  return { now: ctx.now(), freeFailures, baseMs, maxMs };
}

/**
 * Reads, all at once, what decides whether the client may try the account of `email` now: `account` (the account
 * itself, or its read already under way), the cookie's devices and every delay that could apply to the client.
 */
export async function readAttempt(ctx: SiteContext, email: string, account: User | null | Promise<User | null>, request: RequestInfo, repos: Repositories = ctx.storage): Promise<Attempt> {
  const tokens = request.deviceTokens ?? [];
  const keys = [clientKey(email, request), ...tokens.map((token) => deviceKey(hashToken(token)))];
  const [user, devices, throttles] = await Promise.all([account, findCookieDevices(tokens, repos), repos.throttles.findMany(keys)]);
  const own = user ? devices.filter((device) => device.userId === user.id) : [];
  const trusted = user ? trustedAmong(ctx, user.id, own) : null;
  const key = trusted ? deviceKey(trusted.idHash) : keys[0];
  return { user, devices: own, trusted, key, throttle: throttles.find((throttle) => throttle.key === key) ?? null };
}

/** Refuses (429, or 423 past the hard limit) a client that must wait before trying again. */
export function assertAttemptAllowed(ctx: SiteContext, attempt: Attempt): void {
  const lockLeft = (attempt.user?.lockedUntil ?? 0) - ctx.now();
  if (attempt.user && !attempt.trusted && lockLeft > 0) throw new AccountLockedError(Math.ceil(lockLeft / 1000));
  const wait = (attempt.throttle?.blockedUntil ?? 0) - ctx.now();
  if (wait > 0) throw new AttemptsThrottledError(Math.ceil(wait / 1000));
}

/** readAttempt, then assertAttemptAllowed, for an account already read. */
export async function assertMayTry(ctx: SiteContext, subject: { email: string; user: User }, request: RequestInfo): Promise<AccountAttempt> {
  const attempt = await readAttempt(ctx, subject.email, subject.user, request);
  assertAttemptAllowed(ctx, attempt);
  return attempt as AccountAttempt;
}

/** A failure for an address no account has: throttled like any other, so delays tell nothing about who has an account. */
export async function recordUnknownFailure(ctx: SiteContext, attempt: Attempt, request: RequestInfo, repos: Repositories): Promise<void> {
  await Promise.all([
    repos.throttles.recordFailure(attempt.key, rule(ctx)),
    recordAudit(ctx, 'signin_failure', request, { details: { method: 'password', reason: 'unknown_email' } }, repos),
  ]);
}

/** Counts a failure for the client and, when it is untrusted, for the account. Returns the error to throw when this failure hard-locked it. */
export async function recordFailedAttempt(ctx: SiteContext, attempt: AccountAttempt, request: RequestInfo, method: string, repos: Repositories): Promise<AccountLockedError | null> {
  const { user, trusted } = attempt;
  // Independent changes, made together (one round trip on PostgreSQL).
  const counted = Promise.all([
    repos.throttles.recordFailure(attempt.key, rule(ctx)),
    recordAudit(ctx, 'signin_failure', request, { userId: user.id, details: { method, trustedDevice: trusted !== null } }, repos),
  ]);
  if (trusted) {
    const [failures] = await Promise.all([repos.devices.recordFailure(trusted.idHash), counted]);
    if (failures >= ctx.config.throttle.deviceMaxFailures) {
      await repos.devices.delete(trusted.idHash);
      await recordAudit(ctx, 'device_untrusted', request, { userId: user.id, details: { reason: 'failures' } }, repos);
    }
    return null;
  }
  const { threshold, durationMs } = ctx.config.lockout;
  const [{ lockedUntil }] = await Promise.all([repos.users.recordFailure(user.id, { threshold, lockMs: durationMs, now: ctx.now() }), counted]);
  if (lockedUntil === null) return null;
  await recordAudit(ctx, 'lockout', request, { userId: user.id, details: { until: lockedUntil } }, repos);
  return new AccountLockedError(Math.ceil(durationMs / 1000));
}

/** A completed sign-in: this client's delays are forgotten (only this client's: an owner signing in from a device
 * does not lift the delays of someone failing from the same address). */
export async function clearFailures(attempt: Attempt, repos: Repositories): Promise<void> {
  if (attempt.throttle) await repos.throttles.clear(attempt.key);
}
