// Creating an account. Under MFA_POLICY=required it stays pending (enrolment only) until its first code is verified.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { ConflictError } from '../errors';
import { createId } from '../crypto/tokens';
import { createCredential, type Credential, type Delivery } from '../auth/credentials';
import type { Repositories } from '../storage/repositories';
import type { Role, User } from '../storage/rows';
import { hashPassword } from './password';
import { sendVerificationLink } from './email-verification';
import { assertAcceptablePassword } from './password-policy';
import { abandonedSignupCutoffs, findUserByEmail, normaliseEmail } from './users';

export interface SignupInput {
  email: string;
  password: string;
  displayName: string;
}

const emailTaken = () => new ConflictError('email_taken', 'An account with this email already exists: sign in instead.');

/** A new user record (not yet stored). */
export function newUser(ctx: SiteContext, input: SignupInput, passwordHash: string, role: Role = 'user'): User {
  return {
    id: createId(),
    email: normaliseEmail(input.email),
    displayName: input.displayName.trim(),
    passwordHash,
    role,
    status: ctx.config.mfaPolicy === 'required' || role === 'admin' ? 'pending' : 'active',
    createdAt: ctx.now(),
    totp: null,
    pendingTotp: null,
    failedAttempts: 0,
    lockedUntil: null,
    lastSignInAt: null,
    emailVerifiedAt: null,
    frozenAt: null,
    enrolRequired: false,
  };
}

/** Stores a new user; an abandoned signup with the same email is removed first. False when the email is taken. */
export async function insertUser(ctx: SiteContext, user: User, repos: Repositories = ctx.storage): Promise<boolean> {
  if (await repos.users.insert(user)) return true;
  if ((await repos.users.deleteAbandoned(abandonedSignupCutoffs(ctx))) === 0) return false;
  return repos.users.insert(user);
}

/**
 * A new account. Unless EMAIL_VERIFICATION=off, a link to prove the address goes out; under `required` the account
 * is not signed in until that link is opened and it signs in (so `credential` is null). Otherwise it is signed in:
 * a session, or tokens for an API client that asked (`delivery`).
 */
export async function signUp(ctx: SiteContext, input: SignupInput, request: RequestInfo, delivery: Delivery = 'session'): Promise<{ user: User; credential: Credential | null }> {
  assertAcceptablePassword(input.password);
  // Checked before the (slow) hash so a taken email answers at once; the insert below is what decides.
  if (await findUserByEmail(ctx, input.email)) throw emailTaken();
  const { verification } = ctx.config.email;
  const signsIn = verification !== 'required';
  const user = newUser(ctx, input, await hashPassword(input.password, ctx.config.argon2));
  // Signing up is the account's first sign-in, when it opens a session.
  if (signsIn) user.lastSignInAt = user.createdAt;
  const credential = await ctx.storage.transaction(async (tx) => {
    if (!(await insertUser(ctx, user, tx))) throw emailTaken();
    await recordAudit(ctx, 'signup', request, { userId: user.id, details: { verification } }, tx);
    if (verification !== 'off') await sendVerificationLink(ctx, user, tx);
    return signsIn ? createCredential(ctx, user, 'signup', delivery, request, tx) : null;
  });
  return { user, credential };
}
