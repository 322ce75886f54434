// WORKERS=N: one command, N processes on one port, one database; and the setting refused without PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../demo-site/config';
import { createDatabase } from '../support/postgres';
import { spawnSite } from '../site/support/child-site';
import { Client } from '../site/support/client';
import { CHEAP_ARGON2, PASSWORD } from '../site/support/site';
import { SHARED_SECRET } from './support/cluster';

describe('WORKERS', () => {
  it('serves the site from several processes on one port', async () => {
    const database = await createDatabase(inject('postgresAdminUrl'));
    const dataDir = mkdtempSync(join(tmpdir(), 'tessera-workers-'));
    const site = await spawnSite({ WORKERS: '2', DATABASE_URL: database.url, DATA_DIR: dataDir, TESSERA_SECRET: SHARED_SECRET, MFA_POLICY: 'optional', ...CHEAP_ARGON2 });
    try {
      const replies = await Promise.all(
        Array.from({ length: 12 }, (_, i) => new Client(site.url).post('/api/signup', { email: `w${i}@example.com`, password: PASSWORD, displayName: `W ${i}` })),
      );
      expect(replies.map((reply) => reply.status)).toEqual(Array(12).fill(201));
      const me = new Client(site.url);
      await me.post('/api/signin', { email: 'w3@example.com', password: PASSWORD });
      for (let i = 0; i < 6; i++) expect((await me.get('/api/me')).body.user.email).toBe('w3@example.com');
    } finally {
      site.process.kill('SIGTERM');
      await site.exited;
      rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    }
  }, 240_000);

  it('above 1 needs DATABASE_URL, and says so', () => {
    expect(() => loadConfig({ WORKERS: '2' })).toThrow(/WORKERS above 1 needs DATABASE_URL/);
    expect(loadConfig({ WORKERS: '2', DATABASE_URL: 'postgres://u:p@localhost/t' }).workers).toBe(2);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://localhost/t' })).toThrow(/DATABASE_URL must be a PostgreSQL URL/);
  });
});
