// Changing the address: the new one gets a link and replaces the old one only once it is opened; the old one is told
// at both steps (with "This wasn't me"). Reset links sent to the old address stop working.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { ConflictError, ValidationError } from '../errors';
import { createLink } from '../mail/links';
import { MESSAGES } from '../mail/messages';
import { enqueueMail } from '../mail/queue';
import { sendNotice } from '../notices/notices';
import type { Repositories } from '../storage/repositories';
import type { User } from '../storage/rows';
import { confirmPassword } from './confirm-password';
import { findUserByEmail, normaliseEmail } from './users';

const taken = (email: string) => new ConflictError('email_taken', `Another account uses ${email}: choose another address.`);

export async function requestEmailChange(ctx: SiteContext, signedIn: User, input: { password: string; newEmail: string }, request: RequestInfo): Promise<string> {
  const { user } = await confirmPassword(ctx, signedIn, input.password, request, 'change_email');
  const email = normaliseEmail(input.newEmail);
  if (email === user.email) throw new ValidationError('newEmail', 'That is already your address.', 'same_email');
  if (await findUserByEmail(ctx, email)) throw taken(email);
  await ctx.storage.transaction(async (tx) => {
    await tx.linkTokens.deleteUnused(user.id, 'change_email');
    const link = await createLink(ctx, { purpose: 'change_email', userId: user.id, subject: email }, tx);
    await enqueueMail(ctx, { kind: 'change_email', to: email, userId: user.id, content: MESSAGES.confirmNewEmail(link) }, tx);
    await sendNotice(ctx, user, 'email_change_requested', tx, { detail: { email } });
    await recordAudit(ctx, 'email_change_requested', request, { userId: user.id, details: { to: email } }, tx);
  });
  return email;
}

/** The new address's link was opened: it replaces the old one, which is told. */
export async function applyEmailChange(ctx: SiteContext, user: User, email: string, request: RequestInfo, tx: Repositories): Promise<User> {
  if (!(await tx.users.changeEmail(user.id, email, ctx.now()))) throw taken(email);
  await tx.linkTokens.deleteUnused(user.id, 'reset_password');
  await tx.linkTokens.deleteUnused(user.id, 'verify_email');
  await sendNotice(ctx, user, 'email_changed', tx, { detail: { email } });
  await recordAudit(ctx, 'email_changed', request, { userId: user.id, details: { from: user.email, to: email } }, tx);
  return { ...user, email, emailVerifiedAt: ctx.now() };
}
