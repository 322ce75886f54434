// Security notices: an email to the account's address whenever something that guards the account changes, each with
// a "This wasn't me" link that freezes the account. Sent in the transaction of the change, so once per change.
import type { SiteContext } from '../context';
import { createLink } from '../mail/links';
import { noticeContent } from '../mail/messages';
import { enqueueMail } from '../mail/queue';
import type { Repositories } from '../storage/repositories';
import type { User } from '../storage/rows';
import type { MailBlock } from '../mail/compose';

export type NoticeKind =
  | 'mfa_enabled' | 'mfa_disabled' | 'mfa_moved' | 'backup_codes_issued' | 'backup_codes_revoked' | 'qr_signin' | 'email_change_requested' | 'email_changed'
  | 'password_changed' | 'password_reset' | 'recovery_started' | 'recovery_completed';

const NOTICES: Record<NoticeKind, (detail: Record<string, string>) => { subject: string; lines: string[] }> = {
  mfa_enabled: () => ({ subject: 'Two-factor authentication was turned on', lines: ['Two-factor authentication was turned on for your Tessera Demo account.'] }),
  mfa_disabled: () => ({ subject: 'Two-factor authentication was turned off', lines: ['Two-factor authentication was turned off for your Tessera Demo account: a password alone now signs in.'] }),
  mfa_moved: () => ({
    subject: 'Your authenticator moved to a new device',
    lines: ['Codes for your Tessera Demo account now come from a new authenticator: the one you had before no longer works.'],
  }),
  backup_codes_issued: () => ({ subject: 'New backup codes were issued', lines: ['New backup codes were issued for your Tessera Demo account; any you had before no longer work.'] }),
  backup_codes_revoked: () => ({ subject: 'Your backup codes were revoked', lines: ['The backup codes of your Tessera Demo account were revoked by the administrator: they no longer work.'] }),
  qr_signin: ({ device }) => ({ subject: 'New sign-in with a QR code', lines: [`Your Tessera Demo account was signed in to by scanning a QR code with ${device}.`] }),
  email_change_requested: ({ email }) => ({
    subject: 'A change of your email address was asked for',
    lines: [`Someone signed in to your Tessera Demo account asked to change its email address to ${email}. It changes only once that address is confirmed.`],
  }),
  email_changed: ({ email }) => ({ subject: 'Your email address was changed', lines: [`The email address of your Tessera Demo account is now ${email}; this address no longer signs in.`] }),
  password_changed: () => ({ subject: 'Your password was changed', lines: ['The password of your Tessera Demo account was changed, and every other session was signed out.'] }),
  password_reset: () => ({ subject: 'Your password was reset', lines: ['The password of your Tessera Demo account was reset by a link sent to this address, and every session was signed out.'] }),
  recovery_started: ({ readyAt }) => ({
    subject: 'A recovery of your account started',
    lines: [`Someone who knows your password and can read this mailbox started a recovery of your Tessera Demo account: two-factor authentication goes off at ${readyAt}, unless it is cancelled before.`],
  }),
  recovery_completed: () => ({ subject: 'Your account was recovered', lines: ['The recovery of your Tessera Demo account is complete: two-factor authentication is off, and the next sign-in sets up a new authenticator.'] }),
};

/** Queues the notice (to `to`, by default the account's address) with its own "This wasn't me" link. */
export async function sendNotice(
  ctx: SiteContext, user: Pick<User, 'id' | 'email'>, kind: NoticeKind, repos: Repositories,
  options: { detail?: Record<string, string>; to?: string; extra?: MailBlock[] } = {},
): Promise<void> {
  const notMeLink = await createLink(ctx, { purpose: 'not_me', userId: user.id, subject: kind }, repos);
  const { subject, lines } = NOTICES[kind](options.detail ?? {});
  await enqueueMail(ctx, { kind: `notice_${kind}`, to: options.to ?? user.email, userId: user.id, content: noticeContent({ subject, lines, at: ctx.now(), notMeLink, extra: options.extra }) }, repos);
}
