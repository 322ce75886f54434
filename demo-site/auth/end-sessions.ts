// Ending every way into an account at once: a changed or reset password, a frozen account. Sessions (but the one
// kept, the browser that changed the password) and sign-ins halfway through (tickets) end together, audited, in the
// caller's transaction. API clients' tokens (every refresh-token family, and so their access tokens) end here too.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import type { Repositories } from '../storage/repositories';
import { revokeAllTokens } from '../tokens/refresh';

export type SessionEndReason = 'password_changed' | 'password_reset' | 'account_frozen' | 'recovery_completed';

export async function endAccountSessions(
  ctx: SiteContext, userId: string, input: { reason: SessionEndReason; keepSessionHash?: string }, request: RequestInfo, tx: Repositories,
): Promise<number> {
  const ended = await tx.sessions.deleteForUser(userId, input.keepSessionHash);
  const tickets = await tx.tickets.deleteForUser(userId);
  await revokeAllTokens(ctx, userId, input.reason, request, tx);
  await recordAudit(ctx, 'sessions_ended', request, { userId, details: { reason: input.reason, sessions: ended, signinsUnderWay: tickets, keptCurrent: input.keepSessionHash !== undefined } }, tx);
  return ended;
}
