// The code step: a ticket from the password step plus a TOTP code gives a session.
import type { RequestInfo, SiteContext } from '../context';
import { AuthenticationError, type LockedError } from '../errors';
import type { Ticket, User } from '../store/schema';
import { assertNotLocked, recordFailedAttempt } from './lockout';
import { completeSignin } from './signin';
import { consumeTicket, findTicket, recordTicketFailure } from './ticket';
import { matchTotpCode } from './totp-verify';

/** A wrong second factor: counts toward the ticket's and the account's limits. Returns the error to throw. */
export async function rejectSecondFactor(ctx: SiteContext, ticket: Ticket, user: User, request: RequestInfo, method: string): Promise<LockedError | AuthenticationError> {
  const attemptsLeft = recordTicketFailure(ctx, ticket);
  const locked = recordFailedAttempt(ctx, user, request, method);
  await ctx.store.save();
  if (locked) return locked;
  if (attemptsLeft === 0) return new AuthenticationError('invalid_ticket', 'Too many wrong codes: enter your email and password again.');
  const message = method === 'backup_code'
    ? 'That backup code is not right or was already used: check it against your list, or use another one.'
    : 'That code is not right: enter the code your authenticator shows now.';
  const error = new AuthenticationError('invalid_code', message);
  error.details.attemptsLeft = attemptsLeft;
  return error;
}

export async function signInWithTotp(ctx: SiteContext, input: { ticket: string; code: string }, request: RequestInfo): Promise<{ user: User; sessionId: string }> {
  const { ticket, user } = findTicket(ctx, input.ticket);
  assertNotLocked(ctx, user);
  const totp = user.totp;
  if (!totp) throw new AuthenticationError('invalid_ticket', 'Two-factor authentication changed for this account: sign in again.');
  const step = matchTotpCode(ctx, { secretBox: totp.secretBox, userId: user.id, lastStep: totp.lastStep }, input.code);
  if (step === null) throw await rejectSecondFactor(ctx, ticket, user, request, 'totp');
  totp.lastStep = step;
  consumeTicket(ctx, ticket);
  return { user, sessionId: await completeSignin(ctx, user, request, 'totp') };
}
