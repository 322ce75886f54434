// Wires capture into the background: the popup's messages, the "scan-qr" shortcut and the context-menu item.
// Shortcut and menu scans have no popup waiting for an answer: their result goes to pendingScan and the popup opens.
import { browser } from 'wxt/browser';
import { ensureDecoder } from './decoder-setup';
import { describeCaptureError } from './errors';
import { COMMANDS, MENU_ITEMS } from '../messaging/commands';
import { isFromExtensionPage, isScanRequest, type ScanRequest } from '../messaging/messages';
import { extensionBase } from '../messaging/extension-base';
import type { ScanRegionResponse } from './responses';
import { handOverScan, type PendingScan } from './pending-scan';
import { scanTab, scanTabRegion, type ScanDeps, type TabRef } from './scan-tab';
import { selectRegion } from './select-region';
import { collectPageImages, type PageImages } from './page-images';
import { browserArea } from '../storage/browser-area';

export function registerCapture(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string; url?: string }, sendResponse: (response: unknown) => void) => {
    if (!isScanRequest(message) || !isFromExtensionPage(sender, browser.runtime.id, extensionBase())) return undefined;
    void answer(message).then(sendResponse);
    return true; // answered asynchronously
  });
  // Menu items outlive the worker and are cleared on install and update, so this is the one place to add ours
  // (never removeAll: other parts of the extension add theirs here too).
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create(
      { id: MENU_ITEMS.scanQr.id, title: MENU_ITEMS.scanQr.title, contexts: ['page', 'frame', 'image', 'link', 'selection'] },
      () => void browser.runtime.lastError, // an item left from before is fine as it is
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ITEMS.scanQr.id || tab?.id === undefined) return;
    void scanUnattended({ tabId: tab.id, windowId: tab.windowId }, 'context-menu');
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== COMMANDS.scanQr.id) return;
    void activeTab(tab).then((ref) => (ref ? scanUnattended(ref, 'shortcut') : undefined));
  });
}


function scanDeps(): ScanDeps {
  return {
    getTab: (tabId) => browser.tabs.get(tabId),
    captureVisibleTab: (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'png' }),
    progress: browserArea('session'),
    prepareDecoder: ensureDecoder,
    readPageImages: async (tabId) => {
      const [result] = await browser.scripting.executeScript({ target: { tabId }, func: collectPageImages });
      return (result?.result as PageImages | undefined) ?? null;
    },
  };
}

async function answer(request: ScanRequest): Promise<ScanRegionResponse> {
  const ref = { tabId: request.tabId, windowId: request.windowId };
  if (request.type === 'scan-tab') return run(() => scanTab(ref, scanDeps()));
  const selection = await selectRegion(ref.tabId);
  const response: ScanRegionResponse = selection ? await run(() => scanTabRegion(ref, selection, scanDeps())) : { cancelled: true };
  // Clicking the page usually closes the popup, so the answer also waits in pendingScan for its next opening.
  if (!('cancelled' in response)) await handOver('region', response);
  return response;
}

async function scanUnattended(ref: TabRef, source: PendingScan['source']): Promise<void> {
  await handOver(source, await run(() => scanTab(ref, scanDeps())));
}

async function handOver(source: PendingScan['source'], response: ScanRegionResponse): Promise<void> {
  await handOverScan(browserArea('session'), { at: Date.now(), source, response }, () => browser.action.openPopup());
}

async function run(scan: () => Promise<ScanRegionResponse>): Promise<ScanRegionResponse> {
  try {
    return await scan();
  } catch (error) {
    return { error: describeCaptureError(error) };
  }
}

async function activeTab(tab: { id?: number; windowId?: number } | undefined): Promise<TabRef | null> {
  if (tab?.id !== undefined && tab.windowId !== undefined) return { tabId: tab.id, windowId: tab.windowId };
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return active?.id !== undefined ? { tabId: active.id, windowId: active.windowId } : null;
}
