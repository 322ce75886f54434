// Which messages the background answers with a scan, and from whom.
import { describe, expect, it } from 'vitest';
import { isCaptureRequest, isFromExtensionPage } from '../../extension/capture/messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('capture messages', () => {
  it('accepts scan-tab and scan-region with whole tab and window ids, and nothing else', () => {
    expect(isCaptureRequest({ type: 'scan-tab', tabId: 3, windowId: 1 })).toBe(true);
    expect(isCaptureRequest({ type: 'scan-region', tabId: 3, windowId: 1 })).toBe(true);
    expect(isCaptureRequest({ type: 'scan-tab', tabId: '3', windowId: 1 })).toBe(false);
    expect(isCaptureRequest({ type: 'scan-tab', tabId: 3 })).toBe(false);
    expect(isCaptureRequest({ type: 'fill-code', tabId: 3, windowId: 1 })).toBe(false);
    expect(isCaptureRequest(null)).toBe(false);
  });

  it('answers the extension\'s own pages only, never a content script on a web page', () => {
    expect(isFromExtensionPage({ id: ID, url: `chrome-extension://${ID}/popup.html` }, ID)).toBe(true);
    expect(isFromExtensionPage({ id: ID, url: 'https://evil.example/' }, ID)).toBe(false);
    expect(isFromExtensionPage({ id: 'another-extension', url: `chrome-extension://${ID}/popup.html` }, ID)).toBe(false);
    expect(isFromExtensionPage({ id: ID }, ID)).toBe(false);
  });
});
