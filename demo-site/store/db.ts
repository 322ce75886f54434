// The store: one lowdb JSON file in the data folder. Callers mutate `data` synchronously, then await `save()`
// before answering, so every acknowledged change is on disk.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile } from './durable-file';
import { emptyData, type SiteData } from './schema';

export interface Store {
  readonly data: SiteData;
  save(): Promise<void>;
}

export const DATA_FILE = 'tessera-site.json';

export async function openStore(dataDir: string): Promise<Store> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Low<SiteData>(new DurableJsonFile<SiteData>(join(dataDir, DATA_FILE)), emptyData());
  await db.read();
  // Files written by an older version may lack newer collections.
  db.data = { ...emptyData(), ...db.data };
  return {
    get data() {
      return db.data;
    },
    save: () => db.write(),
  };
}
