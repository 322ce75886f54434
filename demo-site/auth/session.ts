// Server-side sessions: the cookie holds a random id, the store only its hash. Idle and absolute limits are settings.
import type { SiteContext } from '../context';
import { createToken, hashToken } from '../crypto/tokens';
import { findUserById, mustEnrol } from '../accounts/users';
import type { Session, User } from '../store/schema';

/** How often (at most) a session's last-seen time is written back. */
const TOUCH_INTERVAL_MS = 60_000;

export function createSession(ctx: SiteContext, user: User): string {
  const token = createToken();
  const now = ctx.now();
  ctx.store.data.sessions.push({ idHash: hashToken(token), userId: user.id, scope: mustEnrol(ctx, user) ? 'enrol' : 'full', createdAt: now, lastSeenAt: now });
  return token;
}

export function isSessionExpired(ctx: SiteContext, session: Session): boolean {
  const now = ctx.now();
  return now - session.lastSeenAt >= ctx.config.session.idleMs || now - session.createdAt >= ctx.config.session.absoluteMs;
}

/** The live session for a cookie value, or null. Returns `touched` when the caller should save. */
export function resolveSession(ctx: SiteContext, token: string): { session: Session; user: User; touched: boolean } | null {
  const idHash = hashToken(token);
  const session = ctx.store.data.sessions.find((candidate) => candidate.idHash === idHash);
  if (!session) return null;
  const user = findUserById(ctx, session.userId);
  if (!user || isSessionExpired(ctx, session)) {
    endSessionByHash(ctx, idHash);
    return null;
  }
  const touched = ctx.now() - session.lastSeenAt >= TOUCH_INTERVAL_MS;
  if (touched) session.lastSeenAt = ctx.now();
  return { session, user, touched };
}

export function endSession(ctx: SiteContext, token: string): boolean {
  return endSessionByHash(ctx, hashToken(token));
}

function endSessionByHash(ctx: SiteContext, idHash: string): boolean {
  const sessions = ctx.store.data.sessions;
  const index = sessions.findIndex((session) => session.idHash === idHash);
  if (index < 0) return false;
  sessions.splice(index, 1);
  return true;
}

/** After MFA is turned on or off, every session of the user gets the scope that now applies. */
export function rescopeUserSessions(ctx: SiteContext, user: User): void {
  const scope = mustEnrol(ctx, user) ? 'enrol' : 'full';
  for (const session of ctx.store.data.sessions) {
    if (session.userId === user.id) session.scope = scope;
  }
}
