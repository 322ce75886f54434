// The popup usually closes right after a copy (the user clicks into the site to paste), taking its timers with it;
// so the background clears the clipboard 30 s later. Chromium's service worker has no clipboard and goes through an
// offscreen document; Firefox has no offscreen documents, but its background is a page and clears it itself.
import { browser } from 'wxt/browser';
import { CLEAR_CLIPBOARD, CLIPBOARD_CLEAR_SECONDS, CODE_COPIED, isMessage } from './messages';

export const CLEAR_CLIPBOARD_ALARM = 'clear-clipboard';
const OFFSCREEN_PATH = '/clipboard-offscreen.html';
// WXT types getURL against the generated list of public paths, which a plain `tsc` run does not load.
const runtime = browser.runtime as unknown as { getURL(path: string): string };

export function registerClipboardClearing(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isMessage(message, CODE_COPIED) || sender.id !== browser.runtime.id) return;
    // A new copy restarts the 30 s.
    void browser.alarms.create(CLEAR_CLIPBOARD_ALARM, { delayInMinutes: CLIPBOARD_CLEAR_SECONDS / 60 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CLEAR_CLIPBOARD_ALARM) void clearClipboard().catch(() => undefined);
  });
}

async function clearClipboard(): Promise<void> {
  if (typeof document !== 'undefined') return navigator.clipboard.writeText('');
  const url = runtime.getURL(OFFSCREEN_PATH);
  const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as never], documentUrls: [url] });
  if (contexts.length === 0) {
    await browser.offscreen.createDocument({ url, reasons: ['CLIPBOARD' as never], justification: 'Clear a copied one-time code from the clipboard' });
  }
  try {
    await browser.runtime.sendMessage({ type: CLEAR_CLIPBOARD });
  } finally {
    await browser.offscreen.closeDocument();
  }
}
