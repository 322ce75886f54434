// Failed attempts (passwords, TOTP codes, backup codes, QR scans, wrong proofs on the account page) are throttled per
// account and client, never per account alone, so nobody can lock an owner out by failing on purpose:
// - a client (a browser with a device cookie of the account, else the account's address plus the client's IP) gets
//   THROTTLE_FREE_FAILURES failures, then waits THROTTLE_BASE_SECONDS doubling with each failure, up to
//   THROTTLE_MAX_MINUTES (429 with Retry-After); the account's unknown addresses are throttled the same way;
// - only clients without a device cookie of the account add to its count of consecutive failures, which hard-locks
//   them (423) at LOCKOUT_THRESHOLD (NIST SP 800-63B allows at most 100) for LOCKOUT_MINUTES;
// - a browser with a device cookie is held by neither the lock nor others' delays; its own failures lose it that trust.
import { createHash } from 'node:crypto';
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { AccountLockedError, AttemptsThrottledError } from '../errors';
import { normaliseEmail } from '../accounts/users';
import type { Repositories } from '../storage/repositories';
import type { Device, User } from '../storage/rows';
import { findTrustedDevice } from './devices';

function clientKey(email: string, request: RequestInfo, device: Device | null): string {
  if (device) return `device:${device.idHash}`;
  const account = createHash('sha256').update(normaliseEmail(email)).digest('base64url').slice(0, 22);
  return `client:${account}:${request.ip}`;
}

function rule(ctx: SiteContext) {
  const { freeFailures, baseMs, maxMs } = ctx.config.throttle;
  return { now: ctx.now(), freeFailures, baseMs, maxMs };
}

/** Refuses (429, or 423 past the hard limit) a client that must wait before trying `email`'s account again. */
export async function assertMayTry(ctx: SiteContext, subject: { email: string; user: User | null }, request: RequestInfo): Promise<void> {
  const device = subject.user ? await findTrustedDevice(ctx, subject.user.id, request.deviceTokens) : null;
  const lockLeft = (subject.user?.lockedUntil ?? 0) - ctx.now();
  if (subject.user && !device && lockLeft > 0) throw new AccountLockedError(Math.ceil(lockLeft / 1000));
  const wait = ((await ctx.storage.throttles.find(clientKey(subject.email, request, device)))?.blockedUntil ?? 0) - ctx.now();
  if (wait > 0) throw new AttemptsThrottledError(Math.ceil(wait / 1000));
}

/** A failure for an address no account has: throttled like any other, so delays tell nothing about who has an account. */
export async function recordUnknownFailure(ctx: SiteContext, email: string, request: RequestInfo): Promise<void> {
  await ctx.storage.throttles.recordFailure(clientKey(email, request, null), rule(ctx));
}

/** Counts a failure for the client and, when it is untrusted, for the account. Returns the error to throw when this failure hard-locked it. */
export async function recordFailedAttempt(ctx: SiteContext, user: User, request: RequestInfo, method: string, repos: Repositories = ctx.storage): Promise<AccountLockedError | null> {
  const device = await findTrustedDevice(ctx, user.id, request.deviceTokens, repos);
  await repos.throttles.recordFailure(clientKey(user.email, request, device), rule(ctx));
  await recordAudit(ctx, 'signin_failure', request, { userId: user.id, details: { method, trustedDevice: device !== null } }, repos);
  if (device) {
    if ((await repos.devices.recordFailure(device.idHash)) >= ctx.config.throttle.deviceMaxFailures) {
      await repos.devices.delete(device.idHash);
      await recordAudit(ctx, 'device_untrusted', request, { userId: user.id, details: { reason: 'failures' } }, repos);
    }
    return null;
  }
  const { threshold, durationMs } = ctx.config.lockout;
  const { lockedUntil } = await repos.users.recordFailure(user.id, { threshold, lockMs: durationMs, now: ctx.now() });
  if (lockedUntil === null) return null;
  await recordAudit(ctx, 'lockout', request, { userId: user.id, details: { until: lockedUntil } }, repos);
  return new AccountLockedError(Math.ceil(durationMs / 1000));
}

/** A completed sign-in: this client's delays are forgotten (only this client's: an owner signing in from a device
 * does not lift the delays of someone failing from the same address). */
export async function clearFailures(ctx: SiteContext, user: User, request: RequestInfo, repos: Repositories): Promise<void> {
  const device = await findTrustedDevice(ctx, user.id, request.deviceTokens, repos);
  await repos.throttles.clear(clientKey(user.email, request, device));
}
