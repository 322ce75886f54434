import { afterEach, describe, expect, it } from 'vitest';
import { codeAt, PASSWORD, signUpWithTotp, startTestSite, type TestSite } from './support/site';
import { Client } from './support/client';

let site: TestSite;
afterEach(async () => site?.close());

const grace = 'grace@example.com';
const ada = { email: 'ada@example.com', password: PASSWORD, displayName: 'Ada' };

describe('the session a browser already has', () => {
  it('survives a failed sign-in or signup and ends, for good, only when a new sign-in succeeds', async () => {
    site = await startTestSite({ MFA_POLICY: 'optional' });
    const secret = await signUpWithTotp(site, site.client(), grace);
    const browser = site.client();
    expect((await browser.post('/api/signup', ada)).status).toBe(201);
    const adaSession = browser.cookies.get('tessera_session')!;

    const { body } = await browser.post('/api/signin', { email: grace, password: PASSWORD });
    expect((await browser.post('/api/signin/mfa/totp', { ticket: body.ticket, code: '000000' })).status).toBe(401);
    expect((await browser.post('/api/signin/mfa/backup-code', { ticket: body.ticket, code: 'aaaaa-aaaaa' })).status).toBe(401);
    expect((await browser.post('/api/signup', { ...ada, email: grace })).status).toBe(409);
    expect((await browser.get('/api/me')).body.user.email).toBe(ada.email);

    expect((await browser.post('/api/signin/mfa/totp', { ticket: body.ticket, code: codeAt(secret, site.clock) })).status).toBe(200);
    expect((await browser.get('/api/me')).body.user.email).toBe(grace);

    // The replaced session is gone from the store too, not only from memory.
    site = await site.restart();
    const old = new Client(site.url);
    old.cookies.set('tessera_session', adaSession);
    expect((await old.get('/api/me')).status).toBe(401);
  });
});
