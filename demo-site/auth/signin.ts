// The password step. Unknown email and wrong password fail alike, and take about as long (a dummy hash is verified).
// What decides is read once before the (slow) hash and once more in the transaction that acts on the outcome; no
// connection or transaction is held while the hash is computed.
import type { RequestInfo, SiteContext } from '../context';
import { AccountFrozenError, AuthenticationError } from '../errors';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from '../accounts/password';
import { findUserByEmail, findUserById } from '../accounts/users';
import { recordAudit } from '../audit';
import type { Repositories } from '../storage/repositories';
import type { User } from '../storage/rows';
import { assertAttemptAllowed, clearFailures, readAttempt, recordFailedAttempt, recordUnknownFailure, type AccountAttempt, type Attempt } from './throttle';
import { createCredential, deliveryFor, type Credential, type Delivery } from './credentials';
import { createTicket } from './ticket';
import { signinMethods } from './methods';
import { assertEmailVerified } from '../accounts/email-verification';
import { completeIfDue } from '../recovery/finish';

export type SigninResult =
  | { kind: 'done'; user: User; credential: Credential }
  | { kind: 'mfa'; user: User; ticket: string; methods: string[]; recovery?: { readyAt: number } };

export interface PasswordInput { email: string; password: string; tokens?: boolean }

export const invalidCredentials = () => new AuthenticationError('invalid_credentials', 'The email or password is not right.');

/** With `tokens`, the sign-in ends in tokens, now or (the ticket remembers) at the code step. */
export async function signInWithPassword(ctx: SiteContext, input: PasswordInput, request: RequestInfo): Promise<SigninResult> {
  const before = await readAttempt(ctx, input.email, findUserByEmail(ctx, input.email), request);
  assertAttemptAllowed(ctx, before);
  const found = before.user;
  if (!found) {
    await verifyPassword(await dummyHash(ctx.config.argon2), input.password);
    await ctx.storage.transaction((tx) => recordUnknownFailure(ctx, before, request, tx));
    throw invalidCredentials();
  }
  const ok = await verifyPassword(found.passwordHash, input.password);
  const rehashed = ok && needsRehash(found.passwordHash, ctx.config.argon2) ? await hashPassword(input.password, ctx.config.argon2) : null;
  const outcome = await ctx.storage.transaction((tx) => settlePasswordStep(ctx, found, { ok, rehashed }, input, request, tx));
  if (outcome instanceof Error) throw outcome;
  return outcome;
}

/** After the hash, in one transaction: the refusal recorded (returned, to throw once it is kept), or the sign-in made. */
async function settlePasswordStep(
  ctx: SiteContext, found: User, hashed: { ok: boolean; rehashed: string | null }, input: PasswordInput, request: RequestInfo, tx: Repositories,
): Promise<SigninResult | Error> {
  // Read again: a burst of wrong guesses may have locked the account or slowed this client while the hash was computed.
  const [attempt, recovery, unusedCodes] = await Promise.all([
    readAttempt(ctx, input.email, findUserById(ctx, found.id, tx), request, tx),
    hashed.ok ? tx.recoveries.findOpenForUser(found.id) : null,
    hashed.ok && found.totp ? tx.backupCodes.countUnused(found.id) : null,
  ]);
  const user = attempt.user;
  if (!user) return invalidCredentials();
  assertAttemptAllowed(ctx, attempt);
  if (!hashed.ok) return (await recordFailedAttempt(ctx, attempt as AccountAttempt, request, 'password', tx)) ?? invalidCredentials();
  // Only to whoever knows the password: a stranger cannot learn whether the address was verified or the account frozen.
  if (user.frozenAt !== null) throw new AccountFrozenError();
  assertEmailVerified(ctx, user);
  // A recovery whose wait is over turns MFA off now; one still waiting is shown, with a way to cancel it.
  const current = await completeIfDue(ctx, user, recovery, request, tx);
  // Not over a password changed while the hash was computed.
  if (hashed.rehashed && user.passwordHash === found.passwordHash) {
    await tx.users.setPasswordHash(user.id, hashed.rehashed);
    await recordAudit(ctx, 'password_rehashed', request, { userId: user.id }, tx);
  }
  if (current.totp) {
    const waiting = recovery?.state === 'waiting' ? { recovery: { readyAt: recovery.readyAt! } } : {};
    const codes = unusedCodes ?? (await tx.backupCodes.countUnused(user.id));
    return { kind: 'mfa', user: current, ticket: await createTicket(ctx, current, input.tokens ?? false, tx), methods: signinMethods(current, codes), ...waiting };
  }
  const credential = await completeSignin(ctx, { user: current, attempt, method: 'password', delivery: deliveryFor(input.tokens) }, request, tx);
  return { kind: 'done', user: current, credential };
}

/** A sign-in about to complete: the account as read in the completing transaction (null: it is gone), how the client was checked. */
export interface CompletingSignin { user: User | null; attempt: Attempt; method: string; delivery: Delivery }

/**
 * The last step of every successful sign-in, inside the caller's transaction: counters reset, this client's delays
 * forgotten, a fresh session (the browser's device cookie renewed) or tokens, audited.
 */
export async function completeSignin(ctx: SiteContext, signin: CompletingSignin, request: RequestInfo, tx: Repositories): Promise<Credential> {
  const { user, attempt, method, delivery } = signin;
  if (!user) throw new AuthenticationError();
  // Frozen while this sign-in was under way (a ticket, a QR scan from before): it does not complete.
  if (user.frozenAt !== null) throw new AccountFrozenError();
  await tx.users.markSignedIn(user.id, ctx.now());
  await clearFailures(attempt, tx);
  const credential = await createCredential(ctx, user, method, delivery, request, tx, attempt.devices);
  const details = credential.kind === 'tokens' ? { method, familyId: credential.familyId } : { method };
  await recordAudit(ctx, 'signin_success', request, { userId: user.id, details }, tx);
  return credential;
}
