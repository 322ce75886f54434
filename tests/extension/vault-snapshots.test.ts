// Nothing vanishes: the vault keeps encrypted snapshots from before its changes, and a damaged record is rolled back
// from one. Tested by corrupting the current record, as a bad write or a broken disk would.
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openVault } from '../../extension/vault';
import { memoryArea } from '../../extension/storage/area';
import { DEFAULT_DB_NAME, openVaultDb, type AccountRecord } from '../../extension/vault/db';
import { MAX_SNAPSHOTS } from '../../extension/vault/snapshots';
import { asText, BANK, FAST_KDF, GITHUB, MAIL, PASSWORD, unlockedHarness, type Harness } from './support/vault-fixture';

function corrupt(record: AccountRecord): AccountRecord {
  const data = new Uint8Array(record.data);
  data[3] ^= 0xff;
  return { ...record, data };
}

async function vaultWithTwo(): Promise<Harness> {
  const h = await unlockedHarness();
  const [github] = await h.vault.add([GITHUB, BANK]);
  h.clock.advanceMinutes(5);
  await h.vault.update(github.id, { issuer: 'GitHub Enterprise' });
  h.clock.advanceMinutes(5);
  return h;
}

describe('rolling back a damaged vault', () => {
  it('rolls a corrupted record back from the snapshot taken before the last change', async () => {
    const h = await vaultWithTwo();
    const [record] = await h.rawRecords();
    await h.writeRaw('accounts', corrupt(record));
    await expect(h.vault.list()).rejects.toMatchObject({ code: 'tampered', message: expect.stringContaining('Roll the vault back to a snapshot in Settings') });

    const [newest, older] = await h.vault.snapshots();
    expect(newest).toMatchObject({ reason: 'update', accounts: 2 });
    expect(older).toMatchObject({ reason: 'add', accounts: 0 });
    expect(await h.vault.rollBack(newest.id)).toEqual({ accounts: 2 });
    const accounts = await h.vault.list();
    expect(accounts.map((a) => a.issuer).sort()).toEqual(['Bank of Zurich', 'GitHub']);
    expect(accounts.find((a) => a.issuer === 'GitHub')?.secret).toBe(GITHUB.secret);
    // The damaged state was kept too, so the rollback itself can be undone.
    expect((await h.vault.snapshots())[0]).toMatchObject({ reason: 'rollback', accounts: 2 });
  });

  it('refuses a snapshot whose records do not open, and changes nothing', async () => {
    const h = await vaultWithTwo();
    const db = await openVaultDb(h.indexedDB, DEFAULT_DB_NAME);
    const [newest] = await h.vault.snapshots();
    const stored = (await db.get('snapshots', newest.id))!;
    await db.put('snapshots', { ...stored, accounts: stored.accounts.map(corrupt) });
    await expect(h.vault.rollBack(newest.id)).rejects.toMatchObject({ code: 'tampered', message: expect.stringContaining('choose an older one') });
    expect((await h.vault.list()).map((a) => a.issuer).sort()).toEqual(['Bank of Zurich', 'GitHub Enterprise']);
    await expect(h.vault.rollBack(12345)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps the header and passkey as they are now: a password changed since still unlocks, other wrapped keys stay', async () => {
    const h = await vaultWithTwo();
    await h.vault.changePassword(PASSWORD, 'a brand new password');
    // Other ways to unwrap the data key: a passkey's copy beside the header, a field a later header may hold.
    const passkey = { version: 1, vaultId: (await h.rawHeader()).vaultId, credentialId: 'AQID', prfSalt: 'BAUG', createdAt: 1, wrappedKey: { iv: 'AAAA', data: 'BBBB' } };
    await h.writeRaw('meta', passkey, 'passkey');
    await h.writeRaw('meta', { ...(await h.rawHeader()), more: [{ id: 'k-1' }] }, 'header');
    const headerBefore = await h.rawHeader();
    const [newest] = await h.vault.snapshots();
    await h.vault.rollBack(newest.id);
    expect(await h.rawHeader()).toEqual(headerBefore);
    const db = await openVaultDb(h.indexedDB, DEFAULT_DB_NAME);
    expect(await db.get('meta', 'passkey')).toEqual(passkey);
    // The snapshot taken by the rollback holds them too, as they were.
    expect((await db.get('snapshots', (await h.vault.snapshots())[0].id))?.meta).toMatchObject({ header: headerBefore, passkey });
    await h.vault.lock();
    await h.vault.unlock('a brand new password');
    expect(await h.vault.list()).toHaveLength(2);
  });
});

describe('which snapshots are kept', () => {
  it('keeps the last few, and one per burst of reorders or counter steps', async () => {
    const h = await unlockedHarness();
    const added = await h.vault.add([GITHUB, BANK, MAIL]);
    const ids = added.map((a) => a.id);
    for (let i = 0; i < 5; i++) {
      h.clock.advanceMinutes(0.1);
      await h.vault.reorder(i % 2 ? ids : [...ids].reverse());
    }
    expect((await h.vault.snapshots()).map((s) => s.reason)).toEqual(['reorder', 'add']);
    for (let i = 0; i < MAX_SNAPSHOTS + 3; i++) {
      h.clock.advanceMinutes(2);
      await h.vault.nextHotp(added[1].id);
    }
    const kept = await h.vault.snapshots();
    expect(kept).toHaveLength(MAX_SNAPSHOTS);
    expect(kept.every((s) => s.reason === 'counter')).toBe(true);
  });

  it('takes one before every removal, however recent the last', async () => {
    const h = await unlockedHarness();
    const [github, bank] = await h.vault.add([GITHUB, BANK]);
    await h.vault.remove(github.id);
    await h.vault.remove(bank.id);
    expect((await h.vault.snapshots()).map((s) => [s.reason, s.accounts])).toEqual([['remove', 1], ['remove', 2], ['add', 0]]);
  });

  it('holds only encrypted bytes: no secret, issuer or account name', async () => {
    const h = await vaultWithTwo();
    const db = await openVaultDb(h.indexedDB, DEFAULT_DB_NAME);
    for (const snapshot of await db.getAll('snapshots')) {
      const text = JSON.stringify(snapshot.meta) + snapshot.accounts.map((record) => asText(record.data)).join('');
      for (const plain of [GITHUB.secret, 'GitHub', 'alice@example.com', BANK.secret, 'Zurich']) expect(text).not.toContain(plain);
    }
  });
});

describe('upgrading an older vault', () => {
  it('snapshots a version-1 vault as it was before upgrading it, and it still opens', async () => {
    // A vault written by the version before snapshots existed: its two stores, copied byte for byte.
    const source = await vaultWithTwo();
    const header = await source.rawHeader();
    const records = await source.rawRecords();
    const indexedDB = new IDBFactory();
    const legacy = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DEFAULT_DB_NAME, 1);
      request.onupgradeneeded = () => { request.result.createObjectStore('meta'); request.result.createObjectStore('accounts', { keyPath: 'id' }); };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = legacy.transaction(['meta', 'accounts'], 'readwrite');
      tx.objectStore('meta').put(header, 'header');
      for (const record of records) tx.objectStore('accounts').put(record);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    legacy.close();

    const vault = openVault({ indexedDB, session: memoryArea(), kdf: FAST_KDF });
    await vault.unlock(PASSWORD);
    expect((await vault.list()).map((a) => a.issuer).sort()).toEqual(['Bank of Zurich', 'GitHub Enterprise']);
    expect(await vault.snapshots()).toMatchObject([{ reason: 'upgrade', accounts: 2 }]);
  });
});
