// One click finds the code on every page of the corpus (small, inverted, dark mode, CSS zoom, logo, two codes),
// in the real extension: activeTab granted by opening the toolbar popup, the scan asked for from inside it. Pages
// without a code (busy photos, a blank tab, an article of text) get the same plain answer at every click.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../extension/capture/types';
import { PAGE_HOST, startCaptureRig, type CaptureRig } from '../support/qr-capture';
import { buildCorpus, type CorpusPage } from '../support/qr-pages';
import { expectFound } from './expect-found';

const corpus = (await buildCorpus()).filter((page) => page.onlyAtRatio === undefined || page.onlyAtRatio === 1);
const withQr = corpus.filter((page) => page.expected.length > 0);
const withoutQr = corpus.filter((page) => page.expected.length === 0);
const NOTHING_ON_PAGE = 'No QR code found on this page. If you can see one, scroll it fully into view or drag a box around it with "Select an area".';
let rig: CaptureRig;

beforeAll(async () => {
  rig = await startCaptureRig(Object.fromEntries(corpus.map((page) => [page.path, page.html])));
});
afterAll(() => rig?.close());

describe('scan-tab at 1280x800, device pixel ratio 1', () => {
  it.each(withQr.map((page) => [page.name, page] as const))('reads the code on the page "%s" at the first click', async (_name, page: CorpusPage) => {
    const { response } = await rig.scan<ScanResult>(page.path);
    expectFound(response, page.expected);
    expect(response.site).toBe('example.com');
    expect(response.tabUrl).toBe(rig.server.url(page.path, PAGE_HOST));
  });

  it.each(withoutQr.map((page) => [page.name, page] as const))('says "No QR code found on this page" on the page "%s", the same words at every click', async (_name, page: CorpusPage) => {
    for (let click = 0; click < 2; click++) {
      const { response } = await rig.scan<ScanResult>(page.path);
      expect(response).toMatchObject({ findings: [], timedOut: false, message: NOTHING_ON_PAGE });
    }
  });
});
