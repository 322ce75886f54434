// Every message one part of the extension sends another through browser.runtime.sendMessage: its type and its shape.
// The sender builds it from here and the listener recognises it from here, so the two cannot drift apart.

/** Popup -> service worker: scan the visible tab, or a box the user drags on it. Answered with a scan result. */
export interface ScanRequest { type: 'scan-tab' | 'scan-region'; tabId: number; windowId: number }
/** Automatic-fill content script -> service worker: the code for this page, if it gets one. */
export interface AutoFillRequest { type: 'autofill-request' }
/** Popup -> service worker: a code was copied; clear the clipboard after the delay. */
export interface CodeCopied { type: 'tessera:code-copied' }
/** Service worker -> offscreen document: clear the clipboard now. */
export interface ClearClipboard { type: 'tessera:clear-clipboard' }
/** First-run page -> service worker: create the vault there, so it is finished even if the popup closes meanwhile. */
export interface CreateVaultRequest { type: 'tessera:create-vault'; password: string }
/** The service worker's answer: done, or the vault's refusal (code and words, never the password). */
export type CreateVaultAnswer = { ok: true } | { ok: false; code: string; message: string };

export type RuntimeMessage = ScanRequest | AutoFillRequest | CodeCopied | ClearClipboard | CreateVaultRequest;

export const AUTO_FILL_REQUEST: AutoFillRequest = { type: 'autofill-request' };
export const CODE_COPIED: CodeCopied = { type: 'tessera:code-copied' };
export const CLEAR_CLIPBOARD: ClearClipboard = { type: 'tessera:clear-clipboard' };

export function isMessage<T extends RuntimeMessage['type']>(message: unknown, type: T): message is Extract<RuntimeMessage, { type: T }> {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}

export function isCreateVaultRequest(message: unknown): message is CreateVaultRequest {
  return isMessage(message, 'tessera:create-vault') && typeof (message as Partial<CreateVaultRequest>).password === 'string';
}

export function isScanRequest(message: unknown): message is ScanRequest {
  if (!isMessage(message, 'scan-tab') && !isMessage(message, 'scan-region')) return false;
  const { tabId, windowId } = message as Partial<ScanRequest>;
  return Number.isInteger(tabId) && Number.isInteger(windowId);
}

/**
 * Only the extension's own pages may ask for a scan: the answer can hold a secret, and a content script runs inside
 * pages the extension does not control. Their sender URL is the web page's, never the extension's origin.
 * `extensionBase` is `runtime.getURL('/')`: `chrome-extension://<id>/` in Chromium, `moz-extension://<uuid>/` in
 * Firefox, where the host is not the extension's id.
 */
export function isFromExtensionPage(sender: { id?: string; url?: string }, extensionId: string, extensionBase: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && extensionBase.endsWith('/') && sender.url.startsWith(extensionBase);
}
