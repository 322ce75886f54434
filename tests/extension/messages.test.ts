// Which messages the background answers with a scan, and from whom.
import { describe, expect, it } from 'vitest';
import { isFromExtensionPage, isScanRequest } from '../../extension/messaging/messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('scan requests', () => {
  it('accepts scan-tab and scan-region with whole tab and window ids, and nothing else', () => {
    expect(isScanRequest({ type: 'scan-tab', tabId: 3, windowId: 1 })).toBe(true);
    expect(isScanRequest({ type: 'scan-region', tabId: 3, windowId: 1 })).toBe(true);
    expect(isScanRequest({ type: 'scan-tab', tabId: '3', windowId: 1 })).toBe(false);
    expect(isScanRequest({ type: 'scan-tab', tabId: 3 })).toBe(false);
    expect(isScanRequest({ type: 'fill-code', tabId: 3, windowId: 1 })).toBe(false);
    expect(isScanRequest(null)).toBe(false);
  });

  it('answers the extension\'s own pages only, never a content script on a web page', () => {
    const base = `chrome-extension://${ID}/`;
    expect(isFromExtensionPage({ id: ID, url: `${base}popup.html` }, ID, base)).toBe(true);
    expect(isFromExtensionPage({ id: ID, url: 'https://evil.example/' }, ID, base)).toBe(false);
    expect(isFromExtensionPage({ id: 'another-extension', url: `${base}popup.html` }, ID, base)).toBe(false);
    expect(isFromExtensionPage({ id: ID }, ID, base)).toBe(false);
  });

  it('knows Firefox\'s pages by their moz-extension:// address, whose host is not the extension\'s id', () => {
    const gecko = 'tessera@example.org';
    const base = 'moz-extension://3f1c9a52-5b6e-4d8f-9a0b-7c2d1e4f6a88/';
    expect(isFromExtensionPage({ id: gecko, url: `${base}popup.html` }, gecko, base)).toBe(true);
    expect(isFromExtensionPage({ id: gecko, url: 'moz-extension://0000aaaa-5b6e-4d8f-9a0b-7c2d1e4f6a88/popup.html' }, gecko, base)).toBe(false);
    expect(isFromExtensionPage({ id: gecko, url: 'https://evil.example/' }, gecko, base)).toBe(false);
  });
});
