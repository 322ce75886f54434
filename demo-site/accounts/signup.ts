// Creating an account. Under MFA_POLICY=required it stays pending (enrolment only) until its first code is verified.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { ConflictError } from '../errors';
import { createId } from '../crypto/tokens';
import { createSession } from '../auth/session';
import { purgeExpired } from '../maintenance';
import type { Role, User } from '../store/schema';
import { hashPassword } from './password';
import { assertAcceptablePassword } from './password-policy';
import { findUserByEmail, normaliseEmail } from './users';

export interface SignupInput {
  email: string;
  password: string;
  displayName: string;
}

function assertEmailFree(ctx: SiteContext, email: string): void {
  if (findUserByEmail(ctx, email)) throw new ConflictError('email_taken', 'An account with this email already exists: sign in instead.');
}

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
    backupCodes: [],
  };
}

export async function signUp(ctx: SiteContext, input: SignupInput, request: RequestInfo): Promise<{ user: User; sessionId: string }> {
  assertAcceptablePassword(input.password);
  purgeExpired(ctx);
  assertEmailFree(ctx, input.email);
  const passwordHash = await hashPassword(input.password, ctx.config.argon2);
  // From here to the save there is no await: the check and the insert cannot interleave with another signup.
  purgeExpired(ctx);
  assertEmailFree(ctx, input.email);
  const user = newUser(ctx, input, passwordHash);
  ctx.store.data.users.push(user);
  const sessionId = createSession(ctx, user);
  recordAudit(ctx, 'signup', request, { userId: user.id });
  await ctx.store.save();
  return { user, sessionId };
}
