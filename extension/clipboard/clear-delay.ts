// How long a copied code stays on the clipboard: the popup clears it if still open, the service worker otherwise.
export const CLIPBOARD_CLEAR_SECONDS = 30;
export const CLIPBOARD_CLEAR_MS = CLIPBOARD_CLEAR_SECONDS * 1000;

/** What the status line adds after a code was copied. */
export const CLEARING_NOTE = `The clipboard is cleared in ${CLIPBOARD_CLEAR_SECONDS} seconds.`;
