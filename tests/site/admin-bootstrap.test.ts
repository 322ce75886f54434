import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../demo-site/config';
import { codeAt, PASSWORD, startTestSite, type TestSite } from './support/site';
import { ADMIN_EMAIL, ADMIN_ENV, ADMIN_PASSWORD } from './support/admin';
import { readStored } from './support/stored';

let site: TestSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

describe('administrator bootstrap', () => {
  it('makes the administrator enrol TOTP even under MFA_POLICY=optional, then signs it in like everyone else', async () => {
    site = await startTestSite({ MFA_POLICY: 'optional', ...ADMIN_ENV });
    const client = site.client();
    const first = await client.post('/api/signin', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect(first.status).toBe(200);
    expect(first.body.user.role).toBe('admin');
    expect((await client.get('/api/admin/users')).body.error.code).toBe('enrolment_required');
    expect((await client.get('/account')).headers.get('location')).toBe('/mfa');

    const { body } = await client.post('/api/mfa/totp/generate');
    expect((await client.post('/api/mfa/totp/activate', { code: codeAt(body.secret, site.clock) })).status).toBe(200);
    expect((await client.get('/api/admin/users')).status).toBe(200);
    site.clock.advance(30_000);
    const again = await site.client().post('/api/signin', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect(again.body).toMatchObject({ mfaRequired: true, methods: ['totp'] });
    expect(again.headers.get('set-cookie')).toBeNull();
  });

  it('promotes an existing account named by ADMIN_EMAIL; its open sessions can then only enrol', async () => {
    site = await startTestSite({ MFA_POLICY: 'optional' });
    const before = site.client();
    expect((await before.post('/api/signup', { email: ADMIN_EMAIL, password: PASSWORD, displayName: 'Root' })).status).toBe(201);
    expect((await before.get('/account')).status).toBe(200);

    site = await site.restart({ MFA_POLICY: 'optional', ADMIN_EMAIL });
    expect(site.site.createdAdmin).toEqual({ email: ADMIN_EMAIL });
    // The same browser, cookie and all, on the restarted site (a new port).
    const client = site.client();
    for (const [name, value] of before.cookies) client.cookies.set(name, value);
    const me = await client.get('/api/me');
    expect(me.body.user.role).toBe('admin');
    expect((await client.get('/account')).headers.get('location')).toBe('/mfa');
    expect((await client.get('/api/admin/users')).body.error.code).toBe('enrolment_required');
    expect((await readStored(site.data)).audit.map((entry) => entry.type)).toContain('admin_promoted');
  });

  it('refuses to start with an ADMIN_PASSWORD on the common-password list, naming the setting and creating no one', async () => {
    await expect(startTestSite({ ADMIN_EMAIL, ADMIN_PASSWORD: 'password123' })).rejects.toThrow(/ADMIN_PASSWORD.*commonly used/);
  });

  it('refuses ADMIN_PASSWORD without ADMIN_EMAIL instead of ignoring it', () => {
    expect(() => loadConfig({ ADMIN_PASSWORD })).toThrow(/ADMIN_PASSWORD needs ADMIN_EMAIL/);
    expect(loadConfig({ ADMIN_EMAIL: 'Root@Example.com', ADMIN_PASSWORD }).admin).toEqual({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  });
});
