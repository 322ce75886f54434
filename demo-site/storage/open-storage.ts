// DATABASE_URL set: PostgreSQL. Unset: the embedded store in DATA_DIR.
import type { SiteConfig } from '../config';
import { openEmbeddedStorage } from './embedded';
import { openPostgresStorage } from './postgres';
import type { Storage } from './storage';

export function openStorage(config: Pick<SiteConfig, 'dataDir' | 'databaseUrl'>, options: { readOnly?: boolean } = {}): Promise<Storage> {
  return config.databaseUrl ? openPostgresStorage(config.databaseUrl) : openEmbeddedStorage(config.dataDir, options);
}
