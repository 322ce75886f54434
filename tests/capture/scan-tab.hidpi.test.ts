// The same corpus on a high-DPI screen (device pixel ratio 2): the capture is 2560x1600 and codes are drawn
// with twice the pixels, scaled smoothly by the browser; one page shows a small SVG code in its corner at 1.25 device
// pixels a module. Playwright's deviceScaleFactor alone only emulates the ratio inside the page (captures stay
// 1280x800), so the browser also runs with --force-device-scale-factor=2, as on a real high-DPI screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../extension/capture/types';
import { startCaptureRig, type CaptureRig } from '../support/qr-capture';
import { blankPage, buildCorpus, textOnlyPage, type CorpusPage } from '../support/qr-pages';
import { decodePngSize } from './png-size';
import { expectFound } from './expect-found';

const pages = (await buildCorpus()).filter((page) => page.onlyAtRatio === undefined || page.onlyAtRatio === 2);
const corpus = pages.filter((page) => page.expected.length > 0);
let rig: CaptureRig;

beforeAll(async () => {
  rig = await startCaptureRig(Object.fromEntries(pages.map((page) => [page.path, page.html])), { deviceScaleFactor: 2, screenScaleFactor: 2 });
});
afterAll(() => rig?.close());

describe('scan-tab at device pixel ratio 2', () => {
  it('captures the tab at its device pixel ratio', async () => {
    const { response, frame } = await rig.scan<ScanResult>(corpus[0].path, { withFrame: true });
    expect(await rig.page.evaluate(() => window.devicePixelRatio)).toBe(2);
    expect(decodePngSize(frame!)).toEqual({ width: 2560, height: 1600 });
    expectFound(response, corpus[0].expected);
  }, 60_000); // the first scan also starts the extension's worker and its decoder

  it.each(corpus.slice(1).map((page) => [page.name, page] as const))('reads the code on the page "%s" at the first click', async (_name, page: CorpusPage) => {
    const { response } = await rig.scan<ScanResult>(page.path);
    expectFound(response, page.expected);
  });

  it.each([blankPage(), textOnlyPage()].map((page) => [page.name, page] as const))('says "No QR code found on this page" on the page "%s", the same words at every click', async (_name, page: CorpusPage) => {
    const words = [];
    for (let click = 0; click < 2; click++) {
      const { response } = await rig.scan<ScanResult>(page.path);
      expect(response).toMatchObject({ findings: [], timedOut: false });
      words.push(response.message);
    }
    expect(words).toEqual([expect.stringMatching(/^No QR code found on this page\. /), words[0]]);
  });

  it('reads a box drawn in CSS pixels from the 2x frame (scan-region)', async () => {
    const page = corpus.find((p) => p.expected.length === 2)!;
    const popup = await rig.openOn(page.path);
    await popup.evaluate(`(async () => {
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
      chrome.runtime.sendMessage({ type: 'scan-region', tabId: tab.id, windowId: tab.windowId });
    })()`);
    await rig.page.locator('tessera-region-select').waitFor({ state: 'attached', timeout: 10_000 });
    const first = (await rig.page.locator('img[alt^="QR code"]').first().boundingBox())!;
    await rig.page.mouse.move(first.x - 8, first.y - 8);
    await rig.page.mouse.down();
    await rig.page.mouse.move(first.x + first.width + 8, first.y + first.height + 8, { steps: 5 });
    await rig.page.mouse.up();
    const readPending = () => rig.worker.evaluate(async () =>
      (await (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.storage.session.get('pendingScan')).pendingScan as { response: ScanResult } | undefined);
    await expect.poll(readPending, { timeout: 10_000 }).not.toBeUndefined();
    expectFound((await readPending())!.response, [page.expected[0]]);
  });
});
