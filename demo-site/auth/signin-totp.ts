// The code step: a ticket from the password step plus a TOTP code gives a session.
import type { RequestInfo, SiteContext } from '../context';
import { AuthenticationError, type AccountLockedError } from '../errors';
import type { Repositories } from '../storage/repositories';
import type { Ticket, User } from '../storage/rows';
import { assertMayTry, recordFailedAttempt, type AccountAttempt } from './throttle';
import { completeSignin } from './signin';
import { deliveryFor, type Credential } from './credentials';
import { consumeTicket, findTicket, recordTicketFailure, ticketGone } from './ticket';
import { matchTotpCode } from './totp-verify';

/** A wrong second factor, in the caller's transaction: counts toward the ticket's and the account's limits. Returns the error to throw. */
async function rejectSecondFactor(ctx: SiteContext, ticket: Ticket, attempt: AccountAttempt, request: RequestInfo, method: string, tx: Repositories): Promise<AccountLockedError | AuthenticationError> {
  const [attemptsLeft, locked] = await Promise.all([recordTicketFailure(ctx, ticket, tx), recordFailedAttempt(ctx, attempt, request, method, tx)]);
  if (locked) return locked;
  if (attemptsLeft === 0) return new AuthenticationError('invalid_ticket', 'Too many wrong codes: enter your email and password again.');
  const message = method === 'backup_code'
    ? 'That backup code is not right or was already used: check it against your list, or use another one.'
    : 'That code is not right: enter the code your authenticator shows now.';
  return new AuthenticationError('invalid_code', message, { attemptsLeft });
}

export interface CodeStepInput { ticket: string; code: string; tokens?: boolean }

/**
 * In one transaction: uses the second factor (`spend`: true when it was good and is now used up), ends the ticket and
 * opens a session (or starts tokens, when this request or the password step asked); or, for a factor that was not
 * good, counts the failure.
 */
export async function completeSecondFactor(
  ctx: SiteContext, ticket: Ticket, attempt: AccountAttempt, request: RequestInfo, method: string, tokens: boolean | undefined,
  spend: (tx: Repositories) => Promise<boolean>,
): Promise<{ user: User; credential: Credential }> {
  const outcome = await ctx.storage.transaction(async (tx) => {
    if (!(await spend(tx))) return rejectSecondFactor(ctx, ticket, attempt, request, method, tx);
    const [consumed, user] = await Promise.all([consumeTicket(ticket, tx), tx.users.findById(attempt.user.id)]);
    if (!consumed) throw ticketGone();
    return completeSignin(ctx, { user, attempt, method, delivery: deliveryFor(tokens || ticket.wantsTokens) }, request, tx);
  });
  if (outcome instanceof Error) throw outcome;
  return { user: attempt.user, credential: outcome };
}

export async function signInWithTotp(ctx: SiteContext, input: CodeStepInput, request: RequestInfo): Promise<{ user: User; credential: Credential }> {
  const { ticket, user } = await findTicket(ctx, input.ticket);
  const attempt = await assertMayTry(ctx, { email: user.email, user }, request);
  const totp = user.totp;
  if (!totp) throw new AuthenticationError('invalid_ticket', 'Two-factor authentication changed for this account: sign in again.');
  const step = matchTotpCode(ctx, { secretBox: totp.secretBox, userId: user.id, lastStep: totp.lastStep }, input.code);
  // A replayed step loses here even when another process took it a moment ago: the storage decides, once.
  return completeSecondFactor(ctx, ticket, attempt, request, 'totp', input.tokens, async (tx) => step !== null && (await tx.users.advanceTotpStep(user.id, step)));
}
