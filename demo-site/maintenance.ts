// Removes what has run out: accounts never activated, expired sessions and tickets, ended rate-limit windows.
import type { SiteContext } from './context';
import { abandonedSignupCutoffs } from './accounts/users';

export async function purgeExpired(ctx: SiteContext): Promise<number> {
  const { storage, config } = ctx;
  const now = ctx.now();
  const counts = [
    await storage.users.deleteAbandoned(abandonedSignupCutoffs(ctx)),
    await storage.sessions.deleteExpired({ seenUpTo: now - config.session.idleMs, createdUpTo: now - config.session.absoluteMs }),
    await storage.tickets.deleteExpired(now),
    await storage.rateLimits.deleteExpired(now),
  ];
  return counts.reduce((sum, count) => sum + count, 0);
}
