// Messages between the popup, the service worker and the offscreen document that clears the clipboard.
export const CODE_COPIED = 'tessera:code-copied';
export const CLEAR_CLIPBOARD = 'tessera:clear-clipboard';
export const CLIPBOARD_CLEAR_SECONDS = 30;

export function isMessage(message: unknown, type: string): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}
