// Fills a code into a tab from an extension page or the service worker: injects the page agent into the tab's top frame
// (it walks same-origin frames itself; cross-origin frames are never touched), then asks it to fill.
import { browser } from 'wxt/browser';
import type { FillOutcome, FillRequest } from './page-agent';

export async function fillInTab(tabId: number, request: FillRequest): Promise<FillOutcome> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['/autofill.js'] });
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: (req: FillRequest) => (globalThis as unknown as { tesseraAutofill: { fillCodeField(r: FillRequest): FillOutcome } }).tesseraAutofill.fillCodeField(req),
    args: [request],
  });
  return result.result as FillOutcome;
}
