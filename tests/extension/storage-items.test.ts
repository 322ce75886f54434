// What Tessera keeps in the browser's storage is read back only in the shape it was written: anything else (an older
// version's value, damage) is ignored instead of being shown, and what is shown once is gone after it is read.
import { describe, expect, it } from 'vitest';
import { memoryArea } from '../../extension/storage/area';
import { autoFillSitesItem, batchReadsItem, pendingNoticeItem, pendingScanItem, pendingSignInItem, vaultKeyItem } from '../../extension/storage/items';

describe('storage items', () => {
  it('read a value of another shape as nothing', async () => {
    const store = memoryArea();
    await store.set(pendingNoticeItem.key, { message: 42, at: 'yesterday' });
    await store.set(pendingSignInItem.key, { origin: 'https://example.com', pin: '123456' });
    await store.set(vaultKeyItem.key, 'not an entry');
    await store.set(autoFillSitesItem.key, 'github.com');
    expect(await pendingNoticeItem.get(store)).toBeNull();
    expect(await pendingSignInItem.get(store)).toBeNull();
    expect(await vaultKeyItem.get(store)).toBeNull();
    expect(await autoFillSitesItem.get(store)).toBeNull();
  });

  it('keep only the well-formed parts of export progress', async () => {
    const store = memoryArea();
    await store.set(batchReadsItem.key, { 7: { size: 3, read: [0, 'x', 2] }, 8: 'garbage' });
    expect(await batchReadsItem.get(store)).toEqual({ 7: { size: 3, read: [0, 2] } });
  });

  it('take a notice or a scan once: it is removed as it is read, even when damaged', async () => {
    const store = memoryArea();
    await pendingNoticeItem.set(store, { message: 'Unlock Tessera, then choose Fill again.', at: 5 });
    expect(await pendingNoticeItem.take(store)).toEqual({ message: 'Unlock Tessera, then choose Fill again.', at: 5 });
    expect(await pendingNoticeItem.take(store)).toBeNull();
    await store.set(pendingScanItem.key, { at: 'soon' });
    expect(await pendingScanItem.take(store)).toBeNull();
    expect(store.entries.has(pendingScanItem.key)).toBe(false);
  });
});
