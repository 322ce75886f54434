// Per-IP limits on QR generation, scans and PIN checks: 429 with Retry-After, as settings say.
import { afterEach, describe, expect, it } from 'vitest';
import { signUpWithTotp, type TestSite } from './support/site';
import { generateQr, pageClient, scan, scanSignin, startQrSite } from './support/qr';

let site: TestSite;
afterEach(async () => site?.close());

describe('QR rate limits', () => {
  it('limits QR generation per IP', async () => {
    site = await startQrSite({ RATE_LIMIT_QR_GENERATE: '2' });
    const browser = pageClient(site);
    await generateQr(browser);
    await generateQr(browser);
    const third = await browser.post('/api/qr/generate');
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe('rate_limited');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits scans per IP', async () => {
    site = await startQrSite({ RATE_LIMIT_QR_SCAN: '2' });
    const { qrToken } = await generateQr(pageClient(site));
    for (let i = 0; i < 2; i++) expect((await scan(site, { qrToken, email: 'x@example.com', code: '123456' })).status).toBe(401);
    const third = await scan(site, { qrToken, email: 'x@example.com', code: '123456' });
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('limits PIN checks per IP', async () => {
    site = await startQrSite({ RATE_LIMIT_PIN_VERIFY: '1' });
    const secret = await signUpWithTotp(site, site.client(), 'emmy@example.com');
    const browser = pageClient(site);
    const { qrToken } = await generateQr(browser);
    const { pin } = await scanSignin(site, qrToken, 'emmy@example.com', secret);
    expect((await browser.post('/api/pin/verify', { qrToken, pin: pin === '000000' ? '000001' : '000000' })).status).toBe(401);
    const limited = await browser.post('/api/pin/verify', { qrToken, pin });
    expect(limited.status).toBe(429);
    expect(browser.cookies.has('tessera_session')).toBe(false);
  });

  it('has safe defaults', async () => {
    const { loadConfig } = await import('../../demo-site/config');
    const { rateLimit } = loadConfig({});
    expect(rateLimit).toMatchObject({ qrGenerate: 60, qrScan: 30, pinVerify: 30, windowMs: 15 * 60_000 });
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'https://demo.example/path' })).toThrow(/PUBLIC_ORIGIN/);
  });
});
