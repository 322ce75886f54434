// Moving the authenticator to a new device: the password and a current code (or a backup code) give a new secret;
// the old authenticator works until a code from the new one is verified, then stops; cancelling or running out of
// time keeps the old one. Over the JSON API (cookie or Bearer) and the account pages.
import { afterEach, describe, expect, it } from 'vitest';
import { parseOtpauthUri } from '#shared/otp/index.ts';
import { signInAdmin, startSiteWithAdmin } from './support/admin';
import type { Client } from './support/client';
import { codeAt, PASSWORD, signUpWithTotp, startTestSite, type TestSite } from './support/site';
import { pageClient, scan } from './support/qr';
import { readStored } from './support/stored';
import { signInForTokens, tokenClient } from './support/tokens';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'ada@example.com';

/** A fresh sign-in with the password and `code`: the status of the code step. */
async function signInWith(code: string): Promise<number> {
  const client = site.client();
  const { ticket } = (await client.post('/api/signin', { email, password: PASSWORD })).body;
  return (await client.post('/api/signin/mfa/totp', { ticket, code })).status;
}

async function signedIn(): Promise<{ browser: Client; oldSecret: string }> {
  const oldSecret = await signUpWithTotp(site, site.client(), email);
  const browser = pageClient(site);
  const { ticket } = (await browser.post('/api/signin', { email, password: PASSWORD })).body;
  await browser.post('/api/signin/mfa/totp', { ticket, code: codeAt(oldSecret, site.clock) });
  site.clock.advance(30_000);
  return { browser, oldSecret };
}

const auditTypes = async () => (await readStored(site.data)).audit.map((entry) => entry.type);

describe('moving to a new device', () => {
  it('keeps the old authenticator until a code from the new one is verified, then only the new one works', async () => {
    site = await startTestSite();
    const { browser, oldSecret } = await signedIn();
    const started = await browser.post('/api/mfa/totp/move', { password: PASSWORD, code: codeAt(oldSecret, site.clock) });
    expect(started.status).toBe(201);
    expect(parseOtpauthUri(started.body.otpauthUri)).toMatchObject({ issuer: 'Tessera Demo', account: email, secret: started.body.secret });
    expect(started.body).toMatchObject({ qrDataUrl: expect.stringMatching(/^data:image\/png;base64,/), expiresAt: site.clock.ms + 15 * 60_000 });
    const newSecret = started.body.secret as string;
    expect(newSecret).not.toBe(oldSecret);

    site.clock.advance(30_000);
    expect(await signInWith(codeAt(newSecret, site.clock))).toBe(401);
    expect(await signInWith(codeAt(oldSecret, site.clock))).toBe(200);
    site.clock.advance(30_000);
    const wrong = await browser.post('/api/mfa/totp/move/verify', { code: codeAt(oldSecret, site.clock) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'invalid_code', field: 'code' });
    expect((await browser.post('/api/mfa/totp/move/verify', { code: codeAt(newSecret, site.clock) })).body).toEqual({ moved: true });

    site.clock.advance(30_000);
    expect(await signInWith(codeAt(oldSecret, site.clock))).toBe(401);
    expect(await signInWith(codeAt(newSecret, site.clock))).toBe(200);
    expect(await auditTypes()).toEqual(expect.arrayContaining(['mfa_move_started', 'mfa_moved']));
    expect((await browser.get('/api/me')).body.user.mfaEnabled).toBe(true);
  });

  it('takes a backup code instead of a code; wrong proofs change nothing and count toward the lockout', async () => {
    site = await startSiteWithAdmin();
    const { browser, oldSecret } = await signedIn();
    const { client: admin } = await signInAdmin(site);
    const userId = (await browser.get('/api/me')).body.user.id;
    const [backupCode] = (await admin.post(`/api/admin/users/${userId}/backup-codes/hand-over`, { confirm: true })).body.codes;
    const badPassword = await browser.post('/api/mfa/totp/move', { password: 'not my password', code: codeAt(oldSecret, site.clock) });
    expect(badPassword.body.error).toMatchObject({ code: 'invalid_password', field: 'password' });
    const badCode = await browser.post('/api/mfa/totp/move', { password: PASSWORD, backupCode: 'AAAA-BBBB' });
    expect(badCode.body.error).toMatchObject({ code: 'invalid_backup_code', field: 'backupCode' });
    expect((await readStored(site.data)).audit.filter((entry) => entry.type === 'signin_failure').map((entry) => entry.details.method)).toEqual(['move_mfa', 'move_mfa']);

    const started = await browser.post('/api/mfa/totp/move', { password: PASSWORD, backupCode });
    expect(started.status).toBe(201);
    expect((await browser.post('/api/mfa/totp/move', { password: PASSWORD, backupCode })).body.error.code).toBe('invalid_backup_code');
    expect((await browser.post('/api/mfa/totp/move/verify', { code: codeAt(started.body.secret, site.clock) })).status).toBe(200);
    const moved = (await readStored(site.data)).audit.find((entry) => entry.type === 'mfa_move_started');
    expect(moved?.details).toEqual({ proof: 'backup_code' });
  });

  it('uses up the code that started it, and works with an access token too', async () => {
    site = await startTestSite();
    const oldSecret = await signUpWithTotp(site, site.client(), email);
    const tokens = await signInForTokens(site, email, oldSecret);
    const api = tokenClient(site).withBearer(tokens.accessToken);
    const code = codeAt(oldSecret, site.clock);
    const started = await api.post('/api/mfa/totp/move', { password: PASSWORD, code });
    expect(started.status).toBe(201);
    expect(await signInWith(code)).toBe(401);
    expect((await api.post('/api/mfa/totp/move/verify', { code: codeAt(started.body.secret, site.clock) })).body).toEqual({ moved: true });
  });

  it('keeps the old authenticator when cancelled, or when the move runs out of time (15 minutes)', async () => {
    site = await startTestSite();
    const { browser, oldSecret } = await signedIn();
    const first = (await browser.post('/api/mfa/totp/move', { password: PASSWORD, code: codeAt(oldSecret, site.clock) })).body;
    expect((await browser.post('/api/mfa/totp/move/cancel')).body).toEqual({ cancelled: true });
    const late = await browser.post('/api/mfa/totp/move/verify', { code: codeAt(first.secret, site.clock) });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'no_move_pending', message: expect.stringContaining('start one again') });
    expect((await browser.post('/api/mfa/totp/move/cancel')).body.error.code).toBe('no_move_pending');

    site.clock.advance(30_000);
    const second = (await browser.post('/api/mfa/totp/move', { password: PASSWORD, code: codeAt(oldSecret, site.clock) })).body;
    site.clock.advance(15 * 60_000);
    expect((await browser.post('/api/mfa/totp/move/verify', { code: codeAt(second.secret, site.clock) })).body.error.code).toBe('no_move_pending');
    expect((await browser.post('/api/mfa/totp/pairing')).body.error.code).toBe('mfa_already_enabled');
    expect(await signInWith(codeAt(oldSecret, site.clock))).toBe(200);
    expect(await auditTypes()).toContain('mfa_move_cancelled');
  });

  it('hands the new secret to Tessera by the pairing QR while the move is under way', async () => {
    site = await startTestSite({ RATE_LIMIT_QR_GENERATE: '1000', RATE_LIMIT_QR_SCAN: '1000' });
    const { browser, oldSecret } = await signedIn();
    expect((await browser.post('/api/mfa/totp/pairing')).body.error.code).toBe('mfa_already_enabled');
    const started = (await browser.post('/api/mfa/totp/move', { password: PASSWORD, code: codeAt(oldSecret, site.clock) })).body;
    const pairing = await browser.post('/api/mfa/totp/pairing');
    expect(pairing.status).toBe(201);
    const scanned = await scan(site, { qrToken: pairing.body.qrToken });
    expect(scanned.body.kind).toBe('pair');
    expect(parseOtpauthUri(scanned.body.otpauthUri).secret).toBe(started.secret);
  });
});

describe('the account pages', () => {
  it('start a move from the account page, show the new key, take the new code, and note the move', async () => {
    site = await startTestSite();
    const { browser, oldSecret } = await signedIn();
    const account = await browser.get('/account');
    expect(account.text).toContain('Move your authenticator to a new device');
    const wrong = await browser.request('POST', '/account/move', {
      body: new URLSearchParams({ movePassword: PASSWORD, moveCode: '000000', moveBackupCode: '' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toMatch(/id="moveCode-error"[^>]*>That code is not right/);
    const started = await browser.request('POST', '/account/move', {
      body: new URLSearchParams({ movePassword: PASSWORD, moveCode: codeAt(oldSecret, site.clock), moveBackupCode: '' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(started.status).toBe(201);
    const newSecret = /data-secret="([A-Z2-7]+)"/.exec(started.text)?.[1] ?? '';
    expect(newSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.text).toContain('Your current authenticator keeps working until you enter a code from the new one here');
    expect(started.text).toContain('data-qr-pairing');
    expect((await browser.get('/account')).text).toContain('A move to a new device is under way');
    expect((await browser.get('/account/move')).text).toContain(`data-secret="${newSecret}"`);

    const done = await browser.request('POST', '/account/move/verify', {
      body: new URLSearchParams({ code: codeAt(newSecret, site.clock) }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/account');
    const after = await browser.get('/account');
    expect(after.text).toContain('Your authenticator last moved to a new device on 2026-01-15');
    expect(after.text).not.toContain('A move to a new device is under way');
    expect((await browser.get('/account/move')).status).toBe(303);
  });
});
