// A database that ends a connection of the site's pool at the worst moment: the request on it fails with 503
// storage_unavailable, and the process lives on (an 'error' event nobody listens to would end it).
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { openPostgresStorage } from '../../demo-site/storage/postgres';
import type { Storage } from '../../demo-site/storage/storage';
import { createDatabase } from '../support/postgres';
import { startHoldingProxy, type HoldingProxy } from './support/holding-proxy';

describe('a PostgreSQL connection lost as it opens', () => {
  let admin: pg.Client;
  let proxy: HoldingProxy;
  let storage: Storage;
  let drop: () => Promise<void>;
  beforeEach(async () => {
    const adminUrl = inject('postgresAdminUrl');
    const database = await createDatabase(adminUrl);
    drop = database.drop;
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    proxy = await startHoldingProxy(Number(new URL(adminUrl).port));
    const url = new URL(database.url);
    url.port = String(proxy.port);
    storage = await openPostgresStorage(url.toString());
  });
  afterEach(async () => {
    await storage.close();
    await proxy.close();
    await admin.end();
    await drop();
  });

  it('fails its request with 503 when "ready" and "terminating connection" arrive in one read, and the site goes on', async () => {
    // A transaction keeps the pool's one open connection, so the read after it opens a new one.
    let finish!: () => void;
    const busy = new Promise<void>((resolve) => (finish = resolve));
    const transaction = storage.transaction(async (tx) => {
      await busy;
      return tx.users.findByEmail('nobody@example.com');
    });

    // The database stops that new connection right after saying it is ready; the site reads both at once.
    proxy.hold = true;
    proxy.onReady = (pid) => void admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await expect(storage.users.findByEmail('someone@example.com')).rejects.toMatchObject({ code: 'storage_unavailable' });

    proxy.hold = false;
    finish();
    expect(await transaction).toBeNull();
    expect(await storage.users.findByEmail('someone@example.com')).toBeNull();
  });
});
