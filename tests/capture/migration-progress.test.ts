// An export in several QR codes: each read is remembered per batch, so the user knows which are left.
import { describe, expect, it } from 'vitest';
import { recordBatchPart } from '../../extension/capture/migration-progress';
import { memoryArea } from '../../extension/storage/area';
import { batchReadsItem } from '../../extension/storage/items';

const memoryStore = () => memoryArea();

describe('recordBatchPart', () => {
  it('counts the QR codes read so far and names the ones still to scan', async () => {
    const store = memoryStore();
    expect((await recordBatchPart(store, { batchId: 7, batchIndex: 0, batchSize: 3 })).message).toBe('QR 1 of 3 read: still to scan QR 2, QR 3.');
    const second = await recordBatchPart(store, { batchId: 7, batchIndex: 2, batchSize: 3 });
    expect(second).toMatchObject({ batchId: 7, size: 3, read: [0, 2], message: 'QR 2 of 3 read: still to scan QR 2.' });
    expect((await recordBatchPart(store, { batchId: 7, batchIndex: 1, batchSize: 3 })).message).toBe('QR 3 of 3 read: the export is complete.');
  });

  it('counts a QR code read twice once', async () => {
    const store = memoryStore();
    await recordBatchPart(store, { batchId: 1, batchIndex: 1, batchSize: 2 });
    expect((await recordBatchPart(store, { batchId: 1, batchIndex: 1, batchSize: 2 })).read).toEqual([1]);
  });

  it('keeps batches apart by id, and stores only positions, never accounts', async () => {
    const store = memoryStore();
    await recordBatchPart(store, { batchId: 1, batchIndex: 0, batchSize: 2 });
    const other = await recordBatchPart(store, { batchId: 2, batchIndex: 1, batchSize: 4 });
    expect(other.message).toBe('QR 1 of 4 read: still to scan QR 1, QR 3, QR 4.');
    expect(store.entries.get(batchReadsItem.key)).toEqual({ 1: { size: 2, read: [0] }, 2: { size: 4, read: [1] } });
  });

  it('says a one-QR export is read, and starts afresh over damaged stored progress', async () => {
    const store = memoryStore();
    expect((await recordBatchPart(store, { batchId: 3, batchIndex: 0, batchSize: 1 })).message).toBe('Export read.');
    store.entries.set(batchReadsItem.key, { 9: 'garbage' });
    expect((await recordBatchPart(store, { batchId: 9, batchIndex: 0, batchSize: 2 })).read).toEqual([0]);
  });
});
