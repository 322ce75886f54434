import { afterEach, describe, expect, it } from 'vitest';
import { codeAt, PASSWORD, signUpWithTotp, startTestSite, type TestSite } from './support/site';
import { readStored } from './support/stored';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'grace@example.com';

describe('sign-in', () => {
  it('gives a session straight away to an account without MFA (optional policy)', async () => {
    site = await startTestSite({ MFA_POLICY: 'optional' });
    await site.client().post('/api/signup', { email, password: PASSWORD, displayName: 'Grace' });
    const client = site.client();
    const reply = await client.post('/api/signin', { email, password: PASSWORD });
    expect(reply.status).toBe(200);
    expect(reply.body.user.email).toBe(email);
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('asks for a code when MFA is on: a ticket and no session, then the code step gives the session', async () => {
    site = await startTestSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const client = site.client();
    const first = await client.post('/api/signin', { email, password: PASSWORD });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ mfaRequired: true, methods: ['totp'] });
    expect(first.body.ticket).toEqual(expect.any(String));
    expect(first.headers.get('set-cookie')).toBeNull();
    expect((await client.get('/api/me')).status).toBe(401);

    const second = await client.post('/api/signin/mfa/totp', { ticket: first.body.ticket, code: codeAt(secret, site.clock) });
    expect(second.status).toBe(200);
    expect(second.body.user).toMatchObject({ email, mfaEnabled: true });
    expect((await client.get('/api/me')).status).toBe(200);
    const types = (await readStored(site.data)).audit.map((entry) => entry.type);
    expect(types).toContain('signin_success');
  });

  it('answers unknown email and wrong password alike: 401 invalid_credentials', async () => {
    site = await startTestSite();
    await signUpWithTotp(site, site.client(), email);
    const unknown = await site.client().post('/api/signin', { email: 'nobody@example.com', password: PASSWORD });
    const wrong = await site.client().post('/api/signin', { email, password: 'not the password' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    const failures = (await readStored(site.data)).audit.filter((entry) => entry.type === 'signin_failure');
    expect(failures).toHaveLength(2);
    expect(failures.every((entry) => entry.ip && entry.userAgent !== undefined)).toBe(true);
  });

  it('gives a new session id at every sign-in and ends the one the browser had', async () => {
    site = await startTestSite({ MFA_POLICY: 'optional' });
    const client = site.client();
    await client.post('/api/signup', { email, password: PASSWORD, displayName: 'Grace' });
    const before = client.cookies.get('tessera_session');
    await client.post('/api/signin', { email, password: PASSWORD });
    const after = client.cookies.get('tessera_session');
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    const stale = site.client();
    stale.cookies.set('tessera_session', before!);
    expect((await stale.get('/api/me')).status).toBe(401);
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('accepts a code from one step before or after, but not two', async () => {
    site = await startTestSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const ticket = async () => (await site.client().post('/api/signin', { email, password: PASSWORD })).body.ticket;
    const tryCode = async (offset: number) =>
      (await site.client().post('/api/signin/mfa/totp', { ticket: await ticket(), code: codeAt(secret, site.clock, offset) })).status;
    // Move well past the step used at activation, so only drift decides.
    site.clock.advance(90_000);
    expect(await tryCode(-2)).toBe(401);
    expect(await tryCode(2)).toBe(401);
    expect(await tryCode(-1)).toBe(200);
    site.clock.advance(60_000);
    expect(await tryCode(1)).toBe(200);
  });

  it('refuses a code whose time step was already accepted (single use)', async () => {
    site = await startTestSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const code = codeAt(secret, site.clock);
    const first = await site.client().post('/api/signin', { email, password: PASSWORD });
    expect((await site.client().post('/api/signin/mfa/totp', { ticket: first.body.ticket, code })).status).toBe(200);
    const second = await site.client().post('/api/signin', { email, password: PASSWORD });
    const replay = await site.client().post('/api/signin/mfa/totp', { ticket: second.body.ticket, code });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('invalid_code');
    // An older step, still inside the drift window, is refused too.
    site.clock.advance(30_000);
    const third = await site.client().post('/api/signin', { email, password: PASSWORD });
    expect((await site.client().post('/api/signin/mfa/totp', { ticket: third.body.ticket, code: codeAt(secret, site.clock, -1) })).status).toBe(401);
  });
});

describe('sign-in tickets', () => {
  it('expire after 5 minutes', async () => {
    site = await startTestSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const { body } = await site.client().post('/api/signin', { email, password: PASSWORD });
    site.clock.advance(5 * 60_000);
    const reply = await site.client().post('/api/signin/mfa/totp', { ticket: body.ticket, code: codeAt(secret, site.clock) });
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('invalid_ticket');
  });

  it('die after 5 wrong codes, even if the sixth is right', async () => {
    site = await startTestSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const { body } = await site.client().post('/api/signin', { email, password: PASSWORD });
    const wrong = codeAt(secret, site.clock, 5);
    const codes: string[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      const reply = await site.client().post('/api/signin/mfa/totp', { ticket: body.ticket, code: wrong });
      codes.push(reply.body.error.code);
    }
    expect(codes).toEqual(['invalid_code', 'invalid_code', 'invalid_code', 'invalid_code', 'invalid_ticket']);
    const right = await site.client().post('/api/signin/mfa/totp', { ticket: body.ticket, code: codeAt(secret, site.clock) });
    expect(right.status).toBe(401);
    expect(right.body.error.code).toBe('invalid_ticket');
  });
});
