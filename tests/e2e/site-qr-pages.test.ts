// The QR panels' words in Chromium: the enrolment page's pairing QR is replaced by "Paired with ..." at once; an
// expired sign-in QR is replaced by itself a few times, then gives way to a "Generate a new QR code" button; a lost
// connection is said, and the page catches up once it is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTotp, parseOtpauthUri } from '#shared/otp/index.ts';
import { parseQrLink } from '#shared/protocol/qr-link.ts';
import type { WebSocketRoute } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { signUpWithTotp, TestClock, type TestSite } from '../site/support/site';
import { scan, scanSignin, startQrSite } from '../site/support/qr';

let site: TestSite;
let browser: LaunchedBrowser;
const clock = new TestClock(Date.now());

beforeAll(async () => {
  site = await startQrSite({ MFA_POLICY: 'required' }, clock);
  browser = await launchBrowser({ extension: false });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('QR panels in Chromium', () => {
  it('pairs at enrolment: the pairing QR gives way to "Paired with ..." and the code from that secret turns MFA on', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${site.url}/signup`);
    await page.fill('#email', 'dorothy@example.com');
    await page.fill('#displayName', 'Dorothy');
    await page.fill('#password', 'a long and unusual passphrase');
    await page.click('[data-testid=signup-form] button[type=submit]');
    await page.waitForURL(`${site.url}/mfa`);

    const pairing = page.getByTestId('qr-pairing-image');
    await pairing.waitFor({ state: 'visible' });
    await expect(page.locator('img.qr').isVisible()).resolves.toBe(true); // the standard QR stays
    const link = parseQrLink((await pairing.getAttribute('data-qr-link')) ?? '');
    expect(link.kind).toBe('pair');
    await page.waitForFunction(() => document.querySelector('[data-qr-pairing] [data-qr-connection]')?.hasAttribute('hidden'));

    const reply = await scan(site, { qrToken: link.token, device: 'Chrome on Linux' });
    expect(reply.status).toBe(200);
    await expect(page.getByTestId('qr-pairing').getByRole('status').textContent()).resolves.toBe('Paired with Chrome on Linux: enter the code it shows.');
    await expect(pairing.isVisible()).resolves.toBe(false);
    await expect(page.locator('#code').evaluate((field) => field === document.activeElement)).resolves.toBe(true);

    const { secret } = parseOtpauthUri(reply.body.otpauthUri);
    await page.fill('#code', generateTotp({ secret, time: Math.floor(clock.now() / 1000) }));
    await page.click('[data-testid=mfa-form] button[type=submit]');
    await page.waitForURL(`${site.url}/account`);
  });

  it('replaces an expired sign-in QR by itself three times, then offers a button', async () => {
    const page = await browser.context.newPage();
    await page.clock.install();
    await page.goto(`${site.url}/signin`);
    await page.getByRole('button', { name: 'Sign in with a QR code' }).click();
    const image = page.getByTestId('qr-signin-image');
    await image.waitFor({ state: 'visible' });
    const links = [await image.getAttribute('data-qr-link')];
    for (let renewal = 1; renewal <= 3; renewal++) {
      await page.clock.runFor(120_000);
      await page.waitForFunction((previous) => document.querySelector('[data-qr-image]')?.getAttribute('data-qr-link') !== previous, links.at(-1));
      links.push(await image.getAttribute('data-qr-link'));
      await expect(page.locator('[data-qr-status]').textContent()).resolves.toBe('The QR code expired, so here is a new one.');
    }
    expect(new Set(links).size).toBe(4);
    await page.clock.runFor(120_000);
    const renew = page.getByRole('button', { name: 'Generate a new QR code' });
    await renew.waitFor({ state: 'visible' });
    await expect(page.locator('[data-qr-signin] [data-qr-error]').textContent()).resolves.toBe('This QR code expired.');
    await expect(image.isVisible()).resolves.toBe(false);
    await renew.click();
    await image.waitFor({ state: 'visible' });
    expect(await image.getAttribute('data-qr-link')).not.toBe(links.at(-1));
  });

  it('says when live updates are lost, reconnects, and catches up on a scan it missed', async () => {
    const secret = await signUpWithTotp(site, site.client(), 'joan@example.com');
    const page = await browser.context.newPage();
    let online = true;
    const open: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/ws$/, (socket) => {
      if (!online) return socket.close(); // the network is down: every attempt fails
      socket.connectToServer();
      open.push(socket);
    });
    await page.goto(`${site.url}/signin`);
    await page.getByRole('button', { name: 'Sign in with a QR code' }).click();
    const image = page.getByTestId('qr-signin-image');
    await image.waitFor({ state: 'visible' });
    const connection = page.locator('[data-qr-signin] [data-qr-connection]');
    await page.waitForFunction(() => document.querySelector('[data-qr-connection]')?.hasAttribute('hidden'));
    expect(open.length).toBe(1);

    online = false;
    await open[0].close();
    await connection.waitFor({ state: 'visible' });
    await expect(connection.textContent()).resolves.toBe('Live updates lost (network): reconnecting…');
    const link = parseQrLink((await image.getAttribute('data-qr-link')) ?? '');
    await scanSignin(site, link.token, 'joan@example.com', secret);

    online = true;
    await page.locator('#qr-pin').waitFor({ state: 'visible', timeout: 20_000 });
    await expect(connection.isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-qr-scanned-by]').textContent()).resolves.toContain('Chrome on Linux');
  });

  it('says so when the live connection is refused (a page on an origin the site does not call its own)', async () => {
    const elsewhere = await startQrSite({ PUBLIC_ORIGIN: 'https://demo.example' });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${elsewhere.url}/signin`);
      await page.getByRole('button', { name: 'Sign in with a QR code' }).click();
      const connection = page.locator('[data-qr-signin] [data-qr-connection]');
      await connection.waitFor({ state: 'visible' });
      await expect(connection.textContent()).resolves.toBe('Live updates cannot connect (the network, or the site refused this page): retrying…');
    } finally {
      await elsewhere.close();
    }
  });
});
