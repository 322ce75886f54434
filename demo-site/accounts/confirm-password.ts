// Actions a signed-in user takes on the account itself (change the password or the address, turn MFA off) ask for the
// current password again: a session left open on a shared computer is not enough. A wrong one counts like a wrong
// sign-in, so a stolen session cannot guess its way through.
import type { RequestInfo, SiteContext } from '../context';
import { AuthenticationError, ValidationError } from '../errors';
import { assertMayTry, recordFailedAttempt, type AccountAttempt } from '../auth/throttle';
import type { User } from '../storage/rows';
import { verifyPassword } from './password';
import { findUserById } from './users';

/** The account as it is now, and how this client stands with it (for a second proof that may follow). */
export async function confirmPassword(ctx: SiteContext, signedIn: User, password: string, request: RequestInfo, action: string, field = 'password'): Promise<AccountAttempt> {
  await assertMayTry(ctx, { email: signedIn.email, user: signedIn }, request);
  const ok = await verifyPassword(signedIn.passwordHash, password);
  // Read again after the hash: another request may have locked or changed the account meanwhile.
  const user = await findUserById(ctx, signedIn.id);
  if (!user) throw new AuthenticationError();
  const attempt = await assertMayTry(ctx, { email: user.email, user }, request);
  if (ok) return attempt;
  throw (await ctx.storage.transaction((tx) => recordFailedAttempt(ctx, attempt, request, action, tx))) ?? new ValidationError(field, 'That password is not right.', 'invalid_password');
}
