import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpWithTotp, PASSWORD, type TestSite } from './support/site';
import { signInAdmin, startSiteWithAdmin } from './support/admin';
import type { Client } from './support/client';

// The CSP (script-src 'self', style-src 'self') would block inline code in a browser; this finds it before one does.
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>/;
const INLINE_HANDLER = /<[^>]+\son[a-z]+=/i;
const INLINE_STYLE = /<style\b|\sstyle="/;

let site: TestSite;
let admin: Client;
let userId: string;
beforeAll(async () => {
  site = await startSiteWithAdmin({ MFA_POLICY: 'optional' });
  admin = (await signInAdmin(site)).client;
  const user = site.client();
  await signUpWithTotp(site, user, 'ines@example.com');
  userId = (await user.get('/api/me')).body.user.id;
});
afterAll(async () => site?.close());

function expectNoInlineCode(html: string): void {
  expect(html).toMatch(/^<!doctype html>/);
  expect(html).not.toMatch(INLINE_SCRIPT);
  expect(html).not.toMatch(INLINE_HANDLER);
  expect(html).not.toMatch(INLINE_STYLE);
}

describe('every page under the CSP', () => {
  it.each(['/signup', '/signin'])('%s has no inline script, handler or style', async (path) => {
    expectNoInlineCode((await site.client().get(path)).text);
  });

  it('the code step, enrolment and account pages have none either', async () => {
    const fresh = site.client();
    await fresh.post('/api/signup', { email: 'jo@example.com', password: PASSWORD, displayName: 'Jo' });
    const mfa = await fresh.get('/mfa');
    expect(mfa.status).toBe(200);
    expectNoInlineCode(mfa.text);
    expectNoInlineCode((await fresh.get('/account')).text);

    const atCode = site.client();
    const form = new URLSearchParams({ email: 'ines@example.com', password: PASSWORD }).toString();
    await atCode.request('POST', '/signin', { body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const code = await atCode.get('/signin/code');
    expect(code.text).toContain('one-time-code');
    expectNoInlineCode(code.text);
  });

  it.each(['/admin', '/admin/users', '/admin/audit'])('the console page %s has none', async (path) => {
    const page = await admin.get(path);
    expect(page.status).toBe(200);
    expectNoInlineCode(page.text);
  });

  it('the page that shows issued codes once has none', async () => {
    const page = await admin.request('POST', `/admin/users/${userId}/backup-codes`, { body: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/[0-9a-z]{5}-[0-9a-z]{5}/);
    expectNoInlineCode(page.text);
  });
});
