// The decoder inside the built extension: its service worker loads the shipped .wasm (under the extension's
// CSP, with no network) and reads a frame. Needs the build with zxing_reader.wasm (npm test builds it).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, extensionWorker, launchBrowser, type LaunchedBrowser } from '../support/browser';
import { bundleQrDecoder } from '../support/qr-bundle';
import { createFrame, frameWithQr, paintQr } from '../support/qr-images';

const TEXT = 'otpauth://totp/Example%20Corp:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Example%20Corp';

let browser: LaunchedBrowser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('QR decoding in the extension', () => {
  it('ships the package\'s zxing_reader.wasm, byte for byte', () => {
    const packaged = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    expect(readFileSync(join(EXTENSION_DIR, 'zxing_reader.wasm')).equals(readFileSync(packaged))).toBe(true);
  });

  it('decodes frames in the service worker with the wasm located by useZxingWasmUrl, dense codes and code-less frames too', async () => {
    const { worker } = await extensionWorker(browser.context);
    await worker.evaluate(await bundleQrDecoder());
    const frame = frameWithQr(640, 400, { text: TEXT, moduleSize: 3 });
    const noise = createFrame(320, 200, 'noise');
    const dense = createFrame(640, 400);
    paintQr(dense, { text: TEXT, moduleSize: 1.25, x: 500.5, y: 280.25 });
    const results = await worker.evaluate(async ({ qr, noisy, small }) => {
      const scope = globalThis as unknown as { TesseraQr: typeof import('#shared/qr/index.ts'); chrome: { runtime: { getURL(path: string): string } } };
      const api = scope.TesseraQr;
      const toImage = ({ pixels, width, height }: { pixels: string; width: number; height: number }) => ({
        data: Uint8ClampedArray.from(atob(pixels), (c) => c.charCodeAt(0)), width, height,
      });
      await api.useZxingWasmUrl(scope.chrome.runtime.getURL('/zxing_reader.wasm'));
      return [await api.decodeQrCodes(toImage(qr)), await api.decodeQrCodes(toImage(noisy)), await api.decodeQrCodes(toImage(small))];
    }, {
      qr: { pixels: Buffer.from(frame.data).toString('base64'), width: frame.width, height: frame.height },
      noisy: { pixels: Buffer.from(noise.data).toString('base64'), width: noise.width, height: noise.height },
      small: { pixels: Buffer.from(dense.data).toString('base64'), width: dense.width, height: dense.height },
    });
    expect(results[0]).toEqual({ texts: [TEXT], passes: ['zxing'], unreadable: 0, timedOut: false });
    expect(results[1]).toEqual({ texts: [], passes: ['zxing', 'finders'], unreadable: 0, timedOut: false });
    expect(results[2]).toEqual({ texts: [TEXT], passes: ['zxing', 'finders', 'regions'], unreadable: 0, timedOut: false });
  });
});
