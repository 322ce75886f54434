import { afterEach, describe, expect, it } from 'vitest';
import { codeAt, PASSWORD, signUpWithTotp, startTestSite, type TestSite } from './support/site';
import { readStored, readStoredText } from './support/stored';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'margaret@example.com';
const signup = { email, password: PASSWORD, displayName: 'Margaret' };

describe('requests', () => {
  it('refuses a state-changing request from another site with 403 and creates nothing', async () => {
    site = await startTestSite();
    const reply = await site.client().post('/api/signup', signup, { origin: 'https://evil.example' });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('cross_origin');
    const opaque = await site.client().post('/api/signup', signup, { origin: 'null' });
    expect(opaque.status).toBe(403);
    const fetchMeta = await site.client().post('/api/signup', signup, { 'sec-fetch-site': 'cross-site' });
    expect(fetchMeta.status).toBe(403);
    expect((await readStored(site.data)).users).toHaveLength(0);
    expect((await site.client().post('/api/signup', signup, { origin: site.url })).status).toBe(201);
  });

  it('counts PUBLIC_ORIGIN as its own origin (behind a proxy), and still refuses other sites', async () => {
    site = await startTestSite({ PUBLIC_ORIGIN: 'https://demo.example' });
    expect((await site.client().post('/api/signup', signup, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await site.client().post('/api/signup', signup, { origin: 'http://demo.example' })).status).toBe(403);
    expect((await site.client().post('/api/signup', signup, { origin: 'https://demo.example' })).status).toBe(201);
  });

  it('refuses a cross-site form post to the pages too', async () => {
    site = await startTestSite();
    const client = site.client();
    const reply = await client.request('POST', '/signup', {
      body: new URLSearchParams(signup).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
    });
    expect(reply.status).toBe(403);
  });

  it('takes JSON only on /api (415)', async () => {
    site = await startTestSite();
    const reply = await site.client().request('POST', '/api/signup', {
      body: new URLSearchParams(signup).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(reply.status).toBe(415);
    expect(reply.body.error.code).toBe('unsupported_media_type');
  });

  it('refuses bodies over 16 KB (413)', async () => {
    site = await startTestSite();
    const reply = await site.client().post('/api/signup', { ...signup, displayName: 'x'.repeat(17 * 1024) });
    expect(reply.status).toBe(413);
    expect(reply.body.error.code).toBe('payload_too_large');
  });

  it('names the field that is wrong (400) and hides any stack trace', async () => {
    site = await startTestSite();
    const missing = await site.client().post('/api/signup', { email: 'not-an-email', password: PASSWORD, displayName: 'M' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'invalid_input', field: 'email' });
    expect(missing.body.error.message).toMatch(/^email: /);
    const broken = await site.client().request('POST', '/api/signin', { body: '{"email": ', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_json');
    expect(broken.text).not.toMatch(/at .*\.(js|ts):\d+/);
    const nested = await site.client().post('/api/signin', { email: { $gt: '' }, password: ['x'] });
    expect(nested.status).toBe(400);
    expect(nested.text).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('limits sign-in attempts per IP with 429 and Retry-After', async () => {
    site = await startTestSite({ RATE_LIMIT_SIGNIN: '3', RATE_LIMIT_WINDOW_MINUTES: '15' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await site.client().post('/api/signin', { email, password: 'whatever pass' })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await site.client().post('/api/signin/mfa/totp', { ticket: 'x', code: '123456' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits signups per IP', async () => {
    site = await startTestSite({ RATE_LIMIT_SIGNUP: '2' });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await site.client().post('/api/signup', { ...signup, email: `u${i}@example.com` })).status);
    expect(statuses).toEqual([201, 201, 429]);
  });
});

describe('secrets at rest', () => {
  it('keeps no password, TOTP secret, session id or ticket in the data file', async () => {
    site = await startTestSite();
    const client = site.client();
    const secret = await signUpWithTotp(site, client, email);
    const { body } = await site.client().post('/api/signin', { email, password: PASSWORD });
    const text = await readStoredText(site.data);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(client.cookies.get('tessera_session'));
    expect(text).not.toContain(body.ticket);
    expect((await readStored(site.data)).users[0].passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe('audit log', () => {
  it('records signup, sign-in success and failure, MFA on and off, lockout, with time, IP and user agent', async () => {
    site = await startTestSite({ MFA_POLICY: 'optional', LOCKOUT_THRESHOLD: '2', LOCKOUT_MINUTES: '15' });
    const start = site.clock.ms;
    const client = site.client();
    const secret = await signUpWithTotp(site, client, email);
    await site.client().post('/api/signin', { email, password: 'wrong password' });
    const lockedAt = site.clock.ms;
    await site.client().post('/api/signin', { email, password: 'wrong password' });
    site.clock.advance(16 * 60_000);
    const { body } = await site.client().post('/api/signin', { email, password: PASSWORD });
    await site.client().post('/api/signin/mfa/totp', { ticket: body.ticket, code: codeAt(secret, site.clock) });
    site.clock.advance(30_000);
    await client.post('/api/mfa/totp/disable', { password: PASSWORD, code: codeAt(secret, site.clock) });
    const audit = (await readStored(site.data)).audit;
    expect(audit.map((entry) => entry.type)).toEqual(expect.arrayContaining(['signup', 'mfa_enabled', 'signin_failure', 'lockout', 'signin_success', 'mfa_disabled']));
    // Times come from the site's clock: each entry says when it happened.
    expect(audit.find((entry) => entry.type === 'lockout')?.at).toBe(lockedAt);
    expect(audit.find((entry) => entry.type === 'signup')?.at).toBe(start);
    for (const entry of audit) {
      expect(entry.at).toBeGreaterThanOrEqual(start);
      expect(entry.at).toBeLessThanOrEqual(site.clock.ms);
      expect(entry.ip).toMatch(/127\.0\.0\.1/);
      expect(entry.userAgent).toBe('node');
    }
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
  });
});
