// What the administrator sees of outgoing mail: every message's state, and, for mail that went to the outbox (no
// SMTP server set), the message itself: without a mail server, the administrator is where mail arrives.
import type { SiteContext } from '../context';
import { openMail } from '../mail/queue';
import type { MailMessage } from '../storage/rows';

export interface OutboxEntry {
  id: string;
  kind: string;
  to: string;
  subject: string;
  status: MailMessage['status'];
  createdAt: number;
  sentAt: number | null;
  attempts: number;
  lastError: string | null;
  transport: string | null;
  /** Only for mail delivered to the outbox. */
  text?: string;
}

export interface OutboxPage { messages: OutboxEntry[]; page: number; pageSize: number; total: number }

export async function listOutbox(ctx: SiteContext, query: { page: number; pageSize: number }): Promise<OutboxPage> {
  const { messages, total } = await ctx.storage.mail.list(query);
  return {
    messages: messages.map((message) => {
      const { id, kind, to, subject, status, createdAt, sentAt, attempts, lastError, transport } = message;
      const body = transport === 'outbox' ? openMail(ctx, message) : null;
      return { id, kind, to, subject, status, createdAt, sentAt, attempts, lastError, transport, ...(body ? { text: body.text } : {}) };
    }),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
