// Backup codes reach the user, not the administrator: approval mails a single-use link; the codes open once (shown
// or as .txt), then only hashes remain; the administrator sees whether they were fetched, never the codes; the
// explicit, audited hand-over stays for users without a working mailbox.
import { describe, expect, it } from 'vitest';
import { ADMIN_ENV, signInAdmin, userAtCodeStep } from './support/admin';
import { linkIn, pathOf, recipientOf, mailboxPerTest } from './support/mailbox';
import { PASSWORD, signUpWithTotp, startTestSite, type TestSite } from './support/site';
import { readStoredText } from './support/stored';

let site: TestSite;
const mailbox = mailboxPerTest(() => site);

const EMAIL = 'rosa@example.com';
const CODE = /\b[0-9a-z]{5}-[0-9a-z]{5}\b/g;
const codesMail = () => mailbox.waitFor((m) => recipientOf(m) === EMAIL && m.subject === 'New backup codes were issued');
const tokenOf = (link: string) => new URLSearchParams(new URL(link).search).get('token')!;

describe('backup codes delivered to the user', () => {
  it('approval mails a link; the codes open once and work at the code step; the administrator never sees them, only that they were fetched', async () => {
    site = await startTestSite({ ...ADMIN_ENV, SMTP_URL: mailbox.url });
    const { client: admin } = await signInAdmin(site);
    const { ticket } = await userAtCodeStep(site, EMAIL);
    const { id } = (await site.client().post('/api/backup-codes/requests', { ticket, message: 'lost my phone' })).body.request;

    const approved = await admin.post(`/api/admin/backup-code-requests/${id}/issue`);
    expect(approved.status).toBe(200);
    expect(approved.body.delivery).toMatchObject({ method: 'mail', state: 'waiting', fetchedAt: null });
    expect(approved.text).not.toMatch(CODE);
    const mail = await codesMail();
    expect(mail.text).not.toMatch(CODE);
    linkIn(mail, '/not-me');
    const link = linkIn(mail, '/backup-codes');

    // Opening the link shows a button only: a mail scanner that follows links spends nothing.
    const page = await site.client().get(pathOf(link));
    expect(page.text).toContain('Show my codes');
    expect(page.text).not.toContain('<code>');
    const shown = await site.client().form('/backup-codes/show', { token: tokenOf(link) });
    expect(shown.status).toBe(200);
    const codes = shown.text.match(/<code>([0-9a-z]{5}-[0-9a-z]{5})<\/code>/g)!.map((c) => c.slice(6, -7));
    expect(codes).toHaveLength(10);
    const again = await site.client().form('/backup-codes/show', { token: tokenOf(link) });
    expect(again.status).toBe(410);
    expect(again.text).toContain('already');

    const signin = await site.client().post('/api/signin', { email: EMAIL, password: PASSWORD });
    expect((await site.client().post('/api/signin/mfa/backup-code', { ticket: signin.body.ticket, code: codes[0] })).status).toBe(200);

    const issued = (await admin.get('/api/admin/backup-code-requests?status=issued')).body.requests;
    expect(issued[0].delivery).toMatchObject({ state: 'fetched', fetchedAt: expect.any(Number) });
    for (const path of ['/admin?status=issued', '/admin/users', '/admin/audit', '/admin/outbox', '/api/admin/audit?pageSize=200', '/api/admin/outbox']) {
      const seen = await admin.get(path);
      expect(seen.status, path).toBe(200);
      for (const code of codes) expect(seen.text, path).not.toContain(code);
    }
    expect((await admin.get('/admin?status=issued')).text).toContain('fetched by the user');
    const atRest = await readStoredText(site.data);
    for (const code of codes) expect(atRest).not.toContain(code);
  });

  it('signed in, /account offers the waiting codes once, as a .txt download', async () => {
    site = await startTestSite({ ...ADMIN_ENV, SMTP_URL: mailbox.url, MFA_POLICY: 'optional' });
    const { client: admin } = await signInAdmin(site);
    const rosa = site.client();
    await signUpWithTotp(site, rosa, EMAIL);
    const userId = (await rosa.get('/api/me')).body.user.id;
    await admin.post(`/api/admin/users/${userId}/backup-codes`);
    const link = linkIn(await codesMail(), '/backup-codes');
    expect((await rosa.get('/account')).text).toContain('Your new backup codes are ready');

    const file = await rosa.form('/account/backup-codes/download', {});
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="tessera-backup-codes.txt"');
    expect(file.text.match(CODE)).toHaveLength(10);
    expect((await rosa.get('/account')).text).not.toContain('Your new backup codes are ready');
    expect((await rosa.form('/account/backup-codes/show', {})).status).toBe(410);
    // The emailed link was for the same codes: it no longer works.
    expect((await site.client().get(pathOf(link))).status).toBe(410);
  });

  it('newer codes make a waiting link useless, and the hand-over needs an explicit, audited choice', async () => {
    site = await startTestSite({ ...ADMIN_ENV, SMTP_URL: mailbox.url });
    const { client: admin } = await signInAdmin(site);
    await signUpWithTotp(site, site.client(), EMAIL);
    const userId = (await site.client().post('/api/signin', { email: EMAIL, password: PASSWORD })).body.ticket && (await admin.get(`/api/admin/users?email=${EMAIL}`)).body.users[0].id;
    await admin.post(`/api/admin/users/${userId}/backup-codes`);
    const link = linkIn(await codesMail(), '/backup-codes');

    const unconfirmed = await admin.post(`/api/admin/users/${userId}/backup-codes/hand-over`, {});
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.error.message).toContain('audited');
    const handed = await admin.post(`/api/admin/users/${userId}/backup-codes/hand-over`, { confirm: true });
    expect(handed.body.codes).toHaveLength(10);
    expect((await site.client().get(pathOf(link))).status).toBe(410);

    const signin = await site.client().post('/api/signin', { email: EMAIL, password: PASSWORD });
    expect((await site.client().post('/api/signin/mfa/backup-code', { ticket: signin.body.ticket, code: handed.body.codes[3] })).status).toBe(200);
    const audit = (await admin.get('/api/admin/audit?type=backup_codes_handed_over')).body;
    expect(audit.total).toBe(1);
    expect(audit.entries[0]).toMatchObject({ userId, actorId: (await admin.get('/api/me')).body.user.id });
  });
});
