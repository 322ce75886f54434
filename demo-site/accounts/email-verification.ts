// Proving an address: signup (unless EMAIL_VERIFICATION=off) sends a single-use link; opening it marks the address
// verified. Under `required` an account signs in only once its address is verified. The same link page also
// completes a change of address (accounts/email-change.ts).
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { ForbiddenError } from '../errors';
import { checkLink, createLink, LinkError, useLink } from '../mail/links';
import { MESSAGES } from '../mail/messages';
import { enqueueMail } from '../mail/queue';
import type { Repositories } from '../storage/repositories';
import type { User } from '../storage/rows';
import { applyEmailChange } from './email-change';
import { findUserByEmail, findUserById } from './users';

/** At most one verification mail per address in this time: "send again" cannot flood a mailbox. */
export const RESEND_INTERVAL_MS = 60_000;

export async function sendVerificationLink(ctx: SiteContext, user: Pick<User, 'id' | 'email'>, repos: Repositories): Promise<void> {
  // A newer link replaces the older ones.
  await repos.linkTokens.deleteUnused(user.id, 'verify_email');
  const link = await createLink(ctx, { purpose: 'verify_email', userId: user.id, subject: user.email }, repos);
  await enqueueMail(ctx, { kind: 'verify_email', to: user.email, userId: user.id, content: MESSAGES.verifyEmail(link) }, repos);
}

export function assertEmailVerified(ctx: SiteContext, user: User): void {
  if (ctx.config.email.verification !== 'required' || user.emailVerifiedAt !== null) return;
  throw new ForbiddenError('email_not_verified', `Confirm your email address first: open the link we sent to ${user.email}. No email? Send the link again.`);
}

/** "Send the link again": the same answer whether or not such an account waits for verification. */
export async function resendVerification(ctx: SiteContext, email: string, request: RequestInfo): Promise<void> {
  const user = await findUserByEmail(ctx, email);
  if (!user || user.emailVerifiedAt !== null || user.frozenAt !== null || ctx.config.email.verification === 'off') return;
  const { hits } = await ctx.storage.rateLimits.hit(`verify-mail:${user.id}`, RESEND_INTERVAL_MS, ctx.now());
  if (hits > 1) return;
  await ctx.storage.transaction(async (tx) => {
    await sendVerificationLink(ctx, user, tx);
    await recordAudit(ctx, 'verification_sent', request, { userId: user.id, details: { again: true } }, tx);
  });
}

export type VerifiedEmail = { kind: 'verified' | 'changed'; email: string; user: User };

/** Opens a verification link (a plain GET, no cookies needed): the address it names is now proven. */
export async function verifyEmail(ctx: SiteContext, token: string, request: RequestInfo): Promise<VerifiedEmail> {
  const link = await checkLink(ctx, token, ['verify_email', 'change_email']);
  const email = link.subject ?? '';
  return ctx.storage.transaction(async (tx) => {
    await useLink(ctx, token, link.purpose, tx);
    const user = await findUserById(ctx, link.userId, tx);
    if (!user) throw new LinkError('link_invalid', 'This link is for an account that no longer exists: sign up again.');
    if (link.purpose === 'change_email') return { kind: 'changed', email, user: await applyEmailChange(ctx, user, email, request, tx) };
    if (!(await tx.users.markEmailVerified(user.id, email, ctx.now()))) {
      throw new LinkError('link_invalid', `This link was for ${email}, which this account no longer uses.`);
    }
    await recordAudit(ctx, 'email_verified', request, { userId: user.id, details: { email } }, tx);
    return { kind: 'verified', email, user: { ...user, emailVerifiedAt: user.emailVerifiedAt ?? ctx.now() } };
  });
}
