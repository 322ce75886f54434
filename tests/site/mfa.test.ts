import { afterEach, describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { decodeBase32, parseOtpauthUri } from '#shared/otp/index.ts';
import { codeAt, PASSWORD, signUpWithTotp, startTestSite, type TestSite } from './support/site';
import { readStored, readStoredText } from './support/stored';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'katherine@example.com';

function readQr(dataUrl: string): string | undefined {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

async function signedUp(env: Record<string, string> = {}) {
  site = await startTestSite(env);
  const client = site.client();
  await client.post('/api/signup', { email, password: PASSWORD, displayName: 'Katherine' });
  return client;
}

describe('TOTP enrolment', () => {
  it('issues a 20-byte secret with a matching otpauth URI (Tessera Demo, the email, SHA1, 6 digits, 30 s) and QR', async () => {
    const client = await signedUp();
    const { status, body } = await client.post('/api/mfa/totp/generate');
    expect(status).toBe(200);
    expect(decodeBase32(body.secret)).toHaveLength(20);
    expect(parseOtpauthUri(body.otpauthUri)).toMatchObject({
      type: 'totp', issuer: 'Tessera Demo', account: email, secret: body.secret, algorithm: 'SHA1', digits: 6, period: 30,
    });
    expect(readQr(body.qrDataUrl)).toBe(body.otpauthUri);
  });

  it('activates with a code from the pending secret; the account then reports MFA on', async () => {
    const client = await signedUp();
    const { body } = await client.post('/api/mfa/totp/generate');
    const wrong = await client.post('/api/mfa/totp/activate', { code: codeAt(body.secret, site.clock, 3) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'invalid_code', field: 'code' });
    const right = await client.post('/api/mfa/totp/activate', { code: codeAt(body.secret, site.clock) });
    expect(right.status).toBe(200);
    expect(right.body).toEqual({ mfaEnabled: true });
    expect((await client.get('/api/me')).body.user.mfaEnabled).toBe(true);
    expect((await readStored(site.data)).audit.map((entry) => entry.type)).toContain('mfa_enabled');
  });

  it('replaces an earlier pending secret with a new one', async () => {
    const client = await signedUp();
    const first = (await client.post('/api/mfa/totp/generate')).body.secret;
    const second = (await client.post('/api/mfa/totp/generate')).body.secret;
    expect(second).not.toBe(first);
    expect((await client.post('/api/mfa/totp/activate', { code: codeAt(first, site.clock) })).status).toBe(400);
    expect((await client.post('/api/mfa/totp/activate', { code: codeAt(second, site.clock) })).status).toBe(200);
  });

  it('never replaces an active secret', async () => {
    site = await startTestSite();
    const client = site.client();
    const secret = await signUpWithTotp(site, client, email);
    const generate = await client.post('/api/mfa/totp/generate');
    expect(generate.status).toBe(409);
    expect(generate.body.error.code).toBe('mfa_already_enabled');
    const { body } = await site.client().post('/api/signin', { email, password: PASSWORD });
    expect((await site.client().post('/api/signin/mfa/totp', { ticket: body.ticket, code: codeAt(secret, site.clock) })).status).toBe(200);
  });

  it('stores the secret only encrypted', async () => {
    site = await startTestSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const text = await readStoredText(site.data);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(Buffer.from(decodeBase32(secret)).toString('base64'));
    expect(text).not.toContain(Buffer.from(decodeBase32(secret)).toString('hex'));
    const user = (await readStored(site.data)).users[0];
    expect(user.totp?.secretBox).toMatch(/^v1\./);
  });

  it('lets an optional-policy user turn MFA on later from a full session', async () => {
    const client = await signedUp({ MFA_POLICY: 'optional' });
    const { body } = await client.post('/api/mfa/totp/generate');
    expect((await client.post('/api/mfa/totp/activate', { code: codeAt(body.secret, site.clock) })).status).toBe(200);
    site.clock.advance(30_000);
    const signin = await site.client().post('/api/signin', { email, password: PASSWORD });
    expect(signin.body.mfaRequired).toBe(true);
  });
});

describe('turning MFA off', () => {
  it('needs the password and a current code; a wrong one changes nothing', async () => {
    site = await startTestSite({ MFA_POLICY: 'optional' });
    const client = site.client();
    const secret = await signUpWithTotp(site, client, email);
    const badPassword = await client.post('/api/mfa/totp/disable', { password: 'not my password', code: codeAt(secret, site.clock) });
    expect(badPassword.status).toBe(400);
    expect(badPassword.body.error).toMatchObject({ code: 'invalid_password', field: 'password' });
    const badCode = await client.post('/api/mfa/totp/disable', { password: PASSWORD, code: codeAt(secret, site.clock, 4) });
    expect(badCode.body.error).toMatchObject({ code: 'invalid_code', field: 'code' });
    expect((await client.get('/api/me')).body.user.mfaEnabled).toBe(true);

    const ok = await client.post('/api/mfa/totp/disable', { password: PASSWORD, code: codeAt(secret, site.clock) });
    expect(ok.status).toBe(200);
    expect((await client.get('/api/me')).body.user.mfaEnabled).toBe(false);
    expect((await readStored(site.data)).audit.map((entry) => entry.type)).toContain('mfa_disabled');
    const signin = await site.client().post('/api/signin', { email, password: PASSWORD });
    expect(signin.body.user.email).toBe(email);
  });

  it('under MFA_POLICY=required sends the user back to enrolment', async () => {
    site = await startTestSite({ MFA_POLICY: 'required' });
    const client = site.client();
    const secret = await signUpWithTotp(site, client, email);
    const { body } = await site.client().post('/api/signin', { email, password: PASSWORD });
    const session = site.client();
    await session.post('/api/signin/mfa/totp', { ticket: body.ticket, code: codeAt(secret, site.clock) });
    site.clock.advance(30_000);
    expect((await session.post('/api/mfa/totp/disable', { password: PASSWORD, code: codeAt(secret, site.clock) })).status).toBe(200);
    expect((await session.get('/account')).headers.get('location')).toBe('/mfa');
    expect((await session.post('/api/mfa/totp/disable', { password: PASSWORD, code: '000000' })).status).toBe(403);
  });
});
