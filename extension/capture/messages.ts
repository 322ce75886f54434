// The messages the popup sends the background (browser.runtime.sendMessage) and what comes back.
import type { ScanResult } from './types';

export interface ScanTabRequest { type: 'scan-tab'; tabId: number; windowId: number }
export interface ScanRegionRequest { type: 'scan-region'; tabId: number; windowId: number }
export type CaptureRequest = ScanTabRequest | ScanRegionRequest;

export type CaptureFailure = { error: { code: string; message: string } };
export type ScanTabResponse = ScanResult | CaptureFailure;
/** `cancelled` when the user pressed Esc (or the box could not be drawn on that page). */
export type ScanRegionResponse = ScanResult | { cancelled: true } | CaptureFailure;

export function isCaptureRequest(message: unknown): message is CaptureRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, tabId, windowId } = message as Record<string, unknown>;
  return (type === 'scan-tab' || type === 'scan-region') && Number.isInteger(tabId) && Number.isInteger(windowId);
}

export function isCaptureFailure(response: unknown): response is CaptureFailure {
  return typeof response === 'object' && response !== null && 'error' in response;
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
