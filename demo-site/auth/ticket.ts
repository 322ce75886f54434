// A sign-in ticket proves the password step passed. It lives a few minutes and dies after a few wrong codes.
import type { SiteContext } from '../context';
import { AuthenticationError } from '../errors';
import { createToken, hashToken } from '../crypto/tokens';
import { findUserById } from '../accounts/users';
import type { Ticket, User } from '../store/schema';

export function createTicket(ctx: SiteContext, user: User): string {
  const token = createToken();
  ctx.store.data.tickets.push({ idHash: hashToken(token), userId: user.id, expiresAt: ctx.now() + ctx.config.ticket.ttlMs, failures: 0 });
  return token;
}

export function findTicket(ctx: SiteContext, token: string): { ticket: Ticket; user: User } {
  const idHash = hashToken(token);
  const ticket = ctx.store.data.tickets.find((candidate) => candidate.idHash === idHash);
  const user = ticket && findUserById(ctx, ticket.userId);
  if (!ticket || !user || ticket.expiresAt <= ctx.now()) {
    throw new AuthenticationError('invalid_ticket', 'This sign-in has expired or ended: enter your email and password again.');
  }
  return { ticket, user };
}

/** Counts a wrong code; returns the attempts left (0 means the ticket is gone). */
export function recordTicketFailure(ctx: SiteContext, ticket: Ticket): number {
  ticket.failures += 1;
  const left = ctx.config.ticket.maxAttempts - ticket.failures;
  if (left <= 0) consumeTicket(ctx, ticket);
  return Math.max(0, left);
}

export function consumeTicket(ctx: SiteContext, ticket: Ticket): void {
  const tickets = ctx.store.data.tickets;
  const index = tickets.indexOf(ticket);
  if (index >= 0) tickets.splice(index, 1);
}
