// Recovery when every second factor is lost: from the code step (so the password is proven), a link to the account's
// address; opening it starts a wait (RECOVERY_DELAY_HOURS) during which the notice email and every sign-in offer to
// cancel it. Only after the wait does MFA go off. docs/security.md says why the wait defeats a thief who holds the
// phone and reads the mailbox.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { AccountFrozenError, ConflictError } from '../errors';
import { createId } from '../crypto/tokens';
import { findTicket } from '../auth/ticket';
import { createLink, LinkError, useLink } from '../mail/links';
import { describeTime, MESSAGES } from '../mail/messages';
import { enqueueMail } from '../mail/queue';
import { sendNotice } from '../notices/notices';
import type { Recovery } from '../storage/rows';

const HOUR = 60 * 60_000;

export const recoveryUnderWay = (readyAt: number) =>
  new ConflictError('recovery_under_way', `A recovery of this account is already under way: two-factor authentication goes off at ${describeTime(readyAt)}.`);

/** "I lost my authenticator and have no backup codes", from the code step: the link goes to the account's address. */
export async function startRecovery(ctx: SiteContext, ticketToken: string, request: RequestInfo): Promise<string> {
  const { user } = await findTicket(ctx, ticketToken);
  if (user.frozenAt !== null) throw new AccountFrozenError();
  if (!user.totp) throw new ConflictError('mfa_not_enabled', 'Two-factor authentication is off for this account: there is nothing to recover, sign in with your password.');
  await ctx.storage.transaction(async (tx) => {
    const open = await tx.recoveries.findOpenForUser(user.id);
    if (open?.state === 'waiting') throw recoveryUnderWay(open.readyAt!);
    // Asking again replaces a recovery whose link was not opened (a new link goes out).
    if (open) await tx.recoveries.transition(open.id, ['awaiting_email'], { state: 'cancelled', closedAt: ctx.now(), closedBy: user.id });
    await tx.linkTokens.deleteUnused(user.id, 'recovery_confirm');
    const recovery: Recovery = {
      id: createId(), userId: user.id, state: 'awaiting_email', createdAt: ctx.now(), confirmedAt: null, readyAt: null, closedAt: null, closedBy: null, ip: request.ip,
    };
    if (!(await tx.recoveries.insert(recovery))) throw new ConflictError('recovery_under_way', 'A recovery of this account was just started: look for its email.');
    const link = await createLink(ctx, { purpose: 'recovery_confirm', userId: user.id, subject: recovery.id }, tx);
    await enqueueMail(ctx, { kind: 'recovery_confirm', to: user.email, userId: user.id, content: MESSAGES.recoveryConfirm(link, ctx.config.recoveryDelayMs / HOUR) }, tx);
    await recordAudit(ctx, 'recovery_requested', request, { userId: user.id, details: { recoveryId: recovery.id } }, tx);
  });
  return user.email;
}

/** The link from the email was opened and confirmed: the wait starts, and the owner is told how to cancel it. */
export async function confirmRecovery(ctx: SiteContext, token: string, request: RequestInfo): Promise<Recovery> {
  return ctx.storage.transaction(async (tx) => {
    const link = await useLink(ctx, token, 'recovery_confirm', tx);
    const now = ctx.now();
    const readyAt = now + ctx.config.recoveryDelayMs;
    const recovery = await tx.recoveries.transition(link.subject ?? '', ['awaiting_email'], { state: 'waiting', confirmedAt: now, readyAt });
    if (!recovery) throw new LinkError('recovery_closed', 'This recovery was cancelled or replaced by a newer one: start again from the sign-in page if you need to.');
    const user = await tx.users.findById(recovery.userId);
    if (!user) throw new LinkError('link_invalid', 'This account no longer exists.');
    const cancel = await createLink(ctx, { purpose: 'recovery_cancel', userId: user.id, subject: recovery.id, lifetimeMs: ctx.config.recoveryDelayMs + 7 * 24 * HOUR }, tx);
    await sendNotice(ctx, user, 'recovery_started', tx, { detail: { readyAt: describeTime(readyAt) }, extra: ['Not you? Cancel it now:', { link: cancel, label: 'Cancel this recovery' }] });
    await recordAudit(ctx, 'recovery_confirmed', request, { userId: user.id, details: { recoveryId: recovery.id, readyAt } }, tx);
    return recovery;
  });
}
