// Codes are copied with one click and wiped from the clipboard after CLIPBOARD_CLEAR_SECONDS: by this page if it is still open,
// and by the service worker otherwise (a popup closes as soon as the user clicks into the site to paste).
import { browser } from 'wxt/browser';
import { CODE_COPIED } from '../messaging/messages';
import { CLIPBOARD_CLEAR_MS } from './clear-delay';

let clearTimer: ReturnType<typeof setTimeout> | undefined;

export async function copyCode(code: string, clearAfterMs = CLIPBOARD_CLEAR_MS): Promise<void> {
  await writeText(code);
  void browser.runtime.sendMessage(CODE_COPIED).catch(() => undefined);
  if (clearTimer) clearTimeout(clearTimer);
  clearTimer = setTimeout(() => {
    clearTimer = undefined;
    void writeText('').catch(() => undefined);
  }, clearAfterMs);
}

async function writeText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    copyWithSelection(text);
  }
}

// Fallback for pages without clipboard focus: the old selection-based copy.
function copyWithSelection(text: string): void {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('The browser did not allow copying.');
}
