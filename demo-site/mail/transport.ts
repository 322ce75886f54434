// Where mail goes: an SMTP server (SMTP_URL, through nodemailer: plain, STARTTLS, TLS and login as the URL says), or,
// without one, the outbox folder in DATA_DIR (one .eml file per message, openable in any mail client) and the
// administrator's /admin/outbox page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { SiteConfig } from '../config';
import type { RenderedMail } from './compose';

export interface OutgoingMail extends RenderedMail { id: string; kind: string; to: string }

export interface MailTransport {
  readonly name: 'smtp' | 'outbox';
  /** The outbox keeps each body for the administrator's page; SMTP drops it once the server took the message. */
  readonly keepsBody: boolean;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export const OUTBOX_DIR = 'outbox';

/** The same id for every try, so a receiving server can tell a resend after a crash from a new message. */
function messageId(config: SiteConfig, id: string): string {
  const domain = /@([^>\s]+)/.exec(config.email.from)?.[1] ?? 'tessera.test';
  return `<${id}@${domain}>`;
}

export function createMailTransport(config: SiteConfig): MailTransport {
  const from = config.email.from;
  if (config.email.smtpUrl) {
    const transporter = nodemailer.createTransport({ url: config.email.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    return {
      name: 'smtp',
      keepsBody: false,
      async send(mail) {
        await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: messageId(config, mail.id) });
      },
      close: () => transporter.close(),
    };
  }
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const dir = join(config.dataDir, OUTBOX_DIR);
  return {
    name: 'outbox',
    keepsBody: true,
    async send(mail) {
      const info = await composer.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: messageId(config, mail.id) });
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      writeFileSync(join(dir, `${stamp}-${mail.kind}-${mail.id}.eml`), info.message as Buffer, { mode: 0o600 });
    },
    close: () => composer.close(),
  };
}
