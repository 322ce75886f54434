// Offscreen document (reason CLIPBOARD): replaces the clipboard's content with nothing when the worker asks.
import { browser } from 'wxt/browser';
import { isMessage } from '../../messaging/messages';

browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (response: unknown) => void) => {
  if (!isMessage(message, 'tessera:clear-clipboard')) return;
  sendResponse(clearClipboard());
});

function clearClipboard(): boolean {
  // A copy command whose handler supplies an empty text: no selection or focus needed.
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  try {
    return document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}
