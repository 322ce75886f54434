// Time limits of QR sign-in, with the site's injected clock: a QR lives 2 minutes unscanned, nothing lives 10.
import { afterEach, describe, expect, it } from 'vitest';
import type { ExtensionEvent, PageEvent } from '#shared/protocol/qr-signin.ts';
import { sweepQrSessions } from '../../demo-site/qr-signin/lifecycle';
import { codeAt, signUpWithTotp, type TestSite } from './support/site';
import { cookieHeader, EXTENSION_ORIGIN, generateQr, listen, pageClient, scan, scanSignin, startQrSite } from './support/qr';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'barbara@example.com';

describe('QR sign-in time limits', () => {
  it('refuses to scan a QR older than 2 minutes, with words saying so', async () => {
    site = await startQrSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const browser = pageClient(site);
    const { qrToken } = await generateQr(browser);
    const page = await listen<PageEvent>(site, { cookie: cookieHeader(browser), origin: site.url });
    site.clock.advance(119_000);
    expect((await browser.post('/api/qr/status', { qrToken })).body.state).toBe('waiting');
    site.clock.advance(1_000);
    const late = await scan(site, { qrToken, email, code: codeAt(secret, site.clock) });
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe('qr_expired');
    expect(late.body.error.message).toMatch(/expired/);
    await expect(page.next()).resolves.toEqual({ type: 'expired', qrToken });
    expect((await browser.post('/api/qr/status', { qrToken })).body.state).toBe('expired');
    page.close();
    // The refused scan did not spend the code's time step: a fresh QR takes the same code.
    const fresh = await generateQr(browser);
    expect((await scan(site, { qrToken: fresh.qrToken, email, code: codeAt(secret, site.clock) })).status).toBe(200);
  });

  it('ends a scanned sign-in 10 minutes after its QR was made, however many PINs were issued', async () => {
    site = await startQrSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const browser = pageClient(site);
    const { qrToken } = await generateQr(browser);
    site.clock.advance(90_000);
    const scanned = await scanSignin(site, qrToken, email, secret);
    const channel = await listen<ExtensionEvent>(site, { channel: scanned.channelToken, origin: EXTENSION_ORIGIN });
    // PINs expire at 3:30, 5:30, 7:30 and 9:30 after the QR was made: four fresh ones are pushed.
    for (let rotation = 1; rotation <= 4; rotation++) {
      site.clock.advance(120_000);
      await sweepQrSessions(site.site.qr);
      await channel.next((event) => event.type === 'pin');
    }
    const lastPin = channel.events.at(-1) as ExtensionEvent & { type: 'pin' };
    site.clock.advance(29_000);
    await sweepQrSessions(site.site.qr);
    expect((await browser.post('/api/qr/status', { qrToken })).body.state).toBe('scanned');
    site.clock.advance(1_000); // now 10 minutes after the QR was made
    await sweepQrSessions(site.site.qr);
    await expect(channel.next((event) => event.type === 'expired')).resolves.toEqual({ type: 'expired' });
    const verify = await browser.post('/api/pin/verify', { qrToken, pin: lastPin.pin });
    expect(verify.status).toBe(410);
    await expect(listen(site, { channel: scanned.channelToken, origin: EXTENSION_ORIGIN })).rejects.toThrow('refused 401');
  });

  it('caps even a PIN step that nobody swept: the first request after 10 minutes finds it gone', async () => {
    site = await startQrSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const browser = pageClient(site);
    const { qrToken } = await generateQr(browser);
    const { pin } = await scanSignin(site, qrToken, email, secret);
    site.clock.advance(600_000);
    const verify = await browser.post('/api/pin/verify', { qrToken, pin });
    expect(verify.status).toBe(410);
    expect(await site.site.ctx.storage.qrSessions.countLive()).toBe(0);
  });
});
