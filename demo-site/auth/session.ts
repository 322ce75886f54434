// Server-side sessions: the cookie holds a random id, the storage only its hash. Idle and absolute limits are settings.
import type { SiteContext } from '../context';
import { createToken, hashToken } from '../crypto/tokens';
import { findUserById, mustEnrol } from '../accounts/users';
import type { Repositories } from '../storage/repositories';
import type { Session, User } from '../storage/rows';

/** How often (at most) a session's last-seen time is written back. */
const TOUCH_INTERVAL_MS = 60_000;

export async function createSession(ctx: SiteContext, user: User, repos: Repositories = ctx.storage): Promise<string> {
  const token = createToken();
  const now = ctx.now();
  await repos.sessions.insert({ idHash: hashToken(token), userId: user.id, scope: mustEnrol(ctx, user) ? 'enrol' : 'full', createdAt: now, lastSeenAt: now });
  return token;
}

export function isSessionExpired(ctx: SiteContext, session: Session): boolean {
  const now = ctx.now();
  return now - session.lastSeenAt >= ctx.config.session.idleMs || now - session.createdAt >= ctx.config.session.absoluteMs;
}

/** The live session for a cookie value and its user, or null (an expired one is deleted). */
export async function resolveSession(ctx: SiteContext, token: string): Promise<{ session: Session; user: User } | null> {
  const idHash = hashToken(token);
  const session = await ctx.storage.sessions.find(idHash);
  if (!session) return null;
  const user = await findUserById(ctx, session.userId);
  if (!user || user.frozenAt !== null || isSessionExpired(ctx, session)) {
    await ctx.storage.sessions.delete(idHash);
    return null;
  }
  if (ctx.now() - session.lastSeenAt >= TOUCH_INTERVAL_MS) {
    session.lastSeenAt = ctx.now();
    await ctx.storage.sessions.touch(idHash, session.lastSeenAt);
  }
  return { session, user };
}

export function endSession(ctx: SiteContext, token: string): Promise<boolean> {
  return ctx.storage.sessions.delete(hashToken(token));
}

/** After MFA is turned on or off, or the role changes, every session of the user gets the scope that now applies. */
export async function rescopeUserSessions(ctx: SiteContext, user: Pick<User, 'id' | 'totp' | 'role'>, repos: Repositories = ctx.storage): Promise<void> {
  await repos.sessions.setScopeForUser(user.id, mustEnrol(ctx, user) ? 'enrol' : 'full');
}
