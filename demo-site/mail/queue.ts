// Putting a message in the queue, in the same transaction as the change it tells of: the change and its mail are
// stored together or not at all. The body holds single-use links, so it is sealed with the server key at rest.
import type { SiteContext } from '../context';
import { createId } from '../crypto/tokens';
import { openSecret, sealSecret } from '../crypto/secret-box';
import type { Repositories } from '../storage/repositories';
import type { MailMessage } from '../storage/rows';
import { renderMail, type MailContent, type RenderedMail } from './compose';

export interface QueuedMail {
  /** What the message is about (e.g. `verify_email`, `notice_mfa_disabled`): for the outbox and the audit log. */
  kind: string;
  to: string;
  userId: string | null;
  content: MailContent;
}

const bodyPurpose = (id: string) => `mail:${id}`;

export async function enqueueMail(ctx: SiteContext, mail: QueuedMail, repos: Repositories = ctx.storage): Promise<string> {
  const id = createId();
  const { subject, text, html } = renderMail(mail.content);
  const now = ctx.now();
  await repos.mail.enqueue({
    id, kind: mail.kind, userId: mail.userId, to: mail.to, subject, bodyBox: sealSecret(ctx.key, JSON.stringify({ text, html }), bodyPurpose(id)),
    createdAt: now, status: 'queued', attempts: 0, nextAttemptAt: now, leaseUntil: null, sentAt: null, lastError: null, transport: null,
  });
  // Sent in the background: the request that queued it never waits for the mail server.
  ctx.mail.wake();
  return id;
}

/** The message as it is sent, or null once its body was dropped (sent over SMTP). */
export function openMail(ctx: Pick<SiteContext, 'key'>, message: MailMessage): RenderedMail | null {
  if (message.bodyBox === null) return null;
  const { text, html } = JSON.parse(openSecret(ctx.key, message.bodyBox, bodyPurpose(message.id))) as { text: string; html: string };
  return { subject: message.subject, text, html };
}
