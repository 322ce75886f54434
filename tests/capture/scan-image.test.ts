// "Scan from an image": decodeImageBlob reads QR codes saved as pictures, in a real extension page (its own
// WebAssembly, createImageBitmap and OffscreenCanvas), and refuses files that are not pictures, saying what to use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { parseOtpauthUri } from '#shared/otp/index.ts';
import { extensionWorker, launchBrowser, type LaunchedBrowser } from '../support/browser';
import { encodeJpeg, encodePng } from '../support/qr-files';
import { createFrame, frameWithQr, paintQr } from '../support/qr-images';
import { corpusUri } from '../support/qr-pages';
import { bundleModule } from './bundle-module';

let browser: LaunchedBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  const { extensionId } = await extensionWorker(browser.context);
  page = await browser.context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.evaluate(await bundleModule('extension/capture/decode-image.ts', 'TesseraCapture'));
});
afterAll(() => browser?.close());

/** Runs decodeImageBlob on the bytes in the page; a thrown error comes back as { code, message }. */
function scanBytes(bytes: Uint8Array, type: string): Promise<unknown> {
  return page.evaluate(async ({ base64, type }) => {
    const api = (globalThis as unknown as { TesseraCapture: typeof import('../../extension/capture/decode-image') }).TesseraCapture;
    const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type });
    const progress = new Map<string, unknown>();
    const store = { get: async (k: string) => progress.get(k), set: async (k: string, v: unknown) => void progress.set(k, v), remove: async (k: string) => void progress.delete(k) };
    try {
      return await api.decodeImageBlob(blob, { progress: store });
    } catch (error) {
      const { code, message, name } = error as { code: string; message: string; name: string };
      return { name, code, message };
    }
  }, { base64: Buffer.from(bytes).toString('base64'), type });
}

describe('decodeImageBlob', () => {
  it('reads a QR code saved as a PNG, as an account with no site', async () => {
    const uri = corpusUri(801);
    const result = await scanBytes(await QRCode.toBuffer(uri, { scale: 4 }), 'image/png');
    expect(result).toEqual({ findings: [{ kind: 'account', account: { ...parseOtpauthUri(uri), sites: [] } }], timedOut: false, site: null, tabUrl: null });
  });

  it('reads a screenshot saved as a JPEG', async () => {
    const uri = corpusUri(802);
    const result = await scanBytes(encodeJpeg(frameWithQr(1280, 800, { text: uri, moduleSize: 3 }), 80), 'image/jpeg');
    expect(result).toMatchObject({ findings: [{ kind: 'account', account: { secret: parseOtpauthUri(uri).secret } }] });
  });

  it('says so when a picture holds no QR code', async () => {
    const result = await scanBytes(encodePng(createFrame(640, 400, 'busy')), 'image/png');
    expect(result).toMatchObject({ findings: [], message: 'No QR code found in this picture: use a sharper or larger image, with the whole code in it.' });
  });

  it('says a code it can see is too small to read, rather than that there is none', async () => {
    const frame = createFrame(1280, 800);
    const uri = 'otpauth://totp/Bank%20of%20Examples:erin%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Bank%20of%20Examples&period=30';
    paintQr(frame, { text: uri, moduleSize: 1.15, x: 601.3, y: 361.7 });
    const result = await scanBytes(encodePng(frame), 'image/png');
    expect(result).toMatchObject({ findings: [], message: 'The QR code in this picture is too small or blurred to read: use a sharper or larger image of it.' });
  });

  it('refuses a file that is not a picture, saying which pictures it reads', async () => {
    const result = await scanBytes(new TextEncoder().encode('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'), 'image/png');
    expect(result).toEqual({ name: 'CaptureError', code: 'unreadable_image', message: expect.stringMatching(/use a PNG, JPEG, GIF or WebP image/) });
    expect(JSON.stringify(result)).not.toContain('JBSWY3DPEHPK3PXP');
  });
});
