// Removes what has run out: accounts never activated, expired sessions and tickets.
import type { SiteContext } from './context';
import { isSessionExpired } from './auth/session';

export function purgeExpired(ctx: SiteContext): boolean {
  const data = ctx.store.data;
  const now = ctx.now();
  const before = data.users.length + data.sessions.length + data.tickets.length;
  const stale = new Set(
    data.users.filter((user) => user.status === 'pending' && now - user.createdAt >= ctx.config.pendingAccountMs).map((user) => user.id),
  );
  if (stale.size > 0) data.users = data.users.filter((user) => !stale.has(user.id));
  data.sessions = data.sessions.filter((session) => !stale.has(session.userId) && !isSessionExpired(ctx, session));
  data.tickets = data.tickets.filter((ticket) => !stale.has(ticket.userId) && ticket.expiresAt > now);
  return data.users.length + data.sessions.length + data.tickets.length !== before;
}
