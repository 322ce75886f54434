// Sign-ins that end in tokens: every JSON sign-in step answers with tokens when asked, sets no cookie then, and the
// access token checks out as any client would check it (the JWKS over HTTP, jose), before and after a key rotation.
import { afterEach, describe, expect, it } from 'vitest';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors } from 'jose';
import { signInAdmin, startSiteWithAdmin } from './support/admin';
import { codeAt, PASSWORD, signUpWithTotp, startTestSite, type TestSite } from './support/site';
import { generateQr, pageClient, scanSignin, startQrSite } from './support/qr';
import { readStored } from './support/stored';
import { signInForTokens, tokenClient, verifyAsClient } from './support/tokens';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'ada@example.com';
const MINUTE = 60_000;

describe('sign-in for tokens', () => {
  it('password then code: the ticket links the steps, tokens come back in the body, and no cookie is set', async () => {
    site = await startTestSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const client = tokenClient(site);
    const first = await client.post('/api/signin', { email, password: PASSWORD, tokens: true });
    expect(first.body).toMatchObject({ mfaRequired: true, methods: ['totp'] });
    // The ticket remembers that tokens were asked for: the code step need not ask again.
    const second = await client.post('/api/signin/mfa/totp', { ticket: first.body.ticket, code: codeAt(secret, site.clock) });
    expect(second.status).toBe(200);
    expect(second.body).toEqual({
      user: expect.objectContaining({ email, mfaEnabled: true }),
      tokens: { accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/), accessTokenExpiresIn: 900, refreshToken: expect.any(String) },
    });
    const me = await client.withBearer(second.body.tokens.accessToken).get('/api/me');
    expect(me.body.user).toMatchObject({ id: second.body.user.id, email });
    const audit = (await readStored(site.data)).audit.find((entry) => entry.type === 'signin_success');
    expect(audit?.details).toMatchObject({ method: 'totp', familyId: expect.any(String) });
  });

  it('a code step that asks for tokens gets them even when the password step did not; without asking, a cookie as before', async () => {
    site = await startTestSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const ticket = (await tokenClient(site).post('/api/signin', { email, password: PASSWORD })).body.ticket;
    const reply = await tokenClient(site).post('/api/signin/mfa/totp', { ticket, code: codeAt(secret, site.clock), tokens: true });
    expect(reply.body.tokens.refreshToken).toEqual(expect.any(String));
    site.clock.advance(30_000);
    const browser = site.client();
    const ticket2 = (await browser.post('/api/signin', { email, password: PASSWORD })).body.ticket;
    const cookieReply = await browser.post('/api/signin/mfa/totp', { ticket: ticket2, code: codeAt(secret, site.clock) });
    expect(cookieReply.body.tokens).toBeUndefined();
    expect(browser.cookies.has('tessera_session')).toBe(true);
  });

  it('password only (MFA off), signup, and a backup code: tokens whose amr says what was proved', async () => {
    site = await startSiteWithAdmin({ MFA_POLICY: 'optional' });
    const client = tokenClient(site);
    const signup = await client.post('/api/signup', { email: 'bo@example.com', password: PASSWORD, displayName: 'Bo', tokens: true });
    expect(signup.status).toBe(201);
    expect(await verifyAsClient(site, signup.body.tokens.accessToken)).toMatchObject({ sub: signup.body.user.id, amr: ['pwd'] });
    const password = await client.post('/api/signin', { email: 'bo@example.com', password: PASSWORD, tokens: true });
    expect(await verifyAsClient(site, password.body.tokens.accessToken)).toMatchObject({ amr: ['pwd'] });

    await signUpWithTotp(site, site.client(), email);
    const { client: admin } = await signInAdmin(site);
    const userId = (await admin.get(`/api/admin/users?email=${email}`)).body.users[0].id;
    const [code] = (await admin.post(`/api/admin/users/${userId}/backup-codes/hand-over`, { confirm: true })).body.codes;
    const ticket = (await client.post('/api/signin', { email, password: PASSWORD, tokens: true })).body.ticket;
    const backup = await client.post('/api/signin/mfa/backup-code', { ticket, code });
    expect(await verifyAsClient(site, backup.body.tokens.accessToken)).toMatchObject({ sub: userId, amr: ['pwd', 'otp'] });
  });

  it('the PIN step of QR sign-in: tokens with amr qr and otp for the browser that asked', async () => {
    site = await startQrSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const browser = pageClient(site);
    const qr = await generateQr(browser);
    const { pin } = await scanSignin(site, qr.qrToken, email, secret);
    const reply = await browser.post('/api/pin/verify', { qrToken: qr.qrToken, pin, tokens: true });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ user: { email }, redirect: '/account', tokens: { accessTokenExpiresIn: 900 } });
    expect(browser.cookies.has('tessera_session')).toBe(false);
    expect(await verifyAsClient(site, reply.body.tokens.accessToken)).toMatchObject({ amr: ['qr', 'otp'] });
  });

  it('refuses a tokens flag that is not true or false, naming the field', async () => {
    site = await startTestSite();
    const reply = await tokenClient(site).post('/api/signin', { email, password: PASSWORD, tokens: 'yes' });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ field: 'tokens', message: 'tokens: tokens must be true or false' });
  });
});

describe('the access token, checked as a client would', () => {
  it('verifies against /.well-known/jwks.json: EdDSA, issuer, audience, sub, amr, 15 minutes; expired after', async () => {
    site = await startTestSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const tokens = await signInForTokens(site, email, secret);
    const jwks = await tokenClient(site).get('/.well-known/jwks.json');
    expect(jwks.headers.get('access-control-allow-origin')).toBe('*');
    expect(jwks.body.keys).toEqual([{ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: expect.any(String), alg: 'EdDSA', use: 'sig' }]);
    expect(JSON.stringify(jwks.body)).not.toMatch(/"d"/);
    expect(decodeProtectedHeader(tokens.accessToken)).toEqual({ alg: 'EdDSA', kid: jwks.body.keys[0].kid, typ: 'at+jwt' });

    const me = await tokenClient(site).withBearer(tokens.accessToken).get('/api/me');
    const claims = await verifyAsClient(site, tokens.accessToken);
    expect(claims).toMatchObject({ sub: me.body.user.id, iss: site.url, aud: 'tessera-demo', amr: ['pwd', 'otp'], sid: expect.any(String) });
    expect(claims.exp! - claims.iat!).toBe(15 * 60);
    expect(claims.iat).toBe(Math.floor((site.clock.ms - 30_000) / 1000));

    site.clock.advance(15 * MINUTE);
    await expect(verifyAsClient(site, tokens.accessToken)).rejects.toBeInstanceOf(errors.JWTExpired);
    const late = await tokenClient(site).withBearer(tokens.accessToken).get('/api/me');
    expect(late.status).toBe(401);
    expect(late.body.error).toMatchObject({ code: 'token_expired', message: expect.stringContaining('POST /api/token') });
    expect(late.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });

  it('names PUBLIC_ORIGIN as the issuer when it is set, and refuses a token issued for another origin', async () => {
    site = await startTestSite({ PUBLIC_ORIGIN: 'https://demo.example' });
    const secret = await signUpWithTotp(site, site.client(), email);
    const tokens = await signInForTokens(site, email, secret);
    const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', site.url));
    await expect(verifyAsClient(site, tokens.accessToken, jwks)).rejects.toBeInstanceOf(errors.JWTClaimValidationFailed);
    const { jwtVerify } = await import('jose');
    const { payload } = await jwtVerify(tokens.accessToken, jwks, { issuer: 'https://demo.example', audience: 'tessera-demo', currentDate: new Date(site.clock.ms) });
    expect(payload.iss).toBe('https://demo.example');
  });

  it('keeps verifying after a key rotation: new tokens carry the new key, old ones stay valid until they expire, then the old key goes', async () => {
    site = await startSiteWithAdmin();
    const secret = await signUpWithTotp(site, site.client(), email);
    const before = await signInForTokens(site, email, secret);
    const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', site.url), { cooldownDuration: 0 });
    await verifyAsClient(site, before.accessToken, jwks);
    const { client: admin } = await signInAdmin(site);
    const rotated = await admin.post('/api/admin/signing-keys/rotate');
    expect(rotated.status).toBe(200);
    expect(rotated.body.retiredKeyId).toBe(decodeProtectedHeader(before.accessToken).kid);

    const after = await signInForTokens(site, email, secret);
    expect(decodeProtectedHeader(after.accessToken).kid).toBe(rotated.body.keyId);
    expect((await verifyAsClient(site, after.accessToken, jwks)).sub).toBe((await verifyAsClient(site, before.accessToken, jwks)).sub);
    expect((await tokenClient(site).withBearer(before.accessToken).get('/api/me')).status).toBe(200);
    expect((await tokenClient(site).get('/.well-known/jwks.json')).body.keys.map((key: { kid: string }) => key.kid)).toEqual([rotated.body.keyId, rotated.body.retiredKeyId]);
    expect((await admin.get('/api/admin/signing-keys')).body.keys).toEqual([
      expect.objectContaining({ id: rotated.body.keyId, current: true }),
      expect.objectContaining({ id: rotated.body.retiredKeyId, current: false }),
    ]);
    expect((await readStored(site.data)).audit.map((entry) => entry.type)).toContain('signing_key_rotated');
    const checkedAt = site.clock.ms;

    // A second before the old key's last token expires, a client that only now fetches the keys still verifies it,
    // and the new key's token too; the site still takes it.
    site.clock.advance(decodeJwt(before.accessToken).exp! * 1000 - 1000 - site.clock.ms);
    expect((await verifyAsClient(site, before.accessToken)).amr).toEqual(['pwd', 'otp']);
    expect((await verifyAsClient(site, after.accessToken)).amr).toEqual(['pwd', 'otp']);
    expect((await tokenClient(site).withBearer(before.accessToken).get('/api/me')).status).toBe(200);

    // Past the old key's last token (15 minutes, and a minute for a process that had not heard of the rotation).
    site.clock.advance(checkedAt + 16 * MINUTE - site.clock.ms);
    expect((await tokenClient(site).get('/.well-known/jwks.json')).body.keys.map((key: { kid: string }) => key.kid)).toEqual([rotated.body.keyId]);
    await expect(verifyAsClient(site, before.accessToken)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
  });

  it('keeps the signing key sealed: the stored private half opens only with the server key, and survives a restart', async () => {
    site = await startTestSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const tokens = await signInForTokens(site, email, secret);
    const [stored] = (await readStored(site.data)).signingKeys;
    expect(stored.privateBox).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toContain('"d"');
    site = await site.restart();
    // The restarted site listens on another port, so another issuer: the refresh token still works, signed by the same key.
    const again = await tokenClient(site).post('/api/token', { refreshToken: tokens.refreshToken });
    expect(again.status).toBe(200);
    expect(decodeProtectedHeader(again.body.accessToken).kid).toBe(decodeProtectedHeader(tokens.accessToken).kid);
    expect((await tokenClient(site).withBearer(again.body.accessToken).get('/api/me')).status).toBe(200);
  });
});
