// Security notices: each change that guards an account mails its owner once, with a "This wasn't me" link that
// freezes the account (one confirmation), ends its sessions and waits for an administrator, whose unfreeze is audited.
import { describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { ADMIN_ENV, signInAdmin } from './support/admin';
import { linkIn, pathOf, recipientOf, mailboxPerTest } from './support/mailbox';
import { DEVICE, generateQr, pageClient, scanSignin } from './support/qr';
import { codeAt, PASSWORD, signUpWithTotp, startTestSite, type TestSite } from './support/site';
import { readStored } from './support/stored';

let site: TestSite;
const mailbox = mailboxPerTest(() => site);

const EMAIL = 'nora@example.com';
const noticeTo = (subject: string) => mailbox.waitFor((m) => recipientOf(m) === EMAIL && m.subject === subject);
const env = () => ({ ...ADMIN_ENV, SMTP_URL: mailbox.url, MFA_POLICY: 'optional', RATE_LIMIT_QR_GENERATE: '1000', RATE_LIMIT_QR_SCAN: '1000', RATE_LIMIT_PIN_VERIFY: '1000' });

describe('security notices', () => {
  it('go out once for MFA on, backup codes issued and revoked, a QR sign-in (naming the device) and MFA off, each with its own link', async () => {
    site = await startTestSite(env());
    const { client: admin } = await signInAdmin(site);
    const nora = site.client();
    const secret = await signUpWithTotp(site, nora, EMAIL);
    const userId = (await nora.get('/api/me')).body.user.id;
    const seen: ParsedMail[] = [await noticeTo('Two-factor authentication was turned on')];

    await admin.post(`/api/admin/users/${userId}/backup-codes`);
    seen.push(await noticeTo('New backup codes were issued'));
    await admin.request('DELETE', `/api/admin/users/${userId}/backup-codes`);
    seen.push(await noticeTo('Your backup codes were revoked'));

    const page = pageClient(site);
    const qr = await generateQr(page);
    const { pin } = await scanSignin(site, qr.qrToken, EMAIL, secret);
    expect((await page.post('/api/pin/verify', { qrToken: qr.qrToken, pin })).status).toBe(200);
    const qrNotice = await noticeTo('New sign-in with a QR code');
    expect(qrNotice.text).toContain(DEVICE);
    seen.push(qrNotice);

    site.clock.advance(30_000);
    expect((await nora.post('/api/mfa/totp/disable', { password: PASSWORD, code: codeAt(secret, site.clock) })).status).toBe(200);
    seen.push(await noticeTo('Two-factor authentication was turned off'));

    await site.site.mail.runOnce();
    const subjects = mailbox.to(EMAIL).map((m) => m.subject);
    for (const mail of seen) expect(subjects.filter((s) => s === mail.subject), mail.subject).toHaveLength(1);
    const links = seen.map((mail) => linkIn(mail, '/not-me'));
    expect(new Set(links).size).toBe(links.length);
    for (const link of links) {
      expect(link.startsWith(`${site.url}/not-me?token=`)).toBe(true);
      expect((await site.client().get(pathOf(link))).text).toContain('Freeze my account');
    }
  });

  it('"This wasn\'t me" asks once, then freezes: old sessions 401, password sign-in refused with words, the administrator sees it and unfreezes (audited)', async () => {
    site = await startTestSite(env());
    const { client: admin } = await signInAdmin(site);
    const adminId = (await admin.get('/api/me')).body.user.id;
    const nora = site.client();
    await signUpWithTotp(site, nora, EMAIL);
    const userId = (await nora.get('/api/me')).body.user.id;
    const link = pathOf(linkIn(await noticeTo('Two-factor authentication was turned on'), '/not-me'));

    const asked = await site.client().get(link);
    expect(asked.status).toBe(200);
    expect((await nora.get('/api/me')).status).toBe(200);
    const token = new URLSearchParams(link.split('?')[1]).get('token')!;
    // Confirmed in a browser signed in to another account (the administrator's): only the owner's sessions end.
    const frozen = await admin.form('/not-me', { token });
    expect(frozen.status).toBe(200);
    expect(frozen.text).toContain('Your account is frozen');

    expect((await nora.get('/api/me')).status).toBe(401);
    expect((await admin.get('/api/me')).body.user.id).toBe(adminId);
    const signin = await site.client().post('/api/signin', { email: EMAIL, password: PASSWORD });
    expect(signin.status).toBe(423);
    expect(signin.body.error.code).toBe('account_frozen');
    expect(signin.body.error.message).toContain('This account is frozen');
    expect((await site.client().post('/api/signin', { email: EMAIL, password: 'not the password' })).body.error.code).toBe('invalid_credentials');
    expect((await site.client().post('/api/password/forgot', { email: EMAIL })).status).toBe(202);
    expect((await site.client().form('/not-me', { token })).status).toBe(410);

    const queue = await admin.get('/admin');
    expect(queue.text).toContain('Frozen accounts');
    expect(queue.text).toContain(EMAIL);
    expect((await admin.get('/api/admin/frozen')).body.users).toEqual([expect.objectContaining({ id: userId, email: EMAIL })]);
    expect((await admin.post(`/api/admin/users/${userId}/unfreeze`)).body).toEqual({ unfrozen: true });
    const unfrozenMail = await noticeTo('Your account is unfrozen');
    linkIn(unfrozenMail, '/reset-password');
    expect((await site.client().post('/api/signin', { email: EMAIL, password: PASSWORD })).body).toMatchObject({ mfaRequired: true });

    const audit = (await readStored(site.data)).audit;
    expect(audit.find((e) => e.type === 'account_frozen')).toMatchObject({ userId, actorId: userId, details: { by: 'owner', notice: 'mfa_enabled' } });
    expect(audit.find((e) => e.type === 'account_unfrozen')).toMatchObject({ userId, actorId: adminId });
    expect(audit.find((e) => e.type === 'sessions_ended')).toMatchObject({ userId, details: { reason: 'account_frozen' } });
    await site.site.mail.runOnce();
    expect(mailbox.to(EMAIL).filter((m) => m.subject === 'Reset your password')).toHaveLength(0);
  });
});
