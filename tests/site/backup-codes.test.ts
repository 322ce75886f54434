import { afterEach, describe, expect, it } from 'vitest';
import { codeAt, PASSWORD, signUpWithTotp, type TestSite } from './support/site';
import { signInAdmin, startSiteWithAdmin } from './support/admin';
import { readStored, readStoredText } from './support/stored';
import type { Client } from './support/client';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'ida@example.com';
const FORMAT = /^[0-9abcdefghjkmnpqrstvwxyz]{5}-[0-9abcdefghjkmnpqrstvwxyz]{5}$/;

async function userWithCodes(env: Record<string, string> = {}): Promise<{ admin: Client; userId: string; codes: string[]; secret: string }> {
  site = await startSiteWithAdmin(env);
  const { client: admin } = await signInAdmin(site);
  const user = site.client();
  const secret = await signUpWithTotp(site, user, email);
  const userId = (await user.get('/api/me')).body.user.id;
  const issued = await admin.post(`/api/admin/users/${userId}/backup-codes/hand-over`, { confirm: true });
  expect(issued.status).toBe(200);
  return { admin, userId, codes: issued.body.codes, secret };
}

const ticket = async () => (await site.client().post('/api/signin', { email, password: PASSWORD })).body;
const redeem = async (code: string, t?: string) => site.client().post('/api/signin/mfa/backup-code', { ticket: t ?? (await ticket()).ticket, code });

describe('backup codes', () => {
  it('are 10 codes of 50 bits, shown as xxxxx-xxxxx without look-alike characters, all different', async () => {
    const { codes } = await userWithCodes();
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(FORMAT);
    expect(new Set(codes).size).toBe(10);
    // 10 characters from a 32-symbol alphabet: 10 x 5 = 50 bits.
    expect(new Set(codes.join('').replace(/-/g, '')).size).toBeLessThanOrEqual(32);
  });

  it('sign in once each; the sign-in lists backup_code among the methods; a used code is refused', async () => {
    const { codes } = await userWithCodes();
    const first = await ticket();
    expect(first.methods).toEqual(['totp', 'backup_code']);
    const client = site.client();
    const ok = await client.post('/api/signin/mfa/backup-code', { ticket: first.ticket, code: codes[0] });
    expect(ok.status).toBe(200);
    expect(ok.body.user.email).toBe(email);
    expect((await client.get('/api/me')).status).toBe(200);
    const again = await redeem(codes[0]);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('invalid_code');
    // Words about the backup code, not about an authenticator the user may have lost.
    expect(again.body.error.message).toMatch(/backup code is not right or was already used/);
    expect(again.body.error.message).not.toMatch(/authenticator/);
  });

  it('are counted on the account page, with a warning at 2 or fewer', async () => {
    const { codes } = await userWithCodes();
    const client = site.client();
    for (let i = 0; i < 8; i++) {
      const { ticket: t } = await ticket();
      expect((await client.post('/api/signin/mfa/backup-code', { ticket: t, code: codes[i] })).status).toBe(200);
      const page = (await client.get('/account')).text;
      expect(page).toContain(`Backup codes left: ${9 - i}.`);
      expect(page.includes('data-warning="true"')).toBe(9 - i <= 2);
    }
  });

  it('accept any case, spaces and dashes', async () => {
    const { codes } = await userWithCodes();
    const messy = ` ${codes[1].toUpperCase().replace('-', ' - ')} `;
    expect((await redeem(messy)).status).toBe(200);
    expect((await redeem(codes[2].replace('-', ''))).status).toBe(200);
  });

  it('count wrong codes toward the ticket and account limits like wrong TOTP codes', async () => {
    const { codes } = await userWithCodes({ LOCKOUT_THRESHOLD: '7', THROTTLE_FREE_FAILURES: '10' });
    const { ticket: t } = await ticket();
    const results: string[] = [];
    for (let i = 0; i < 5; i++) results.push((await redeem('aaaaa-bbbbb', t)).body.error.code);
    expect(results).toEqual(['invalid_code', 'invalid_code', 'invalid_code', 'invalid_code', 'invalid_ticket']);
    expect((await redeem(codes[0], t)).body.error.code).toBe('invalid_ticket');
    await redeem('aaaaa-ccccc');
    const locking = await redeem('aaaaa-ddddd');
    expect(locking.status).toBe(423);
    expect((await site.client().post('/api/signin', { email, password: PASSWORD })).status).toBe(423);
  });

  it('are stored only as keyed hashes: no code appears in the data file in any form', async () => {
    const { codes } = await userWithCodes();
    const text = await readStoredText(site.data);
    for (const code of codes) {
      expect(text).not.toContain(code);
      expect(text).not.toContain(code.replace('-', ''));
      expect(text.toLowerCase()).not.toContain(code.replace('-', '').toUpperCase().toLowerCase());
    }
    const stored = await readStored(site.data);
    const user = stored.users.find((candidate) => candidate.email === email)!;
    const hashes = stored.backupCodes.filter((code) => code.userId === user.id);
    expect(hashes).toHaveLength(10);
    for (const code of hashes) expect(code.hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('are revoked by a new issue and by DELETE', async () => {
    const { admin, userId, codes } = await userWithCodes();
    const second = (await admin.post(`/api/admin/users/${userId}/backup-codes/hand-over`, { confirm: true })).body.codes as string[];
    expect((await redeem(codes[0])).status).toBe(401);
    expect((await redeem(second[0])).status).toBe(200);
    const revoked = await admin.request('DELETE', `/api/admin/users/${userId}/backup-codes`);
    expect(revoked.body).toEqual({ revoked: 9 });
    expect((await redeem(second[1])).status).toBe(401);
    expect((await ticket()).methods).toEqual(['totp']);
    const users = (await admin.get('/api/admin/users')).body.users;
    expect(users.find((u: { id: string }) => u.id === userId).codesLeft).toBe(0);
  });

  it('can turn MFA off in place of a TOTP code; under required policy the user must enrol again', async () => {
    const { codes, secret } = await userWithCodes({ MFA_POLICY: 'required' });
    const client = site.client();
    const { ticket: t } = await ticket();
    await client.post('/api/signin/mfa/totp', { ticket: t, code: codeAt(secret, site.clock) });
    const wrong = await client.post('/api/mfa/totp/disable', { password: PASSWORD, backupCode: 'zzzzz-zzzzz' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'invalid_backup_code', field: 'backupCode' });
    const off = await client.post('/api/mfa/totp/disable', { password: PASSWORD, backupCode: codes[3] });
    expect(off.status).toBe(200);
    expect((await client.get('/api/me')).body.user.mfaEnabled).toBe(false);
    expect((await client.get('/account')).headers.get('location')).toBe('/mfa');
    // Enrol again before doing anything else, asking for codes included.
    expect((await client.post('/api/backup-codes/requests', { message: 'x' })).body.error.code).toBe('enrolment_required');
    const missing = await client.post('/api/mfa/totp/disable', { password: PASSWORD });
    expect(missing.status).toBe(403);
  });

  it('need a code or a backup code to turn MFA off (400 naming the field)', async () => {
    const { secret } = await userWithCodes({ MFA_POLICY: 'optional' });
    const client = site.client();
    const { ticket: t } = await ticket();
    await client.post('/api/signin/mfa/totp', { ticket: t, code: codeAt(secret, site.clock) });
    const missing = await client.post('/api/mfa/totp/disable', { password: PASSWORD });
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('code');
  });
});
