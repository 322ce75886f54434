import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../demo-site/config';
import { startSite } from '../../demo-site/main';
import { readStored } from './support/stored';
import { CHEAP_ARGON2, createTestData, dataEnv, PASSWORD, signUpWithTotp, type TestSite } from './support/site';
import { signInAdmin, startSiteWithAdmin } from './support/admin';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'joan@example.com';

describe('administrators and users', () => {
  it('list users with role, MFA, lock, codes left and last sign-in, and can unlock an account', async () => {
    site = await startSiteWithAdmin({ LOCKOUT_THRESHOLD: '3', LOCKOUT_MINUTES: '15' });
    const { client: admin } = await signInAdmin(site);
    await signUpWithTotp(site, site.client(), email);
    for (let i = 0; i < 3; i++) await site.client().post('/api/signin', { email, password: 'wrong password' });
    expect((await site.client().post('/api/signin', { email, password: PASSWORD })).status).toBe(423);

    const users = (await admin.get('/api/admin/users')).body.users as { id: string; email: string; lockedUntil: number | null }[];
    const row = users.find((user) => user.email === email)!;
    expect(row).toMatchObject({ role: 'user', mfaEnabled: true, codesLeft: 0, lastSignInAt: expect.any(Number), lockedUntil: site.clock.ms + 15 * 60_000 });
    expect(users.find((user) => user.email === 'root@example.com')).toMatchObject({ role: 'admin', mfaEnabled: true });
    expect(JSON.stringify(users)).not.toMatch(/passwordHash|secretBox/);

    const unlocked = await admin.post(`/api/admin/users/${row.id}/unlock`);
    expect(unlocked.body.user.lockedUntil).toBeNull();
    expect((await site.client().post('/api/signin', { email, password: PASSWORD })).status).toBe(200);
    expect((await admin.post('/api/admin/users/no-such-user/unlock')).status).toBe(404);
  });

  it('page the audit log newest first, filtered by user and type, with the administrator as actor', async () => {
    site = await startSiteWithAdmin();
    const { client: admin } = await signInAdmin(site);
    const adminId = (await admin.get('/api/me')).body.user.id;
    await signUpWithTotp(site, site.client(), email);
    for (let i = 0; i < 5; i++) await site.client().post('/api/signin', { email, password: `wrong password ${i}` });
    const users = (await admin.get('/api/admin/users')).body.users as { id: string; email: string }[];
    const userId = users.find((user) => user.email === email)!.id;
    await admin.post(`/api/admin/users/${userId}/unlock`);

    const page1 = (await admin.get(`/api/admin/audit?userId=${userId}&type=signin_failure&pageSize=2`)).body;
    expect(page1).toMatchObject({ page: 1, pageSize: 2, total: 5 });
    expect(page1.entries).toHaveLength(2);
    const page3 = (await admin.get(`/api/admin/audit?userId=${userId}&type=signin_failure&pageSize=2&page=3`)).body;
    expect(page3.entries).toHaveLength(1);
    const unlock = (await admin.get('/api/admin/audit?type=account_unlocked')).body.entries[0];
    expect(unlock).toMatchObject({ userId, actorId: adminId });
    const bad = await admin.get('/api/admin/audit?page=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('page');
  });

  it('makes one administrator at `npm start` when none is configured, and says its password once', async () => {
    const data = await createTestData();
    const config = loadConfig({ PORT: '0', ...dataEnv(data), ...CHEAP_ARGON2 });
    try {
      const first = await startSite(config, Date.now, { createAdminIfNone: true });
      await first.close();
      expect(first.createdAdmin?.email).toBe('admin@tessera.test');
      expect(first.createdAdmin?.generatedPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
      const again = await startSite(config, Date.now, { createAdminIfNone: true });
      await again.close();
      expect(again.createdAdmin).toBeNull();
      const stored = (await readStored(data)).users;
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ role: 'admin', status: 'active', totp: null });
    } finally {
      await data.remove();
    }
  });
});
