// Every step of QR sign-in and pairing is in the audit log (scanner's IP and device), and the admin pages show it.
import { afterEach, describe, expect, it } from 'vitest';
import { signInAdmin, startSiteWithAdmin } from './support/admin';
import { signUpWithTotp, type TestSite } from './support/site';
import { generateQr, pageClient, scanSignin } from './support/qr';

let site: TestSite;
afterEach(async () => site?.close());

const QR_LIMITS = { RATE_LIMIT_QR_GENERATE: '10000', RATE_LIMIT_QR_SCAN: '10000', RATE_LIMIT_PIN_VERIFY: '10000' };

describe('QR audit entries', () => {
  it('records issue, scan (IP and device) and wrong PIN, tied together by a QR id, shown to the administrator', async () => {
    site = await startSiteWithAdmin(QR_LIMITS);
    const { client: admin } = await signInAdmin(site);
    const secret = await signUpWithTotp(site, site.client(), 'annie@example.com');
    const browser = pageClient(site);
    const { qrToken } = await generateQr(browser);
    const { pin } = await scanSignin(site, qrToken, 'annie@example.com', secret);
    await browser.post('/api/pin/verify', { qrToken, pin: pin === '000000' ? '000001' : '000000' });
    expect((await browser.get('/api/me')).status).toBe(401);

    const { body } = await admin.get('/api/admin/audit?pageSize=50');
    const types = body.entries.map((entry: { type: string }) => entry.type);
    expect(types).toEqual(expect.arrayContaining(['qr_signin_issued', 'qr_scanned', 'qr_pin_failure']));
    const scanned = body.entries.find((entry: { type: string }) => entry.type === 'qr_scanned');
    expect(scanned.ip).toMatch(/127\.0\.0\.1/);
    expect(scanned.details).toMatchObject({ device: 'Chrome on Linux' });
    const issued = body.entries.find((entry: { type: string }) => entry.type === 'qr_signin_issued');
    expect(issued.details.qrId).toBe(scanned.details.qrId);
    const failure = body.entries.find((entry: { type: string }) => entry.type === 'qr_pin_failure');
    expect(failure.details).toMatchObject({ qrId: scanned.details.qrId, attemptsLeft: 4 });
    expect(JSON.stringify(body)).not.toContain(qrToken);

    const page = await admin.get('/admin/audit?type=qr_scanned');
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-type="qr_scanned"');
    expect(page.text).toContain('Chrome on Linux');
  });

  it('records the QR sign-in itself as a sign-in with method qr', async () => {
    site = await startSiteWithAdmin(QR_LIMITS);
    const { client: admin } = await signInAdmin(site);
    const secret = await signUpWithTotp(site, site.client(), 'annie@example.com');
    const browser = pageClient(site);
    const { qrToken } = await generateQr(browser);
    const { pin } = await scanSignin(site, qrToken, 'annie@example.com', secret);
    await browser.post('/api/pin/verify', { qrToken, pin });
    const { body } = await admin.get('/api/admin/audit?type=signin_success');
    expect(body.entries[0].details).toEqual({ method: 'qr' });
  });
});
