// A sign-in ticket proves the password step passed. It lives a few minutes and dies after a few wrong codes.
import type { SiteContext } from '../context';
import { AuthenticationError } from '../errors';
import { createToken, hashToken } from '../crypto/tokens';
import { isAbandonedSignup } from '../accounts/users';
import type { Repositories } from '../storage/repositories';
import type { Ticket, User } from '../storage/rows';

export const ticketGone = () => new AuthenticationError('invalid_ticket', 'This sign-in has expired or ended: enter your email and password again.');

/** `wantsTokens`: the sign-in ends in tokens whatever the code step asks. */
export async function createTicket(ctx: SiteContext, user: User, wantsTokens: boolean, repos: Repositories = ctx.storage): Promise<string> {
  const token = createToken();
  await repos.tickets.insert({ idHash: hashToken(token), userId: user.id, expiresAt: ctx.now() + ctx.config.ticket.ttlMs, failures: 0, wantsTokens });
  return token;
}

export async function findTicket(ctx: SiteContext, token: string): Promise<{ ticket: Ticket; user: User }> {
  const found = await ctx.storage.tickets.findWithUser(hashToken(token));
  if (!found || isAbandonedSignup(ctx, found.user) || found.ticket.expiresAt <= ctx.now()) throw ticketGone();
  return found;
}

/** Counts a wrong code; returns the attempts left (0 means the ticket is gone). */
export function recordTicketFailure(ctx: SiteContext, ticket: Ticket, repos: Repositories = ctx.storage): Promise<number> {
  return repos.tickets.recordFailure(ticket.idHash, ctx.config.ticket.maxAttempts);
}

/** Ends the ticket; true for the one request that did (a ticket completes one sign-in). */
export function consumeTicket(ticket: Ticket, repos: Repositories): Promise<boolean> {
  return repos.tickets.consume(ticket.idHash);
}
