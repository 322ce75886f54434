// Recovery when every factor is lost: the password step, a link from email, then a wait during which every sign-in
// and the notice email offer "Cancel this recovery"; after it MFA is off and the next sign-in enrols. Refused without
// the email link; the administrator can approve early or cancel. The clock is moved, never slept.
import { describe, expect, it } from 'vitest';
import { ADMIN_ENV, signInAdmin } from './support/admin';
import { linkIn, pathOf, recipientOf, mailboxPerTest } from './support/mailbox';
import { PASSWORD, signUpWithTotp, startTestSite, type TestSite } from './support/site';
import { readStored } from './support/stored';
import type { Client } from './support/client';

let site: TestSite;
const mailbox = mailboxPerTest(() => site);

const HOUR = 60 * 60_000;
const mailTo = (email: string, subject: string) => mailbox.waitFor((m) => recipientOf(m) === email && m.subject === subject);
const passwordStep = (email: string) => site.client().post('/api/signin', { email, password: PASSWORD });
const tokenOf = (link: string) => new URLSearchParams(new URL(link).search).get('token')!;

/** Signs up with TOTP, then asks for a recovery from the code step; returns the link from the mail. */
async function askForRecovery(email: string): Promise<string> {
  await signUpWithTotp(site, site.client(), email);
  const { ticket } = (await passwordStep(email)).body;
  const asked = await site.client().post('/api/signin/recovery', { ticket });
  expect(asked.status).toBe(202);
  return linkIn(await mailTo(email, 'Confirm the recovery of your account'), '/recovery/confirm');
}

async function confirm(link: string): Promise<string> {
  expect((await site.client().get(pathOf(link))).text).toContain('Start the recovery');
  const done = await site.client().form('/recovery/confirm', { token: tokenOf(link) });
  expect(done.status).toBe(200);
  expect(done.text).toContain('The recovery started');
  return done.text;
}

describe('recovery when every factor is lost', () => {
  it('the full path: email link, a wait shown at every sign-in and in a notice, then MFA off and the next sign-in must enrol', async () => {
    site = await startTestSite({ SMTP_URL: mailbox.url, MFA_POLICY: 'optional', RECOVERY_DELAY_HOURS: '24' });
    const link = await askForRecovery('lou@example.com');
    await confirm(link);
    const notice = await mailTo('lou@example.com', 'A recovery of your account started');
    linkIn(notice, '/recovery/cancel');
    linkIn(notice, '/not-me');

    site.clock.advance(23 * HOUR);
    const during = await passwordStep('lou@example.com');
    expect(during.body).toMatchObject({ mfaRequired: true, recovery: { readyAt: expect.any(Number) } });
    const page = site.client();
    await page.form('/signin', { email: 'lou@example.com', password: PASSWORD });
    const codeStep = await page.get('/signin/code');
    expect(codeStep.text).toContain('A recovery of this account is under way');
    expect(codeStep.text).toContain('Cancel this recovery');

    site.clock.advance(HOUR);
    const client = site.client();
    const after = await client.post('/api/signin', { email: 'lou@example.com', password: PASSWORD });
    expect(after.status).toBe(200);
    expect(after.body.user).toMatchObject({ mfaEnabled: false });
    // Under MFA_POLICY=optional too: the session can only enrol a new authenticator.
    expect((await client.get('/account')).headers.get('location')).toBe('/mfa');
    expect((await client.post('/api/backup-codes/requests', { message: 'x' })).status).toBe(403);
    await mailTo('lou@example.com', 'Your account was recovered');
    const types = (await readStored(site.data)).audit.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['recovery_requested', 'recovery_confirmed', 'recovery_completed', 'sessions_ended']));
  });

  it('is cancelled by the owner\'s link in the notice, and MFA stays on', async () => {
    site = await startTestSite({ SMTP_URL: mailbox.url });
    await confirm(await askForRecovery('kai@example.com'));
    const cancel = linkIn(await mailTo('kai@example.com', 'A recovery of your account started'), '/recovery/cancel');
    expect((await site.client().get(pathOf(cancel))).text).toContain('Cancel the recovery of your account?');
    const done = await site.client().form('/recovery/cancel', { token: tokenOf(cancel) });
    expect(done.text).toContain('The recovery is cancelled');
    site.clock.advance(25 * HOUR);
    expect((await passwordStep('kai@example.com')).body).toMatchObject({ mfaRequired: true });
    expect((await passwordStep('kai@example.com')).body.recovery).toBeUndefined();
  });

  it('can be cancelled at a sign-in, from the code step', async () => {
    site = await startTestSite({ SMTP_URL: mailbox.url });
    await confirm(await askForRecovery('ida@example.com'));
    const { ticket } = (await passwordStep('ida@example.com')).body;
    expect((await site.client().post('/api/signin/recovery/cancel', { ticket })).body).toEqual({ cancelled: true });
    site.clock.advance(25 * HOUR);
    expect((await passwordStep('ida@example.com')).body).toMatchObject({ mfaRequired: true });
  });

  it('goes nowhere without the email link, however long one waits', async () => {
    site = await startTestSite({ SMTP_URL: mailbox.url });
    const link = await askForRecovery('max@example.com');
    site.clock.advance(48 * HOUR);
    expect((await passwordStep('max@example.com')).body).toMatchObject({ mfaRequired: true });
    // The link has expired by now, too.
    expect((await site.client().get(pathOf(link))).status).toBe(410);
    expect((await site.client().post('/api/signin/recovery', { ticket: 'made-up' })).status).toBe(401);
  });

  it('the administrator sees recoveries under way and can approve one early or cancel another', async () => {
    site = await startTestSite({ ...ADMIN_ENV, SMTP_URL: mailbox.url });
    const { client: admin } = await signInAdmin(site);
    const adminId = (await admin.get('/api/me')).body.user.id;
    await confirm(await askForRecovery('early@example.com'));
    await confirm(await askForRecovery('stop@example.com'));
    const listed = await admin.get('/api/admin/recoveries');
    expect(listed.status, listed.text).toBe(200);
    const list = listed.body.recoveries as { id: string; user: { email: string }; state: string }[];
    expect(list.map((r) => [r.user.email, r.state])).toEqual([['early@example.com', 'waiting'], ['stop@example.com', 'waiting']]);
    expect((await admin.get('/admin/recoveries')).text).toContain('Approve now');

    expect((await admin.post(`/api/admin/recoveries/${list[0].id}/approve`)).status).toBe(200);
    expect((await admin.post(`/api/admin/recoveries/${list[1].id}/cancel`)).status).toBe(200);
    expect((await admin.post(`/api/admin/recoveries/${list[1].id}/approve`)).status).toBe(409);
    const early = await passwordStep('early@example.com');
    expect(early.status).toBe(200);
    expect(early.body.user.mfaEnabled).toBe(false);
    site.clock.advance(25 * HOUR);
    expect((await passwordStep('stop@example.com')).body).toMatchObject({ mfaRequired: true });
    const audit = (await readStored(site.data)).audit;
    expect(audit.find((e) => e.type === 'recovery_completed')).toMatchObject({ actorId: adminId, details: { early: true } });
    expect(audit.find((e) => e.type === 'recovery_cancelled')).toMatchObject({ actorId: adminId, details: { via: 'admin' } });
  });
});

