// The pictures a scan reads straight from the page: only those the user can see and that may be a QR code, in reading
// order, each readable by the decoder; another origin's picture, which the page may not read, is left to the capture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { decodeQrCodes } from '#shared/qr/index.ts';
import { loadZxingForNode } from '#shared/qr/zxing-node.ts';
import type { PageImages } from '../../extension/capture/page-images';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { serveStatic, type StaticServer } from '../support/static-server';
import { bundleModule } from './bundle-module';
import { corpusUri } from '../support/qr-pages';

const [IMG, CANVAS, SVG, HIDDEN, FADED, BELOW, TINY, FOREIGN, CROWDED] = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((seed) => corpusUri(seed));
let browser: LaunchedBrowser;
let server: StaticServer;

async function pageHtml(): Promise<string> {
  const png = (text: string) => QRCode.toDataURL(text, { margin: 4, scale: 4 });
  const svg = await QRCode.toString(SVG, { type: 'svg', margin: 4 });
  return `<!doctype html><html><body style="margin:0">
    <div style="display:flex; gap:20px; align-items:flex-start">
      <img alt="" src="${await png(IMG)}" width="180" height="180">
      <canvas id="drawn" width="180" height="180"></canvas>
      <div style="width:180px">${svg}</div>
      <img alt="" src="${await png(HIDDEN)}" width="180" height="180" style="visibility:hidden">
      <img alt="" src="${await png(FADED)}" width="180" height="180" style="opacity:0">
      <img alt="" src="${await png(TINY)}" width="12" height="12">
      <canvas id="foreign" width="180" height="180"></canvas>
    </div>
    <img alt="" src="${await png(BELOW)}" width="180" height="180" style="margin-top:2000px">
    <script>
      const draw = (id, src, crossOrigin) => new Promise((resolve) => {
        const image = new Image();
        image.onload = () => { document.getElementById(id).getContext('2d').drawImage(image, 0, 0, 180, 180); resolve(); };
        image.src = src;
      });
      window.ready = Promise.all([
        draw('drawn', ${JSON.stringify(await png(CANVAS))}),
        draw('foreign', 'http://pictures.example.net:' + location.port + '/foreign.svg'),
      ]);
    </script>
  </body></html>`;
}

beforeAll(async () => {
  await loadZxingForNode();
  const foreign = await QRCode.toString(FOREIGN, { type: 'svg', margin: 4 });
  // A header of a dozen avatars above the code: square pictures too, and first in reading order.
  const avatars = Array.from({ length: 12 }, () => '<canvas width="32" height="32" style="background:#8250df"></canvas>').join('');
  const crowded = `<!doctype html><html><body>${avatars}<p><img alt="" src="${await QRCode.toDataURL(CROWDED, { margin: 4, scale: 4 })}" width="180" height="180"></p></body></html>`;
  server = await serveStatic({ '/setup': await pageHtml(), '/foreign.svg': foreign, '/crowded': crowded });
  browser = await launchBrowser({ extension: false, args: ['--host-resolver-rules=MAP * 127.0.0.1'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function decodeAll(images: string[]): Promise<string[]> {
  const texts: string[] = [];
  for (const url of images) {
    const png = PNG.sync.read(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
    texts.push(...(await decodeQrCodes({ width: png.width, height: png.height, data: new Uint8ClampedArray(png.data) })).texts);
  }
  return texts;
}

async function collectIn(page: Page): Promise<PageImages> {
  await page.evaluate(await bundleModule('extension/capture/page-images.ts', 'PageImagesModule'));
  return page.evaluate(() => (globalThis as unknown as { PageImagesModule: { collectPageImages(): Promise<PageImages> } }).PageImagesModule.collectPageImages());
}

describe('collectPageImages', () => {
  it('gives the visible pictures a code can be in (img, canvas, svg), in reading order, with the page\'s origin', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 800 });
    await page.goto(server.url('/setup', 'login.example.com'));
    await page.evaluate(() => (window as unknown as { ready: Promise<void> }).ready);
    // The other site's picture is on its canvas, which the page itself may no longer read.
    expect(await page.evaluate(() => { try { (document.getElementById('foreign') as HTMLCanvasElement).toDataURL(); return 'readable'; } catch (error) { return (error as Error).name; } })).toBe('SecurityError');
    const found = await collectIn(page);
    expect(found.origin).toBe(`http://login.example.com:${server.port}`);
    // Hidden, transparent, below the fold, too small to hold a code, and another site's picture on a canvas: none.
    expect(await decodeAll(found.images)).toEqual([IMG, CANVAS, SVG]);
    await page.close();
  });

  it('reads the code below a header full of small square pictures', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/crowded', 'login.example.com'));
    expect(await decodeAll((await collectIn(page)).images)).toEqual([CROWDED]);
    await page.close();
  });
});
