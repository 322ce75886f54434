// The popup usually closes right after a copy (the user clicks into the site to paste), taking its timers with it;
// so the background clears the clipboard after the delay. Chromium's service worker has no clipboard and goes through an
// offscreen document; Firefox has no offscreen documents, but its background is a page and clears it itself.
import { browser } from 'wxt/browser';
import { ALARMS } from '../messaging/commands';
import { CLEAR_CLIPBOARD, isMessage } from '../messaging/messages';
import { CLIPBOARD_CLEAR_SECONDS } from './clear-delay';
const OFFSCREEN_PATH = '/clipboard-offscreen.html';
// WXT types getURL against the generated list of public paths, which a plain `tsc` run does not load.
const runtime = browser.runtime as unknown as { getURL(path: string): string };

export function registerClipboardClearing(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isMessage(message, 'tessera:code-copied') || sender.id !== browser.runtime.id) return;
    // A new copy starts the delay again.
    void browser.alarms.create(ALARMS.clearClipboard, { delayInMinutes: CLIPBOARD_CLEAR_SECONDS / 60 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARMS.clearClipboard) void clearClipboard().catch(() => undefined);
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
    await browser.runtime.sendMessage(CLEAR_CLIPBOARD);
  } finally {
    await browser.offscreen.closeDocument();
  }
}
