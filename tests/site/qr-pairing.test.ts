// Single-scan pairing at enrolment: the pairing QR hands the pending secret to the extension once, the page is told.
import { afterEach, describe, expect, it } from 'vitest';
import { generateTotp, parseOtpauthUri } from '#shared/otp/index.ts';
import { parseQrLink } from '#shared/protocol/qr-link.ts';
import type { PageEvent } from '#shared/protocol/qr-signin.ts';
import { PASSWORD, type TestSite } from './support/site';
import type { Client } from './support/client';
import { cookieHeader, DEVICE, listen, pageClient, scan, startQrSite } from './support/qr';

let site: TestSite;
afterEach(async () => site?.close());

/** Signed up under MFA_POLICY=required: a session that may only enrol, with the pending secret /mfa shows. */
async function enrollingUser(email = 'rosalind@example.com'): Promise<{ browser: Client; secret: string }> {
  const browser = pageClient(site);
  expect((await browser.post('/api/signup', { email, password: PASSWORD, displayName: 'Rosalind' })).status).toBe(201);
  const mfa = await browser.get('/mfa');
  return { browser, secret: /data-secret="([A-Z2-7]+)"/.exec(mfa.text)![1] };
}

describe('pairing QR at enrolment', () => {
  it('hands the pending secret to the scanner once, tells the page, and activation with its code works', async () => {
    site = await startQrSite({ MFA_POLICY: 'required' });
    const { browser, secret } = await enrollingUser();
    const issued = await browser.post('/api/mfa/totp/pairing');
    expect(issued.status).toBe(201);
    expect(parseQrLink(issued.body.qrLink)).toEqual({ kind: 'pair', origin: site.url, token: issued.body.qrToken });
    const page = await listen<PageEvent>(site, { origin: site.url, cookie: cookieHeader(browser) });

    const paired = await scan(site, { qrToken: issued.body.qrToken });
    expect(paired.status).toBe(200);
    expect(paired.body.kind).toBe('pair');
    const account = parseOtpauthUri(paired.body.otpauthUri);
    expect(account).toMatchObject({ type: 'totp', issuer: 'Tessera Demo', account: 'rosalind@example.com', secret, digits: 6, period: 30 });
    await expect(page.next()).resolves.toEqual({ type: 'paired', qrToken: issued.body.qrToken, device: DEVICE });

    const second = await scan(site, { qrToken: issued.body.qrToken });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('qr_already_scanned');
    expect(second.body.otpauthUri).toBeUndefined();

    const code = generateTotp({ secret: account.secret, time: Math.floor(site.clock.ms / 1000) });
    expect((await browser.post('/api/mfa/totp/activate', { code })).body).toEqual({ mfaEnabled: true });
    page.close();
  });

  it('needs a session, a secret being set up, and MFA still off', async () => {
    site = await startQrSite({ MFA_POLICY: 'optional' });
    expect((await pageClient(site).post('/api/mfa/totp/pairing')).status).toBe(401);
    const browser = pageClient(site);
    await browser.post('/api/signup', { email: 'lise@example.com', password: PASSWORD, displayName: 'Lise' });
    const none = await browser.post('/api/mfa/totp/pairing');
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('no_pending_secret');
    const { body } = await browser.post('/api/mfa/totp/generate');
    await browser.post('/api/mfa/totp/activate', { code: generateTotp({ secret: body.secret, time: Math.floor(site.clock.ms / 1000) }) });
    const on = await browser.post('/api/mfa/totp/pairing');
    expect(on.status).toBe(409);
    expect(on.body.error.code).toBe('mfa_already_enabled');
  });

  it('voids a pairing QR once its 2 minutes are up or a newer secret replaced the one it carries', async () => {
    site = await startQrSite({ MFA_POLICY: 'required' });
    const { browser } = await enrollingUser();
    const old = (await browser.post('/api/mfa/totp/pairing')).body;
    site.clock.advance(120_000);
    const late = await scan(site, { qrToken: old.qrToken });
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe('qr_expired');

    const current = (await browser.post('/api/mfa/totp/pairing')).body;
    await browser.post('/api/mfa/totp/generate');
    const replaced = await scan(site, { qrToken: current.qrToken });
    expect(replaced.status).toBe(410);
  });

  it('refuses a pairing scan sent by another web site', async () => {
    site = await startQrSite({ MFA_POLICY: 'required' });
    const { browser } = await enrollingUser();
    const { qrToken } = (await browser.post('/api/mfa/totp/pairing')).body;
    const relayed = await scan(site, { qrToken }, 'https://evil.example');
    expect(relayed.status).toBe(403);
    expect((await scan(site, { qrToken })).status).toBe(200);
  });
});
