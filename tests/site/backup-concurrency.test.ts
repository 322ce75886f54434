import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD, signUpWithTotp, type TestSite } from './support/site';
import { signInAdmin, startSiteWithAdmin } from './support/admin';
import { readStored } from './support/stored';

let site: TestSite;
afterEach(async () => site?.close());

describe('backup code redemption under concurrency', () => {
  it('of 50 simultaneous redemptions of one code, exactly one succeeds', async () => {
    // Lock and delays out of the way: 49 failures from one address must not hold up the winner.
    site = await startSiteWithAdmin({ LOCKOUT_THRESHOLD: '1000', THROTTLE_FREE_FAILURES: '1000' });
    const { client: admin } = await signInAdmin(site);
    const email = 'race@example.com';
    const user = site.client();
    await signUpWithTotp(site, user, email);
    const userId = (await user.get('/api/me')).body.user.id;
    const [code] = (await admin.post(`/api/admin/users/${userId}/backup-codes/hand-over`, { confirm: true })).body.codes as string[];

    const tickets: string[] = [];
    for (let i = 0; i < 50; i++) tickets.push((await site.client().post('/api/signin', { email, password: PASSWORD })).body.ticket);
    const replies = await Promise.all(tickets.map((ticket) => site.client().post('/api/signin/mfa/backup-code', { ticket, code })));
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 401)).toHaveLength(49);
    const stored = (await readStored(site.data)).backupCodes.filter((code) => code.userId === userId);
    expect(stored.filter((entry) => entry.usedAt !== null)).toHaveLength(1);
  });
});
