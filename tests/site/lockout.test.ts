import { afterEach, describe, expect, it } from 'vitest';
import { codeAt, PASSWORD, signUpWithTotp, startTestSite, type TestSite } from './support/site';
import { readStored } from './support/stored';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'alan@example.com';
const wrongPassword = () => site.client().post('/api/signin', { email, password: 'wrong password here' });

describe('account lockout', () => {
  it('locks for 15 minutes after 10 consecutive failures: 423 with the time left, even with the right password', async () => {
    site = await startTestSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await wrongPassword()).status);
    expect(statuses.slice(0, 9).every((status) => status === 401)).toBe(true);
    expect(statuses[9]).toBe(423);

    site.clock.advance(5 * 60_000);
    const locked = await site.client().post('/api/signin', { email, password: PASSWORD });
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('account_locked');
    expect(locked.body.error.retryAfterSeconds).toBe(600);
    expect(locked.body.error.message).toContain('10 more minutes');
    expect(locked.headers.get('retry-after')).toBe('600');

    site.clock.advance(10 * 60_000);
    const { body } = await site.client().post('/api/signin', { email, password: PASSWORD });
    expect((await site.client().post('/api/signin/mfa/totp', { ticket: body.ticket, code: codeAt(secret, site.clock) })).status).toBe(200);
    expect((await readStored(site.data)).audit.filter((entry) => entry.type === 'lockout')).toHaveLength(1);
  });

  it('counts wrong codes as failures too', async () => {
    site = await startTestSite({ TICKET_MAX_ATTEMPTS: '5' });
    const secret = await signUpWithTotp(site, site.client(), email);
    const statuses: number[] = [];
    for (let round = 0; round < 2; round++) {
      const { body } = await site.client().post('/api/signin', { email, password: PASSWORD });
      for (let i = 0; i < 5; i++) {
        statuses.push((await site.client().post('/api/signin/mfa/totp', { ticket: body.ticket, code: codeAt(secret, site.clock, 4) })).status);
      }
    }
    expect(statuses.at(-1)).toBe(423);
    expect((await site.client().post('/api/signin', { email, password: PASSWORD })).status).toBe(423);
  });

  it('resets the count after a successful sign-in', async () => {
    site = await startTestSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    for (let i = 0; i < 9; i++) await wrongPassword();
    const { body } = await site.client().post('/api/signin', { email, password: PASSWORD });
    expect((await site.client().post('/api/signin/mfa/totp', { ticket: body.ticket, code: codeAt(secret, site.clock) })).status).toBe(200);
    for (let i = 0; i < 9; i++) expect((await wrongPassword()).status).toBe(401);
  });

  it('counts wrong proofs when turning MFA off, so a stolen session cannot guess its way to MFA off', async () => {
    site = await startTestSite({ MFA_POLICY: 'optional', LOCKOUT_THRESHOLD: '3' });
    const client = site.client();
    const secret = await signUpWithTotp(site, client, email);
    const disable = (body: object) => client.post('/api/mfa/totp/disable', body);
    expect((await disable({ password: 'not the password', code: codeAt(secret, site.clock) })).status).toBe(400);
    expect((await disable({ password: PASSWORD, code: codeAt(secret, site.clock, 4) })).status).toBe(400);
    const third = await disable({ password: PASSWORD, backupCode: 'aaaaa-bbbbb' });
    expect(third.status).toBe(423);
    const right = await disable({ password: PASSWORD, code: codeAt(secret, site.clock) });
    expect(right.status).toBe(423);
    expect(right.body.error.code).toBe('account_locked');
    expect((await client.get('/api/me')).body.user.mfaEnabled).toBe(true);
  });

  it('takes its threshold and duration from settings', async () => {
    site = await startTestSite({ LOCKOUT_THRESHOLD: '3', LOCKOUT_MINUTES: '2' });
    await signUpWithTotp(site, site.client(), email);
    for (let i = 0; i < 2; i++) expect((await wrongPassword()).status).toBe(401);
    const third = await wrongPassword();
    expect(third.status).toBe(423);
    expect(third.body.error.retryAfterSeconds).toBe(120);
  });
});
