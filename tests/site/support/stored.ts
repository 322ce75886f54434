// What a site has stored, read back the way a new process would find it: the embedded adapter's files on disk (opened
// read-only), or the PostgreSQL database's tables.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStorage } from '../../../demo-site/storage/open-storage';
import { TRANSFER_TABLES, type TransferRows, type TransferTable } from '../../../demo-site/storage/storage';
import type { TestData } from './site';

export type StoredData = { [T in TransferTable]: TransferRows[T][] };

export async function readStored(data: Pick<TestData, 'dataDir' | 'databaseUrl'>): Promise<StoredData> {
  const storage = await openStorage({ dataDir: data.dataDir, databaseUrl: data.databaseUrl }, { readOnly: true });
  try {
    const stored = {} as Record<TransferTable, unknown[]>;
    for (const table of TRANSFER_TABLES) {
      stored[table] = [];
      for await (const batch of storage.transfer.export(table)) stored[table].push(...batch);
    }
    return stored as StoredData;
  } finally {
    await storage.close();
  }
}

/** Everything at rest as text: every stored row, and for the embedded store every file in its data folder. */
export async function readStoredText(data: Pick<TestData, 'dataDir' | 'databaseUrl'>): Promise<string> {
  const files = data.databaseUrl
    ? []
    : (readdirSync(data.dataDir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
        .filter((entry) => entry.isFile())
        .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  return [JSON.stringify(await readStored(data)), ...files].join('\n');
}
