// A scan made without the popup waits for it once, and not for ever.
import { describe, expect, it } from 'vitest';
import { handOverScan, savePendingScan, takePendingScan, type PendingScan } from '../../extension/capture/pending-scan';
import { memoryArea } from '../../extension/storage/area';
import { pendingScanItem } from '../../extension/storage/items';

const memoryStore = () => memoryArea();

const pending: PendingScan = { at: 1_000_000, source: 'shortcut', response: { findings: [], timedOut: false, site: 'example.com', tabUrl: 'https://example.com/', message: 'No QR code found on this page.' } };

describe('pending scans', () => {
  it('are handed to the popup once, then gone', async () => {
    const store = memoryStore();
    await savePendingScan(store, pending);
    expect(await takePendingScan(store, 1_000_500)).toEqual(pending);
    expect(await takePendingScan(store, 1_000_600)).toBeNull();
    expect(store.entries.has(pendingScanItem.key)).toBe(false);
  });

  it('are dropped unseen when more than five minutes old', async () => {
    const store = memoryStore();
    await savePendingScan(store, pending);
    expect(await takePendingScan(store, pending.at + 5 * 60_000 + 1)).toBeNull();
    expect(store.entries.has(pendingScanItem.key)).toBe(false);
  });
});

describe('handing a scan over to the popup', () => {
  it('leaves the result and opens the popup', async () => {
    const store = memoryStore();
    let opened = 0;
    const outcome = await handOverScan(store, pending, async () => { opened++; });
    expect(outcome).toEqual({ popupOpened: true });
    expect(opened).toBe(1);
    expect(await takePendingScan(store, pending.at + 1)).toEqual(pending);
  });

  it('still leaves the result when the browser refuses to open the popup', async () => {
    const store = memoryStore();
    const outcome = await handOverScan(store, pending, async () => { throw new Error('Could not find an active browser window.'); });
    expect(outcome).toEqual({ popupOpened: false });
    expect(await takePendingScan(store, pending.at + 1)).toEqual(pending);
  });
});
