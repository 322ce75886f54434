// POST /api/qr/scan from the extension: the site's refusals become typed errors, and each is put in words a person
// can act on. Against the real site, plus a bare server for answers the site never gives (a proxy's HTML page).
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postQrScan, QrSignInError } from '../../extension/qr-signin/scan-api';
import { describeScanError } from '../../extension/qr-signin/flow-messages';
import { signUpWithTotp, codeAt, type TestSite } from '../site/support/site';
import { issueSigninQr, createPageClient, startQrSite } from './support/qr-site';

let site: TestSite | undefined;
let bare: Server | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
  await new Promise((resolve) => (bare ? bare.close(resolve) : resolve(undefined)));
  bare = undefined;
});

const DEVICE = 'Chrome on Linux';

async function refusal(promise: Promise<unknown>): Promise<QrSignInError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(QrSignInError);
  return error as QrSignInError;
}

async function serveOnce(status: number, body: string, type = 'text/html'): Promise<string> {
  bare = createServer((_req, res) => res.writeHead(status, { 'content-type': type }).end(body));
  await new Promise<void>((resolve) => bare!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
}

describe('postQrScan', () => {
  it("gives the site's code for a token it does not know, and the words for it", async () => {
    site = await startQrSite();
    const error = await refusal(postQrScan(site.url, { qrToken: 'AAAAAAAAAAAAAAAAAAAAAAAA', email: 'x@example.com', code: '123456', device: DEVICE }));
    expect(error.code).toBe('qr_expired');
    expect(describeScanError(error, site.url)).toBe('This QR code has expired or was replaced: use the QR code the page shows now, or generate a new one.');
  });

  it('gives already-scanned for a second scan, and invalid_code for a wrong code', async () => {
    site = await startQrSite();
    const secret = await signUpWithTotp(site, site.client(), 'max@example.com');
    const { qrToken } = await issueSigninQr(createPageClient(site));
    const wrong = await refusal(postQrScan(site.url, { qrToken, email: 'max@example.com', code: codeAt(secret, site.clock) === '000000' ? '111111' : '000000', device: DEVICE }));
    expect(wrong.code).toBe('invalid_code');
    const answer = await postQrScan(site.url, { qrToken, email: 'max@example.com', code: codeAt(secret, site.clock), device: DEVICE });
    expect(answer).toMatchObject({ kind: 'signin', pin: expect.stringMatching(/^\d{6}$/) });
    const again = await refusal(postQrScan(site.url, { qrToken, email: 'max@example.com', code: codeAt(secret, site.clock, 1), device: DEVICE }));
    expect(again.code).toBe('qr_already_scanned');
  });

  it("shows the site's own message for a refusal this version has no words for", async () => {
    site = await startQrSite();
    const { qrToken } = await issueSigninQr(createPageClient(site));
    const error = await refusal(postQrScan(site.url, { qrToken, device: DEVICE }));
    expect(error.code).toBe('invalid_input');
    expect(describeScanError(error, site.url)).toBe(`${site.url} refused the scan: email: give the account (email) to sign in as`);
  });

  it('says the site cannot be reached when nothing listens', async () => {
    const origin = await serveOnce(200, '');
    await new Promise((resolve) => bare!.close(resolve));
    bare = undefined;
    const error = await refusal(postQrScan(origin, { qrToken: 'AAAAAAAAAAAAAAAAAAAAAAAA', device: DEVICE }));
    expect(error.code).toBe('network');
    expect(describeScanError(error, origin)).toBe(`Could not reach ${origin}: the network may be down. Check the connection and scan again.`);
  });

  it('turns an HTML error page into a short message with the status, never the page', async () => {
    const origin = await serveOnce(502, '<html><body>Bad gateway at upstream 10.0.0.7</body></html>');
    const error = await refusal(postQrScan(origin, { qrToken: 'AAAAAAAAAAAAAAAAAAAAAAAA', device: DEVICE }));
    expect(error.code).toBe('http_502');
    const words = describeScanError(error, origin);
    expect(words).toBe(`${origin} refused the scan: ${origin} answered 502: try again.`);
    expect(words).not.toContain('10.0.0.7');
  });

  it('clips a long message from a site, and has words for errors that are not the site\'s', () => {
    const long = new QrSignInError('something_new', 'x'.repeat(500));
    expect(describeScanError(long, 'https://a.example').length).toBeLessThan(260);
    expect(describeScanError(new TypeError('boom at line 3'), 'https://a.example')).toBe('Something went wrong while talking to https://a.example. Nothing was saved; scan again.');
    expect(describeScanError(new QrSignInError('account_locked', 'x'), 'https://a.example')).toBe('https://a.example has locked this account after too many failed attempts. Try again later.');
  });
});
