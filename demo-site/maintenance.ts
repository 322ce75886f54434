// Removes what has run out: accounts never activated, expired sessions, tickets and refresh tokens, ended rate-limit
// windows, old links and mail, backup codes nobody fetched in time, signing keys retired long enough ago that no token
// they signed is still valid; completes recoveries whose wait is over.
import type { SiteContext } from './context';
import { abandonedSignupCutoffs } from './accounts/users';
import { completeDueRecoveries } from './recovery/finish';

const DAY = 24 * 60 * 60_000;
/** Links are kept a week past their end, so opening one late says "expired" rather than "not valid". */
const LINK_KEPT_MS = 7 * DAY;
/** Sent and given-up mail stays a month in /admin/outbox. */
const MAIL_KEPT_MS = 30 * DAY;

export async function purgeExpired(ctx: SiteContext): Promise<number> {
  const { storage, config } = ctx;
  const now = ctx.now();
  const counts = [
    await storage.users.deleteAbandoned(abandonedSignupCutoffs(ctx)),
    await storage.sessions.deleteExpired({ seenUpTo: now - config.session.idleMs, createdUpTo: now - config.session.absoluteMs }),
    await storage.tickets.deleteExpired(now),
    await storage.rateLimits.deleteExpired(now),
    // A client's delays are forgotten once it has been quiet as long as the longest of them.
    await storage.throttles.deleteIdleUpTo(now - config.throttle.maxMs),
    await storage.devices.deleteUnusedUpTo(now - config.throttle.deviceMs),
    await storage.linkTokens.deleteExpired(now - LINK_KEPT_MS),
    await storage.mail.deleteFinishedUpTo(now - MAIL_KEPT_MS),
    await storage.backupDeliveries.dropExpired(now),
    await completeDueRecoveries(ctx),
    await storage.refreshTokens.deleteExpired(now),
    await storage.signingKeys.deleteRetiredUpTo(now - ctx.keyring.retiredKeyLifetimeMs),
  ];
  return counts.reduce((sum, count) => sum + count, 0);
}
