// A real SMTP server in the test process (the `smtp-server` package), every message parsed as a mail client would
// (`mailparser`). It can be stopped and started again on the same port, as a mail server that goes down and comes back.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, beforeEach } from 'vitest';

export interface Mailbox {
  /** SMTP_URL for the site. */
  url: string;
  port: number;
  messages: ParsedMail[];
  /** Messages to `to`, in the order they arrived. */
  to(address: string): ParsedMail[];
  /** Waits for a message that `matches` (the first one already there counts). */
  waitFor(matches: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export const recipientOf = (mail: ParsedMail): string => {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to?.value[0]?.address ?? '';
};

/** The first link in the mail's text part whose path is `path`. */
export function linkIn(mail: ParsedMail, path: string): string {
  const links = (mail.text ?? '').match(/https?:\/\/\S+/g) ?? [];
  const found = links.find((link) => new URL(link).pathname === path);
  if (!found) throw new Error(`No ${path} link in the mail "${mail.subject}":\n${mail.text}`);
  return found;
}

/** The link's path and query, to request from the test site. */
export const pathOf = (link: string): string => {
  const url = new URL(link);
  return url.pathname + url.search;
};

export async function startMailbox(options: { auth?: { user: string; pass: string }; secure?: boolean } = {}): Promise<Mailbox> {
  const messages: ParsedMail[] = [];
  const waiters = new Set<() => void>();
  const serverOptions: SMTPServerOptions = {
    secure: options.secure ?? false,
    authOptional: !options.auth,
    allowInsecureAuth: true,
    disabledCommands: options.secure ? [] : ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) return callback(null, { user: auth.username });
      callback(new Error('Invalid username or password'));
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        messages.push(mail);
        for (const wake of [...waiters]) wake();
        callback();
      }, callback);
    },
  };
  let server = new SMTPServer(serverOptions);
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server.server.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();
  const credentials = options.auth ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@` : '';
  const scheme = options.secure ? 'smtps' : 'smtp';
  return {
    get url() {
      return `${scheme}://${credentials}127.0.0.1:${port}${options.secure ? '/?tls.rejectUnauthorized=false' : ''}`;
    },
    get port() {
      return port;
    },
    messages,
    to: (address) => messages.filter((mail) => recipientOf(mail) === address),
    waitFor(matches, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(matches);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`No matching mail arrived in ${timeoutMs} ms; got: ${messages.map((m) => `${recipientOf(m)} "${m.subject}"`).join(', ') || 'nothing'}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async start() {
      server = new SMTPServer(serverOptions);
      await listen();
    },
  };
}

/**
 * A fresh mailbox for every test of the file, stopped after it together with the test's site (`siteOf` gives it).
 * The object stands for the current test's mailbox, so a file keeps one `mailbox` constant.
 */
export function mailboxPerTest(siteOf: () => { close(): Promise<void> } | undefined): Mailbox {
  let current: Mailbox | undefined;
  beforeEach(async () => {
    current = await startMailbox();
  });
  afterEach(async () => {
    await siteOf()?.close();
    await current?.stop();
    current = undefined;
  });
  const now = (): Mailbox => {
    if (!current) throw new Error('The mailbox exists only while a test runs.');
    return current;
  };
  return {
    get url() { return now().url; },
    get port() { return now().port; },
    get messages() { return now().messages; },
    to: (address) => now().to(address),
    waitFor: (matches, timeoutMs) => now().waitFor(matches, timeoutMs),
    stop: () => now().stop(),
    start: () => now().start(),
  };
}
