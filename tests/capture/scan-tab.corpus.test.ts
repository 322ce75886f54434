// One click finds the code on every page of the corpus (small, inverted, dark mode, CSS zoom, logo, two codes),
// in the real extension: activeTab granted by opening the toolbar popup, the scan asked for from inside it. Pages
// without a code (busy photos, a blank tab, an article of text) get the same plain answer at every click. The same
// pages shown in another site's frame, whose pictures the page cannot hand over, are read from the tab's capture.
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
  const framed = withQr.map((page) => [`/framed${page.path}`, framedPage(page.path)]);
  rig = await startCaptureRig(Object.fromEntries([...corpus.map((page) => [page.path, page.html]), ...framed]));
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

describe('scan-tab when the code is in another site\'s frame (read from the capture)', () => {
  it.each(withQr.map((page) => [page.name, page] as const))('reads the code on the page "%s" at the first click', async (_name, page: CorpusPage) => {
    const { response } = await rig.scan<ScanResult>(`/framed${page.path}`);
    expectFound(response, page.expected);
    // Credited to the page in the tab, as everything the capture shows.
    expect(response.tabUrl).toBe(rig.server.url(`/framed${page.path}`, PAGE_HOST));
  });
});

/** The page filling the whole tab, from a frame of another site on the same test server. */
function framedPage(path: string): string {
  return `<!doctype html><html><body style="margin:0"><iframe title="set-up" style="border:0; width:100vw; height:100vh; display:block"></iframe>
    <script>document.querySelector('iframe').src = 'http://codes.example.net:' + location.port + ${JSON.stringify(path)};</script></body></html>`;
}
