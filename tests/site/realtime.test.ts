// The WebSocket at /ws: who may connect, and that each socket hears only what concerns it.
import { afterEach, describe, expect, it } from 'vitest';
import type { PageEvent } from '#shared/protocol/qr-signin.ts';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { WebSocket } from 'ws';
import { signUpWithTotp, type TestSite } from './support/site';
import { cookieHeader, generateQr, listen, pageClient, scanSignin, settle, startQrSite } from './support/qr';

let site: TestSite;
afterEach(async () => site?.close());

describe('realtime sockets', () => {
  it('refuses a socket without credentials, with a made-up QR cookie, or from another site', async () => {
    site = await startQrSite();
    await expect(listen(site, { origin: site.url })).rejects.toThrow('refused 401');
    await expect(listen(site, { origin: site.url, cookie: 'tessera_qr=made-up-value' })).rejects.toThrow('refused 401');
    const browser = pageClient(site);
    await generateQr(browser);
    await expect(listen(site, { origin: 'https://evil.example', cookie: cookieHeader(browser) })).rejects.toThrow('refused 403');
    await expect(listen(site, { cookie: cookieHeader(browser) })).rejects.toThrow('refused 403');
    const own = await listen(site, { origin: site.url, cookie: cookieHeader(browser) });
    own.close();
  });

  it('refuses an unknown channel token and other paths', async () => {
    site = await startQrSite();
    await expect(listen(site, { channel: 'not-a-channel' })).rejects.toThrow('refused 401');
    await expect(listen(site, { channel: '' })).rejects.toThrow('refused 401');
    const wrongPath = new Promise((resolve) => {
      const socket = new WebSocket(`${site.url.replace('http', 'ws')}/elsewhere`);
      socket.once('unexpected-response', (_request: unknown, response: { statusCode: number }) => resolve(response.statusCode));
    });
    await expect(wrongPath).resolves.toBe(404);
  });

  it('tells a page only about the QR codes its own browser generated', async () => {
    site = await startQrSite();
    const secret = await signUpWithTotp(site, site.client(), 'mary@example.com');
    const alice = pageClient(site);
    const bob = pageClient(site);
    const aliceQr = await generateQr(alice);
    await generateQr(bob);
    const alicePage = await listen<PageEvent>(site, { origin: site.url, cookie: cookieHeader(alice) });
    const bobPage = await listen<PageEvent>(site, { origin: site.url, cookie: cookieHeader(bob) });
    await scanSignin(site, aliceQr.qrToken, 'mary@example.com', secret);
    await expect(alicePage.next()).resolves.toMatchObject({ type: 'scanned', qrToken: aliceQr.qrToken });
    await settle();
    expect(bobPage.events).toEqual([]);
    // Nor can Bob learn about Alice's QR by asking.
    expect((await bob.post('/api/qr/status', { qrToken: aliceQr.qrToken })).body).toEqual({ state: 'expired' });
    expect((await alice.post('/api/qr/status', { qrToken: aliceQr.qrToken })).body).toMatchObject({ state: 'scanned', device: 'Chrome on Linux' });
  });

  it('goes on serving after a client resets its connection on a refused socket', async () => {
    site = await startQrSite();
    const { host, hostname, port } = new URL(site.url);
    const answer = await new Promise<string>((resolve) => {
      const raw = connect(Number(port), hostname, () => {
        raw.write(`GET /ws HTTP/1.1\r\nHost: ${host}\r\nOrigin: https://evil.example\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
          `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`);
      });
      // The client goes away without a goodbye (a reset), as a closed tab or a dropped network does.
      raw.once('data', (data) => {
        raw.resetAndDestroy();
        resolve(String(data).split('\r\n')[0]);
      });
    });
    expect(answer).toBe('HTTP/1.1 403 Forbidden');
    await settle();
    await expect(listen(site, { origin: site.url })).rejects.toThrow('refused 401');
  });

  it('allows ws: and wss: to the site itself in the CSP', async () => {
    site = await startQrSite();
    const page = await site.client().get('/signin');
    const host = new URL(site.url).host;
    expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' ws://${host} wss://${host}`);
  });
});
