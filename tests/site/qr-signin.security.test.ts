// QR sign-in against misuse: PINs from another browser, bad or replayed TOTP proofs, second scans, secrets at rest.
import { afterEach, describe, expect, it } from 'vitest';
import type { ExtensionEvent, PageEvent } from '#shared/protocol/qr-signin.ts';
import { codeAt, signUpWithTotp, type TestSite } from './support/site';
import { cookieHeader, EXTENSION_ORIGIN, generateQr, listen, pageClient, scan, scanSignin, startQrSite } from './support/qr';
import { readStored, readStoredText } from './support/stored';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'ada@example.com';

describe('QR sign-in security', () => {
  it('accepts the PIN only from the browser session that generated the QR', async () => {
    site = await startQrSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const owner = pageClient(site);
    const { qrToken } = await generateQr(owner);
    const { pin } = await scanSignin(site, qrToken, email, secret);

    const stranger = pageClient(site);
    await generateQr(stranger); // a QR cookie of its own does not help
    const refused = await stranger.post('/api/pin/verify', { qrToken, pin });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('qr_other_browser');
    expect(refused.body.error.message).toMatch(/another browser/);
    expect(stranger.cookies.has('tessera_session')).toBe(false);
    const noCookie = await pageClient(site).post('/api/pin/verify', { qrToken, pin });
    expect(noCookie.status).toBe(403);
    // The refusals burnt nothing: the owner still signs in with the same PIN.
    expect((await owner.post('/api/pin/verify', { qrToken, pin })).status).toBe(200);
  });

  it('refuses a wrong TOTP proof, counts it toward the account lockout, and keeps the QR scannable', async () => {
    site = await startQrSite({ LOCKOUT_THRESHOLD: '3' });
    const secret = await signUpWithTotp(site, site.client(), email);
    const { qrToken } = await generateQr(pageClient(site));
    for (let i = 0; i < 2; i++) {
      const wrong = await scan(site, { qrToken, email, code: codeAt(secret, site.clock, 5) });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.code).toBe('invalid_code');
    }
    const third = await scan(site, { qrToken, email, code: '000000' });
    expect(third.status).toBe(423);
    expect(third.body.error.code).toBe('account_locked');
    // Locked: even the right code is refused, by scan and by password sign-in alike.
    const right = await scan(site, { qrToken, email, code: codeAt(secret, site.clock) });
    expect(right.status).toBe(423);
  });

  it('refuses a replayed code: the time step used by one sign-in cannot scan again', async () => {
    site = await startQrSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const code = codeAt(secret, site.clock);
    const first = await generateQr(pageClient(site));
    expect((await scan(site, { qrToken: first.qrToken, email, code })).status).toBe(200);
    const second = await generateQr(pageClient(site));
    const replay = await scan(site, { qrToken: second.qrToken, email, code });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('invalid_code');
    const onDisk = (await readStored(site.data));
    expect(onDisk.users[0].failedAttempts).toBe(1);
  });

  it('answers an unknown account like a wrong code (no hint that an email exists)', async () => {
    site = await startQrSite();
    await signUpWithTotp(site, site.client(), email);
    const { qrToken } = await generateQr(pageClient(site));
    const unknown = await scan(site, { qrToken, email: 'nobody@example.com', code: '123456' });
    const wrong = await scan(site, { qrToken, email, code: '123456' });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('answers a second scan with 409, withdraws the sign-in and tells the page to show a new QR', async () => {
    site = await startQrSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const browser = pageClient(site);
    const { qrToken } = await generateQr(browser);
    const page = await listen<PageEvent>(site, { cookie: cookieHeader(browser), origin: site.url });
    const first = await scanSignin(site, qrToken, email, secret);
    const channel = await listen<ExtensionEvent>(site, { channel: first.channelToken, origin: EXTENSION_ORIGIN });
    site.clock.advance(30_000);
    const again = await scan(site, { qrToken, email, code: codeAt(secret, site.clock) });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('qr_already_scanned');
    await expect(page.next((event) => event.type === 'rescanned')).resolves.toEqual({ type: 'rescanned', qrToken });
    await expect(channel.next()).resolves.toEqual({ type: 'expired' });
    // The first scanner's PIN no longer signs anyone in.
    expect((await browser.post('/api/pin/verify', { qrToken, pin: first.pin })).status).toBe(410);
    page.close();
  });

  it('keeps tokens, PINs, channel tokens and the QR cookie out of the data file (audit log included)', async () => {
    site = await startQrSite();
    const secret = await signUpWithTotp(site, site.client(), email);
    const browser = pageClient(site);
    const { qrToken } = await generateQr(browser);
    const { pin, channelToken } = await scanSignin(site, qrToken, email, secret);
    const qrCookie = browser.cookies.get('tessera_qr')!;
    await browser.post('/api/pin/verify', { qrToken, pin: pin === '000000' ? '000001' : '000000' });
    const text = await readStoredText(site.data);
    for (const value of [qrToken, channelToken, qrCookie]) expect(text).not.toContain(value);
    expect(text).not.toMatch(new RegExp(`"${pin}"`));
    expect(text).toContain('"qr_scanned"');
  });
});
