// The password step. Unknown email and wrong password fail alike, and take about as long (a dummy hash is verified).
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { AuthenticationError } from '../errors';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from '../accounts/password';
import { findUserByEmail } from '../accounts/users';
import { purgeExpired } from '../maintenance';
import type { User } from '../store/schema';
import { assertNotLocked, recordFailedAttempt, resetFailures } from './lockout';
import { createSession } from './session';
import { createTicket } from './ticket';
import { signinMethods } from './methods';

export type SigninResult =
  | { kind: 'session'; user: User; sessionId: string }
  | { kind: 'mfa'; user: User; ticket: string; methods: string[] };

export const invalidCredentials = () => new AuthenticationError('invalid_credentials', 'The email or password is not right.');

export async function signInWithPassword(ctx: SiteContext, input: { email: string; password: string }, request: RequestInfo): Promise<SigninResult> {
  purgeExpired(ctx);
  const user = findUserByEmail(ctx, input.email);
  if (!user) {
    await verifyPassword(await dummyHash(ctx.config.argon2), input.password);
    recordAudit(ctx, 'signin_failure', request, { details: { method: 'password', reason: 'unknown_email' } });
    await ctx.store.save();
    throw invalidCredentials();
  }
  assertNotLocked(ctx, user);
  const ok = await verifyPassword(user.passwordHash, input.password);
  // Again: a burst of wrong guesses may have locked the account while this hash was being computed.
  assertNotLocked(ctx, user);
  if (!ok) {
    const locked = recordFailedAttempt(ctx, user, request, 'password');
    await ctx.store.save();
    throw locked ?? invalidCredentials();
  }
  if (needsRehash(user.passwordHash, ctx.config.argon2)) {
    user.passwordHash = await hashPassword(input.password, ctx.config.argon2);
    recordAudit(ctx, 'password_rehashed', request, { userId: user.id });
  }
  if (user.totp) {
    const ticket = createTicket(ctx, user);
    await ctx.store.save();
    return { kind: 'mfa', user, ticket, methods: signinMethods(user) };
  }
  return { kind: 'session', user, sessionId: await completeSignin(ctx, user, request, 'password') };
}

/** The last step of every successful sign-in: a fresh session, counters reset, audit entry, on disk. */
export async function completeSignin(ctx: SiteContext, user: User, request: RequestInfo, method: string): Promise<string> {
  resetFailures(user);
  user.lastSignInAt = ctx.now();
  const sessionId = createSession(ctx, user);
  recordAudit(ctx, 'signin_success', request, { userId: user.id, details: { method } });
  await ctx.store.save();
  return sessionId;
}
