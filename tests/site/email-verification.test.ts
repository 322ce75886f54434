// Email verification: under `required` the link from the mail (a plain GET, no cookies) verifies the address and
// sign-in works only after; used or expired links are refused with words; "send again" is rate-limited.
import { describe, expect, it } from 'vitest';
import { linkIn, pathOf, recipientOf, mailboxPerTest } from './support/mailbox';
import { PASSWORD, startTestSite, type TestSite } from './support/site';
import { readStored } from './support/stored';

let site: TestSite;
const mailbox = mailboxPerTest(() => site);

const signUp = (email: string) => site.client().post('/api/signup', { email, password: PASSWORD, displayName: 'Vera' });
const signIn = (email: string) => site.client().post('/api/signin', { email, password: PASSWORD });
const mailTo = (email: string, n = 1) => mailbox.waitFor(() => mailbox.to(email).length >= n).then(() => mailbox.to(email)[n - 1]);

describe('email verification', () => {
  it('under required: signup gives no session; the mailed link verifies; sign-in is refused with words before and works after', async () => {
    site = await startTestSite({ SMTP_URL: mailbox.url, EMAIL_VERIFICATION: 'required', MFA_POLICY: 'optional' });
    const client = site.client();
    const signup = await client.post('/api/signup', { email: 'vera@example.com', password: PASSWORD, displayName: 'Vera' });
    expect(signup.status).toBe(201);
    expect(signup.body).toMatchObject({ verificationRequired: true, user: { emailVerified: false } });
    expect((await client.get('/api/me')).status).toBe(401);

    const before = await signIn('vera@example.com');
    expect(before.status).toBe(403);
    expect(before.body.error.code).toBe('email_not_verified');
    expect(before.body.error.message).toContain('open the link we sent to vera@example.com');
    // Nobody without the password learns that the address waits for verification.
    expect((await site.client().post('/api/signin', { email: 'vera@example.com', password: 'not the password' })).body.error.code).toBe('invalid_credentials');

    const link = linkIn(await mailTo('vera@example.com'), '/verify');
    const opened = await site.client().get(pathOf(link));
    expect(opened.status).toBe(200);
    expect(opened.text).toContain('Your email address vera@example.com is confirmed.');

    const after = await signIn('vera@example.com');
    expect(after.status).toBe(200);
    expect(after.body.user).toMatchObject({ email: 'vera@example.com', emailVerified: true });
    expect((await readStored(site.data)).audit.map((e) => e.type)).toEqual(expect.arrayContaining(['signup', 'email_verified', 'signin_success']));
  });

  it('refuses a used link, an expired link and a made-up one, each with its own words, and changes nothing', async () => {
    site = await startTestSite({ SMTP_URL: mailbox.url, EMAIL_VERIFICATION: 'required' });
    await signUp('used@example.com');
    const used = pathOf(linkIn(await mailTo('used@example.com'), '/verify'));
    expect((await site.client().get(used)).status).toBe(200);
    const again = await site.client().get(used);
    expect(again.status).toBe(410);
    expect(again.text).toContain('This link was already used');

    await signUp('late@example.com');
    const late = pathOf(linkIn(await mailTo('late@example.com'), '/verify'));
    site.clock.advance(24 * 60 * 60_000 + 1);
    const expired = await site.client().get(late);
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('This link has expired');

    const madeUp = await site.client().get('/verify?token=not-a-token-we-sent');
    expect(madeUp.status).toBe(410);
    expect(madeUp.text).toContain('This link is not valid');
    expect((await site.client().get('/verify')).status).toBe(400);
    const late2 = (await readStored(site.data)).users.find((u) => u.email === 'late@example.com');
    expect(late2?.emailVerifiedAt ?? null).toBeNull();
  });

  it('"send the link again" sends a new link (the old one stops working), at most one a minute per address, and is rate-limited per client', async () => {
    site = await startTestSite({ SMTP_URL: mailbox.url, EMAIL_VERIFICATION: 'required', RATE_LIMIT_MAIL: '2' });
    await signUp('again@example.com');
    const first = pathOf(linkIn(await mailTo('again@example.com'), '/verify'));
    site.clock.advance(61_000);
    const resend = () => site.client().post('/api/email/verification/resend', { email: 'again@example.com' });
    expect((await resend()).status).toBe(202);
    const second = pathOf(linkIn(await mailTo('again@example.com', 2), '/verify'));
    // Within the minute: the same answer, no mail.
    expect((await resend()).status).toBe(202);
    const unknown = await site.client().post('/api/email/verification/resend', { email: 'nobody@example.com' });
    expect(unknown.status).toBe(429);
    expect(unknown.headers.get('retry-after')).toMatch(/^\d+$/);
    await site.site.mail.runOnce();
    expect(mailbox.to('again@example.com')).toHaveLength(2);

    expect((await site.client().get(first)).status).toBe(410);
    expect((await site.client().get(second)).status).toBe(200);
  });

  it('answers "send again" the same for unknown and verified addresses, sending nothing', async () => {
    site = await startTestSite({ SMTP_URL: mailbox.url, EMAIL_VERIFICATION: 'required' });
    await signUp('known@example.com');
    await site.client().get(pathOf(linkIn(await mailTo('known@example.com'), '/verify')));
    const known = await site.client().post('/api/email/verification/resend', { email: 'known@example.com' });
    const unknown = await site.client().post('/api/email/verification/resend', { email: 'ghost@example.com' });
    expect(known.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    await site.site.mail.runOnce();
    expect(mailbox.messages.map(recipientOf)).toEqual(['known@example.com']);
  });

  it('under optional: signup signs in at once, the link still verifies; under off no mail is sent', async () => {
    site = await startTestSite({ SMTP_URL: mailbox.url, EMAIL_VERIFICATION: 'optional', MFA_POLICY: 'optional' });
    const client = site.client();
    expect((await client.post('/api/signup', { email: 'opt@example.com', password: PASSWORD, displayName: 'Opt' })).status).toBe(201);
    expect((await client.get('/api/me')).body.user).toMatchObject({ emailVerified: false });
    expect((await client.get('/account')).text).toContain('Your email address is not confirmed yet');
    await site.client().get(pathOf(linkIn(await mailTo('opt@example.com'), '/verify')));
    expect((await client.get('/api/me')).body.user).toMatchObject({ emailVerified: true });
    await site.close();

    site = await startTestSite({ SMTP_URL: mailbox.url, EMAIL_VERIFICATION: 'off' });
    expect((await signUp('off@example.com')).status).toBe(201);
    await site.site.mail.runOnce();
    expect(mailbox.to('off@example.com')).toHaveLength(0);
  });

  it('signup and sign-in pages: "Check your email", then the refusal offers the link again', async () => {
    site = await startTestSite({ SMTP_URL: mailbox.url, EMAIL_VERIFICATION: 'required' });
    const page = await site.client().form('/signup', { email: 'page@example.com', displayName: 'Page', password: PASSWORD });
    expect(page.status).toBe(201);
    expect(page.text).toContain('We sent a link to <strong>page@example.com</strong>');
    const refused = await site.client().form('/signin', { email: 'page@example.com', password: PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Confirm your email address first');
    expect(refused.text).toContain('action="/verify/resend"');
  });

  it('a signup never verified is removed after the link expired, so the address can sign up again', async () => {
    site = await startTestSite({ SMTP_URL: mailbox.url, EMAIL_VERIFICATION: 'required' });
    await signUp('squat@example.com');
    expect((await signUp('squat@example.com')).status).toBe(409);
    site.clock.advance(24 * 60 * 60_000 + 1);
    expect((await signUp('squat@example.com')).status).toBe(201);
  });
});

describe('changing the email address', () => {
  it('verifies the new address before it replaces the old one, and tells the old one at both steps', async () => {
    site = await startTestSite({ SMTP_URL: mailbox.url, EMAIL_VERIFICATION: 'required', MFA_POLICY: 'optional' });
    await signUp('old@example.com');
    await site.client().get(pathOf(linkIn(await mailTo('old@example.com'), '/verify')));
    const client = site.client();
    await client.post('/api/signin', { email: 'old@example.com', password: PASSWORD });

    expect((await client.post('/api/email/change', { password: 'wrong password', newEmail: 'new@example.com' })).body.error.code).toBe('invalid_password');
    const asked = await client.post('/api/email/change', { password: PASSWORD, newEmail: 'New@Example.com' });
    expect(asked.status).toBe(202);
    const confirm = await mailTo('new@example.com');
    expect(confirm.subject).toBe('Confirm your new email address');
    const told = await mailTo('old@example.com', 2);
    expect(told.subject).toBe('A change of your email address was asked for');
    expect(told.text).toContain('new@example.com');
    linkIn(told, '/not-me');
    expect((await client.get('/api/me')).body.user.email).toBe('old@example.com');

    const opened = await site.client().get(pathOf(linkIn(confirm, '/verify')));
    expect(opened.text).toContain('Your account now uses new@example.com.');
    expect((await client.get('/api/me')).body.user).toMatchObject({ email: 'new@example.com', emailVerified: true });
    expect((await mailTo('old@example.com', 3)).subject).toBe('Your email address was changed');
    expect((await signIn('old@example.com')).status).toBe(401);
    expect((await signIn('new@example.com')).status).toBe(200);
  });

  it('refuses an address another account has, and one taken between the request and the link', async () => {
    site = await startTestSite({ SMTP_URL: mailbox.url, EMAIL_VERIFICATION: 'optional', MFA_POLICY: 'optional' });
    const ann = site.client();
    await ann.post('/api/signup', { email: 'ann@example.com', password: PASSWORD, displayName: 'Ann' });
    await site.client().post('/api/signup', { email: 'bob@example.com', password: PASSWORD, displayName: 'Bob' });
    const taken = await ann.post('/api/email/change', { password: PASSWORD, newEmail: 'bob@example.com' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toContain('Another account uses bob@example.com');

    await ann.post('/api/email/change', { password: PASSWORD, newEmail: 'cy@example.com' });
    const link = pathOf(linkIn(await mailTo('cy@example.com'), '/verify'));
    await site.client().post('/api/signup', { email: 'cy@example.com', password: PASSWORD, displayName: 'Cy' });
    const late = await site.client().get(link);
    expect(late.status).toBe(409);
    expect((await ann.get('/api/me')).body.user.email).toBe('ann@example.com');
  });
});
