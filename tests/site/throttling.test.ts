// A lockout no stranger can use against its owner: failures are throttled per account and client (429 with
// Retry-After, waits doubling), a browser that signed in before (device cookie) is held neither by others' failures
// nor by the per-IP limit, and only clients without that cookie are hard-locked, after 100 consecutive failures.
import { afterEach, describe, expect, it } from 'vitest';
import { Client } from './support/client';
import { codeAt, PASSWORD, signUpWithTotp, startTestSite, type TestSite } from './support/site';
import { readStored } from './support/stored';

let site: TestSite;
afterEach(async () => site?.close());

const EMAIL = 'owen@example.com';
const from = (ip: string) => new Client(site.url, { 'x-forwarded-for': ip });
const signIn = (client: Client, password = PASSWORD) => client.post('/api/signin', { email: EMAIL, password });

/** Wrong passwords from `client`, waiting out each delay on the site's clock, until `evaluated` were checked (401/423). */
async function failPatiently(client: Client, evaluated: number): Promise<number[]> {
  const statuses: number[] = [];
  while (statuses.length < evaluated) {
    const reply = await signIn(client, 'wrong password guess');
    if (reply.status === 429) site.clock.advance(Number(reply.headers.get('retry-after')) * 1000);
    else statuses.push(reply.status);
  }
  return statuses;
}

describe('throttling failed sign-ins', () => {
  it('1,000 wrong passwords from one client slow that client (429) and do not stop the owner\'s browser on the same address, which the per-IP limit lets through too', async () => {
    site = await startTestSite({ RATE_LIMIT_SIGNIN: '30' });
    const owner = site.client();
    const secret = await signUpWithTotp(site, owner, EMAIL);
    expect(owner.cookies.get('tessera_device')).toMatch(/^[\w-]{43}$/);

    const attacker = site.client();
    const statuses: number[] = [];
    for (let batch = 0; batch < 20; batch++) {
      statuses.push(...(await Promise.all(Array.from({ length: 50 }, () => signIn(attacker, `guess ${batch}`)))).map((r) => r.status));
    }
    expect(statuses).toHaveLength(1000);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(950);
    expect(statuses).not.toContain(423);
    const slowed = await signIn(attacker);
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
    // Both browsers share one address (loopback), now over the per-IP sign-in limit.
    expect(slowed.body.error.code).toBe('rate_limited');
    expect((await signIn(site.client())).body.error.code).toBe('rate_limited');

    const ticket = await signIn(owner);
    expect(ticket.status).toBe(200);
    const code = await owner.post('/api/signin/mfa/totp', { ticket: ticket.body.ticket, code: codeAt(secret, site.clock) });
    expect(code.status).toBe(200);
  });

  it('a fresh browser is throttled, not locked, until the hard limit; then locked, while the owner\'s browser still signs in', async () => {
    site = await startTestSite({ TRUST_PROXY: '1' });
    const owner = from('198.51.100.1');
    const secret = await signUpWithTotp(site, owner, EMAIL);
    const attacker = from('198.51.100.1');

    const first = await failPatiently(attacker, 99);
    expect(new Set(first)).toEqual(new Set([401]));
    const sameAddress = await signIn(from('198.51.100.1'));
    expect(sameAddress.status).toBe(429);
    expect(sameAddress.body.error.code).toBe('too_many_attempts');
    const elsewhere = await signIn(from('203.0.113.9'));
    expect(elsewhere.body).toMatchObject({ mfaRequired: true });

    expect(await failPatiently(attacker, 1)).toEqual([423]);
    const locked = await signIn(from('203.0.113.9'));
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('account_locked');
    expect(locked.body.error.message).toContain('Sign in from one it has, or reset your password');

    const ticket = await signIn(owner);
    expect(ticket.status).toBe(200);
    expect((await owner.post('/api/signin/mfa/totp', { ticket: ticket.body.ticket, code: codeAt(secret, site.clock) })).status).toBe(200);
    expect((await readStored(site.data)).audit.filter((e) => e.type === 'lockout')).toHaveLength(1);
  });

  it('counts a wrong TOTP code like a wrong password, for that client', async () => {
    site = await startTestSite({ TRUST_PROXY: '1', THROTTLE_FREE_FAILURES: '2' });
    const secret = await signUpWithTotp(site, from('198.51.100.1'), EMAIL);
    const client = from('192.0.2.5');
    const { ticket } = (await signIn(client)).body;
    for (let i = 0; i < 2; i++) expect((await client.post('/api/signin/mfa/totp', { ticket, code: codeAt(secret, site.clock, 5) })).status).toBe(401);
    expect((await signIn(client, 'wrong password')).status).toBe(401);
    const slowed = await signIn(client);
    expect(slowed.status).toBe(429);
    expect(slowed.headers.get('retry-after')).toBe('1');
    const code = await client.post('/api/signin/mfa/totp', { ticket, code: codeAt(secret, site.clock) });
    expect(code.status).toBe(429);
    site.clock.advance(1_000);
    expect((await signIn(client)).status).toBe(200);
    const user = (await readStored(site.data)).users.find((u) => u.email === EMAIL)!;
    expect(user.failedAttempts).toBe(3);
  });

  it('the device cookie comes with every sign-in (JSON API and pages alike), and a browser loses its trust after its own failures', async () => {
    site = await startTestSite({ MFA_POLICY: 'optional', DEVICE_COOKIE_MAX_FAILURES: '3' });
    await site.client().post('/api/signup', { email: EMAIL, password: PASSWORD, displayName: 'Owen' });
    const api = site.client();
    expect((await signIn(api)).status).toBe(200);
    expect(api.cookies.get('tessera_device')).toBeDefined();
    const page = site.client();
    await page.form('/signin', { email: EMAIL, password: PASSWORD });
    expect(page.cookies.get('tessera_device')).toBeDefined();
    const again = page.cookies.get('tessera_device');
    await page.form('/signin', { email: EMAIL, password: PASSWORD });
    expect(page.cookies.get('tessera_device')).toBe(again);

    for (let i = 0; i < 3; i++) await signIn(api, 'not it');
    const audit = (await readStored(site.data)).audit;
    expect(audit.filter((e) => e.type === 'signin_failure').map((e) => e.details.trustedDevice)).toEqual([true, true, true]);
    expect(audit.filter((e) => e.type === 'device_untrusted')).toHaveLength(1);
  });
});
