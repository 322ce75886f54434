// The tab the popup was opened on. With the activeTab grant of the toolbar click its URL is readable; without it
// (the popup opened as a tab, a browser page) the page simply has no site and nothing is offered to fill.
import { browser } from 'wxt/browser';

export interface ActivePage { tabId: number; windowId: number; url: string | null; site: string | null }

export async function readActivePage(): Promise<ActivePage | null> {
  // The public suffix list is not in the popup's first script: it loads while the tab is looked up.
  const sites = import('../../sites/sites');
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab || tab.id === undefined) return null;
  const url = tab.url ?? null;
  return { tabId: tab.id, windowId: tab.windowId, url, site: url ? (await sites).siteOf(url) : null };
}
