// The background sender: every process polls the queue (and is woken when a message is queued), takes what is due
// under a lease so that no other process sends it too, and sends it. A failure is audited and tried again later,
// waiting longer each time; a request never waits for any of this.
import { AsyncResource } from 'node:async_hooks';
import { recordAudit } from '../audit';
import type { SiteContext } from '../context';
import type { MailMessage } from '../storage/rows';
import { openMail } from './queue';
import type { MailTransport } from './transport';

export interface MailSender {
  wake(): void;
  /** Sends what is due now; resolves when done (also what the timer runs). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

const POLL_MS = 1_000;
const LEASE_MS = 5 * 60_000;
const BATCH = 20;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;
/** About a day of tries (30 s doubling to an hour). */
export const MAX_MAIL_ATTEMPTS = 30;
const SYSTEM = { ip: '', userAgent: 'mail sender' };

export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempts - 1, 20));
}

/** The reason a send failed, for the audit log and the outbox page: the server's words, never the message. */
function describeFailure(error: unknown): string {
  const { code, responseCode, message } = (error ?? {}) as { code?: string; responseCode?: number; message?: string };
  return [code, responseCode, message].filter((part) => part !== undefined && part !== '').join(' ').slice(0, 300) || 'unknown error';
}

export function startMailSender(ctx: SiteContext, transport: MailTransport, options: { pollMs?: number } = {}): MailSender {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let lastOutage = 0;

  const sendOne = async (message: MailMessage) => {
    const body = openMail(ctx, message);
    if (!body) return ctx.storage.mail.markFailed(message.id, { error: 'the message body is gone', nextAttemptAt: ctx.now(), giveUp: true });
    try {
      await transport.send({ id: message.id, kind: message.kind, to: message.to, ...body });
    } catch (error) {
      const attempts = message.attempts + 1;
      const giveUp = attempts >= MAX_MAIL_ATTEMPTS;
      const nextAttemptAt = ctx.now() + retryDelayMs(attempts);
      const reason = describeFailure(error);
      await ctx.storage.mail.markFailed(message.id, { error: reason, nextAttemptAt, giveUp });
      await recordAudit(ctx, giveUp ? 'mail_gave_up' : 'mail_failed', SYSTEM, {
        userId: message.userId, details: { mailId: message.id, kind: message.kind, attempt: attempts, error: reason, ...(giveUp ? {} : { retryAt: nextAttemptAt }) },
      });
      return;
    }
    await ctx.storage.mail.markSent(message.id, { now: ctx.now(), transport: transport.name, keepBody: transport.keepsBody });
  };

  const drain = async () => {
    do {
      again = false;
      try {
        for (const message of await ctx.storage.mail.claimDue(ctx.now(), LEASE_MS, BATCH)) await sendOne(message);
      } catch (error) {
        // The database is away (or the disk full): the messages stay queued; say so now and then, not every second.
        if (Date.now() - lastOutage > 60_000) console.error('[mail] the queue cannot be read now:', (error as Error)?.message ?? error);
        lastOutage = Date.now();
      }
    } while (again && !stopped);
  };

  const runOnce = () => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = drain().finally(() => (running = null));
    return running;
  };

  const timer = setInterval(() => void runOnce(), options.pollMs ?? POLL_MS);
  timer.unref();
  // A wake comes from inside a request's transaction; the sending must not run as part of it.
  const outside = new AsyncResource('tessera-mail-sender');
  return {
    wake: () => outside.runInAsyncScope(() => void setTimeout(() => void runOnce(), 5).unref()),
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      transport.close();
    },
  };
}
