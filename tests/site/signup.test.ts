import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD, startTestSite, type TestSite } from './support/site';
import { readStored } from './support/stored';

let site: TestSite;
afterEach(async () => site?.close());

const account = { email: 'Ada@Example.com', password: PASSWORD, displayName: 'Ada' };

describe('signup', () => {
  it('creates the account, answers 201 with the user and starts a session', async () => {
    site = await startTestSite({ MFA_POLICY: 'optional' });
    const client = site.client();
    const reply = await client.post('/api/signup', account);
    expect(reply.status).toBe(201);
    expect(reply.body.user).toMatchObject({ email: 'ada@example.com', displayName: 'Ada', mfaEnabled: false, role: 'user' });
    expect(reply.body.user).not.toHaveProperty('passwordHash');
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(reply.body.user.id);
    expect((await readStored(site.data)).audit.map((entry) => entry.type)).toContain('signup');
  });

  it('refuses an email already taken, whatever its case, with 409 email_taken', async () => {
    site = await startTestSite();
    await site.client().post('/api/signup', account);
    const again = await site.client().post('/api/signup', { ...account, email: 'ada@EXAMPLE.com' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('email_taken');
    expect((await readStored(site.data)).users).toHaveLength(1);
  });

  it('lets exactly one of many simultaneous signups with one email through', async () => {
    site = await startTestSite();
    const replies = await Promise.all(Array.from({ length: 12 }, () => site.client().post('/api/signup', account)));
    const statuses = replies.map((reply) => reply.status).sort();
    expect(statuses).toEqual([201, ...Array(11).fill(409)]);
    expect((await readStored(site.data)).users).toHaveLength(1);
  });

  it.each([
    ['short', 'Ab3$xyz', 'password_too_short'],
    ['too long', 'x'.repeat(129), 'password_too_long'],
    ['far too long', 'x'.repeat(5000), 'password_too_long'],
    ['on the common-password list', 'qwertyuiop', 'password_common'],
    ['on the list in another case', 'IloveYou1', 'password_common'],
  ])('refuses a password that is %s, naming the field, and stores nothing', async (_label, password, code) => {
    site = await startTestSite();
    const reply = await site.client().post('/api/signup', { ...account, password });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code, field: 'password' });
    expect(reply.body.error.message).not.toContain(password);
    expect(reply.headers.get('set-cookie')).toBeNull();
  });

  it('accepts passwords of 8 and of 128 characters', async () => {
    site = await startTestSite();
    expect((await site.client().post('/api/signup', { ...account, password: 'tZ7#kq2!' })).status).toBe(201);
    expect((await site.client().post('/api/signup', { ...account, email: 'b@example.com', password: 'k'.repeat(127) + '!' })).status).toBe(201);
  });

  it('counts characters, not UTF-16 units: a password of 128 emoji signs up and then signs in', async () => {
    site = await startTestSite({ MFA_POLICY: 'optional' });
    const password = '\u{1F510}'.repeat(128);
    expect((await site.client().post('/api/signup', { ...account, password })).status).toBe(201);
    expect((await site.client().post('/api/signin', { email: account.email, password })).status).toBe(200);
    expect((await site.client().post('/api/signup', { ...account, email: 'c@example.com', password: password + '\u{1F510}' })).body.error.code).toBe('password_too_long');
  });

  it('under MFA_POLICY=required gives a session that can only enrol', async () => {
    site = await startTestSite({ MFA_POLICY: 'required' });
    const client = site.client();
    expect((await client.post('/api/signup', account)).status).toBe(201);
    const disable = await client.post('/api/mfa/totp/disable', { password: PASSWORD, code: '123456' });
    expect(disable.status).toBe(403);
    expect(disable.body.error.code).toBe('enrolment_required');
    const accountPage = await client.get('/account');
    expect(accountPage.status).toBe(303);
    expect(accountPage.headers.get('location')).toBe('/mfa');
    expect((await client.post('/api/mfa/totp/generate')).status).toBe(200);
  });

  it('removes an account never activated after 30 minutes, freeing its email', async () => {
    site = await startTestSite({ MFA_POLICY: 'required' });
    const client = site.client();
    await client.post('/api/signup', account);
    site.clock.advance(29 * 60_000);
    expect((await site.client().post('/api/signin', account)).status).toBe(200);
    site.clock.advance(60_000);
    const signin = await site.client().post('/api/signin', account);
    expect(signin.status).toBe(401);
    expect((await client.get('/api/me')).status).toBe(401);
    expect((await site.client().post('/api/signup', account)).status).toBe(201);
    expect((await readStored(site.data)).users).toHaveLength(1);
  });

  it('under MFA_POLICY=optional gives a full session at signup', async () => {
    site = await startTestSite({ MFA_POLICY: 'optional' });
    const client = site.client();
    await client.post('/api/signup', account);
    expect((await client.get('/account')).status).toBe(200);
  });
});
