import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpWithTotp, type TestSite } from './support/site';
import { signInAdmin, startSiteWithAdmin } from './support/admin';
import type { Client } from './support/client';

let site: TestSite;
let admin: Client;
let user: Client;
let userId: string;
let requestId: string;
let denyId: string;

beforeAll(async () => {
  site = await startSiteWithAdmin();
  admin = (await signInAdmin(site)).client;
  user = site.client();
  await signUpWithTotp(site, user, 'user@example.com');
  userId = (await user.get('/api/me')).body.user.id;
  requestId = (await user.post('/api/backup-codes/requests', { message: 'lost my phone' })).body.request.id;
  // Deny gets a request of its own: one that Issue has closed would answer 409 whoever asks.
  const other = site.client();
  await signUpWithTotp(site, other, 'other@example.com');
  denyId = (await other.post('/api/backup-codes/requests', { message: 'new phone' })).body.request.id;
});
afterAll(async () => site?.close());

const endpoints: [string, string, () => string][] = [
  ['GET', '/api/admin/backup-code-requests?status=open', () => ''],
  ['POST', '/api/admin/backup-code-requests/:request/issue', () => requestId],
  ['POST', '/api/admin/backup-code-requests/:deny/deny', () => denyId],
  ['GET', '/api/admin/users', () => ''],
  ['POST', '/api/admin/users/:user/unlock', () => userId],
  ['POST', '/api/admin/users/:user/backup-codes', () => userId],
  ['DELETE', '/api/admin/users/:user/backup-codes', () => userId],
  ['GET', '/api/admin/audit?type=signup', () => ''],
];

const call = (client: Client, method: string, path: string) =>
  client.request(method, path.replace(/:request|:deny|:user/, (name) => ({ ':request': requestId, ':deny': denyId, ':user': userId })[name]!), method === 'POST' ? { json: { reason: 'no' } } : {});

describe('admin endpoints', () => {
  it.each(endpoints)('%s %s: 401 anonymous, 403 for a user, allowed for the administrator', async (method, path) => {
    const anonymous = await call(site.client(), method, path);
    expect(anonymous.status).toBe(401);
    const asUser = await call(user, method, path);
    expect(asUser.status).toBe(403);
    expect(asUser.body.error.code).toBe('admin_only');
    const asAdmin = await call(admin, method, path);
    expect(asAdmin.status).toBe(200);
  });

  it('refuses an administrator who has not enrolled TOTP yet (403)', async () => {
    const fresh = await startSiteWithAdmin({ ADMIN_EMAIL: 'boss@example.com', ADMIN_PASSWORD: '' });
    try {
      const created = fresh.site.createdAdmin!;
      expect(created.generatedPassword).toBeDefined();
      const client = fresh.client();
      const signin = await client.post('/api/signin', { email: 'boss@example.com', password: created.generatedPassword });
      expect(signin.status).toBe(200);
      expect(signin.body.user.role).toBe('admin');
      const users = await client.get('/api/admin/users');
      expect(users.status).toBe(403);
      expect(users.body.error.code).toBe('enrolment_required');
      expect((await client.get('/admin')).headers.get('location')).toBe('/mfa');
    } finally {
      await fresh.close();
    }
  });
});
