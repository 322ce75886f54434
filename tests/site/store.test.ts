import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_FILE, openStore } from '../../demo-site/store/db';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('store', () => {
  it('writes the data file with mode 0600 and reads it back', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tessera-store-'));
    const store = await openStore(dir);
    store.data.audit.push({ id: 'a', type: 'test', at: 1, userId: null, actorId: null, ip: '', userAgent: '', details: {} });
    await store.save();
    expect(statSync(join(dir, DATA_FILE)).mode & 0o777).toBe(0o600);
    expect((await openStore(dir)).data.audit).toHaveLength(1);
  });

  it('folds concurrent saves together and ends with the latest data on disk', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tessera-store-'));
    const store = await openStore(dir);
    const saves: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) {
      store.data.audit.push({ id: String(i), type: 'test', at: i, userId: null, actorId: null, ip: '', userAgent: '', details: {} });
      saves.push(store.save());
    }
    await Promise.all(saves);
    expect((await openStore(dir)).data.audit).toHaveLength(20);
  });

  it('reports a failed write to its callers only, and goes on saving once the disk works again', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tessera-store-'));
    const store = await openStore(dir);
    const entry = (id: string) => ({ id, type: 'test', at: 1, userId: null, actorId: null, ip: '', userAgent: '', details: {} });
    // A folder where the temporary file goes makes every write fail, as a full or read-only disk would.
    mkdirSync(join(dir, `${DATA_FILE}.tmp`));
    store.data.audit.push(entry('lost'));
    const failing = [store.save(), store.save()];
    for (const save of failing) await expect(save).rejects.toThrow();
    rmSync(join(dir, `${DATA_FILE}.tmp`), { recursive: true });

    store.data.audit.push(entry('kept'));
    await Promise.all([store.save(), store.save(), store.save()]);
    expect((await openStore(dir)).data.audit.map((saved) => saved.id)).toEqual(['lost', 'kept']);
  });

  it('refuses to start on a damaged data file with a message saying what to do', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tessera-store-'));
    writeFileSync(join(dir, DATA_FILE), '{"users": [');
    await expect(openStore(dir)).rejects.toThrow(/not valid JSON: restore it from a backup/);
  });
});
