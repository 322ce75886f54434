import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD, signUpWithTotp, type TestSite } from './support/site';
import { signInAdmin, startSiteWithAdmin } from './support/admin';
import type { Client } from './support/client';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'lin@example.com';
const postForm = (client: Client, path: string, fields: Record<string, string> = {}) =>
  client.request('POST', path, { body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
/** The table row of one user or request, as the administrator's page shows it. */
const rowOf = (html: string, mail: string) => html.match(new RegExp(`<tr[^>]*data-email="${mail}"[^>]*>[\\s\\S]*?</tr>`))?.[0] ?? '';

async function consoleWithUser(env: Record<string, string> = {}) {
  site = await startSiteWithAdmin(env);
  const { client: admin } = await signInAdmin(site);
  const user = site.client();
  await signUpWithTotp(site, user, email);
  const userId = (await user.get('/api/me')).body.user.id as string;
  return { admin, user, userId };
}

describe('the administrator console pages', () => {
  it('show a locked account in the users table and unlock it with the form', async () => {
    const { admin, userId } = await consoleWithUser({ LOCKOUT_THRESHOLD: '2' });
    for (let i = 0; i < 2; i++) await site.client().post('/api/signin', { email, password: 'not the password' });
    const locked = rowOf((await admin.get('/admin/users')).text, email);
    expect(locked).toContain(`action="/admin/users/${userId}/unlock"`);

    const unlock = await postForm(admin, `/admin/users/${userId}/unlock`);
    expect(unlock.status).toBe(303);
    expect(rowOf((await admin.get('/admin/users')).text, email)).not.toContain('/unlock');
    expect((await site.client().post('/api/signin', { email, password: PASSWORD })).body.mfaRequired).toBe(true);
  });

  it('issue codes once on a page of their own, then revoke them with the form', async () => {
    const { admin, userId } = await consoleWithUser();
    const emailed = await postForm(admin, `/admin/users/${userId}/backup-codes`);
    expect(emailed.text).toContain('a link to them is on its way');
    expect(emailed.text).not.toMatch(/<code>[0-9a-z]{5}-[0-9a-z]{5}<\/code>/);
    const issued = await postForm(admin, `/admin/users/${userId}/backup-codes/hand-over`, { confirm: 'on' });
    expect(issued.status).toBe(200);
    expect(issued.text).toContain('will not be shown again');
    expect(issued.text.match(/<code>[0-9a-z]{5}-[0-9a-z]{5}<\/code>/g)).toHaveLength(10);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    expect(rowOf((await admin.get('/admin/users')).text, email)).toMatch(/<td>10<\/td>/);

    const revoked = await postForm(admin, `/admin/users/${userId}/backup-codes/revoke`);
    expect(revoked.text).toContain('10 backup codes revoked.');
    expect(rowOf(revoked.text, email)).toMatch(/<td>0<\/td>/);
    expect(rowOf(revoked.text, email)).not.toContain('/revoke');
  });

  it('deny a request with the reason the administrator typed, which the queue then shows', async () => {
    const { admin, user } = await consoleWithUser();
    const { body } = await user.post('/api/backup-codes/requests', { message: 'new phone' });
    const denied = await postForm(admin, `/admin/requests/${body.request.id}/deny`, { reason: 'Come to the front desk' });
    expect(denied.headers.get('location')).toBe('/admin');
    expect((await admin.get('/admin')).text).toContain('No open requests.');
    expect(rowOf((await admin.get('/admin?status=denied')).text, email)).toContain('Come to the front desk');
  });

  it('filter the audit log by type and by user, naming the administrator who acted', async () => {
    const { admin, userId } = await consoleWithUser();
    await postForm(admin, `/admin/users/${userId}/backup-codes`);
    const adminId = (await admin.get('/api/me')).body.user.id as string;
    const byType = (await admin.get('/admin/audit?type=backup_codes_issued')).text;
    const rows = byType.match(/<tr data-type="[^"]+"/g) ?? [];
    expect(rows).toEqual(['<tr data-type="backup_codes_issued"']);
    expect(byType).toContain(adminId);
    const byUser = (await admin.get(`/admin/audit?userId=${userId}`)).text;
    const subjects = [...byUser.matchAll(/<tr data-type="([^"]+)"><td>[^<]*<\/td><td>[^<]*<\/td><td>([^<]*)<\/td>/g)];
    expect(subjects.map(([, type]) => type)).toEqual(expect.arrayContaining(['signup', 'mfa_enabled', 'backup_codes_issued']));
    expect(new Set(subjects.map(([, , subject]) => subject))).toEqual(new Set([userId]));
  });
});
