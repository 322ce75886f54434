// Refresh tokens: traded once for the next, a retired one presented again ends the whole sign-in (theft detection),
// they expire when unused, and signing out or turning MFA off ends them, each with words saying what happened.
import { afterEach, describe, expect, it } from 'vitest';
import { signInAdmin, startSiteWithAdmin } from './support/admin';
import { codeAt, PASSWORD, signUpWithTotp, startTestSite, type TestSite } from './support/site';
import { readStored } from './support/stored';
import { refresh, signInForTokens, tokenClient, verifyAsClient } from './support/tokens';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'ada@example.com';
const DAY = 24 * 60 * 60_000;

async function enrolledSite(env: Record<string, string> = {}): Promise<string> {
  site = await startTestSite(env);
  return signUpWithTotp(site, site.client(), email);
}

const auditTypes = async () => (await readStored(site.data)).audit.map((entry) => entry.type);

describe('refreshing', () => {
  it('trades a refresh token for a new pair: the old one retires, the new one works, the sign-in keeps its amr', async () => {
    const secret = await enrolledSite();
    const first = await signInForTokens(site, email, secret);
    const second = await refresh(site, first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ accessToken: expect.any(String), accessTokenExpiresIn: 900, refreshToken: expect.any(String) });
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const claims = await verifyAsClient(site, second.body.accessToken);
    expect(claims).toMatchObject({ amr: ['pwd', 'otp'], sid: (await verifyAsClient(site, first.accessToken)).sid });
    const third = await refresh(site, second.body.refreshToken);
    expect(third.status).toBe(200);
    expect((await tokenClient(site).withBearer(third.body.accessToken).get('/api/me')).body.user.email).toBe(email);
    // Stored only as hashes.
    const stored = JSON.stringify(await readStored(site.data));
    for (const token of [first.refreshToken, second.body.refreshToken, third.body.refreshToken]) expect(stored).not.toContain(token);
  });

  it('a retired token presented again revokes the family: the thief is refused, and the rightful holder next, with words', async () => {
    const secret = await enrolledSite();
    const stolen = await signInForTokens(site, email, secret);
    const rightful = await refresh(site, stolen.refreshToken);
    const replay = await refresh(site, stolen.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body.error).toMatchObject({ code: 'refresh_token_reused', message: expect.stringContaining('may have been copied') });
    const next = await refresh(site, rightful.body.refreshToken);
    expect(next.status).toBe(401);
    expect(next.body.error).toEqual({
      code: 'refresh_token_revoked',
      reason: 'reuse',
      message: 'This sign-in has ended because one of its refresh tokens was used twice, as happens when a token has been copied: sign in again.',
    });
    const me = await tokenClient(site).withBearer(rightful.body.accessToken).get('/api/me');
    expect(me.body.error).toMatchObject({ code: 'token_revoked', reason: 'reuse' });
    expect((await auditTypes()).filter((type) => type === 'refresh_token_reused')).toHaveLength(1);
    // Another sign-in of the same account is not touched.
    const other = await signInForTokens(site, email, secret);
    expect((await refresh(site, other.refreshToken)).status).toBe(200);
  });

  it('of two simultaneous trades of one token, one gets the next pair and the other ends the sign-in', async () => {
    const secret = await enrolledSite();
    const { refreshToken } = await signInForTokens(site, email, secret);
    const replies = await Promise.all([refresh(site, refreshToken), refresh(site, refreshToken)]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 401]);
    const winner = replies.find((reply) => reply.status === 200)!;
    expect((await refresh(site, winner.body.refreshToken)).body.error.code).toBe('refresh_token_revoked');
  });

  it('expires a refresh token unused for 30 days; one traded in time starts its 30 days afresh', async () => {
    const secret = await enrolledSite();
    const kept = await signInForTokens(site, email, secret);
    const idle = await signInForTokens(site, email, secret);
    site.clock.advance(20 * DAY);
    const traded = await refresh(site, kept.refreshToken);
    expect(traded.status).toBe(200);
    site.clock.advance(10 * DAY);
    const expired = await refresh(site, idle.refreshToken);
    expect(expired.status).toBe(401);
    expect(expired.body.error).toMatchObject({ code: 'refresh_token_expired', message: expect.stringContaining('sign in again') });
    expect((await refresh(site, traded.body.refreshToken)).status).toBe(200);
  });

  it('follows REFRESH_TOKEN_DAYS and ACCESS_TOKEN_MINUTES', async () => {
    const secret = await enrolledSite({ REFRESH_TOKEN_DAYS: '2', ACCESS_TOKEN_MINUTES: '5' });
    const tokens = await signInForTokens(site, email, secret);
    expect(tokens.accessTokenExpiresIn).toBe(300);
    site.clock.advance(2 * DAY);
    expect((await refresh(site, tokens.refreshToken)).body.error.code).toBe('refresh_token_expired');
  });

  it('refuses what is not a refresh token: unknown, missing, or a cookie session instead', async () => {
    const secret = await enrolledSite();
    expect((await refresh(site, 'not-a-token')).body.error).toMatchObject({ code: 'invalid_refresh_token', message: 'This refresh token is not valid: sign in again.' });
    const missing = await tokenClient(site).post('/api/token', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ field: 'refreshToken' });
    const browser = site.client();
    const ticket = (await browser.post('/api/signin', { email, password: PASSWORD })).body.ticket;
    await browser.post('/api/signin/mfa/totp', { ticket, code: codeAt(secret, site.clock) });
    expect((await browser.get('/api/me')).status).toBe(200);
    const withCookie = await browser.post('/api/token', {});
    expect(withCookie.status).toBe(400);
    const sessionAsToken = await browser.post('/api/token', { refreshToken: browser.cookies.get('tessera_session') });
    expect(sessionAsToken.body.error.code).toBe('invalid_refresh_token');
  });
});

describe('ending token sign-ins', () => {
  it('POST /api/signout {refreshToken} needs no session and ends that sign-in only, its access tokens at once', async () => {
    const secret = await enrolledSite();
    const ended = await signInForTokens(site, email, secret);
    const other = await signInForTokens(site, email, secret);
    const reply = await tokenClient(site).post('/api/signout', { refreshToken: ended.refreshToken });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ signedOut: true });
    expect((await refresh(site, ended.refreshToken)).body.error).toMatchObject({
      code: 'refresh_token_revoked', message: 'This sign-in has ended because it was signed out: sign in again.',
    });
    expect((await tokenClient(site).withBearer(ended.accessToken).get('/api/me')).body.error.code).toBe('token_revoked');
    expect((await tokenClient(site).withBearer(other.accessToken).get('/api/me')).status).toBe(200);
    // Signing out again, or with a token the site never gave, is no error: it is ended either way.
    expect((await tokenClient(site).post('/api/signout', { refreshToken: ended.refreshToken })).status).toBe(200);
    expect((await tokenClient(site).post('/api/signout', { refreshToken: 'never-given' })).status).toBe(200);
    expect((await auditTypes()).filter((type) => type === 'signout')).toHaveLength(1);
  });

  it('POST /api/signout with only the access token ends its sign-in', async () => {
    const secret = await enrolledSite();
    const tokens = await signInForTokens(site, email, secret);
    expect((await tokenClient(site).withBearer(tokens.accessToken).post('/api/signout')).status).toBe(200);
    expect((await refresh(site, tokens.refreshToken)).body.error.code).toBe('refresh_token_revoked');
    expect((await tokenClient(site).post('/api/signout')).status).toBe(401);
  });

  it('turning MFA off revokes every token of the account, audited once with how many sign-ins ended', async () => {
    const secret = await enrolledSite({ MFA_POLICY: 'optional' });
    const phone = await signInForTokens(site, email, secret);
    const cli = await signInForTokens(site, email, secret);
    const off = await tokenClient(site).withBearer(cli.accessToken).post('/api/mfa/totp/disable', { password: PASSWORD, code: codeAt(secret, site.clock) });
    expect(off.status).toBe(200);
    for (const tokens of [phone, cli]) {
      expect((await refresh(site, tokens.refreshToken)).body.error).toMatchObject({
        code: 'refresh_token_revoked',
        message: 'This sign-in has ended because two-factor authentication was turned off for the account: sign in again.',
      });
      expect((await tokenClient(site).withBearer(tokens.accessToken).get('/api/me')).body.error.code).toBe('token_revoked');
    }
    const revoked = (await readStored(site.data)).audit.filter((entry) => entry.type === 'tokens_revoked');
    expect(revoked.map((entry) => entry.details)).toEqual([{ reason: 'mfa_disabled', families: 2 }]);
    // A new sign-in afterwards works as usual (password only now).
    const again = await tokenClient(site).post('/api/signin', { email, password: PASSWORD, tokens: true });
    expect((await refresh(site, again.body.tokens.refreshToken)).status).toBe(200);
  });

  it("a password change revokes every token of the account; the browser that changed it stays signed in", async () => {
    const secret = await enrolledSite();
    const tokens = await signInForTokens(site, email, secret);
    const browser = site.client();
    const ticket = (await browser.post('/api/signin', { email, password: PASSWORD })).body.ticket;
    await browser.post('/api/signin/mfa/totp', { ticket, code: codeAt(secret, site.clock) });
    const changed = await browser.post('/api/password/change', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' });
    expect(changed.status).toBe(200);
    expect((await refresh(site, tokens.refreshToken)).body.error).toMatchObject({
      code: 'refresh_token_revoked', message: "This sign-in has ended because the account's password was changed: sign in again.",
    });
    expect((await tokenClient(site).withBearer(tokens.accessToken).get('/api/me')).body.error.code).toBe('token_revoked');
    expect((await browser.get('/api/me')).status).toBe(200);
    const revoked = (await readStored(site.data)).audit.filter((entry) => entry.type === 'tokens_revoked');
    expect(revoked.map((entry) => entry.details)).toEqual([{ reason: 'password_changed', families: 1 }]);
  });

  it("an administrator's freeze revokes every token of the account", async () => {
    site = await startSiteWithAdmin();
    const secret = await signUpWithTotp(site, site.client(), email);
    const tokens = await signInForTokens(site, email, secret);
    const { client: admin } = await signInAdmin(site);
    const userId = (await tokenClient(site).withBearer(tokens.accessToken).get('/api/me')).body.user.id;
    expect((await admin.post(`/api/admin/users/${userId}/freeze`)).status).toBe(200);
    expect((await refresh(site, tokens.refreshToken)).body.error).toMatchObject({
      code: 'refresh_token_revoked', reason: 'account_frozen', message: 'This sign-in has ended because the account was frozen: sign in again.',
    });
    expect((await tokenClient(site).withBearer(tokens.accessToken).get('/api/me')).body.error.code).toBe('token_revoked');
  });
});
