// Consecutive failures (passwords and codes alike) lock the account for a while; a completed sign-in resets the count.
// The count is kept by the storage in one atomic step, so failures spread over many requests and processes add up.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { AccountLockedError } from '../errors';
import type { Repositories } from '../storage/repositories';
import type { User } from '../storage/rows';

export function assertNotLocked(ctx: SiteContext, user: User): void {
  const left = (user.lockedUntil ?? 0) - ctx.now();
  if (left > 0) throw new AccountLockedError(Math.ceil(left / 1000));
}

/** Counts a failure and locks at the threshold. Returns the error to throw when this failure locked the account. */
export async function recordFailedAttempt(ctx: SiteContext, user: User, request: RequestInfo, method: string, repos: Repositories = ctx.storage): Promise<AccountLockedError | null> {
  const { threshold, durationMs } = ctx.config.lockout;
  const { lockedUntil } = await repos.users.recordFailure(user.id, { threshold, lockMs: durationMs, now: ctx.now() });
  await recordAudit(ctx, 'signin_failure', request, { userId: user.id, details: { method } }, repos);
  if (lockedUntil === null) return null;
  await recordAudit(ctx, 'lockout', request, { userId: user.id, details: { until: lockedUntil } }, repos);
  return new AccountLockedError(Math.ceil(durationMs / 1000));
}
