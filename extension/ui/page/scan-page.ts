// Asking the background to scan the page (whole visible tab, or a box the user drags on it).
import { browser } from 'wxt/browser';
import type { ScanTabResponse } from '../../capture/responses';
import type { ScanRequest } from '../../messaging/messages';
import type { ActivePage } from './active-page';

export async function scanActivePage(page: ActivePage): Promise<ScanTabResponse> {
  const request: ScanRequest = { type: 'scan-tab', tabId: page.tabId, windowId: page.windowId };
  return browser.runtime.sendMessage(request);
}

/**
 * Starts the region select and closes the popup: keys and clicks must reach the page for the drag and for Esc.
 * The background leaves the result in pendingScan; the popup shows it the next time it opens.
 */
export function startRegionScan(page: ActivePage, closeWindow: () => void = () => window.close()): void {
  const request: ScanRequest = { type: 'scan-region', tabId: page.tabId, windowId: page.windowId };
  void browser.runtime.sendMessage(request).catch(() => undefined);
  // A moment for the message to leave before the page goes away.
  setTimeout(closeWindow, 100);
}
