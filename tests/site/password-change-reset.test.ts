// Changing a password (other sessions end) and resetting a forgotten one by a link from email (works once, for an
// hour, ends every session, and the code step still follows); the same answer for addresses without an account.
import { describe, expect, it } from 'vitest';
import { linkIn, pathOf, recipientOf, mailboxPerTest } from './support/mailbox';
import { codeAt, PASSWORD, signUpWithTotp, startTestSite, type TestSite } from './support/site';
import { readStored } from './support/stored';

let site: TestSite;
const mailbox = mailboxPerTest(() => site);

const NEW_PASSWORD = 'a brand new passphrase';
const mailTo = (email: string, subject: string) => mailbox.waitFor((m) => recipientOf(m) === email && m.subject === subject);

describe('changing the password', () => {
  it('needs the current password; then the old one is refused, other sessions end, this one stays, and a notice goes out once', async () => {
    site = await startTestSite({ SMTP_URL: mailbox.url, MFA_POLICY: 'optional' });
    const here = site.client();
    await here.post('/api/signup', { email: 'pat@example.com', password: PASSWORD, displayName: 'Pat' });
    const elsewhere = site.client();
    await elsewhere.post('/api/signin', { email: 'pat@example.com', password: PASSWORD });

    const wrong = await here.post('/api/password/change', { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'invalid_password', field: 'currentPassword' });
    const weak = await here.post('/api/password/change', { currentPassword: PASSWORD, newPassword: 'password' });
    expect(weak.body.error).toMatchObject({ code: 'password_common', field: 'newPassword' });
    expect((await elsewhere.get('/api/me')).status).toBe(200);

    expect((await here.post('/api/password/change', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(200);
    expect((await here.get('/api/me')).status).toBe(200);
    expect((await elsewhere.get('/api/me')).status).toBe(401);
    expect((await site.client().post('/api/signin', { email: 'pat@example.com', password: PASSWORD })).status).toBe(401);
    expect((await site.client().post('/api/signin', { email: 'pat@example.com', password: NEW_PASSWORD })).status).toBe(200);

    const notice = await mailTo('pat@example.com', 'Your password was changed');
    linkIn(notice, '/not-me');
    await site.site.mail.runOnce();
    expect(mailbox.to('pat@example.com').filter((m) => m.subject === 'Your password was changed')).toHaveLength(1);
    expect((await readStored(site.data)).audit.map((e) => e.type)).toEqual(expect.arrayContaining(['password_changed', 'sessions_ended']));
  });

  it('from the account page: the two new passwords must match', async () => {
    site = await startTestSite({ SMTP_URL: mailbox.url, MFA_POLICY: 'optional' });
    const client = site.client();
    await client.post('/api/signup', { email: 'page@example.com', password: PASSWORD, displayName: 'Page' });
    const differ = await client.form('/account/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: 'something else' });
    expect(differ.status).toBe(400);
    expect(differ.text).toContain('The two passwords differ');
    const done = await client.form('/account/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(done.status).toBe(200);
    expect(done.text).toContain('Your password is changed');
  });
});

describe('resetting a forgotten password', () => {
  it('answers the same for any address; the link opens without cookies, works once, ends every session; the code step still follows', async () => {
    site = await startTestSite({ SMTP_URL: mailbox.url });
    const owner = site.client();
    const secret = await signUpWithTotp(site, owner, 'fern@example.com');
    expect((await owner.get('/api/me')).status).toBe(200);

    const known = await site.client().post('/api/password/forgot', { email: 'fern@example.com' });
    const unknown = await site.client().post('/api/password/forgot', { email: 'nobody@example.com' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    const pageAnswer = await site.client().form('/forgot', { email: 'nobody@example.com' });
    expect(pageAnswer.text).toContain('If an account uses this address');

    const mail = await mailTo('fern@example.com', 'Reset your password');
    const link = pathOf(linkIn(mail, '/reset-password'));
    const page = await site.client().get(link);
    expect(page.status).toBe(200);
    expect(page.text).toContain('name="newPassword"');

    const weak = await site.client().form('/reset-password', { token: new URLSearchParams(link.split('?')[1]).get('token')!, newPassword: 'short', confirmPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain('Use at least 8 characters');

    const token = new URLSearchParams(link.split('?')[1]).get('token')!;
    const done = await site.client().form('/reset-password', { token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(done.status).toBe(200);
    expect(done.text).toContain('your two-factor code is still needed');
    expect((await owner.get('/api/me')).status).toBe(401);

    const again = await site.client().post('/api/password/reset', { token, newPassword: 'yet another passphrase' });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('link_used');
    expect((await site.client().post('/api/signin', { email: 'fern@example.com', password: PASSWORD })).status).toBe(401);

    const signin = await site.client().post('/api/signin', { email: 'fern@example.com', password: NEW_PASSWORD });
    expect(signin.body).toMatchObject({ mfaRequired: true });
    const code = await site.client().post('/api/signin/mfa/totp', { ticket: signin.body.ticket, code: codeAt(secret, site.clock) });
    expect(code.status).toBe(200);

    linkIn(await mailTo('fern@example.com', 'Your password was reset'), '/not-me');
    await site.site.mail.runOnce();
    expect(mailbox.messages.map(recipientOf)).not.toContain('nobody@example.com');
  });

  it('a link older than an hour is refused with words, and so is one replaced by a newer link', async () => {
    site = await startTestSite({ SMTP_URL: mailbox.url, MFA_POLICY: 'optional' });
    await site.client().post('/api/signup', { email: 'slow@example.com', password: PASSWORD, displayName: 'Slow' });
    await site.client().post('/api/password/forgot', { email: 'slow@example.com' });
    const first = pathOf(linkIn(await mailTo('slow@example.com', 'Reset your password'), '/reset-password'));
    site.clock.advance(61 * 60_000);
    const expired = await site.client().get(first);
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('This link has expired');

    await site.client().post('/api/password/forgot', { email: 'slow@example.com' });
    await mailbox.waitFor(() => mailbox.to('slow@example.com').filter((m) => m.subject === 'Reset your password').length === 2);
    const second = pathOf(linkIn(mailbox.to('slow@example.com').filter((m) => m.subject === 'Reset your password')[1], '/reset-password'));
    site.clock.advance(61_000);
    await site.client().post('/api/password/forgot', { email: 'slow@example.com' });
    await mailbox.waitFor(() => mailbox.to('slow@example.com').filter((m) => m.subject === 'Reset your password').length === 3);
    const replaced = await site.client().get(second);
    expect(replaced.status).toBe(410);
    expect(replaced.text).toContain('This link is not valid');
  });
});
