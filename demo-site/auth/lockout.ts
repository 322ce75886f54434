// Consecutive failures (passwords and codes alike) lock the account for a while; a completed sign-in resets the count.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { LockedError } from '../errors';
import type { User } from '../store/schema';

export function assertNotLocked(ctx: SiteContext, user: User): void {
  if (user.lockedUntil === null) return;
  const left = user.lockedUntil - ctx.now();
  if (left > 0) throw new LockedError(Math.ceil(left / 1000));
  // The lock ran out: start counting afresh.
  user.lockedUntil = null;
  user.failedAttempts = 0;
}

/** Counts a failure and locks at the threshold. Returns the LockedError to throw when this failure locked the account. */
export function recordFailedAttempt(ctx: SiteContext, user: User, request: RequestInfo, method: string): LockedError | null {
  user.failedAttempts += 1;
  recordAudit(ctx, 'signin_failure', request, { userId: user.id, details: { method } });
  if (user.failedAttempts < ctx.config.lockout.threshold) return null;
  user.lockedUntil = ctx.now() + ctx.config.lockout.durationMs;
  user.failedAttempts = 0;
  recordAudit(ctx, 'lockout', request, { userId: user.id, details: { until: user.lockedUntil } });
  return new LockedError(Math.ceil(ctx.config.lockout.durationMs / 1000));
}

export function resetFailures(user: User): void {
  user.failedAttempts = 0;
  user.lockedUntil = null;
}
