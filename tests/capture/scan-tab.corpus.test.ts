// One click finds the code on every page of the corpus (small, inverted, dark mode, CSS zoom, logo, two codes),
// in the real extension: activeTab granted by opening the toolbar popup, the scan asked for from inside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../extension/capture/types';
import { PAGE_HOST, startCaptureRig, type CaptureRig } from '../support/qr-capture';
import { buildCorpus, type CorpusPage } from '../support/qr-pages';
import { expectFound } from './expect-found';

const corpus = await buildCorpus();
const withQr = corpus.filter((page) => page.expected.length > 0);
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

  it('gives up on a busy photo page without a QR code within its budget, and says nothing was found', async () => {
    const page = corpus.find((p) => p.expected.length === 0)!;
    const { response, ms } = await rig.scan<ScanResult>(page.path);
    expect(response.findings).toEqual([]);
    expect(response.message).toMatch(/^No QR code found on this page/);
    expect(response.message).toMatch(/drag a box around it/);
    // The decode budget is 1.5 s; a scan that ran every pass to the end would take well over ten seconds. The bound is
    // loose on purpose: it checks that the budget holds, not how fast a shared machine is.
    expect(ms).toBeLessThan(10_000);
  });
});
