// The PIN step: wrong PINs show the attempts left and push a fresh PIN to the extension; five lock the QR sign-in;
// an expired PIN is replaced the same way; a channel that missed a PIN gets a new one when it reconnects.
import { afterEach, describe, expect, it } from 'vitest';
import type { ExtensionEvent, PageEvent } from '#shared/protocol/qr-signin.ts';
import { sweepQrSessions } from '../../demo-site/qr-signin/lifecycle';
import { signUpWithTotp, type TestSite } from './support/site';
import type { Client } from './support/client';
import { cookieHeader, EXTENSION_ORIGIN, generateQr, listen, pageClient, scanSignin, settle, startQrSite } from './support/qr';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'katherine@example.com';
type PinEvent = ExtensionEvent & { type: 'pin' };
const isPin = (event: ExtensionEvent): event is PinEvent => event.type === 'pin';
const otherThan = (pin: string) => (pin === '000000' ? '111111' : '000000');

async function scannedQr(browser: Client) {
  const secret = await signUpWithTotp(site, site.client(), email);
  const { qrToken } = await generateQr(browser);
  const scanned = await scanSignin(site, qrToken, email, secret);
  const channel = await listen<ExtensionEvent>(site, { channel: scanned.channelToken, origin: EXTENSION_ORIGIN });
  return { qrToken, scanned, channel };
}

describe('QR sign-in PINs', () => {
  it('answers a wrong PIN with the attempts left and pushes a fresh PIN, which then works', async () => {
    site = await startQrSite();
    const browser = pageClient(site);
    const { qrToken, scanned, channel } = await scannedQr(browser);
    const wrong = await browser.post('/api/pin/verify', { qrToken, pin: otherThan(scanned.pin) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ code: 'invalid_pin', attemptsLeft: 4 });
    expect(wrong.body.error.message).toContain('4 attempts left');
    // The channel token came in the subprotocol header and is not echoed back; the URL held no secret.
    expect(channel.socket.protocol).toBe('tessera.channel');
    expect(channel.socket.url).toMatch(/\/ws$/);
    const fresh = (await channel.next(isPin)) as PinEvent;
    expect(fresh.attemptsLeft).toBe(4);
    expect(fresh.pinExpiresAt).toBe(site.clock.ms + 120_000);
    // The replaced PIN no longer signs in (it is answered as expired, not counted); the pushed one does.
    expect(fresh.pin).not.toBe(scanned.pin);
    const old = await browser.post('/api/pin/verify', { qrToken, pin: scanned.pin });
    expect(old.body.error.code).toBe('pin_expired');
    expect((await browser.post('/api/pin/verify', { qrToken, pin: fresh.pin })).status).toBe(200);
  });

  it('locks the QR sign-in after five wrong PINs: page and extension are told, a new QR is needed', async () => {
    site = await startQrSite();
    const browser = pageClient(site);
    await generateQr(browser); // a first QR gives the cookie the page's socket needs
    const page = await listen<PageEvent>(site, { cookie: cookieHeader(browser), origin: site.url });
    const { qrToken, channel } = await scannedQr(browser);
    let current = '';
    for (let attempt = 1; attempt <= 4; attempt++) {
      const reply = await browser.post('/api/pin/verify', { qrToken, pin: otherThan(current) });
      expect(reply.body.error.attemptsLeft).toBe(5 - attempt);
      current = ((await channel.next(isPin)) as PinEvent).pin;
    }
    const fifth = await browser.post('/api/pin/verify', { qrToken, pin: otherThan(current) });
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('qr_locked');
    expect(fifth.body.error.message).toMatch(/Generate a new QR code/);
    await expect(channel.next((event) => event.type === 'locked')).resolves.toEqual({ type: 'locked' });
    await expect(page.next((event) => event.type === 'locked')).resolves.toEqual({ type: 'locked', qrToken });
    const right = await browser.post('/api/pin/verify', { qrToken, pin: current });
    expect(right.status).toBe(423);
    expect(browser.cookies.has('tessera_session')).toBe(false);
    page.close();
  });

  it('replaces an expired PIN: pushed on the channel; the late PIN is answered as expired without costing an attempt', async () => {
    site = await startQrSite();
    const browser = pageClient(site);
    const { qrToken, scanned, channel } = await scannedQr(browser);
    site.clock.advance(120_000);
    await sweepQrSessions(site.site.qr);
    const rotated = (await channel.next(isPin)) as PinEvent;
    expect(rotated.attemptsLeft).toBe(5);
    expect(rotated.pinExpiresAt).toBe(site.clock.ms + 120_000);
    expect(rotated.pin).not.toBe(scanned.pin);
    const late = await browser.post('/api/pin/verify', { qrToken, pin: scanned.pin });
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('pin_expired');
    expect(late.body.error.message).toMatch(/expired/);
    const status = await browser.post('/api/qr/status', { qrToken });
    expect(status.body).toMatchObject({ state: 'scanned', attemptsLeft: 5 });
    expect((await browser.post('/api/pin/verify', { qrToken, pin: rotated.pin })).status).toBe(200);
  });

  it('replaces an expired PIN also when the page sends it before any sweep', async () => {
    site = await startQrSite();
    const browser = pageClient(site);
    const { qrToken, scanned, channel } = await scannedQr(browser);
    site.clock.advance(121_000);
    const late = await browser.post('/api/pin/verify', { qrToken, pin: scanned.pin });
    const rotated = (await channel.next(isPin)) as PinEvent;
    expect(late.body.error.code).toBe('pin_expired');
    expect((await browser.post('/api/pin/verify', { qrToken, pin: rotated.pin })).status).toBe(200);
  });

  it('sends a fresh PIN to an extension that reconnects after missing one', async () => {
    site = await startQrSite();
    const browser = pageClient(site);
    const { qrToken, scanned, channel } = await scannedQr(browser);
    channel.close();
    await settle();
    await browser.post('/api/pin/verify', { qrToken, pin: otherThan(scanned.pin) });
    const back = await listen<ExtensionEvent>(site, { channel: scanned.channelToken, origin: EXTENSION_ORIGIN });
    const fresh = (await back.next(isPin)) as PinEvent;
    expect(fresh.attemptsLeft).toBe(4);
    expect((await browser.post('/api/pin/verify', { qrToken, pin: fresh.pin })).status).toBe(200);
    await expect(back.next()).resolves.toEqual({ type: 'signed-in' });
  });
});
