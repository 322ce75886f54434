// The password step. Unknown email and wrong password fail alike, and take about as long (a dummy hash is verified).
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { AccountFrozenError, AuthenticationError } from '../errors';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from '../accounts/password';
import { findUserByEmail, findUserById } from '../accounts/users';
import type { Repositories } from '../storage/repositories';
import type { User } from '../storage/rows';
import { assertMayTry, clearFailures, recordFailedAttempt, recordUnknownFailure } from './throttle';
import { createCredential, deliveryFor, type Credential, type Delivery } from './credentials';
import { createTicket } from './ticket';
import { signinMethods } from './methods';
import { assertEmailVerified } from '../accounts/email-verification';
import { completeDueRecovery } from '../recovery/finish';

export type SigninResult =
  | { kind: 'done'; user: User; credential: Credential }
  | { kind: 'mfa'; user: User; ticket: string; methods: string[]; recovery?: { readyAt: number } };

export interface PasswordInput { email: string; password: string; tokens?: boolean }

export const invalidCredentials = () => new AuthenticationError('invalid_credentials', 'The email or password is not right.');

/** With `tokens`, the sign-in ends in tokens, now or (the ticket remembers) at the code step. */
export async function signInWithPassword(ctx: SiteContext, input: PasswordInput, request: RequestInfo): Promise<SigninResult> {
  const found = await findUserByEmail(ctx, input.email);
  await assertMayTry(ctx, { email: input.email, user: found }, request);
  if (!found) {
    await verifyPassword(await dummyHash(ctx.config.argon2), input.password);
    await recordUnknownFailure(ctx, input.email, request);
    await recordAudit(ctx, 'signin_failure', request, { details: { method: 'password', reason: 'unknown_email' } });
    throw invalidCredentials();
  }
  const ok = await verifyPassword(found.passwordHash, input.password);
  // Read again: a burst of wrong guesses may have locked the account or slowed this client while the hash was computed.
  const user = await findUserById(ctx, found.id);
  if (!user) throw invalidCredentials();
  await assertMayTry(ctx, { email: input.email, user }, request);
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
      return { kind: 'mfa', user: current, ticket: await createTicket(ctx, current, input.tokens ?? false, tx), methods: await signinMethods(tx, current), ...waiting };
    }
    return { kind: 'done', user: current, credential: await completeSignin(ctx, current, request, 'password', deliveryFor(input.tokens), tx) };
  });
}

/** The last step of every successful sign-in, inside the caller's transaction: counters reset, a fresh session or tokens, audited. */
export async function completeSignin(ctx: SiteContext, user: User, request: RequestInfo, method: string, delivery: Delivery, tx: Repositories): Promise<Credential> {
  // Frozen while this sign-in was under way (a ticket, a QR scan from before): it does not complete.
  if ((await tx.users.findById(user.id))?.frozenAt != null) throw new AccountFrozenError();
  await tx.users.markSignedIn(user.id, ctx.now());
  await clearFailures(ctx, user, request, tx);
  const credential = await createCredential(ctx, user, method, delivery, tx);
  const details = credential.kind === 'tokens' ? { method, familyId: credential.familyId } : { method };
  await recordAudit(ctx, 'signin_success', request, { userId: user.id, details }, tx);
  return credential;
}
