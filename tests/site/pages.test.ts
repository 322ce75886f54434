import { afterEach, describe, expect, it } from 'vitest';
import { codeAt, PASSWORD, startTestSite, type TestSite } from './support/site';
import type { Client } from './support/client';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'hedy@example.com';
const form = (client: Client, path: string, fields: Record<string, string>) =>
  client.request('POST', path, { body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

describe('pages with plain form posts (no script)', () => {
  it('go from signup through enrolment to the account page, then sign in again with a code', async () => {
    site = await startTestSite();
    const client = site.client();
    const signup = await form(client, '/signup', { email, displayName: 'Hedy <b>L</b>', password: PASSWORD });
    expect(signup.status).toBe(303);
    expect(signup.headers.get('location')).toBe('/mfa');

    const mfa = await client.get('/mfa');
    expect(mfa.status).toBe(200);
    expect(mfa.text).toMatch(/<img[^>]+src="data:image\/png;base64,/);
    expect(mfa.text).toMatch(/<input[^>]*autocomplete="one-time-code"[^>]*inputmode="numeric"/);
    const secret = /data-secret="([A-Z2-7]+)"/.exec(mfa.text)![1];
    expect((await client.get('/mfa')).text).toContain(`data-secret="${secret}"`);

    const wrong = await form(client, '/mfa', { code: codeAt(secret, site.clock, 5) });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toMatch(/id="code-error"[^>]*>That code is not right/);
    expect((await form(client, '/mfa', { code: codeAt(secret, site.clock) })).headers.get('location')).toBe('/account');

    const account = await client.get('/account');
    expect(account.text).toContain('Hedy &lt;b>L&lt;/b>');
    expect(account.text).toMatch(/Two-factor authentication: <strong>on<\/strong>/);

    expect((await form(client, '/signout', {})).headers.get('location')).toBe('/signin');
    expect((await client.get('/account')).headers.get('location')).toBe('/signin');

    site.clock.advance(30_000);
    const signin = await form(client, '/signin', { email, password: PASSWORD });
    expect(signin.headers.get('location')).toBe('/signin/code');
    expect(signin.headers.get('location')).not.toContain('ticket');
    const codePage = await client.get('/signin/code');
    expect(codePage.text).toMatch(/autocomplete="one-time-code"/);
    const done = await form(client, '/signin/code', { code: codeAt(secret, site.clock) });
    expect(done.headers.get('location')).toBe('/account');
    expect((await client.get('/account')).status).toBe(200);
  });

  it('show errors next to the field and keep what was typed (except the password)', async () => {
    site = await startTestSite();
    const client = site.client();
    const reply = await form(client, '/signup', { email, displayName: 'Hedy', password: 'password' });
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(/id="password-error"[^>]*>Use at least 8 characters|id="password-error"[^>]*>This password is one of/);
    expect(reply.text).toContain(`value="${email}"`);
    expect(reply.text).not.toContain('value="password"');
    const signin = await form(client, '/signin', { email, password: 'not the password' });
    expect(signin.status).toBe(401);
    expect(signin.text).toContain('The email or password is not right.');
  });

  it('answer an unknown page with a 404 page, not a stack trace', async () => {
    site = await startTestSite();
    const reply = await site.client().get('/nowhere');
    expect(reply.status).toBe(404);
    expect(reply.text).toContain('There is no page at this address.');
  });
});
