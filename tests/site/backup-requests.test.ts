import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD, signUpWithTotp, type TestSite } from './support/site';
import { readStored } from './support/stored';
import { signInAdmin, startSiteWithAdmin, userAtCodeStep } from './support/admin';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'ida@example.com';

describe('backup code requests', () => {
  it('come from the code step with a ticket (202), one open per user, and the admin sees them', async () => {
    site = await startSiteWithAdmin();
    const { client: admin } = await signInAdmin(site);
    const { ticket: t } = await userAtCodeStep(site, email);
    const first = await site.client().post('/api/backup-codes/requests', { ticket: t, message: 'Lost my phone' });
    expect(first.status).toBe(202);
    const second = await site.client().post('/api/backup-codes/requests', { ticket: t, message: 'Lost my phone, please hurry' });
    expect(second.body.request.id).toBe(first.body.request.id);
    const open = (await admin.get('/api/admin/backup-code-requests?status=open')).body.requests;
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ id: first.body.request.id, status: 'open', user: { email }, message: 'Lost my phone, please hurry' });
    expect(open[0].ip).toMatch(/127\.0\.0\.1/);
    expect(open[0].createdAt).toBe(site.clock.ms);
  });

  it('need a valid ticket or a session', async () => {
    site = await startSiteWithAdmin();
    expect((await site.client().post('/api/backup-codes/requests', { ticket: 'made-up', message: 'hi' })).status).toBe(401);
    expect((await site.client().post('/api/backup-codes/requests', { message: 'hi' })).status).toBe(401);
  });

  it('are refused to an account that has yet to enrol (it can do nothing else), on the API and the page', async () => {
    site = await startSiteWithAdmin({ MFA_POLICY: 'required' });
    const fresh = site.client();
    await fresh.post('/api/signup', { email, password: PASSWORD, displayName: 'New' });
    const api = await fresh.post('/api/backup-codes/requests', { message: 'codes please' });
    expect(api.status).toBe(403);
    expect(api.body.error.code).toBe('enrolment_required');
    const page = await fresh.request('POST', '/account/backup-codes/request', { body: 'message=codes', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(page.headers.get('location')).toBe('/mfa');
    expect((await readStored(site.data)).backupRequests).toEqual([]);
  });

  it('are handed over once when the administrator chooses to: the codes come back, the request is closed, and issuing again is refused', async () => {
    site = await startSiteWithAdmin();
    const { client: admin } = await signInAdmin(site);
    const { ticket: t } = await userAtCodeStep(site, email);
    const { id } = (await site.client().post('/api/backup-codes/requests', { ticket: t, message: 'help' })).body.request;
    expect((await admin.post(`/api/admin/backup-code-requests/${id}/hand-over`, {})).status).toBe(400);
    const issued = await admin.post(`/api/admin/backup-code-requests/${id}/hand-over`, { confirm: true });
    expect(issued.body.codes).toHaveLength(10);
    expect((await admin.post(`/api/admin/backup-code-requests/${id}/issue`)).status).toBe(409);
    expect((await admin.get('/api/admin/backup-code-requests?status=issued')).body.requests).toHaveLength(1);
    expect((await site.client().post('/api/signin/mfa/backup-code', { ticket: t, code: issued.body.codes[0] })).status).toBe(200);
    const audit = (await admin.get('/api/admin/audit?type=backup_codes_issued')).body;
    expect(audit.total).toBe(1);
    expect(audit.entries[0].actorId).not.toBe(audit.entries[0].userId);
  });

  it('can be denied with a reason, which the user then sees', async () => {
    site = await startSiteWithAdmin();
    const { client: admin } = await signInAdmin(site);
    const user = site.client();
    await signUpWithTotp(site, user, email);
    const { id } = (await user.post('/api/backup-codes/requests', { message: 'please' })).body.request;
    const denied = await admin.post(`/api/admin/backup-code-requests/${id}/deny`, { reason: 'Call the help desk first' });
    expect(denied.body.request).toMatchObject({ status: 'denied', reason: 'Call the help desk first' });
    expect((await user.get('/account')).text).toContain('Call the help desk first');
  });

  it('are rate-limited per IP', async () => {
    site = await startSiteWithAdmin({ RATE_LIMIT_BACKUP_REQUESTS: '2' });
    const user = site.client();
    await signUpWithTotp(site, user, email);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await user.post('/api/backup-codes/requests', { message: `try ${i}` })).status);
    expect(statuses).toEqual([202, 202, 429]);
  });
});
