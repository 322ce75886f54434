// QR sign-in over HTTP and WebSocket: the page's QR, the extension's scan, the PIN, and the session it gives.
import { afterEach, describe, expect, it } from 'vitest';
import { parseQrLink } from '#shared/protocol/qr-link.ts';
import type { ExtensionEvent, PageEvent } from '#shared/protocol/qr-signin.ts';
import { Client } from './support/client';
import { PASSWORD, signUpWithTotp, type TestSite } from './support/site';
import { cookieHeader, DEVICE, EXTENSION_ORIGIN, generateQr, listen, pageClient, scan, scanSignin, startQrSite } from './support/qr';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'grace@example.com';

describe('QR sign-in', () => {
  it('gives a QR holding a Tessera link to this site with a fresh 256-bit token, bound by an HttpOnly cookie', async () => {
    site = await startQrSite();
    const browser = pageClient(site);
    const reply = await browser.post('/api/qr/generate');
    expect(reply.status).toBe(201);
    expect(reply.headers.get('set-cookie')).toMatch(/tessera_qr=[^;]+;.*HttpOnly/);
    const link = parseQrLink(reply.body.qrLink);
    expect(link).toEqual({ kind: 'signin', origin: site.url, token: reply.body.qrToken });
    expect(Buffer.from(reply.body.qrToken, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(reply.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(reply.body.expiresAt).toBe(site.clock.ms + 120_000);
    const again = await generateQr(browser);
    expect(again.qrToken).not.toBe(reply.body.qrToken);
  });

  it('names PUBLIC_ORIGIN in the link when it is set', async () => {
    site = await startQrSite({ PUBLIC_ORIGIN: 'https://demo.example' });
    const issued = await generateQr(pageClient(site));
    expect(parseQrLink(issued.qrLink).origin).toBe('https://demo.example');
  });

  it('signs the browser that showed the QR in as the account that scanned, after the PIN', async () => {
    site = await startQrSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const browser = pageClient(site);
    const { qrToken } = await generateQr(browser);
    const page = await listen<PageEvent>(site, { cookie: cookieHeader(browser), origin: site.url });

    const scanned = await scanSignin(site, qrToken, email, secret);
    expect(scanned.kind).toBe('signin');
    expect(scanned.pin).toMatch(/^\d{6}$/);
    expect(scanned.pinExpiresAt).toBe(site.clock.ms + 120_000);
    await expect(page.next()).resolves.toEqual({ type: 'scanned', qrToken, device: DEVICE });
    const channel = await listen<ExtensionEvent>(site, { channel: scanned.channelToken, origin: EXTENSION_ORIGIN });

    expect((await browser.get('/api/me')).status).toBe(401);
    const verified = await browser.post('/api/pin/verify', { qrToken, pin: scanned.pin });
    expect(verified.status).toBe(200);
    expect(verified.body.user.email).toBe(email);
    expect(verified.body.redirect).toBe('/account');
    expect(verified.headers.get('set-cookie')).toMatch(/tessera_session=[^;]+;.*HttpOnly/);
    expect((await browser.get('/api/me')).body.user.email).toBe(email);
    expect((await browser.get('/account')).status).toBe(200);
    await expect(channel.next()).resolves.toEqual({ type: 'signed-in' });

    const reused = await browser.post('/api/pin/verify', { qrToken, pin: scanned.pin });
    expect(reused.status).toBe(410);
    expect(reused.body.error.code).toBe('qr_expired');
    page.close();
  });

  it('gives a new session id and ends the one the browser had', async () => {
    site = await startQrSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const browser = pageClient(site);
    await browser.post('/api/signup', { email: 'other@example.com', password: PASSWORD, displayName: 'Other' });
    const before = browser.cookies.get('tessera_session');
    const { qrToken } = await generateQr(browser);
    const { pin } = await scanSignin(site, qrToken, email, secret);
    expect((await browser.post('/api/pin/verify', { qrToken, pin })).status).toBe(200);
    expect(browser.cookies.get('tessera_session')).not.toBe(before);
    const stale = new Client(site.url);
    stale.cookies.set('tessera_session', before!);
    expect((await stale.get('/api/me')).status).toBe(401);
  });

  it('lets the extension call the scan from its own origin (with CORS), and no other site', async () => {
    site = await startQrSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const { qrToken } = await generateQr(pageClient(site));
    const preflight = await fetch(`${site.url}/api/qr/scan`, {
      method: 'OPTIONS',
      headers: { origin: EXTENSION_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();

    const fromWebSite = await scan(site, { qrToken, email, code: '000000' }, 'https://evil.example');
    expect(fromWebSite.status).toBe(403);
    expect(fromWebSite.body.error.code).toBe('cross_origin');
    const fromExtension = await scanSignin(site, qrToken, email, secret);
    expect(fromExtension.kind).toBe('signin');

    // The exemption is for that endpoint only.
    const otherEndpoint = await new Client(site.url, { origin: EXTENSION_ORIGIN }).post('/api/qr/generate');
    expect(otherEndpoint.status).toBe(403);
  });

  it('refuses a scan without the account or code, naming the field', async () => {
    site = await startQrSite();
    const { qrToken } = await generateQr(pageClient(site));
    const noCode = await scan(site, { qrToken, email });
    expect(noCode.status).toBe(400);
    expect(noCode.body.error.field).toBe('code');
    const noDevice = await scan(site, { qrToken, email, code: '123456', device: '' });
    expect(noDevice.body.error.field).toBe('device');
  });
});
