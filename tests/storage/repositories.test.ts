// The repository contract on every adapter: memory (domain tests), embedded (DATA_DIR files), PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createMemoryStorage } from '../../demo-site/storage/memory';
import { openEmbeddedStorage } from '../../demo-site/storage/embedded';
import { openPostgresStorage } from '../../demo-site/storage/postgres';
import { createDatabase } from '../support/postgres';
import { describeRepositoryContract } from './repositories.contract';

describeRepositoryContract('memory', async () => ({ storage: createMemoryStorage(), cleanup: async () => undefined }));

describeRepositoryContract('embedded', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-contract-'));
  const storage = await openEmbeddedStorage(dir);
  return { storage, cleanup: async () => (await storage.close(), rmSync(dir, { recursive: true, force: true })) };
});

describeRepositoryContract('PostgreSQL', async () => {
  const database = await createDatabase(inject('postgresAdminUrl'));
  const storage = await openPostgresStorage(database.url);
  return { storage, cleanup: async () => (await storage.close(), await database.drop()) };
});
