// `DATABASE_URL=postgres://... npm run site:import -- <DATA_DIR>`: copies the embedded store of DATA_DIR into
// PostgreSQL (idempotent) and says what it copied. The site on PostgreSQL must keep the server key: DATA_DIR's
// server.key (or the same TESSERA_SECRET), checked here against both stores before anything is copied.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './errors';
import { assertKeyOpensStore } from './crypto/key-check';
import { loadServerKey, KEY_FILE } from './crypto/server-key';
import { copyStore, type CopyCount } from './import/copy-store';
import { openEmbeddedStorage } from './storage/embedded';
import { DATA_FILE } from './storage/embedded/snapshot';
import { describeDatabaseUrl, openPostgresStorage } from './storage/postgres';

const NAMES: Record<CopyCount['table'], string> = {
  users: 'accounts', backupCodes: 'backup codes', backupRequests: 'backup-code requests', sessions: 'sessions', audit: 'audit entries', tickets: 'tickets',
  linkTokens: 'links sent by email', recoveries: 'recoveries', backupDeliveries: 'backup-code deliveries', devices: 'device cookies', mail: 'mail messages',
  signingKeys: 'token signing keys', refreshFamilies: 'app sign-ins (refresh-token families)', refreshTokens: 'refresh tokens',
};

function usage(message: string): never {
  throw new ConfigError(`${message}\nUsage: DATABASE_URL=postgres://user:password@host:5432/tessera npm run site:import -- <DATA_DIR>`);
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = process.argv[2];
  if (!databaseUrl) usage('Set DATABASE_URL to the PostgreSQL database to copy into.');
  if (!dataDir) usage('Name the data folder to copy from.');
  if (!existsSync(join(dataDir, DATA_FILE))) usage(`There is no ${DATA_FILE} in ${dataDir}: name the folder the site used as DATA_DIR.`);
  const secret = process.env.TESSERA_SECRET;
  if (!secret && !existsSync(join(dataDir, KEY_FILE))) {
    usage(`There is no ${KEY_FILE} in ${dataDir}: set TESSERA_SECRET to the value the site ran with, so the TOTP secrets can be checked.`);
  }
  const key = loadServerKey(dataDir, secret);
  const source = await openEmbeddedStorage(dataDir, { readOnly: true });
  const target = await openPostgresStorage(databaseUrl).catch(async (error) => {
    await source.close();
    throw error;
  });
  try {
    await assertKeyOpensStore(key, source);
    await assertKeyOpensStore(key, target);
    console.log(`Copying the data folder ${dataDir} into PostgreSQL at ${describeDatabaseUrl(databaseUrl)}...`);
    const counts = await copyStore(source, target);
    for (const { table, read, added } of counts) {
      const kept = read - added;
      console.log(`  ${NAMES[table]}: ${read} read, ${added} copied${kept > 0 ? `, ${kept} already there (or of an account that was)` : ''}`);
    }
    const keyHint = secret ? 'the same TESSERA_SECRET' : `the server key: copy ${join(dataDir, KEY_FILE)} into the new DATA_DIR, or keep DATA_DIR`;
    console.log(`Done. Start the site with DATABASE_URL set and ${keyHint}; without it no enrolled account can sign in.`);
  } finally {
    await source.close();
    await target.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
