// Background side of "Select an area": injects the region-select script into the tab and waits for the box.
import { browser } from 'wxt/browser';
import { isSelection, type RegionSelection } from './region';

/** The box the user drew, or null if they pressed Esc or the page does not allow scripts (e.g. browser pages). */
export async function selectRegion(tabId: number): Promise<RegionSelection | null> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/region-select.js'] });
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => (globalThis as unknown as { tesseraRegionSelect: { select(): Promise<unknown> } }).tesseraRegionSelect.select(),
    });
    return isSelection(result?.result) ? result.result : null;
  } catch {
    return null;
  }
}
