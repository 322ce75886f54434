// Outgoing mail: through a real SMTP server (plain, with login, over TLS), to the outbox folder and /admin/outbox
// without one, and a queue that waits for a mail server that is down, through a restart, and sends each message once.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_ENV, signInAdmin } from './support/admin';
import { linkIn, recipientOf, startMailbox, type Mailbox } from './support/mailbox';
import { PASSWORD, startTestSite, type TestSite } from './support/site';
import { readStored } from './support/stored';

let site: TestSite | undefined;
let mailbox: Mailbox | undefined;
afterEach(async () => {
  await site?.close();
  await mailbox?.stop();
  site = mailbox = undefined;
});

const signUp = (email: string) => site!.client().post('/api/signup', { email, password: PASSWORD, displayName: 'Mia' });

describe('mail', () => {
  it('goes through SMTP with a text and an HTML part, From MAIL_FROM, every link absolute on PUBLIC_ORIGIN', async () => {
    mailbox = await startMailbox();
    site = await startTestSite({ SMTP_URL: mailbox.url, MAIL_FROM: 'Demo Desk <desk@demo.example>', PUBLIC_ORIGIN: 'https://demo.example', EMAIL_VERIFICATION: 'required' });
    expect((await signUp('mia@example.com')).status).toBe(201);
    const mail = await mailbox.waitFor((m) => recipientOf(m) === 'mia@example.com');
    expect(mail.from?.value[0]).toMatchObject({ address: 'desk@demo.example', name: 'Demo Desk' });
    expect(mail.subject).toBe('Confirm your email address');
    const link = linkIn(mail, '/verify');
    expect(link.startsWith('https://demo.example/verify?token=')).toBe(true);
    expect(mail.html).toContain(`href="${link.replace(/&/g, '&amp;')}"`);
    expect(mail.messageId).toMatch(/@demo\.example>$/);
  });

  it('logs in to the SMTP server when the URL names a user, and speaks TLS for smtps://', async () => {
    mailbox = await startMailbox({ auth: { user: 'relay', pass: 's3cret relay' } });
    site = await startTestSite({ SMTP_URL: mailbox.url, EMAIL_VERIFICATION: 'required' });
    await signUp('login@example.com');
    expect((await mailbox.waitFor((m) => recipientOf(m) === 'login@example.com')).subject).toBe('Confirm your email address');
    await site.close();
    await mailbox.stop();

    mailbox = await startMailbox({ secure: true });
    site = await startTestSite({ SMTP_URL: mailbox.url, EMAIL_VERIFICATION: 'required' });
    await signUp('tls@example.com');
    expect((await mailbox.waitFor((m) => recipientOf(m) === 'tls@example.com')).subject).toBe('Confirm your email address');
  });

  it('without SMTP_URL, goes to the outbox folder in DATA_DIR and to /admin/outbox, which only administrators open', async () => {
    site = await startTestSite({ ...ADMIN_ENV, EMAIL_VERIFICATION: 'required' });
    expect((await signUp('out@example.com')).status).toBe(201);
    const outbox = join(site.dataDir, 'outbox');
    await expect.poll(() => { try { return readdirSync(outbox).length; } catch { return 0; } }, { timeout: 10_000 }).toBe(1);
    const file = readdirSync(outbox)[0];
    const parsed = await simpleParser(readFileSync(join(outbox, file)));
    expect(recipientOf(parsed)).toBe('out@example.com');
    const link = linkIn(parsed, '/verify');
    expect(link.startsWith(`${site.url}/verify?token=`)).toBe(true);

    const { client: admin } = await signInAdmin(site);
    const page = await admin.get('/admin/outbox');
    expect(page.status).toBe(200);
    expect(page.text).toContain('out@example.com');
    expect(page.text).toContain('Confirm your email address');
    expect(page.text).toContain(link.replace(/&/g, '&amp;'));
    const api = await admin.get('/api/admin/outbox');
    expect(api.body.messages.find((m: { to: string }) => m.to === 'out@example.com')).toMatchObject({ status: 'sent', transport: 'outbox' });
    expect((await site.client().get('/admin/outbox')).status).toBe(303);
    expect((await site.client().get('/api/admin/outbox')).status).toBe(401);
  });

  it('with the SMTP server down: requests succeed, the mail waits (through a restart), arrives once when the server is back', async () => {
    mailbox = await startMailbox();
    const url = mailbox.url;
    await mailbox.stop();
    site = await startTestSite({ SMTP_URL: url, EMAIL_VERIFICATION: 'required' });
    expect((await signUp('patient@example.com')).status).toBe(201);
    await expect.poll(async () => (await readStored(site!.data)).audit.filter((e) => e.type === 'mail_failed').length, { timeout: 10_000 }).toBeGreaterThan(0);
    const failure = (await readStored(site.data)).audit.find((e) => e.type === 'mail_failed')!;
    expect(failure.details).toMatchObject({ kind: 'verify_email', attempt: 1 });
    expect(String(failure.details.error)).toMatch(/ECONNREFUSED/);
    expect(JSON.stringify(failure)).not.toMatch(/token=/);

    site = await site.restart({ SMTP_URL: url, EMAIL_VERIFICATION: 'required' });
    await mailbox.start();
    site.clock.advance(60_000);
    await mailbox.waitFor((m) => recipientOf(m) === 'patient@example.com');
    // More time and more polls send nothing again.
    site.clock.advance(24 * 60 * 60_000);
    await site.site.mail.runOnce();
    await site.site.mail.runOnce();
    expect(mailbox.to('patient@example.com')).toHaveLength(1);
    const stored = (await readStored(site.data)).mail;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 'sent', transport: 'smtp', bodyBox: null });
  });

  it('a mail server that takes the connection and never answers holds up no request', async () => {
    const held: Socket[] = [];
    const silent = createServer((socket) => void held.push(socket));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const { port } = silent.address() as { port: number };
    try {
      site = await startTestSite({ SMTP_URL: `smtp://127.0.0.1:${port}`, EMAIL_VERIFICATION: 'required' });
      expect((await signUp('first@example.com')).status).toBe(201);
      // The sender is now stuck waiting for the server's greeting...
      await expect.poll(() => held.length, { timeout: 10_000 }).toBeGreaterThan(0);
      // ...and requests that queue mail still answer at once.
      expect((await signUp('second@example.com')).status).toBe(201);
      expect((await site.client().post('/api/password/forgot', { email: 'first@example.com' })).status).toBe(202);
      expect(held.every((socket) => !socket.destroyed)).toBe(true);
      const stored = (await readStored(site.data)).mail;
      expect(new Set(stored.map((m) => m.to))).toEqual(new Set(['first@example.com', 'second@example.com']));
      expect(stored.every((m) => m.status !== 'sent')).toBe(true);

      // The server hangs up: the failure is audited and the mail waits for another try.
      for (const socket of held) socket.destroy();
      await expect.poll(async () => (await readStored(site!.data)).audit.some((e) => e.type === 'mail_failed'), { timeout: 10_000 }).toBe(true);
    } finally {
      const closed = new Promise((done) => silent.close(done));
      for (const socket of held) socket.destroy();
      await closed;
    }
  });
});
