import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD, startTestSite, type TestSite } from './support/site';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'margaret@example.com';
const signup = { email, password: PASSWORD, displayName: 'Margaret' };

describe('headers and cookies', () => {
  it('sends a strict CSP and the other helmet headers', async () => {
    site = await startTestSite();
    const page = await site.client().get('/signin');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, Secure only over HTTPS (behind a trusted proxy)', async () => {
    site = await startTestSite({ TRUST_PROXY: 'loopback' });
    const plain = await site.client().post('/api/signup', signup);
    const cookie = plain.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/tessera_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const https = await site.client().post('/api/signup', { ...signup, email: 'b@example.com' }, { 'x-forwarded-proto': 'https' });
    expect(https.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('ignores X-Forwarded-Proto when no proxy is trusted', async () => {
    site = await startTestSite();
    const reply = await site.client().post('/api/signup', signup, { 'x-forwarded-proto': 'https' });
    expect(reply.headers.get('set-cookie')).not.toMatch(/Secure/);
  });
});
