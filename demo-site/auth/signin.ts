// The password step. Unknown email and wrong password fail alike, and take about as long (a dummy hash is verified).
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { AccountFrozenError, AuthenticationError } from '../errors';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from '../accounts/password';
import { findUserByEmail, findUserById } from '../accounts/users';
import type { Repositories } from '../storage/repositories';
import type { User } from '../storage/rows';
import { assertNotLocked, recordFailedAttempt } from './lockout';
import { createSession } from './session';
import { createTicket } from './ticket';
import { signinMethods } from './methods';
import { assertEmailVerified } from '../accounts/email-verification';
import { completeDueRecovery } from '../recovery/finish';

export type SigninResult =
  | { kind: 'session'; user: User; sessionId: string }
  | { kind: 'mfa'; user: User; ticket: string; methods: string[]; recovery?: { readyAt: number } };

export const invalidCredentials = () => new AuthenticationError('invalid_credentials', 'The email or password is not right.');

export async function signInWithPassword(ctx: SiteContext, input: { email: string; password: string }, request: RequestInfo): Promise<SigninResult> {
  const found = await findUserByEmail(ctx, input.email);
  if (!found) {
    await verifyPassword(await dummyHash(ctx.config.argon2), input.password);
    await recordAudit(ctx, 'signin_failure', request, { details: { method: 'password', reason: 'unknown_email' } });
    throw invalidCredentials();
  }
  assertNotLocked(ctx, found);
  const ok = await verifyPassword(found.passwordHash, input.password);
  // Read again: a burst of wrong guesses may have locked the account while this hash was being computed.
  const user = await findUserById(ctx, found.id);
  if (!user) throw invalidCredentials();
  assertNotLocked(ctx, user);
  if (!ok) throw (await ctx.storage.transaction((tx) => recordFailedAttempt(ctx, user, request, 'password', tx))) ?? invalidCredentials();
  // Only to whoever knows the password: a stranger cannot learn whether the address was verified or the account frozen.
  if (user.frozenAt !== null) throw new AccountFrozenError();
  assertEmailVerified(ctx, user);
  // A recovery whose wait is over turns MFA off now; one still waiting is shown, with a way to cancel it.
  const current = await completeDueRecovery(ctx, user, request);
  const recovery = current.totp ? await ctx.storage.recoveries.findOpenForUser(user.id) : null;
  const rehashed = needsRehash(user.passwordHash, ctx.config.argon2) ? await hashPassword(input.password, ctx.config.argon2) : null;
  return ctx.storage.transaction(async (tx): Promise<SigninResult> => {
    if (rehashed) {
      await tx.users.setPasswordHash(user.id, rehashed);
      await recordAudit(ctx, 'password_rehashed', request, { userId: user.id }, tx);
    }
    if (current.totp) {
      const waiting = recovery?.state === 'waiting' ? { recovery: { readyAt: recovery.readyAt! } } : {};
      return { kind: 'mfa', user: current, ticket: await createTicket(ctx, current, tx), methods: await signinMethods(tx, current), ...waiting };
    }
    return { kind: 'session', user: current, sessionId: await completeSignin(ctx, current, request, 'password', tx) };
  });
}

/** The last step of every successful sign-in, inside the caller's transaction: counters reset, a fresh session, audited. */
export async function completeSignin(ctx: SiteContext, user: User, request: RequestInfo, method: string, tx: Repositories): Promise<string> {
  // Frozen while this sign-in was under way (a ticket, a QR scan from before): it does not complete.
  if ((await tx.users.findById(user.id))?.frozenAt != null) throw new AccountFrozenError();
  await tx.users.markSignedIn(user.id, ctx.now());
  const sessionId = await createSession(ctx, user, tx);
  await recordAudit(ctx, 'signin_success', request, { userId: user.id, details: { method } }, tx);
  return sessionId;
}
