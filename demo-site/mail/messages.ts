// The words of every email the site sends, in one place. Each builder gets the links it needs, already absolute.
import type { MailContent } from './compose';

const when = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export const MESSAGES = {
  verifyEmail: (link: string): MailContent => ({
    subject: 'Confirm your email address',
    blocks: [
      'Welcome to Tessera Demo. Confirm that this address is yours to finish creating your account.',
      { link, label: 'Confirm my email address' },
      'The link works once, for 24 hours. If you did not create an account, ignore this email: nothing happens without the link.',
    ],
  }),
  confirmNewEmail: (link: string): MailContent => ({
    subject: 'Confirm your new email address',
    blocks: [
      'Someone signed in to Tessera Demo asked to use this address for their account. Confirm it to make the change.',
      { link, label: 'Use this address for my account' },
      'The link works once, for 24 hours. If it was not you, ignore this email: the account keeps its old address.',
    ],
  }),
  resetPassword: (link: string): MailContent => ({
    subject: 'Reset your password',
    blocks: [
      'Someone asked to reset the password of the Tessera Demo account that uses this address.',
      { link, label: 'Choose a new password' },
      'The link works once, for 1 hour. Your two-factor code is still needed after the reset. If you did not ask, ignore this email: your password stays as it is.',
    ],
  }),
  recoveryConfirm: (link: string, delayHours: number): MailContent => ({
    subject: 'Confirm the recovery of your account',
    blocks: [
      'Someone who knows your password said they lost their authenticator and have no backup codes, and asked to recover your Tessera Demo account.',
      { link, label: 'Yes, start the recovery' },
      `After you confirm, two-factor authentication goes off in ${delayHours} hours, unless the recovery is cancelled meanwhile. The link works once, for 1 hour. If it was not you, do not open it, and change your password.`,
    ],
  }),
  accountUnfrozen: (resetLink: string): MailContent => ({
    subject: 'Your account is unfrozen',
    blocks: [
      'The administrator unfroze your Tessera Demo account: you can sign in again.',
      'If someone else had your password, choose a new one now:',
      { link: resetLink, label: 'Choose a new password' },
    ],
  }),
};

/** What a security notice says happened, and when. */
export function noticeContent(input: { subject: string; lines: string[]; at: number; notMeLink: string; extra?: MailContent['blocks'] }): MailContent {
  return {
    subject: input.subject,
    blocks: [
      ...input.lines,
      `When: ${when(input.at)}.`,
      ...(input.extra ?? []),
      'If this was you, there is nothing to do. If it was not, freeze your account now: nobody can sign in until the administrator checks it.',
      { link: input.notMeLink, label: "This wasn't me" },
    ],
  };
}

export { when as describeTime };
