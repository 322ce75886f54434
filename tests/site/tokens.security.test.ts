// Access tokens where they belong and nowhere else: Bearer on /api/me, the MFA endpoints and the backup-code request;
// never as a cookie, never on administrator endpoints; forged or altered tokens refused. And the cross-site rule:
// another site may reach the token flows (nothing ambient rides along), never with a cookie.
import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPair, SignJWT, decodeProtectedHeader, decodeJwt } from 'jose';
import { signInAdmin, startSiteWithAdmin } from './support/admin';
import { Client } from './support/client';
import { codeAt, PASSWORD, signUpWithTotp, startTestSite, type TestSite } from './support/site';
import { signInForTokens, tokenClient } from './support/tokens';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'ada@example.com';
const EVIL = 'https://evil.test';

describe('Bearer access tokens', () => {
  it('work on /api/me, enrolment, and the backup-code request, with the scope the account has now', async () => {
    site = await startTestSite();
    const client = tokenClient(site);
    const signup = await client.post('/api/signup', { email, password: PASSWORD, displayName: 'Ada', tokens: true });
    const api = client.withBearer(signup.body.tokens.accessToken);
    expect((await api.get('/api/me')).body.user).toMatchObject({ email, mfaEnabled: false });
    // Under MFA_POLICY=required the account may only enrol so far.
    expect((await api.post('/api/backup-codes/requests', { message: 'please' })).body.error.code).toBe('enrolment_required');
    const { secret } = (await api.post('/api/mfa/totp/generate')).body;
    expect((await api.post('/api/mfa/totp/activate', { code: codeAt(secret, site.clock) })).body).toEqual({ mfaEnabled: true });
    const request = await api.post('/api/backup-codes/requests', { message: 'lost my phone' });
    expect(request.status).toBe(202);
    expect(request.body.request.status).toBe('open');
  });

  it('are not sessions: refused as a cookie, and on administrator endpoints, with words', async () => {
    site = await startSiteWithAdmin();
    await signInAdmin(site);
    const secret = await signUpWithTotp(site, site.client(), email);
    const tokens = await signInForTokens(site, email, secret);
    for (const value of [tokens.accessToken, tokens.refreshToken]) {
      const asCookie = await new Client(site.url, { cookie: `tessera_session=${value}` }).get('/api/me');
      expect(asCookie.status).toBe(401);
      expect(asCookie.body.error.code).toBe('unauthenticated');
    }
    const users = await tokenClient(site).withBearer(tokens.accessToken).get('/api/admin/users');
    expect(users.status).toBe(401);
    expect(users.body.error).toMatchObject({ code: 'session_required', message: expect.stringContaining('browser session') });
  });

  it('refuse what the site did not sign as it signed it: altered claims, another key, no signature, another scheme', async () => {
    site = await startTestSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const { accessToken } = await signInForTokens(site, email, secret);
    const [header, , signature] = accessToken.split('.');
    const claims = decodeJwt(accessToken);
    const altered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url')}.${signature}`;
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const otherKey = await new SignJWT(claims).setProtectedHeader({ ...decodeProtectedHeader(accessToken), alg: 'EdDSA' }).sign(privateKey);
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${accessToken.split('.')[1]}.`;
    for (const authorization of [`Bearer ${altered}`, `Bearer ${otherKey}`, `Bearer ${unsigned}`, 'Bearer', `Basic ${accessToken}`]) {
      const reply = await tokenClient(site, { authorization }).get('/api/me');
      expect(reply.status).toBe(401);
      expect(reply.body.error.code).toBe('invalid_token');
    }
  });
});

describe('requests from another site', () => {
  it('reach the token flows when they carry no cookie: sign-in for tokens, refresh, Bearer calls, sign-out', async () => {
    site = await startTestSite({ MFA_POLICY: 'optional' });
    const secret = await signUpWithTotp(site, site.client(), email);
    const app = tokenClient(site, { origin: EVIL });
    const first = await app.post('/api/signin', { email, password: PASSWORD, tokens: true });
    expect(first.status).toBe(200);
    const second = await app.post('/api/signin/mfa/totp', { ticket: first.body.ticket, code: codeAt(secret, site.clock), tokens: true });
    expect(second.status).toBe(200);
    const refreshed = await app.post('/api/token', { refreshToken: second.body.tokens.refreshToken });
    expect(refreshed.status).toBe(200);
    expect((await app.withBearer(refreshed.body.accessToken).post('/api/backup-codes/requests', { message: 'hi' })).status).toBe(202);
    expect((await app.post('/api/signout', { refreshToken: refreshed.body.refreshToken })).status).toBe(200);
  });

  it('sign in only for tokens, so that no cookie can be set for another site', async () => {
    site = await startTestSite({ MFA_POLICY: 'optional' });
    await site.client().post('/api/signup', { email, password: PASSWORD, displayName: 'Ada' });
    const reply = await new Client(site.url, { origin: EVIL }).post('/api/signin', { email, password: PASSWORD });
    expect(reply.status).toBe(403);
    expect(reply.body.error).toEqual({ code: 'cross_origin', message: 'A request from another site can sign in only for tokens: add "tokens": true to the body.' });
    expect(reply.headers.getSetCookie()).toEqual([]);
    expect((await new Client(site.url, { origin: EVIL }).post('/api/qr/generate')).status).toBe(403);
  });

  it('are refused whenever they carry a cookie, whatever else they carry', async () => {
    site = await startTestSite({ MFA_POLICY: 'optional' });
    const secret = await signUpWithTotp(site, site.client(), email);
    const tokens = await signInForTokens(site, email, secret);
    const browser = site.client();
    const ticket = (await browser.post('/api/signin', { email, password: PASSWORD })).body.ticket;
    await browser.post('/api/signin/mfa/totp', { ticket, code: codeAt(secret, site.clock) });
    const cookie = `tessera_session=${browser.cookies.get('tessera_session')}`;
    const attempts: [string, Record<string, string>, unknown][] = [
      ['/api/mfa/totp/disable', { origin: EVIL, cookie }, { password: PASSWORD, code: codeAt(secret, site.clock, 1) }],
      ['/api/token', { origin: EVIL, cookie }, { refreshToken: tokens.refreshToken }],
      ['/api/signout', { origin: EVIL, cookie, authorization: `Bearer ${tokens.accessToken}` }, {}],
      ['/api/signin', { 'sec-fetch-site': 'cross-site', cookie }, { email, password: PASSWORD, tokens: true }],
    ];
    for (const [path, headers, body] of attempts) {
      const reply = await new Client(site.url, headers).post(path, body);
      expect([path, reply.status, reply.body.error.code]).toEqual([path, 403, 'cross_origin']);
    }
    expect((await browser.get('/api/me')).body.user.mfaEnabled).toBe(true);
    expect((await tokenClient(site).post('/api/token', { refreshToken: tokens.refreshToken })).status).toBe(200);
  });
});
