// Changing the password while signed in: the current one first; then every other session ends, reset links stop
// working, and a notice goes out.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { ValidationError } from '../errors';
import { endAccountSessions } from '../auth/end-sessions';
import { sendNotice } from '../notices/notices';
import type { Session, User } from '../storage/rows';
import { confirmPassword } from './confirm-password';
import { hashPassword } from './password';
import { assertAcceptablePassword } from './password-policy';

export interface NewPassword { newPassword: string; confirmPassword?: string }

/** The policy's verdict on a new password, named after the field that holds it. */
export function assertAcceptableNewPassword(input: NewPassword): void {
  try {
    assertAcceptablePassword(input.newPassword);
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError('newPassword', error.message, error.code);
    throw error;
  }
  if (input.confirmPassword !== undefined && input.confirmPassword !== input.newPassword) {
    throw new ValidationError('confirmPassword', 'The two passwords differ: type the same new password twice.', 'passwords_differ');
  }
}

export async function changePassword(
  ctx: SiteContext, signedIn: User, session: Session, input: NewPassword & { currentPassword: string }, request: RequestInfo,
): Promise<void> {
  assertAcceptableNewPassword(input);
  const { user } = await confirmPassword(ctx, signedIn, input.currentPassword, request, 'change_password', 'currentPassword');
  if (input.currentPassword === input.newPassword) throw new ValidationError('newPassword', 'That is your current password: choose a new one.', 'same_password');
  const hash = await hashPassword(input.newPassword, ctx.config.argon2);
  await ctx.storage.transaction(async (tx) => {
    await tx.users.setPasswordHash(user.id, hash);
    await endAccountSessions(ctx, user.id, { reason: 'password_changed', keepSessionHash: session.idHash }, request, tx);
    await tx.linkTokens.deleteUnused(user.id, 'reset_password');
    await sendNotice(ctx, user, 'password_changed', tx);
    await recordAudit(ctx, 'password_changed', request, { userId: user.id }, tx);
  });
}

