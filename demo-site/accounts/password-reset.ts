// "Forgot your password?": a single-use link (1 hour) to the account's address. The answer to the request is the
// same whether or not the address has an account. The reset proves the mailbox (the address counts as verified and
// a hard lock lifts), ends every session, and never signs in: the code step still follows at the next sign-in.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { AccountFrozenError } from '../errors';
import { endAccountSessions } from '../auth/end-sessions';
import { checkLink, createLink, useLink } from '../mail/links';
import { MESSAGES } from '../mail/messages';
import { enqueueMail } from '../mail/queue';
import { sendNotice } from '../notices/notices';
import type { User } from '../storage/rows';
import { RESEND_INTERVAL_MS } from './email-verification';
import { hashPassword } from './password';
import { assertAcceptableNewPassword, type NewPassword } from './password-change';
import { findUserByEmail, findUserById } from './users';

export const RESET_ANSWER = 'If an account uses this address, a link to choose a new password is on its way. It works once, for 1 hour.';

export async function requestPasswordReset(ctx: SiteContext, email: string, request: RequestInfo): Promise<void> {
  const user = await findUserByEmail(ctx, email);
  if (!user || user.frozenAt !== null) {
    await recordAudit(ctx, 'password_reset_requested', request, { userId: user?.id ?? null, details: { sent: false } });
    return;
  }
  // At most one reset mail a minute per address, whoever asks: the form cannot flood a mailbox.
  if ((await ctx.storage.rateLimits.hit(`reset-mail:${user.id}`, RESEND_INTERVAL_MS, ctx.now())).hits > 1) return;
  await ctx.storage.transaction(async (tx) => {
    await tx.linkTokens.deleteUnused(user.id, 'reset_password');
    const link = await createLink(ctx, { purpose: 'reset_password', userId: user.id, subject: user.email }, tx);
    await enqueueMail(ctx, { kind: 'reset_password', to: user.email, userId: user.id, content: MESSAGES.resetPassword(link) }, tx);
    await recordAudit(ctx, 'password_reset_requested', request, { userId: user.id, details: { sent: true } }, tx);
  });
}

/** The reset page opens only for a link that still works. */
export function checkResetLink(ctx: SiteContext, token: string) {
  return checkLink(ctx, token, ['reset_password']);
}

export async function resetPassword(ctx: SiteContext, token: string, input: NewPassword, request: RequestInfo): Promise<User> {
  assertAcceptableNewPassword(input);
  await checkResetLink(ctx, token);
  const hash = await hashPassword(input.newPassword, ctx.config.argon2);
  return ctx.storage.transaction(async (tx) => {
    const link = await useLink(ctx, token, 'reset_password', tx);
    const user = await findUserById(ctx, link.userId, tx);
    if (!user || user.frozenAt !== null) throw new AccountFrozenError();
    await tx.users.setPasswordHash(user.id, hash);
    if (link.subject) await tx.users.markEmailVerified(user.id, link.subject, ctx.now());
    await tx.users.unlock(user.id);
    await endAccountSessions(ctx, user.id, { reason: 'password_reset' }, request, tx);
    await tx.devices.deleteForUser(user.id);
    await tx.linkTokens.deleteUnused(user.id, 'reset_password');
    await sendNotice(ctx, user, 'password_reset', tx);
    await recordAudit(ctx, 'password_reset', request, { userId: user.id }, tx);
    return user;
  });
}
